"""Every page has a title of its own (issue 21 item 5): "Page – dapi", different from every other page's,
so a screen reader user, a browser tab and a history list can tell pages apart. Every page of the
access matrix that answers 200 with HTML is read, as each role that may open it."""

import re
from collections import defaultdict

import pytest

from .access_matrix import COLUMNS
from .access_world import build_world
from .test_access_matrix import ANONYMOUS, OUTSIDER, named_urls, request, signed_in

TITLE = re.compile(r"<title>(.*?)</title>", re.S)
# A document rather than a page of the site: the panel pack's title is the pack's own (it is also the
# PDF's title), with no " – dapi" after it.
DOCUMENTS = {"GET reports:panel_pack"}


@pytest.mark.django_db(transaction=False)
def test_every_page_has_its_own_title_ending_in_dapi(db, settings, uploads_in_a_temporary_directory):
    world = build_world()
    from dapi.accounts.models import User

    users = {u.username: u for u in User.objects.filter(is_demo=True)}
    users[OUTSIDER] = User.objects.create_user(OUTSIDER, password="outsider-password-123")
    routes = dict(named_urls())
    pages = [f"GET {name}" for name in routes if f"GET {name}" not in DOCUMENTS]
    titles: dict[str, set[str]] = defaultdict(set)
    for column in COLUMNS:
        client = signed_in(column, users)
        for endpoint in pages:
            response = request(client, endpoint, world, routes)
            if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
                continue
            found = TITLE.search(response.content.decode())
            titles[endpoint].add(" ".join(found.group(1).split()) if found else "")
            if column != ANONYMOUS and "_auth_user_id" not in client.session:
                client = signed_in(column, users)
    assert len(titles) > 40  # the pages were really read
    untitled = sorted(e for e, seen in titles.items() if any(not t.endswith(" – dapi") or t == " – dapi" for t in seen))
    by_title = defaultdict(set)
    for endpoint, seen in titles.items():
        for title in seen:
            by_title[title].add(endpoint)
    shared = {title: sorted(endpoints) for title, endpoints in by_title.items() if len(endpoints) > 1}
    assert (untitled, shared) == ([], {}), "pages whose title is not 'Page – dapi', and titles shared by pages"
