"""The languages people teach in: a cohort's default language and a teach-back report's language.

Not the interface's languages (settings.LANGUAGES, en and es): a learner teaching at home may
speak Polish or Tagalog. The list is Django's own list of languages (its names come with
translations in Django's catalogue) without the regional variants, which nobody needs to tell
apart when saying what they taught in, plus a few languages common in immigrant communities
that Django's list lacks. Names are shown in the reader's language, the common ones first.
"""

import unicodedata

from django.conf import global_settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

# Regional variants and constructed languages: "Spanish" is what a session was taught in.
_LEFT_OUT = {
    "ar-dz", "en-au", "en-gb", "es-ar", "es-co", "es-mx", "es-ni", "es-ve", "pt-br",
    "sr-latn", "ia", "io",
}
# Spoken widely in the communities learners teach in, and missing from Django's list.
_MORE = [
    ("am", gettext_noop("Amharic")),
    ("ht", gettext_noop("Haitian Creole")),
    ("so", gettext_noop("Somali")),
    ("tl", gettext_noop("Tagalog")),
]
# Listed first, in this order: the languages most sessions are taught in.
COMMON = ["en", "es", "fr", "pt", "pl", "zh-hans", "ar", "vi", "tl", "ko", "ru", "de"]
DEFAULT = "en"

_NAMES = dict(
    [(code, name) for code, name in global_settings.LANGUAGES if code not in _LEFT_OUT] + _MORE
)
_by_language: dict[str, list] = {}


def _sort_key(name: str) -> str:
    """Alphabetical in any language: accents ignored (“Árabe” among the A's)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def teaching_languages() -> list:
    """The choices, in the active language: the common languages, then all the others A to Z.

    Grouped for a select box (two option groups); a model field with these choices validates
    against both groups. Built once per interface language.
    """
    active = translation.get_language() or DEFAULT
    if active not in _by_language:
        common = [(code, translation.gettext(_NAMES[code])) for code in COMMON]
        others = sorted(
            ((code, translation.gettext(name)) for code, name in _NAMES.items()
             if code not in COMMON),
            key=lambda choice: _sort_key(choice[1]),
        )
        _by_language[active] = [
            (str(_("Common languages")), common),
            (str(_("All other languages")), others),
        ]
    return _by_language[active]


def language_name(code: str) -> str:
    """A language's name in the active language ("Polaco" in Spanish), or its code if unknown."""
    name = _NAMES.get(code)
    return translation.gettext(name) if name else code


def is_teaching_language(code: str) -> bool:
    """Whether `code` is one of the languages a cohort or report may record."""
    return code in _NAMES
