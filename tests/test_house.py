"""The shape of the code (issue 14, docs/architecture.md): small modules, and a docstring on
every model, page, block, service and permission rule, so a newcomer can read what each is for.
The direction of imports is checked by import-linter (`lint-imports`, in `make test`)."""

import ast
import inspect
from pathlib import Path

import pytest
from django.apps import apps
from wagtail.blocks import Block

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "accounts", "caching", "cohorts", "courses", "dashboard", "demo", "outcomes", "pulse",
    "reports",
]
MAX_LINES = 400


def product_modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_no_module_is_over_400_lines():
    long = {
        str(path.relative_to(ROOT)): count
        for path in product_modules()
        if (count := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}, f"split these by concept (limit {MAX_LINES} lines): {long}"


def test_every_model_and_page_says_what_it_is():
    missing = [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in APPS
        # Django writes "Name(field, field, ...)" into a model that has no docstring
        and (model.__doc__ or "").startswith(f"{model.__name__}(")
    ]
    assert missing == []


def test_every_block_says_what_it_is():
    missing = []
    for app in APPS:
        if (ROOT / app / "blocks.py").exists():
            module = __import__(f"{app}.blocks", fromlist=["*"])
            missing += [
                f"{app}.blocks.{name}"
                for name, value in vars(module).items()
                if inspect.isclass(value) and issubclass(value, Block)
                and value.__module__ == module.__name__ and not value.__dict__.get("__doc__")
            ]
    assert missing == []


def _public_functions_without_docstring(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    return [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and not node.name.startswith("_")
        and ast.get_docstring(node) is None
    ]


@pytest.mark.parametrize("kind", ["services", "permissions"])
def test_every_service_and_permission_rule_says_what_it_does(kind):
    missing = []
    for app in APPS:
        paths = [*(ROOT / app).rglob(f"{kind}.py"), *(ROOT / app).rglob(f"{kind}/*.py")]
        for path in paths:
            missing += _public_functions_without_docstring(path)
    assert missing == []
