"""Pages for filing, reading and discussing teach-back reports. Thin: check, call, render."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from caching import generations
from cohorts.models import Cohort
from cohorts.permissions import cohorts_visible_to
from reports import selectors, services
from reports.forms import CommentForm, FeedbackForm, FeedFilterForm, ReportForm
from reports.models import Appreciation, Comment
from reports.permissions import (
    can_appreciate,
    can_comment_on,
    can_edit_comment,
    can_edit_report,
    can_file_report,
    can_moderate_report,
    can_see_cohort_impact,
    is_shared_with_cohort,
    membership_for_filing,
    reports_visible_to,
)

RATE = "30/h"
RATE_MESSAGE = _("You have posted a lot in the last hour. Please wait a while and try again.")
# Per person, against scripts; far above what anyone does by hand.
EDIT_RATE = "30/10m"
EDIT_RATE_MESSAGE = _(
    "You have saved reports many times in the last few minutes, so this change was not saved. "
    "Your text is still below: please wait a few minutes and save again."
)
APPRECIATION_RATE = "60/10m"
APPRECIATION_RATE_MESSAGE = _(
    "You have appreciated reports many times in the last few minutes, so nothing changed. "
    "Please wait a few minutes and try again."
)
CANNOT_APPRECIATE = _(
    "Appreciation is for other people's submitted reports, so nothing changed: "
    "you can't appreciate your own."
)


def _visible_cohort(request, cohort_pk) -> Cohort:
    return get_object_or_404(
        cohorts_visible_to(request.user).select_related("course"), pk=cohort_pk
    )


def _visible_report(request, pk):
    return get_object_or_404(
        reports_visible_to(request.user).select_related(
            "author__user", "author__cohort__course", "feedback_by"
        ),
        pk=pk,
    )


@login_required
def feed(request, cohort_pk):
    """The cohort's submitted reports, newest first, filterable by setting and principle."""
    cohort = _visible_cohort(request, cohort_pk)
    filters = FeedFilterForm(request.GET)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    reports = selectors.feed_reports(
        user=request.user,
        cohort=cohort,
        setting=chosen.get("setting", ""),
        principle=chosen.get("principle"),
    )
    page = Paginator(reports, 20).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "reports/feed.html",
        {
            "cohort": cohort,
            "filters": filters,
            "page_obj": page,
            # Report cards are cached per report, its counts and these generations.
            "generation": generations.of_cohort(cohort),
            "drafts": selectors.own_drafts(user=request.user, cohort=cohort),
            "can_file": can_file_report(request.user, cohort),
            "is_trainer": can_see_cohort_impact(request.user, cohort),
        },
    )


def _report_url(report_id, fragment: str) -> str:
    """A report's page, scrolled to one of its parts (comments, one comment, feedback...)."""
    return f"{reverse('report_detail', kwargs={'pk': report_id})}#{fragment}"


def _save(request, form, membership, *, report=None, token_on_refusal):
    """Save a valid form's data and redirect to the report; None when the service refuses (the
    reason is on the form, which will post `token_on_refusal` next time)."""
    submit = request.POST.get("action") == "submit"
    try:
        report = services.save_report(
            membership=membership, data=form.cleaned_data, submit=submit, report=report
        )
    except ValidationError as error:
        form.add_error(None, error)
        form.reissue_token(token_on_refusal)
        return None
    if submit:
        messages.success(request, _("Thank you — your report is shared."))
    else:
        messages.info(request, _("Draft saved. Only you can see it until you submit it."))
    return redirect("report_detail", pk=report.pk)


@login_required
@ratelimit(key="user", rate=RATE, method="POST", block=False, group="reports")
@require_http_methods(["GET", "POST"])
def new_report(request, cohort_pk):
    """File a report: save a draft at any time, or submit it to the cohort."""
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=cohort_pk)
    if not can_file_report(request.user, cohort):
        raise PermissionDenied(_("Only members of this cohort can file reports in it."))
    form = ReportForm(request.POST or None, cohort=cohort)
    return _report_form_page(
        request, form, cohort=cohort, rate_message=RATE_MESSAGE,
        save=lambda: _save(
            request, form, membership_for_filing(request.user, cohort),
            token_on_refusal=uuid.uuid4(),
        ),
    )


def _report_form_page(request, form, *, cohort, rate_message, save, report=None):
    """The report form, filing or editing: over the rate limit, refused (400), or saved
    (`save()` gives the redirect, or None when the service refused)."""
    status = 200
    if request.method == "POST":
        if getattr(request, "limited", False):
            form.add_error(None, rate_message)
            status = 429
        elif form.is_valid() and (saved := save()):
            return saved
        else:
            status = 400
    context = {"cohort": cohort, "form": form, **({"report": report} if report else {})}
    return TemplateResponse(request, "reports/report_form.html", context, status=status)


@login_required
@ratelimit(key="user", rate=EDIT_RATE, method="POST", block=False, group="report-edits")
@require_http_methods(["GET", "POST"])
def edit_report(request, pk):
    """Change a report: only its author, a draft or a submitted one."""
    report = _visible_report(request, pk)
    if not can_edit_report(request.user, report):
        raise PermissionDenied(_("Only the author can change a report."))
    cohort = report.author.cohort
    form = ReportForm(
        request.POST or None,
        instance=report,
        cohort=cohort,
        initial={"form_token": report.form_token},
    )
    return _report_form_page(
        request, form, cohort=cohort, rate_message=EDIT_RATE_MESSAGE, report=report,
        save=lambda: _save(
            request, form, report.author, report=report, token_on_refusal=report.form_token
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete_report(request, pk):
    report = _visible_report(request, pk)
    if not can_edit_report(request.user, report):
        raise PermissionDenied(_("Only the author can delete a report."))
    if request.method == "POST":
        cohort_pk = report.author.cohort_id
        services.delete_report(report=report)
        messages.info(request, _("Your report is deleted."))
        return redirect("report_feed", cohort_pk=cohort_pk)
    return TemplateResponse(request, "reports/report_confirm_delete.html", {"report": report})


def _detail(
    request, report, *, comment_form=None, feedback_form=None, appreciation_error="", status=200
):
    moderator = can_moderate_report(request.user, report)
    comments = report.comments.select_related("author")
    return TemplateResponse(
        request,
        "reports/report_detail.html",
        {
            "report": report,
            "cohort": report.author.cohort,
            "principles": report.principles.all(),
            "modules": report.modules.all(),
            "comments": comments,
            "comment_form": comment_form or CommentForm(),
            "can_comment": can_comment_on(request.user, report),
            "can_edit": can_edit_report(request.user, report),
            "is_moderator": moderator,
            "feedback_form": (
                feedback_form
                or FeedbackForm(
                    initial={
                        "trainer_feedback": report.trainer_feedback,
                        "share_at_next_session": report.share_at_next_session,
                    }
                )
            )
            if moderator
            else None,
            "can_appreciate": can_appreciate(request.user, report),
            "appreciation_error": appreciation_error,
            "shared_with_cohort": is_shared_with_cohort(report),
            "appreciation_count": report.appreciations.count(),
            "appreciated": Appreciation.objects.filter(report=report, user=request.user).exists(),
        },
        status=status,
    )


@login_required
def report_detail(request, pk):
    return _detail(request, _visible_report(request, pk))


@login_required
@ratelimit(key="user", rate=RATE, method="POST", block=False, group="comments")
@require_POST
def add_comment(request, pk):
    report = _visible_report(request, pk)
    if not can_comment_on(request.user, report):
        raise PermissionDenied(_("Comments open once a report is submitted."))
    form = CommentForm(request.POST)
    if getattr(request, "limited", False):
        form.add_error(None, RATE_MESSAGE)
        return _detail(request, report, comment_form=form, status=429)
    if not form.is_valid():
        return _detail(request, report, comment_form=form, status=400)
    services.add_comment(report=report, author=request.user, body=form.cleaned_data["body"])
    return redirect(_report_url(report.pk, "comments"))


def _own_comment(request, pk) -> Comment:
    """A comment on a report this person may read (404 otherwise, like the report itself)."""
    return get_object_or_404(
        Comment.objects.select_related("report__author"),
        pk=pk,
        report__in=reports_visible_to(request.user),
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_comment(request, pk):
    comment = _own_comment(request, pk)
    if not can_edit_comment(request.user, comment):
        raise PermissionDenied(_("Only its author can change a comment."))
    form = CommentForm(request.POST or None, instance=comment)
    if request.method == "POST" and form.is_valid():
        services.edit_comment(comment=comment, body=form.cleaned_data["body"])
        return redirect(_report_url(comment.report_id, f"comment-{comment.pk}"))
    return TemplateResponse(
        request,
        "reports/comment_edit.html",
        {"form": form, "comment": comment},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def delete_comment(request, pk):
    comment = _own_comment(request, pk)
    if not can_edit_comment(request.user, comment):
        raise PermissionDenied(_("Only its author can delete a comment."))
    services.delete_comment(comment=comment)
    return redirect(_report_url(comment.report_id, "comments"))


@login_required
@require_POST
def hide_comment(request, pk):
    comment = _own_comment(request, pk)
    if not can_moderate_report(request.user, comment.report):
        raise PermissionDenied(_("Only the cohort's trainers can hide comments."))
    services.set_comment_hidden(comment=comment, hidden=not comment.hidden)
    return redirect(_report_url(comment.report_id, f"comment-{comment.pk}"))


@login_required
@ratelimit(key="user", rate=APPRECIATION_RATE, method="POST", block=False, group="appreciations")
@require_POST
def appreciate(request, pk):
    report = _visible_report(request, pk)
    if not can_appreciate(request.user, report):
        messages.error(request, CANNOT_APPRECIATE)
        return redirect(_report_url(report.pk, "appreciate"))
    if getattr(request, "limited", False):
        return _detail(request, report, appreciation_error=APPRECIATION_RATE_MESSAGE, status=429)
    services.toggle_appreciation(report=report, user=request.user)
    return redirect(_report_url(report.pk, "appreciate"))


@login_required
@require_POST
def feedback(request, pk):
    report = _visible_report(request, pk)
    if not can_moderate_report(request.user, report):
        raise PermissionDenied(_("Only the cohort's trainers give feedback."))
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return _detail(request, report, feedback_form=form, status=400)
    services.give_feedback(
        report=report,
        trainer=request.user,
        feedback=form.cleaned_data["trainer_feedback"],
        share=form.cleaned_data["share_at_next_session"],
    )
    messages.success(request, _("Feedback saved."))
    return redirect(_report_url(report.pk, "feedback"))


@login_required
def report_back(request, cohort_pk):
    """Large type, one report per screen, for running the peer report-back session."""
    cohort = _visible_cohort(request, cohort_pk)
    if not can_see_cohort_impact(request.user, cohort):
        raise PermissionDenied(_("The report-back view is for the cohort's trainers."))
    page = Paginator(selectors.report_back_reports(cohort=cohort), 1).get_page(request.GET.get("n"))
    return TemplateResponse(
        request, "reports/report_back.html", {"cohort": cohort, "page_obj": page}
    )
