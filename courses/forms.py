"""Forms learners fill in on module pages."""

from django import forms

from cohorts.models import MAX_REFLECTION_LENGTH


class ReflectionForm(forms.Form):
    """One answer to one reflection question. Private: only its author ever sees it."""

    question_key = forms.CharField(max_length=64, widget=forms.HiddenInput)
    answer = forms.CharField(
        required=False,
        strip=False,
        max_length=MAX_REFLECTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": "Your answer is %(show_value)s characters; the limit is "
            "%(limit_value)s. Shorten it and save again — your text is kept below."
        },
    )


class SearchForm(forms.Form):
    q = forms.CharField(max_length=200, required=False, label="Search modules")
