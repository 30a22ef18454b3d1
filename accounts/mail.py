"""Email subjects: one line, whatever people typed into the names and titles they carry."""

import unicodedata

SUBJECT_PREFIX = "[Ripple] "


def email_subject(text: str) -> str:
    """The subject line for `text`: control characters and runs of whitespace become one space.

    Django refuses a header with a line break, so one bad display name (older rows were never
    validated) would otherwise make every email about that person fail.
    """
    visible = "".join(
        " " if unicodedata.category(ch) in {"Cc", "Zl", "Zp"} else ch for ch in text
    )
    return SUBJECT_PREFIX + " ".join(visible.split())
