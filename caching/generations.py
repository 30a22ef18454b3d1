"""Read and raise generations (see caching.models), and cache by them.

    token = current("content", cohort_generation(cohort))   # one query
    figures = cached(f"impact:{cohort.pk}", token, lambda: compute(...))

This is the mechanism: generation names, tokens, bump and cached. Which change raises which
generation, and what is cached under each, is listed in one place: dashboard.generations.
Only views and templates cache, and only HTML or plain values, never a page.
"""

import secrets

from django.core.cache import cache
from django.utils import translation

from caching.models import Generation

CONTENT = "content"  # every published page, principle, image and privacy setting
TIMEOUT = 60 * 60 * 24  # unreachable fragments age out; current ones are rebuilt after a day


def cohort_generation(cohort_or_id) -> str:
    return f"cohort:{getattr(cohort_or_id, 'pk', cohort_or_id)}"


def organisation_generation(organisation_or_id) -> str:
    return f"organisation:{getattr(organisation_or_id, 'pk', organisation_or_id)}"


def current(*names: str) -> str:
    """A token of the named generations' values, to put in cache keys (one query)."""
    values = dict(Generation.objects.filter(name__in=names).values_list("name", "value"))
    return ".".join(f"{name}={values.get(name, 0)}" for name in sorted(names))


def of_cohort(cohort) -> str:
    """The token for what a cohort's pages show: its own data and the course content."""
    return current(CONTENT, cohort_generation(cohort))


def of_organisation(organisation, *, cohort_ids) -> str:
    """The token for what an organisation's impact page shows: the organisation's own data
    (its customer results), each of its cohorts' (`cohort_ids`: all of them, so a cohort
    added or moved away changes the token too) and the course content (one query)."""
    return current(
        CONTENT,
        organisation_generation(organisation),
        *(cohort_generation(pk) for pk in cohort_ids),
    )


def bump(*names: str) -> None:
    """Give the named generations new values: every fragment cached under the old ones is
    unreachable. One upsert; inside the writer's transaction, so a reader sees the new value
    only with the new data (at worst it caches new data under the old value: harmless)."""
    names = sorted(set(names))
    if not names:
        return
    Generation.objects.bulk_create(
        [Generation(name=name, value=secrets.randbits(62)) for name in names],
        update_conflicts=True,
        unique_fields=["name"],
        update_fields=["value"],
    )


def cached(key: str, token: str, build, timeout: int = TIMEOUT):
    """The value cached under `key` at these generations, built (and stored) when missing.

    Each interface language has its own copy: what `build` renders may hold translated text."""
    full_key = f"ripple:{key}:{token}:{translation.get_language() or '-'}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout)
    return value
