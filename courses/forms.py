"""Forms learners fill in on module pages, and the module search form."""

import re

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from courses.models.progress import MAX_REFLECTION_LENGTH


def too_long_message(length: int) -> str:
    """What a learner reads when an answer is over the limit, numbers written their way."""
    return gettext(
        "Your answer is %(length)s characters; the limit is %(limit)s. Shorten it and save "
        "again — your text is kept here."
    ) % {
        "length": number_format(length, force_grouping=True),
        "limit": number_format(MAX_REFLECTION_LENGTH, force_grouping=True),
    }


def validate_answer_length(answer: str) -> None:
    length = len(answer.strip())
    if length > MAX_REFLECTION_LENGTH:
        raise forms.ValidationError(too_long_message(length))


class ReflectionsForm(forms.Form):
    """Every answer to a module's reflection questions, saved together so that saving one
    never loses what was typed in another. Private: only its author ever sees them.

    One field per question, named after the question's key. A question whose field is not in
    the post (the page was loaded before it was added) is left alone.
    """

    def __init__(self, *args, questions: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.keys = {}
        for key, question in questions:
            name = self.field_name(key)
            # No max_length on the field: it would add a maxlength attribute, and browsers
            # silently cut a long paste short. The limit is checked with the whole text kept.
            self.fields[name] = forms.CharField(
                label=question,
                required=False,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                validators=[validate_answer_length],
            )
            self.keys[name] = key

    @staticmethod
    def field_name(key: str) -> str:
        return f"answer-{key}"

    def answers(self) -> dict[str, str]:
        """The posted answers by question key (after is_valid)."""
        return {
            key: self.cleaned_data[name]
            for name, key in self.keys.items()
            if name in self.data
        }

    def add_errors_by_key(self, error: forms.ValidationError) -> None:
        """Put a service's errors (keyed by question key) beside their questions."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for key, errors in error.error_dict.items():
            name = self.field_name(key)
            self.add_error(name if name in self.fields else None, errors)


class SearchForm(forms.Form):
    """The module search box. The query is shown back as typed; the backend gets words."""

    q = forms.CharField(max_length=200, required=False, label=_("Search modules"))

    def words(self) -> str:
        """The query's words, space-separated, without the punctuation a search engine reads
        as syntax. SQLite's full-text MATCH fails on an unbalanced double quote (Wagtail's
        database backend quotes each term but does not escape quotes inside it); the engines
        split text into words at punctuation anyway, so dropping it loses no match."""
        if not self.is_valid():
            return ""
        return " ".join(re.findall(r"\w+", self.cleaned_data["q"]))
