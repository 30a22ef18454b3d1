"""Pages that read across apps: the learner home, the cohort page and the cohort's CSV."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify

from caching import generations
from cohorts.permissions import can_manage_cohort, cohorts_managed_by, cohorts_visible_to
from cohorts.selectors import members_of
from dashboard import selectors
from dashboard.csv_export import cohort_csv_rows


@login_required
def my_home(request):
    """The learner home: each cohort's course, progress, next module and teach-back due date."""
    return TemplateResponse(
        request, "dashboard/my_home.html", {"rows": selectors.learner_home(user=request.user)}
    )


@login_required
def cohort_detail(request, pk):
    """Trainers see the roster and progress matrix; learners see the cohort and their peers."""
    cohort = get_object_or_404(
        cohorts_visible_to(request.user).select_related("course", "organisation"), pk=pk
    )
    if can_manage_cohort(request.user, cohort):
        # The matrix is cached per generation of the course content and the cohort, and only
        # built (lazily, in the template) when that fragment is not cached yet.
        context = {
            "cohort": cohort,
            "generation": generations.of_cohort(cohort),
            "progress": SimpleLazyObject(lambda: selectors.cohort_progress(cohort=cohort)),
        }
        return TemplateResponse(request, "dashboard/cohort_trainer.html", context)
    context = {
        "cohort": cohort,
        "peers": members_of(cohort=cohort),
        "progress": selectors.learner_home(user=request.user),
    }
    context["mine"] = next((r for r in context["progress"] if r["cohort"].pk == cohort.pk), None)
    return TemplateResponse(request, "dashboard/cohort_learner.html", context)


@login_required
def cohort_export(request, pk):
    """CSV of the roster and progress, for the cohort's trainers; streamed."""
    cohort = cohorts_managed_by(request.user).filter(pk=pk).first()
    if cohort is None:
        raise Http404("No cohort you train has this number.")
    response = StreamingHttpResponse(
        cohort_csv_rows(cohort=cohort), content_type="text/csv; charset=utf-8"
    )
    filename = f"{slugify(cohort.name) or 'cohort'}-progress.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
