"""Reads the demo course from the data files in demo/content/ (YAML, see its README.md).

The files are found beside this module, whatever the working directory. Everything here
returns plain data; `stream_data` turns a module's body into the StreamField data that
ModulePage.body stores.
"""

from pathlib import Path

import yaml

from courses.blocks import ModuleStreamBlock, with_question_ids
from reports.models import Setting

CONTENT = Path(__file__).resolve().parent / "content"


def _read(path: Path):
    """One data file, parsed."""
    with path.open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def load_principles() -> list[dict]:
    """The principle snippets: slug, name, statement, explanation."""
    return _read(CONTENT / "principles.yaml")


def load_course() -> dict:
    """The course page: title, slug, intro, audience and learning outcomes (a list)."""
    return _read(CONTENT / "course.yaml")


def load_modules() -> list[dict]:
    """The modules in teaching order (file-name order): their fields, principle slugs and body.

    Each body is Wagtail's raw StreamField format with principles named by slug.
    """
    return [_read(path) for path in sorted((CONTENT / "modules").glob("*.yaml"))]


def load_book() -> dict:
    """The community book: title, subtitle, foreword and credits."""
    return _read(CONTENT / "book.yaml")


def load_report_stories() -> dict:
    """Teach-back report stories (`stories`, each `setting` a reports Setting) and peers'
    comments (`comments`). An unknown setting fails here, not in the database."""
    content = _read(CONTENT / "report_stories.yaml")
    for story in content["stories"]:
        story["setting"] = Setting(story["setting"])
    return content


def stream_data(body: list[dict], *, principle_ids: dict[str, int]) -> list[dict]:
    """A module body as ModulePage.body stores it: principle slugs swapped for snippet ids
    and every reflection question given its stable id, at any wrapper depth."""
    return with_question_ids(_with_principle_ids(body, principle_ids))


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
