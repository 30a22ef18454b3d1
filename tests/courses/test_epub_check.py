"""The demo's EPUBs, in every language the demo ships, pass EPUBCheck (the W3C's validator,
Debian package `epubcheck`, installed in CI): no errors and no warnings."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from courses.models import CourseBookPage

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not os.environ.get("RIPPLE_REQUIRE_BROWSER") and not shutil.which("epubcheck"),
        reason="epubcheck needed; CI requires it",
    ),
]


def epubcheck() -> list[str]:
    """The command: Debian's `epubcheck` is a link to a jar, run by binfmt_misc where the
    kernel has it (not in containers), so run the jar with java."""
    found = Path(shutil.which("epubcheck") or "epubcheck").resolve()
    return ["java", "-jar", str(found)] if found.suffix == ".jar" else [str(found)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_demo_epub_passes_epubcheck(client, seeded, language, tmp_path):
    book = CourseBookPage.objects.live().get(locale__language_code=language)
    response = client.get(book.url + "epub/")
    assert response.status_code == 200
    epub = tmp_path / "book.epub"
    epub.write_bytes(b"".join(response.streaming_content) if response.streaming
                     else response.content)
    checked = subprocess.run(  # noqa: S603 -- the validator on our own file
        [*epubcheck(), "--quiet", str(epub)],
        capture_output=True, text=True, timeout=300,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "WARNING" not in checked.stdout + checked.stderr, checked.stdout + checked.stderr
