"""Playwright driving Debian's chromium (never a downloaded browser), with axe-core checks.

Where no chromium is installed the browser tests are skipped with the reason; under CI
(`CI=true`) a missing browser is a failure.

The browser tests commit to the database (the live server's thread reads it) and reset its id sequences
(`django_db(transaction=True, reset_sequences=True)`). The database is emptied after each such test and
Django makes its content types again; with the sequences reset they get the same ids each time, so from a
worker's third browser test on every test starts from the same state and the demo is copied in
(`loaded`, dapi/tests/demo_snapshot.py) rather than loaded afresh (about 1.4 s a test).
"""

import os
import shutil
from pathlib import Path

import pytest
from django.db import connections

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    reason = "Debian chromium is not installed (apt-get install -y chromium); browser tests need it"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason + " and CI=true forbids skipping them")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def chromium_browser(live_server):
    """One chromium for the browser tests of a module, run one after another (each has a context of its
    own: cookies, storage and cache are not shared). Starting it takes a second or more."""
    executable = chromium_path()
    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
    # beside one unless told that this test thread is synchronous code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
            try:
                yield browser
            finally:
                browser.close()
    finally:
        connections.close_all()
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def browser_page(chromium_browser, live_server):
    """A Playwright page in a fresh browser context, pointed at the live test server; fails the test if the
    Content Security Policy blocked anything on any page it opened."""
    context = chromium_browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    # Anything the Content Security Policy blocks (an inline script or style, a foreign source) is
    # reported on the console; every browser test fails on one.
    blocked = []
    page.on("console", lambda message: blocked.append(message.text)
            if "Content Security Policy" in message.text else None)
    try:
        yield page
    finally:
        context.close()
        # Inside Playwright's sync API, Django code runs in a context of its own and so opens a
        # database connection of its own; left open, it stops the test database being dropped.
        connections.close_all()
    assert blocked == [], f"the Content Security Policy blocked: {blocked}"


def log_in(page, username: str, password: str) -> None:
    """Sign in through the pages; where the role needs a second factor, type the code the user's
    authenticator shows now (computed from its key, as the phone app would)."""
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if page.url.split("?")[0].endswith("/login/verify/"):
        from dapi.accounts.models import User
        from dapi.accounts.two_factor import confirmed_devices, current_code

        device = confirmed_devices(User.objects.get(username=username))[0]
        page.get_by_label("Code from your authenticator app").fill(current_code(device))
        page.get_by_role("button", name="Continue").click()
        page.wait_for_load_state()


def serious_accessibility_violations(page) -> list[str]:
    """axe-core (vendored by axe-playwright-python) violations of impact serious or critical."""
    from axe_playwright_python.sync_playwright import Axe

    from playwright.sync_api import Error

    page.wait_for_load_state()
    try:
        results = Axe().run(page)
    except Error as error:
        # A click that navigates returns before the next document exists; axe started in between
        # finds no document. Wait for the page the click leads to and check that one.
        if "documentElement" not in str(error):
            raise
        page.wait_for_load_state()
        results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']}" for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")]


def screenshot(page, name: str, height: int | None = None) -> Path:
    """A full-page PNG under var/screenshots/, or only its top `height` pixels."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    clip = {"x": 0, "y": 0, "width": page.viewport_size["width"], "height": height} if height else None
    page.screenshot(path=str(path), full_page=True, clip=clip)
    return path


# A table is cut short when it is wider than the region that scrolls it, or than the page.
_TABLES_CUT_SHORT = """() => Array.from(document.querySelectorAll('main table')).filter(table => {
  let region = table.parentElement;
  while (region && !['auto', 'scroll'].includes(getComputedStyle(region).overflowX)) region = region.parentElement;
  const room = region ? region.clientWidth : document.documentElement.clientWidth;
  return table.getBoundingClientRect().width > room + 1;
}).map(table => (table.caption ? table.caption.innerText : table.className).split('\\n')[0])"""


def tables_cut_short(page) -> list[str]:
    """The captions of the page's tables that do not fit in their scrolling region (or the page) at
    the current width, so that some of their columns are out of sight."""
    return page.evaluate(_TABLES_CUT_SHORT)


def fill_date(page, legend, day) -> None:
    """Type `day` (a date) into the GOV.UK date input whose legend is `legend` (text or pattern), part by
    part, as a person would."""
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))
