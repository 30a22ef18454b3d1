"""The book pipeline's process boundary: web and task workers never load WeasyPrint, and the
render child loads neither Django nor the web side (it gets everything in its job)."""

import os
import subprocess
import sys

from django.conf import settings

WEB_SIDE = (
    "courses.books.services",
    "courses.books.tasks",
    "courses.books.downloads",
    "courses.books.responses",
    "courses.books.previews",
    "courses.books.web_edition",
    "courses.signals",
    "courses.management.commands.render_books",
)


def loaded_modules(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running `code`."""
    script = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], cwd=settings.BASE_DIR, env=env,
        capture_output=True, text=True, check=True, timeout=120,
    )
    return set(result.stdout.split())


def test_the_web_and_task_side_of_the_pipeline_never_imports_weasyprint():
    imports = "\n".join(f"import {name}" for name in WEB_SIDE)
    loaded = loaded_modules("import django\ndjango.setup()\n" + imports)
    assert set(WEB_SIDE) <= loaded
    assert not {name for name in loaded if name.split(".")[0] == "weasyprint"}
    assert "courses.books.pdf" not in loaded and "courses.books.fetcher" not in loaded


def test_the_render_child_loads_weasyprint_but_neither_django_nor_the_web_side():
    loaded = loaded_modules("import courses.books.pdf")
    assert "weasyprint" in loaded and "courses.books.fetcher" in loaded
    assert not {name for name in loaded if name.split(".")[0] == "django"}
    assert not {name for name in loaded if name.startswith("courses.")} - {
        "courses.books", "courses.books.pdf", "courses.books.fetcher", "courses.books.job",
    }
