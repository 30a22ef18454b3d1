"""The Spanish interface is complete: every string the code marks for translation is translated.

`makemessages` is run on a copy of the project (so the test never rewrites the committed
catalogue), then every entry of the resulting Spanish catalogue must have a translation that
is not fuzzy. A string wrapped in gettext but never added to locale/es, or added but left
empty, fails here with its text and where it is used.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = Path("locale") / "es" / "LC_MESSAGES" / "django.po"
NOT_SOURCE = shutil.ignore_patterns(
    ".venv", ".git", "node_modules", "media", "staticfiles", "bench-results", "test-results",
    "__pycache__", "*.mo", "*.sqlite3*", "*.pdf", "fonts", "*.egg-info",
)

pytestmark = pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="needs GNU gettext (make test checks for it)"
)


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory) -> polib.POFile:
    copy = tmp_path_factory.mktemp("project") / "ripple"
    shutil.copytree(ROOT, copy, ignore=NOT_SOURCE)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "es", "--no-obsolete", "-v", "0",
         "--ignore=tests/*", "--ignore=docs/*"],
        cwd=copy, check=True, capture_output=True, text=True,
    )
    return polib.pofile(str(copy / CATALOGUE))


def where(entry: polib.POEntry) -> str:
    return ", ".join(f"{path}:{line}" for path, line in entry.occurrences[:2])


def test_every_interface_string_has_a_spanish_translation(fresh_catalogue):
    missing = [
        f"{entry.msgid!r} ({where(entry)})"
        for entry in fresh_catalogue
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]
    assert not missing, f"{len(missing)} strings lack a Spanish translation:\n" + "\n".join(
        missing[:40]
    )


def test_the_committed_catalogue_has_nothing_the_code_no_longer_uses(fresh_catalogue):
    committed = polib.pofile(str(ROOT / CATALOGUE))
    used = {(entry.msgctxt, entry.msgid) for entry in fresh_catalogue}
    stale = [
        entry.msgid for entry in committed
        if not entry.obsolete and (entry.msgctxt, entry.msgid) not in used
    ]
    assert not stale, "Run `manage.py makemessages -l es --no-obsolete`; unused: " + repr(
        stale[:20]
    )


def test_the_compiled_catalogue_is_what_django_uses():
    """The build compiled locale/es (make messages): without it Spanish would be English."""
    assert (ROOT / CATALOGUE).with_suffix(".mo").exists(), "run `make messages` (make test does)"
    entry = next(e for e in polib.pofile(str(ROOT / CATALOGUE)) if e.translated() and e.msgid)
    with translation.override("es"):
        assert translation.gettext(entry.msgid) == entry.msgstr
    with translation.override("en"):
        assert translation.gettext(entry.msgid) == entry.msgid
