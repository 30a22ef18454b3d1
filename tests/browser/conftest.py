"""Real-browser tests: pytest-playwright driving the system Chromium against live_server.

Never `playwright install`: the browser is Debian's /usr/bin/chromium. Without it these tests
are skipped with instructions, except in CI (RIPPLE_REQUIRE_BROWSER=1), where that fails.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls in these tests are
# ordinary synchronous ones that happen between browser steps, never concurrently.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("RIPPLE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM) or os.path.exists(CHROMIUM):
        return
    message = (
        f"No Chromium at {CHROMIUM}. Install it with `apt-get install chromium chromium-driver` "
        "(or set RIPPLE_CHROMIUM); `.ci/run` installs it."
    )
    if os.environ.get("RIPPLE_REQUIRE_BROWSER"):
        raise pytest.UsageError(message + " RIPPLE_REQUIRE_BROWSER is set, so this is an error.")
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.skip(reason=message))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def site_url(live_server, db):
    """The live server's address, with Wagtail's default site pointed at it."""
    from wagtail.models import Site

    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    return live_server.url


@pytest.fixture
def log_in(page, site_url):
    """Sign a person in through the real login form (any earlier session is dropped)."""
    import re

    from playwright.sync_api import expect

    from tests.factories import PASSWORD

    def sign_in(email: str, password: str = PASSWORD):
        page.context.clear_cookies()
        page.goto(site_url + "/accounts/login/")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("main").get_by_role(
            "button", name=re.compile(r"^(sign|log) in$", re.I)
        ).click()
        expect(page.get_by_role("banner")).to_contain_text("Log out")

    return sign_in
