"""When each pulse stage is due and when its window closes, from a cohort's dates alone.

A person's pulse is answerable from its due date for WINDOW days, or until the person's next
pulse is due if sooner. A cohort's stage also has one *cut-off* that depends only on the
cohort's dates: no pulse of that stage is answerable from then on, and only from then on do
its answers count in a figure (pulse.selectors). So a published figure is final: it never
moves when one more person answers, and watching it over time reveals nobody.

- baseline: due when the person joins; cut-off 21 days after the cohort starts (someone who
  joins later is not asked: their answer could never count);
- after the course: due when the person completes the cohort's last module; cut-off 21 days
  after the cohort ends (a cohort without an end date publishes no after-course figure);
- 30, 60 and 90 days after the cohort ends: due then; cut-off 21 days later, or the next
  stage's due date if sooner.
"""

from datetime import date, timedelta

from pulse.models import Stage

WINDOW = timedelta(days=21)
REMINDER_GAP = timedelta(days=7)
DAYS_AFTER_END = {Stage.DAY_30: 30, Stage.DAY_60: 60, Stage.DAY_90: 90}
STAGES = list(Stage)


def cohort_due_on(cohort, stage) -> date | None:
    """The due date of a stage that is the same for the whole cohort (30/60/90 days after it
    ends); None for stages due per person, or when the cohort has no end date."""
    if stage in DAYS_AFTER_END and cohort.ends_on:
        return cohort.ends_on + timedelta(days=DAYS_AFTER_END[stage])
    return None


def cut_off(cohort, stage) -> date | None:
    """The first day no pulse of this stage can be answered in this cohort, and the first day
    its figure may be published. None: never (the cohort has no end date yet)."""
    if stage == Stage.BASELINE:
        return cohort.starts_on + WINDOW
    if not cohort.ends_on:
        return None
    if stage == Stage.AFTER_COURSE:
        return cohort.ends_on + WINDOW
    due = cohort_due_on(cohort, stage)
    later = STAGES[STAGES.index(stage) + 1 :]
    next_due = cohort_due_on(cohort, later[0]) if later else None
    return min(due + WINDOW, next_due) if next_due else due + WINDOW


def closes_on(cohort, stage, due: date) -> date | None:
    """When a pulse of this stage due on `due` stops being answerable; None when it could not
    be answered at all (due on or after the cohort's cut-off), so it is not asked."""
    last = cut_off(cohort, stage)
    if last is None:
        # No end date yet: asked for WINDOW days, never counted until the cohort gets one.
        return due + WINDOW
    closes = min(due + WINDOW, last)
    return closes if closes > due else None


def is_published(cohort, stage, *, today: date) -> bool:
    """Whether the cohort's window for this stage has closed, so its answers may count."""
    last = cut_off(cohort, stage)
    return last is not None and today >= last


def anchor_month(cohort, stage) -> date | None:
    """The month a cohort's stage was measured in (first day), for monthly series: the month
    it started (baseline), ended (after the course) or ended + 30/60/90 days."""
    if stage == Stage.BASELINE:
        anchor = cohort.starts_on
    elif stage == Stage.AFTER_COURSE:
        anchor = cohort.ends_on
    else:
        anchor = cohort_due_on(cohort, stage)
    return anchor.replace(day=1) if anchor else None
