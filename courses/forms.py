"""Forms learners fill in on module pages, and the module search form."""

import re

from django import forms

from cohorts.models import MAX_REFLECTION_LENGTH


class ReflectionForm(forms.Form):
    """One answer to one reflection question. Private: only its author ever sees it."""

    question_key = forms.CharField(max_length=64, widget=forms.HiddenInput)
    # No max_length on the field: it would add a maxlength attribute, and browsers silently
    # cut a long paste short. The limit is checked here, with the whole text kept in the form.
    answer = forms.CharField(
        required=False, strip=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean_answer(self):
        answer = self.cleaned_data["answer"]
        if len(answer.strip()) > MAX_REFLECTION_LENGTH:
            raise forms.ValidationError(
                f"Your answer is {len(answer.strip()):,} characters; the limit is "
                f"{MAX_REFLECTION_LENGTH:,}. Shorten it and save again — your text is kept here."
            )
        return answer


class SearchForm(forms.Form):
    """The module search box. The query is shown back as typed; the backend gets words."""

    q = forms.CharField(max_length=200, required=False, label="Search modules")

    def words(self) -> str:
        """The query's words, space-separated, without the punctuation a search engine reads
        as syntax. SQLite's full-text MATCH fails on an unbalanced double quote (Wagtail's
        database backend quotes each term but does not escape quotes inside it); the engines
        split text into words at punctuation anyway, so dropping it loses no match."""
        if not self.is_valid():
            return ""
        return " ".join(re.findall(r"\w+", self.cleaned_data["q"]))
