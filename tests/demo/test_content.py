"""The demo course's data files load from anywhere, credit their sources and become
StreamField data; no product app imports the demo."""

import re
from pathlib import Path

import pytest

from demo import loader
from reports.models import Setting
from tests.demo.content_walk import community_strings

ROOT = Path(__file__).resolve().parents[2]


def _blocks(body: list[dict]):
    """Every block of a body, wrapped ones included."""
    for block in body:
        yield block
        if block["type"] in ("workplace_only", "community_only"):
            yield from _blocks(block["value"])


def test_the_demo_content_loads_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    modules = loader.load_modules()

    assert [m["slug"] for m in modules] == [
        "people-helping-people", "compassion", "contribution",
        "ownership-and-responsibility", "people-process-technology",
    ]
    assert loader.load_course()["slug"] == "customer-focus"
    assert loader.load_book()["title"] == "Passing It On"
    assert len(loader.load_principles()) == 6
    assert all(isinstance(s["setting"], Setting) for s in loader.load_report_stories()["stories"])


def test_every_module_retells_a_credited_story_and_the_book_credits_every_module():
    book_credits = loader.load_book()["credits"]
    for module in loader.load_modules():
        stories = [b["value"] for b in _blocks(module["body"]) if b["type"] == "story"]
        assert stories, module["slug"]
        assert all(story["source"] and story["credit"] for story in stories), module["slug"]
        assert module["community_title"] in book_credits


def test_the_community_book_never_speaks_of_this_module_or_your_organization():
    workplace = re.compile(r"\bthis (module|course)\b|\byour (organi[sz]ation|employer)\b", re.I)
    for module in loader.load_modules():
        shown = [module["community_title"], module["community_summary"], module["body"]]
        found = [m[0] for text in community_strings(shown) for m in workplace.finditer(text)]
        assert found == [], module["slug"]


def test_modules_name_only_principles_that_exist():
    slugs = {p["slug"] for p in loader.load_principles()}
    for module in loader.load_modules():
        assert set(module["principles"]) <= slugs
        callouts = [b for b in _blocks(module["body"]) if b["type"] == "principle"]
        assert {b["value"]["principle"] for b in callouts} <= slugs


def test_stream_data_swaps_principle_slugs_for_ids_and_gives_each_question_an_id():
    body = [
        {"type": "principle", "value": {"principle": "compassion", "note": ""}},
        {"type": "community_only", "value": [
            {"type": "reflection", "value": {"intro": "", "questions": ["Who helped you?"]}},
        ]},
    ]

    data = loader.stream_data(body, principle_ids={"compassion": 7})

    assert data[0]["value"]["principle"] == 7
    question = data[1]["value"][0]["value"]["questions"][0]
    assert question["type"] == "item" and question["value"] == "Who helped you?"
    assert question["id"]
    assert body[0]["value"]["principle"] == "compassion"  # the loaded data is left as it was


@pytest.mark.parametrize("app", ["accounts", "caching", "cohorts", "config", "courses", "reports"])
def test_no_product_app_imports_the_demo(app):
    pattern = re.compile(r"^\s*(from|import)\s+demo\b", re.MULTILINE)
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / app).rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
