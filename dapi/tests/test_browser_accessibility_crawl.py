"""Accessibility across the whole site, not only the journeys (issue 21, item 6): signed in as each
demo user, follow every link the pages offer, from the home page outwards, and run axe-core on
each page reached. No page may have a serious or critical violation or, at 1280 px, a table wider than
the region that scrolls it (columns out of sight); each back link must lead to a page the user may open.

Each kind of page is visited once per user: addresses that differ only in their numbers (case 12,
case 13), their programme or their query string are the same kind. Files (CSV, PDF, spreadsheets, SVG, JSON), the
API and other sites are not pages and are not followed. The count of pages each user reached is
printed (run with -s to see it) and must not fall below what the demo offers that role, so a page
that stops linking onwards cannot pass by being reached by no one.
"""

import re
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings

from dapi.demo.organisations import DEMO_USERS

from .browser import browser_page, log_in, serious_accessibility_violations, tables_cut_short  # noqa: F401
from .demo_snapshot import loaded

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]

NOT_PAGES = re.compile(r"(\.(csv|pdf|xlsx|svg|json|zip|png|txt)$)|^/(api|static|admin)/|/(download|export)/?$")
# The least each user must reach in the small demo (its seeds and cases): a floor well under what
# each reached when this test was written, so that a page no longer linked from anywhere is noticed.
LEAST = {"commissioner": 15, "finance-officer": 15, "provider-manager": 8, "perpetrator-worker": 8,
         "partner-support-worker": 5, "police-analyst": 3, "panel-member": 3, "evaluator": 3,
         "administrator": 4, "provider-administrator": 4}
MOST = 120  # pages per user, a bound on the test's time


@pytest.fixture
def demo(transactional_db):
    from dapi.demo.cases import load_demo_cases
    from dapi.demo.seeds import load_demo

    loaded(load_demo)
    loaded(load_demo_cases)


def kind(path: str) -> str:
    """The kind of page: its address with numbers and a programme's slug left out."""
    return re.sub(r"programmes/[^/]+", "programmes/S", re.sub(r"\d+", "N", path))


def links(page, origin: str) -> list[str]:
    found = []
    for href in page.eval_on_selector_all("a[href]", "anchors => anchors.map(a => a.href)"):
        url = urldefrag(href)[0]
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != origin or NOT_PAGES.search(parts.path):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


@pytest.mark.parametrize("username", [u for u, _, _ in DEMO_USERS])
def test_every_page_a_user_can_reach_passes_axe(demo, browser_page, live_server, username):
    page = browser_page
    log_in(page, username, settings.DEMO_PASSWORD)
    origin = live_server.url.rstrip("/")
    queue, seen, visited, problems = ["/"], set(), [], []
    while queue and len(visited) < MOST:
        url = queue.pop(0)
        if kind(urlsplit(url).path) in seen:
            continue
        seen.add(kind(urlsplit(url).path))
        response = page.goto(url)
        if response is None or response.status != 200 or "text/html" not in response.headers.get("content-type", ""):
            continue
        visited.append(url)
        problems += [f"{url}: {v}" for v in serious_accessibility_violations(page)]
        problems += [f"{url}: table cut short at 1280 px: {caption}" for caption in tables_cut_short(page)]
        # A back link leads to a page this user may open, never to a dead end or a refusal.
        for back in page.eval_on_selector_all("a.govuk-back-link[href]", "links => links.map(a => a.href)"):
            status = page.request.get(back, max_redirects=0).status
            if status != 200:
                problems.append(f"{url}: its back link to {back} answers {status}")
        queue += [u for u in links(page, origin) if kind(urlsplit(u).path) not in seen]
    print(f"{username}: {len(visited)} pages checked with axe")
    assert problems == [], "\n".join(problems)
    assert len(visited) >= LEAST[username], visited
