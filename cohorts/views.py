"""The join link of a cohort. The learner home and the cohort page, which read across apps,
are in dashboard.views."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from accounts import return_to
from accounts.permissions import has_confirmed_email
from cohorts import services
from cohorts.models import Cohort, Membership

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
        return_to.remember(request, cohort.join_path)
        return TemplateResponse(request, "cohorts/join.html", context)
    membership = Membership.objects.filter(cohort=cohort, user=request.user).first()
    if membership is None and not has_confirmed_email(request.user):
        return_to.remember(request, cohort.join_path)
        return_to.note_asked_for(request, cohort.join_path)
        context["waiting_for_confirmation"] = True
        status = 409 if request.method == "POST" else 200
        return TemplateResponse(request, "cohorts/join.html", context, status=status)
    return_to.forget(request)
    asked_to_join = return_to.take_asked_for(request) == cohort.join_path
    if request.method == "POST" or (asked_to_join and membership is None):
        try:
            services.join_cohort(code=cohort.join_code, user=request.user)
        except services.JoinRefused as refusal:
            context["refusal"] = str(refusal)
            return TemplateResponse(request, "cohorts/join.html", context, status=409)
        except Cohort.DoesNotExist:
            return TemplateResponse(request, "cohorts/join_unknown.html", status=404)
        if membership is None:
            messages.success(
                request, _("Welcome to %(cohort)s! Your course is below.") % {"cohort": cohort.name}
            )
        return redirect("my_home")
    context["membership"] = membership
    return TemplateResponse(request, "cohorts/join.html", context)
