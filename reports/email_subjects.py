"""The subjects of the emails about reports, translated when called: the sender calls them in the
recipient's language (accounts.mail), so each trainer or author reads their own."""

from django.utils.translation import gettext, ngettext


def new_report_subject(report) -> str:
    """To the cohort's trainers, for each new report."""
    return gettext("New teach-back report from %(name)s: %(title)s") % {
        "name": report.author.user.shown_name,
        "title": report.shown_title,
    }


def digest_subject(*, count: int, cohort) -> str:
    """To the cohort's trainers, once a day."""
    return ngettext(
        "%(count)d new teach-back report in %(cohort)s",
        "%(count)d new teach-back reports in %(cohort)s",
        count,
    ) % {"count": count, "cohort": cohort.name}


def comment_subject(comment) -> str:
    """To a report's author, when someone comments."""
    return gettext("%(name)s commented on your teach-back report") % {
        "name": comment.author.shown_name
    }


def feedback_subject() -> str:
    """To a report's author, when a trainer gives feedback."""
    return gettext("Your trainer gave feedback on your teach-back report")
