"""Read and raise generations (see caching.models), and cache by them.

    token = current("content", cohort_generation(cohort))   # one query
    figures = cached(f"impact:{cohort.pk}", token, lambda: compute(...))

Writers raise generations from signals in each app, when their transaction commits.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import F

from caching.models import Generation

CONTENT = "content"  # every published page, principle, image and privacy setting
TIMEOUT = 60 * 60 * 24  # unreachable fragments age out; current ones are rebuilt after a day


def cohort_generation(cohort_or_id) -> str:
    return f"cohort:{getattr(cohort_or_id, 'pk', cohort_or_id)}"


def current(*names: str) -> str:
    """A token of the named generations' values, to put in cache keys (one query)."""
    values = dict(Generation.objects.filter(name__in=names).values_list("name", "value"))
    return ".".join(f"{name}={values.get(name, 0)}" for name in sorted(names))


def bump(*names: str) -> None:
    """Raise the named generations: every fragment cached under their old values is gone.

    Inside a transaction the raise waits for the commit, and all of a transaction's raises go
    in one write: a reader may meanwhile cache the new data under the old generation, which
    is harmless, but never the old data under the new one.
    """
    if not names:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _raise(set(names))
        return
    pending = getattr(connection, PENDING, None)
    if pending is None or not any(func is _flush for _, func, _ in connection.run_on_commit):
        pending = set()  # first raise of this transaction, or an earlier one rolled back
        setattr(connection, PENDING, pending)
        transaction.on_commit(_flush)
    pending.update(names)


PENDING = "ripple_pending_generations"


def _flush() -> None:
    connection = transaction.get_connection()
    _raise(getattr(connection, PENDING, None) or set())
    setattr(connection, PENDING, None)


def _raise(names: set[str]) -> None:
    if not names:
        return
    names = sorted(names)
    Generation.objects.bulk_create([Generation(name=name) for name in names], ignore_conflicts=True)
    Generation.objects.filter(name__in=names).update(value=F("value") + 1)


def cached(key: str, token: str, build, timeout: int = TIMEOUT):
    """The value cached under `key` at these generations, built (and stored) when missing."""
    full_key = f"ripple:{key}:{token}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout)
    return value
