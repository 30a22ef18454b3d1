"""The teach-back report form and the small forms around a report."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cohorts.languages import teaching_languages
from courses.models import Principle
from courses.selectors import modules_by_course
from reports.models import (
    COMMENT_TEXT,
    MAX_AUDIENCE,
    MEDIUM_TEXT,
    TITLE_TEXT,
    Comment,
    Setting,
    TeachBackReport,
)


def module_choice_label(module):
    """A module as the course names it, and as the community book does when that differs, so a
    learner who taught from the book recognises it."""
    if module.community_title and module.community_title != module.title:
        return format_html(
            '<span>{} <span class="choice-note">— {} {}</span></span>',
            module.title,
            gettext("in the book:"),
            module.community_title,
        )
    return module.title


def _with_number(message, number: int):
    """A message naming a limit, translated and with the number grouped the reader's way
    (“2,000” in English, “2.000” in Spanish) when it is shown."""
    return lazy(
        lambda: message % {"number": number_format(number, force_grouping=True)}, str
    )()


def _without_maxlength(form):
    """Browsers silently cut a long paste at maxlength; the limit is checked here instead,
    with a message and the whole text kept in the form."""
    for field in form.fields.values():
        field.widget.attrs.pop("maxlength", None)


class ReportForm(forms.ModelForm):
    """A humane form: hints on every field, and a reminder not to name anyone."""

    form_token = forms.UUIDField(widget=forms.HiddenInput)
    # Declared, not generated: the model field's choices would start with a preselected blank.
    setting = forms.ChoiceField(
        label=_("Where?"),
        choices=Setting.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose where you taught.")},
    )
    language = forms.ChoiceField(
        label=_("In which language did you teach?"),
        choices=teaching_languages,
        error_messages={
            "required": _("Choose the language you taught in."),
            "invalid_choice": _(
                "Choose the language you taught in from the list; “%(value)s” is not one of "
                "the languages Ripple knows."
            ),
        },
    )
    audience_size = forms.IntegerField(
        min_value=1,
        max_value=MAX_AUDIENCE,
        label=_("How many people took part?"),
        error_messages={
            "min_value": _("Count at least one person (yourself not included)."),
            "max_value": _with_number(
                _("For more than %(number)s people, file one report per session."), MAX_AUDIENCE
            ),
            "invalid": _("Enter a whole number, like 4."),
            "required": _("Enter how many people took part, like 4."),
        },
    )

    class Meta:
        model = TeachBackReport
        fields = [
            "taught_on", "setting", "language", "audience_size", "audience_description", "modules",
            "principles", "title", "what_happened", "what_resonated", "what_was_hard",
            "what_i_learned", "visibility",
        ]
        labels = {
            "taught_on": _("When did you teach?"),
            "audience_description": _("Who was there?"),
            "modules": _("Which modules did you teach from?"),
            "principles": _("Which principles did you teach?"),
            "title": _("Give your report a short title"),
            "what_happened": _("What happened?"),
            "what_resonated": _("What resonated with people?"),
            "what_was_hard": _("What was hard?"),
            "what_i_learned": _("What did you learn as a teacher?"),
            "visibility": _("Who can read this report?"),
        }
        help_texts = {
            "audience_description": _(
                "Describe them without names, e.g. “my two teenagers and their friend”. Please "
                "don't name children or anyone who did not agree."
            ),
            "title": _(
                "Your peers see it in the feed, with your name beside it. For example: "
                "“Thank-you notes at Sunday dinner”. Leave it empty and we use who was there."
            ),
            "what_happened": _("A few sentences are plenty. Again: no names without permission."),
        }
        error_messages = {
            "taught_on": {
                "required": _("Enter the date you taught."),
                "invalid": _("Enter a real date, with day, month and year."),
            },
            "title": {
                "max_length": _with_number(
                    _("Keep the title to %(number)s characters or fewer."), TITLE_TEXT
                )
            },
            "what_happened": {"required": _("Tell your peers what happened.")},
        }
        widgets = {
            "taught_on": forms.DateInput(attrs={"type": "date"}),
            "modules": forms.CheckboxSelectMultiple,
            "principles": forms.CheckboxSelectMultiple,
            "visibility": forms.RadioSelect,
            "what_happened": forms.Textarea(attrs={"rows": 6}),
            "what_resonated": forms.Textarea(attrs={"rows": 3}),
            "what_was_hard": forms.Textarea(attrs={"rows": 3}),
            "what_i_learned": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.cohort = cohort
        modules = modules_by_course([cohort.course_id])[cohort.course_id]
        self.fields["modules"].queryset = self.fields["modules"].queryset.filter(
            pk__in=[module.pk for module in modules]
        )
        self.fields["modules"].label_from_instance = module_choice_label
        self.fields["principles"].queryset = Principle.objects.filter(
            modules__in=[module.pk for module in modules]
        ).distinct()
        if not self.is_bound:
            self.initial.setdefault("form_token", uuid.uuid4())
            self.initial.setdefault("taught_on", timezone.localdate())
            if self.instance.pk is None:
                self.initial.setdefault("language", cohort.default_language)
        _without_maxlength(self)

    def reissue_token(self, token) -> None:
        """Post `token` next time, keeping what the person typed (after a refused token)."""
        self.data = self.data.copy()
        self.data[self.add_prefix("form_token")] = str(token)

    def clean_taught_on(self):
        taught_on = self.cleaned_data["taught_on"]
        if taught_on > timezone.localdate():
            raise forms.ValidationError(_("That date is in the future. When did you teach?"))
        if taught_on < self.cohort.starts_on:
            raise forms.ValidationError(
                _("Your cohort began on %(date)s; report teaching from then on.")
                % {"date": date_format(self.cohort.starts_on, "DATE_FORMAT")}
            )
        return taught_on


class CommentForm(forms.ModelForm):
    """A comment on a report (or the change of one)."""

    class Meta:
        model = Comment
        fields = ["body"]
        labels = {"body": _("Your comment")}
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "body": {
                "max_length": _with_number(
                    _("Keep comments under %(number)s characters."), COMMENT_TEXT
                )
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _without_maxlength(self)


class FeedbackForm(forms.Form):
    """A trainer's feedback. A plain form: a bound ModelForm would write onto the report while
    validating, hiding from the service whether the feedback changed."""

    trainer_feedback = forms.CharField(
        label=_("Feedback for the author"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _with_number(
                _("Keep feedback under %(number)s characters."), MEDIUM_TEXT
            )
        },
        max_length=MEDIUM_TEXT,
    )
    share_at_next_session = forms.BooleanField(
        label=_("Share at the next session"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _without_maxlength(self)


class FeedFilterForm(forms.Form):
    """The feed's filters: a setting and a principle, both optional."""

    setting = forms.ChoiceField(required=False)
    principle = forms.ModelChoiceField(queryset=Principle.objects.all(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["setting"].choices = [("", _("Any setting")), *Setting.choices]
        self.fields["principle"].empty_label = _("Any principle")
        # Reports link the source-language principles (a course's modules use those); the
        # translations would only repeat each principle in the list.
        self.fields["principle"].queryset = Principle.objects.filter(locale=Locale.get_default())
