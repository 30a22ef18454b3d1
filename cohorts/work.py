"""Work that people made in a cohort, counted by the apps that hold it.

Cohorts sits below the apps where people make things in a cohort (reports: teach-back
reports, drafts, comments), so it must not name their models or fields. Instead each such app
registers counters here from its AppConfig.ready(), and cohorts asks for the totals without
knowing what they count:

- the member-removal page says how much of a person's work stays (`of_member`);
- a cohort holding anyone's work cannot be deleted (`in_cohort`, read by
  cohorts.selectors.cohort_work for cohorts.permissions.can_delete_cohort).

A counter takes one keyword argument (`membership=` or `cohort=`) and returns {kind: count}.
The kinds are the registering app's own words ("reports", "drafts", "comments"); templates
show them by name. With nothing registered there is no such work, and every cohort may go.
"""

from collections.abc import Callable, Mapping

Counter = Callable[..., Mapping[str, int]]

_of_member: dict[str, Counter] = {}
_in_cohort: dict[str, Counter] = {}


def register(*, name: str, of_member: Counter, in_cohort: Counter) -> None:
    """Count one app's work per member and per cohort. Registering a name again replaces its
    counters, so a ready() that runs twice counts nothing twice."""
    _of_member[name] = of_member
    _in_cohort[name] = in_cohort


def of_member(*, membership) -> dict[str, int]:
    """What one member made in their cohort, by kind, from every registered counter."""
    totals: dict[str, int] = {}
    for counter in _of_member.values():
        totals.update(counter(membership=membership))
    return totals


def in_cohort(*, cohort) -> dict[str, int]:
    """What all members made in a cohort, by kind, from every registered counter."""
    totals: dict[str, int] = {}
    for counter in _in_cohort.values():
        totals.update(counter(cohort=cohort))
    return totals
