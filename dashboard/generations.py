"""Which change raises which generation, and what is cached under it: the one list.

caching.generations is the mechanism (names, tokens, bump, cached); this module is the policy.
It names models of every app, so it sits at the top layer; DashboardConfig.ready() connects
it. Everything cached is HTML or plain values, never a page, and every cache decision is taken
by a view or a template, which keys it on the generations it is made from.

generation  covers                  raised by (RAISES below)        cached under it
----------  ----------------------  ------------------------------  ---------------------------
content     all that readers see    a page published, unpublished,  ripple:course-modules
            published: pages,       moved or deleted; a page        (CoursePage.serve: the module
            their privacy,          privacy setting (or its         list, ModuleSummary values);
            principles, images,     groups), a principle, an image  ripple:module-sections
            sites                   or a site saved or deleted      (ModulePage.module: block
                                                                    HTML); ripple:book-fingerprint
                                                                    (CourseBookPage.pdf); and,
                                                                    with cohort:N, the fragments
                                                                    below
cohort:N    what cohort N's pages   cohort N saved or deleted; its  fragments (HTML), keyed on
            show: the cohort, its   organisation saved; one of its  caching.generations.of_cohort:
            organisation, members,  memberships saved or deleted;   cohort-trainer-page
            their names, progress,  a member's progress saved or    (dashboard/cohort_trainer.html);
            reports and pulse       deleted; a member saved (not    cohort-impact
            answers                 just a login or a password); a  (reports/impact.html);
                                    report filed in it saved or     cohort-pulse (reports/includes/
                                    deleted; a pulse of it saved    impact_pulse_cached.html, also
                                    (answered) or deleted           keyed on the day);
                                                                    report-card-2
                                                                    (reports/feed.html; its key
                                                                    also carries the card's
                                                                    comment and appreciation
                                                                    counts); and, with
                                                                    organisation:M, the fragment
                                                                    below
organisation:M  what organisation   organisation M saved; one of    organisation-impact
            M's own records show:   its customer-results imports    (reports/admin/organisation
            its customer results    made, undone or deleted         .html), keyed on caching.
                                                                    generations.of_organisation:
                                                                    M's, each of its cohorts'
                                                                    (their list too) and content,
                                                                    and on the day

To cache something new: key it on the generations of what it is made from, and add it to the
last column. To make a new kind of change show: add a line to RAISES.

A raise is a write in the changer's transaction (caching.generations.bump): a change that rolls
back raises nothing. Comments and appreciations raise nothing (the cards' keys carry their
counts); a report's modules and principles are only set with its save, whose raise covers them.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from caching import generations
from cohorts.models import Cohort, Membership, Organisation
from courses.models import ModuleProgress, Principle
from outcomes.models import CustomerImport
from pulse.models import Pulse
from reports.models import TeachBackReport

CONTENT = [generations.CONTENT]
QUIET_USER_FIELDS = {"last_login", "password"}  # saved at every sign-in: shown nowhere


def cohorts(*cohort_ids) -> list[str]:
    return [generations.cohort_generation(pk) for pk in cohort_ids]


def cohorts_of_user(user_id) -> list[str]:
    return cohorts(*Membership.objects.filter(user_id=user_id).values_list("cohort_id", flat=True))


# Each function answers: which generations does this change raise?


def content(**kwargs):
    return CONTENT


def deleted_page(instance, **kwargs):
    return CONTENT if isinstance(instance, Page) else []


def the_cohort(instance, **kwargs):
    return cohorts(instance.pk)


def the_organisation_and_its_cohorts(instance, **kwargs):
    return [
        generations.organisation_generation(instance),
        *cohorts(*Cohort.objects.filter(organisation=instance).values_list("pk", flat=True)),
    ]


def organisation_of_import(instance, **kwargs):
    return [generations.organisation_generation(instance.organisation_id)]


def cohort_of_pulse(instance, **kwargs):
    return cohorts(instance.cohort_id)


def cohort_of_membership(instance, **kwargs):
    return cohorts(instance.cohort_id)


def cohorts_of_learner(instance, **kwargs):
    return cohorts_of_user(instance.user_id)


def cohorts_of_person(instance, created=False, update_fields=None, **kwargs):
    if created or (update_fields and set(update_fields) <= QUIET_USER_FIELDS):
        return []
    return cohorts_of_user(instance.pk)


def cohort_of_report(instance, **kwargs):
    # Read through the author: no query when the writer loaded it (reports.services does).
    return cohorts(instance.author.cohort_id)


SAVED_OR_DELETED = (post_save, post_delete)
# (signal, sender or None for any, which generations): every change that raises one.
RAISES = [
    *((signal, None, content) for signal in (page_published, page_unpublished, post_page_move)),
    (post_delete, None, deleted_page),
    *((signal, model, content) for signal in SAVED_OR_DELETED
      for model in (PageViewRestriction, Principle, get_image_model(), Site)),
    (m2m_changed, PageViewRestriction.groups.through, content),
    *((signal, Cohort, the_cohort) for signal in SAVED_OR_DELETED),
    (post_save, Organisation, the_organisation_and_its_cohorts),
    *((signal, CustomerImport, organisation_of_import) for signal in SAVED_OR_DELETED),
    *((signal, Membership, cohort_of_membership) for signal in SAVED_OR_DELETED),
    *((signal, ModuleProgress, cohorts_of_learner) for signal in SAVED_OR_DELETED),
    (post_save, get_user_model(), cohorts_of_person),
    *((signal, TeachBackReport, cohort_of_report) for signal in SAVED_OR_DELETED),
    *((signal, Pulse, cohort_of_pulse) for signal in SAVED_OR_DELETED),
]


def _receiver(raised):
    def receive(sender, **kwargs):
        generations.bump(*raised(**kwargs))

    return receive


def connect():
    """Connect every line of RAISES (called from DashboardConfig.ready())."""
    for n, (signal, sender, raised) in enumerate(RAISES):
        signal.connect(
            _receiver(raised), sender=sender, weak=False, dispatch_uid=f"generations-{n}"
        )
