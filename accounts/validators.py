"""Rules for what people type as their name."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Control characters (Cc: line breaks, tabs, NUL…) and the Unicode line and paragraph separators.
_REFUSED_CATEGORIES = {"Cc", "Zl", "Zp"}


def validate_one_line_name(value: str) -> None:
    """A name is one line of visible text: it appears in email headers, lists and CSVs."""
    if any(unicodedata.category(ch) in _REFUSED_CATEGORIES for ch in value):
        raise ValidationError(
            _(
                "Names can't contain line breaks, tabs or other control characters. "
                "Type your name on one line."
            ),
            code="control_characters",
        )
