"""Learner and trainer pages for cohorts: join, learner home, cohort page and CSV export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from accounts.adapter import JOIN_ON_CONFIRMATION_SESSION_KEY, PENDING_JOIN_SESSION_KEY
from accounts.permissions import has_confirmed_email
from caching import generations
from cohorts import selectors, services
from cohorts.csv_export import cohort_csv_rows
from cohorts.models import Cohort, Membership
from cohorts.permissions import can_manage_cohort, cohorts_managed_by, cohorts_visible_to

JOIN_GUESS_RATE = "20/h"  # unknown codes per address and per person; nobody mistypes 20 an hour


def _guessing_codes(request, *, increment: bool) -> bool:
    """Too many unknown join codes from this address or this person (a script guessing)."""
    keys = ["ip"] + (["user"] if request.user.is_authenticated else [])
    return any([  # a list, so every key is counted
        is_ratelimited(request, group=f"join-guess-{key}", key=key, rate=JOIN_GUESS_RATE,
                       increment=increment)
        for key in keys
    ])


@require_http_methods(["GET", "POST"])
def join(request, code):
    """An invite link: sign up or log in, confirm the address, and become a learner.

    A signed-in person whose address is unconfirmed is asked to confirm it first; the link in
    their email brings them back here and they join without another click.
    """
    if _guessing_codes(request, increment=False):
        return TemplateResponse(request, "429.html", status=429)
    try:
        cohort = services.cohort_for_code(code)
    except Cohort.DoesNotExist:
        _guessing_codes(request, increment=True)
        return TemplateResponse(request, "cohorts/join_unknown.html", status=404)
    context = {"cohort": cohort, "code": cohort.join_code}
    if not request.user.is_authenticated:
        request.session[PENDING_JOIN_SESSION_KEY] = cohort.join_code
        return TemplateResponse(request, "cohorts/join.html", context)
    membership = Membership.objects.filter(cohort=cohort, user=request.user).first()
    if membership is None and not has_confirmed_email(request.user):
        request.session[PENDING_JOIN_SESSION_KEY] = cohort.join_code
        request.session[JOIN_ON_CONFIRMATION_SESSION_KEY] = cohort.join_code
        context["waiting_for_confirmation"] = True
        status = 409 if request.method == "POST" else 200
        return TemplateResponse(request, "cohorts/join.html", context, status=status)
    request.session.pop(PENDING_JOIN_SESSION_KEY, None)
    asked_to_join = request.session.pop(JOIN_ON_CONFIRMATION_SESSION_KEY, None) == cohort.join_code
    if request.method == "POST" or (asked_to_join and membership is None):
        try:
            services.join_cohort(code=cohort.join_code, user=request.user)
        except services.JoinRefused as refusal:
            context["refusal"] = str(refusal)
            return TemplateResponse(request, "cohorts/join.html", context, status=409)
        except Cohort.DoesNotExist:
            return TemplateResponse(request, "cohorts/join_unknown.html", status=404)
        if membership is None:
            messages.success(request, f"Welcome to {cohort.name}! Your course is below.")
        return redirect("my_home")
    context["membership"] = membership
    return TemplateResponse(request, "cohorts/join.html", context)


@login_required
def my_home(request):
    """The learner home: each cohort's course, progress, next module and teach-back due date."""
    return TemplateResponse(
        request, "cohorts/my_home.html", {"rows": selectors.learner_home(user=request.user)}
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
        return TemplateResponse(request, "cohorts/cohort_trainer.html", context)
    context = {
        "cohort": cohort,
        "peers": Membership.objects.current().filter(cohort=cohort).select_related("user"),
        "progress": selectors.learner_home(user=request.user),
    }
    context["mine"] = next((r for r in context["progress"] if r["cohort"].pk == cohort.pk), None)
    return TemplateResponse(request, "cohorts/cohort_learner.html", context)


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
