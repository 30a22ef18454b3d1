"""The Spanish demo content (demo/content/es/) mirrors the English files exactly: same keys,
types, list lengths, block types, slugs and numbers; only the human-readable text differs,
and none of it is missing."""

import re
from pathlib import Path

import pytest
import yaml

from tests.demo.content_walk import community_strings

CONTENT = Path(__file__).resolve().parents[2] / "demo" / "content"
SPANISH = CONTENT / "es"

# Files seed_demo translates; report_stories.yaml is made-up learner text and stays English.
NAMES = ["course.yaml", "principles.yaml", "book.yaml"] + sorted(
    f"modules/{path.name}" for path in (CONTENT / "modules").glob("*.yaml")
)

# Values that are identifiers or links, not text: the Spanish must repeat them exactly.
SAME_AS_ENGLISH_KEYS = {"slug", "type", "principle", "principles", "source_url"}

# Text values that are proper names and so stay as in English: an author, and the titles of
# the retold articles (a story's `source`; the book's credits gloss them in Spanish).
PROPER_NAMES = {
    "Myles Suer",
    "Compassion – The Critical Component in Customer Service",
    "Customer Service as Positive Leadership",
    "In Customer Service Power = Responsibility",
    "3 Musts for Great Customer Service",
}

TAG = re.compile(r"<[^>]+>")
DEMO_NOTE = ["<p>", "</p>"]


def _read(path: Path):
    with path.open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def _differences(english, spanish, path="", key=""):
    """Every way the Spanish value fails to mirror the English one, as readable messages."""
    if type(english) is not type(spanish):
        return [f"{path}: {type(spanish).__name__} where English has {type(english).__name__}"]
    if isinstance(english, dict):
        if list(english) != list(spanish):
            return [f"{path}: keys {list(spanish)} where English has {list(english)}"]
        return [
            problem
            for name in english
            for problem in _differences(english[name], spanish[name], f"{path}.{name}", name)
        ]
    if isinstance(english, list):
        if len(english) != len(spanish):
            return [f"{path}: {len(spanish)} items where English has {len(english)}"]
        return [
            problem
            for index, (en, es) in enumerate(zip(english, spanish, strict=True))
            for problem in _differences(en, es, f"{path}[{index}]", key)
        ]
    if not isinstance(english, str) or key in SAME_AS_ENGLISH_KEYS:
        return [] if english == spanish else [f"{path}: {spanish!r} where English has {english!r}"]
    return _text_differences(english, spanish, path)


def _text_differences(english: str, spanish: str, path: str):
    problems = []
    if not spanish.strip():
        problems.append(f"{path}: empty")
    if spanish == english and english not in PROPER_NAMES:
        problems.append(f"{path}: left in English: {english[:60]!r}")
    tags, english_tags = TAG.findall(spanish), TAG.findall(english)
    if path == ".credits":
        # The book's credits end with one extra paragraph: the demo-translation note.
        english_tags = english_tags + DEMO_NOTE
    if tags != english_tags:
        problems.append(f"{path}: HTML tags {tags} where English has {english_tags}")
    return problems


def test_every_translated_file_has_a_spanish_twin_and_nothing_else():
    spanish = sorted(str(path.relative_to(SPANISH)) for path in SPANISH.rglob("*.yaml"))

    assert spanish == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_the_spanish_file_mirrors_the_english_structure_with_every_text_translated(name):
    english, spanish = _read(CONTENT / name), _read(SPANISH / name)

    assert _differences(english, spanish) == []


def test_the_spanish_book_credits_every_spanish_module_and_marks_the_demo_translation():
    credits = _read(SPANISH / "book.yaml")["credits"]
    modules = [_read(SPANISH / name) for name in NAMES if name.startswith("modules/")]

    missing = [m["community_title"] for m in modules if m["community_title"] not in credits]
    assert missing == []
    last_paragraph = credits.rsplit("<p>", 1)[1]
    assert "Traducción de demostración" in last_paragraph
    assert "misma licencia" in last_paragraph


def test_the_spanish_community_book_never_speaks_of_this_module_or_your_organization():
    workplace = re.compile(
        r"\best[ea] (módulo|curso)\b|\btu (organización|empresa|empleador)\b", re.I
    )
    for name in NAMES:
        if not name.startswith("modules/"):
            continue
        module = _read(SPANISH / name)
        shown = [module["community_title"], module["community_summary"], module["body"]]
        found = [m[0] for text in community_strings(shown) for m in workplace.finditer(text)]
        assert found == [], name
