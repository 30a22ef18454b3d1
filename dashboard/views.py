"""Pages that read across apps: the learner home, the trainer home, the invite-code box, the
cohort page and the cohort's CSV."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from caching import generations
from cohorts.permissions import can_manage_cohort, cohorts_managed_by, cohorts_visible_to
from cohorts.selectors import members_of
from dashboard import selectors
from dashboard.csv_export import cohort_csv_rows
from dashboard.forms import JoinCodeForm
from dashboard.permissions import can_see_trainer_home
from pulse.selectors import open_pulses_for


@login_required
def my_home(request):
    """The learner home: a card for each engagement pulse waiting for an answer; each cohort's
    course, progress, next module and teach-back due date; the cohorts the person trains lead
    to the trainer home; a box takes an invite code."""
    has_trainer_home = can_see_trainer_home(request.user)
    context = {
        "rows": selectors.learner_home(user=request.user),
        # Only someone with a trainer home runs cohorts: a learner's page skips the query.
        "teaching": selectors.cohorts_trained_by(user=request.user) if has_trainer_home else [],
        "has_trainer_home": has_trainer_home,
        "pulses": open_pulses_for(user=request.user),
    }
    return TemplateResponse(request, "dashboard/my_home.html", context)


@login_required
def trainer_home(request):
    """The trainer home: cohorts with progress at a glance and invite links, reports waiting
    for feedback, changes waiting for review; admins also see every organisation."""
    if not can_see_trainer_home(request.user):
        raise PermissionDenied("The trainer home is for people who run cohorts.")
    context = selectors.trainer_home(user=request.user)
    return TemplateResponse(request, "dashboard/trainer_home.html", context)


@require_http_methods(["GET", "POST"])
def enter_join_code(request):
    """The invite-code box: a typed code (any case, spaces, dashes) goes to its join link,
    which says what an unknown code means and limits guessing. Empty or no letters at all:
    the box again, with a message beside it."""
    data = request.POST if request.method == "POST" else request.GET
    form = JoinCodeForm(data if "code" in data else None)
    if form.is_valid():
        return redirect("join_cohort", code=form.cleaned_data["code"])
    status = 400 if form.is_bound else 200
    return TemplateResponse(
        request, "dashboard/enter_join_code.html", {"join_code_form": form}, status=status
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
