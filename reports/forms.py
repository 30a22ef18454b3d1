"""The teach-back report form and the small forms around a report."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.html import format_html

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
            '<span>{} <span class="choice-note">— in the book: {}</span></span>',
            module.title,
            module.community_title,
        )
    return module.title


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
        label="Where?",
        choices=Setting.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where you taught."},
    )
    audience_size = forms.IntegerField(
        min_value=1,
        max_value=MAX_AUDIENCE,
        label="How many people took part?",
        error_messages={
            "min_value": "Count at least one person (yourself not included).",
            "max_value": f"For more than {MAX_AUDIENCE:,} people, file one report per session.",
            "invalid": "Enter a whole number, like 4.",
            "required": "Enter how many people took part, like 4.",
        },
    )

    class Meta:
        model = TeachBackReport
        fields = [
            "taught_on", "setting", "audience_size", "audience_description", "modules",
            "principles", "title", "what_happened", "what_resonated", "what_was_hard",
            "what_i_learned", "visibility",
        ]
        labels = {
            "taught_on": "When did you teach?",
            "audience_description": "Who was there?",
            "modules": "Which modules did you teach from?",
            "principles": "Which principles did you teach?",
            "title": "Give your report a short title",
            "what_happened": "What happened?",
            "what_resonated": "What resonated with people?",
            "what_was_hard": "What was hard?",
            "what_i_learned": "What did you learn as a teacher?",
            "visibility": "Who can read this report?",
        }
        help_texts = {
            "audience_description": "Describe them without names, e.g. “my two teenagers and "
            "their friend”. Please don't name children or anyone who did not agree.",
            "title": "Your peers see it in the feed, with your name beside it. For example: "
            "“Thank-you notes at Sunday dinner”. Leave it empty and we use who was there.",
            "what_happened": "A few sentences are plenty. Again: no names without permission.",
        }
        error_messages = {
            "taught_on": {
                "required": "Enter the date you taught.",
                "invalid": "Enter a real date, with day, month and year.",
            },
            "title": {"max_length": f"Keep the title to {TITLE_TEXT} characters or fewer."},
            "what_happened": {"required": "Tell your peers what happened."},
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
        _without_maxlength(self)

    def reissue_token(self, token) -> None:
        """Post `token` next time, keeping what the person typed (after a refused token)."""
        self.data = self.data.copy()
        self.data[self.add_prefix("form_token")] = str(token)

    def clean_taught_on(self):
        taught_on = self.cleaned_data["taught_on"]
        if taught_on > timezone.localdate():
            raise forms.ValidationError("That date is in the future. When did you teach?")
        if taught_on < self.cohort.starts_on:
            raise forms.ValidationError(
                f"Your cohort began on {self.cohort.starts_on:%-d %B %Y}; report teaching "
                "from then on."
            )
        return taught_on


class CommentForm(forms.ModelForm):
    """A comment on a report (or the change of one)."""

    class Meta:
        model = Comment
        fields = ["body"]
        labels = {"body": "Your comment"}
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "body": {"max_length": f"Keep comments under {COMMENT_TEXT:,} characters."}
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _without_maxlength(self)


class FeedbackForm(forms.Form):
    """A trainer's feedback. A plain form: a bound ModelForm would write onto the report while
    validating, hiding from the service whether the feedback changed."""

    trainer_feedback = forms.CharField(
        label="Feedback for the author",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": f"Keep feedback under {MEDIUM_TEXT:,} characters."},
        max_length=MEDIUM_TEXT,
    )
    share_at_next_session = forms.BooleanField(label="Share at the next session", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _without_maxlength(self)


class FeedFilterForm(forms.Form):
    """The feed's filters: a setting and a principle, both optional."""

    setting = forms.ChoiceField(required=False)
    principle = forms.ModelChoiceField(queryset=Principle.objects.all(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["setting"].choices = [("", "Any setting"), *Setting.choices]
        self.fields["principle"].empty_label = "Any principle"
