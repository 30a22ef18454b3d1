"""Reads the demo course from the data files in demo/content/ (YAML, see its README.md).

The files are found beside this module, whatever the working directory. Everything here
returns plain data; `stream_data` turns a module's body into the StreamField data that
ModulePage.body stores.
"""

from pathlib import Path

import yaml

from courses.blocks import ModuleStreamBlock, stored_stream
from reports.models import Setting

CONTENT = Path(__file__).resolve().parent / "content"
SOURCE_LANGUAGE = "en"
# The languages the demo course is translated into (demo/content/<language>/).
TRANSLATIONS = ("es",)


def _in(language: str) -> Path:
    """The folder of a language's data files: demo/content/ for the source (English), or
    demo/content/<language>/ for a translation (same files, text translated)."""
    return CONTENT if language == SOURCE_LANGUAGE else CONTENT / language


def _read(path: Path):
    """One data file, parsed."""
    with path.open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def load_principles(language: str = SOURCE_LANGUAGE) -> list[dict]:
    """The principle snippets: slug, name, statement, explanation."""
    return _read(_in(language) / "principles.yaml")


def load_course(language: str = SOURCE_LANGUAGE) -> dict:
    """The course page: title, slug, intro, audience and learning outcomes (a list)."""
    return _read(_in(language) / "course.yaml")


def load_modules(language: str = SOURCE_LANGUAGE) -> list[dict]:
    """The modules in teaching order (file-name order): their fields, principle slugs and body.

    Each body is Wagtail's raw StreamField format with principles named by slug.
    """
    return [_read(path) for path in sorted((_in(language) / "modules").glob("*.yaml"))]


def load_book(language: str = SOURCE_LANGUAGE) -> dict:
    """The community book: title, subtitle, foreword and credits."""
    return _read(_in(language) / "book.yaml")


def load_site_pages(language: str) -> dict:
    """The home page's and the course catalogue's text in a translation's language
    (`home`: title, headline, intro; `catalogue`: title, intro)."""
    pages = _read(CONTENT / "site_pages.yaml")
    return {name: texts[language] for name, texts in pages.items()}


def load_report_stories() -> dict:
    """Teach-back report stories (`stories`, each `setting` a reports Setting) and peers'
    comments (`comments`). An unknown setting fails here, not in the database."""
    content = _read(CONTENT / "report_stories.yaml")
    for story in content["stories"]:
        story["setting"] = Setting(story["setting"])
    return content


def stream_data(body: list[dict], *, principle_ids: dict[str, int]) -> list[dict]:
    """A module body as ModulePage.body stores it: principle slugs swapped for snippet ids
    and every block, list item and reflection question given its stable id, at any depth."""
    return stored_stream(_with_principle_ids(body, principle_ids))


def _with_principle_ids(body: list[dict], principle_ids: dict[str, int]) -> list[dict]:
    """Swap the principle slugs in callouts (inside wrappers too) for snippet ids."""
    wrappers = ModuleStreamBlock.EDITION_WRAPPERS.values()
    result = []
    for block in body:
        value = block["value"]
        if block["type"] == "principle":
            value = {**value, "principle": principle_ids[value["principle"]]}
        elif block["type"] in wrappers:
            value = _with_principle_ids(value, principle_ids)
        result.append({"type": block["type"], "value": value})
    return result
