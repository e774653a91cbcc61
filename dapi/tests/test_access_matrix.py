"""The access matrix: every endpoint of the site (every named URL, every API operation), requested by
every role of the demo cast, an outsider with no membership and an anonymous visitor, answers the
status written for it in access_matrix.py. An endpoint that is added without a row fails here.

Pages are requested with GET and with an empty POST (an invalid form, or for a form whose fields
are all optional, an empty one saved by someone allowed to); API operations with their own method
and, for writes, an empty JSON body. The observed table is written to var/ for review.

The same pass checks that every page has a title of its own (issue 21 item 5): "Page – dapi", different
from every other page's, so a screen reader user, a browser tab and a history list can tell pages apart.
Every page that answers 200 with HTML is read as each role that may open it."""

import json
import re
from collections import defaultdict

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from dapi.api import api
from dapi.conftest import pass_second_factor

from .access_matrix import COLUMNS, WRITES, expected_matrix
from .access_world import build_world, page_kwargs, valid_bodies, value_for, COMMON_PARAMETERS

ANONYMOUS = "anonymous"
OUTSIDER = "outsider"
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
# A document rather than a page of the site: the panel pack's title is the pack's own (it is also the
# PDF's title), with no " – dapi" after it.
DOCUMENTS = {"GET reports:panel_pack"}


def named_urls(patterns=None, namespace=""):
    """(view name, route parameters) of every named URL outside the API."""
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "api":
                continue
            inner = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from named_urls(p.url_patterns, inner)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}{p.name}", list(p.pattern.converters) if hasattr(p.pattern, "converters") else []


def api_operations():
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method in operations:
            yield method.upper(), path


def endpoints() -> list[str]:
    rows = []
    for name, _ in named_urls():
        rows += [f"GET {name}", f"POST {name}"]
    rows += [f"{method} {path}" for method, path in api_operations()]
    return rows


def test_every_endpoint_has_a_row_in_the_matrix_and_every_row_an_endpoint():
    found, written = set(endpoints()), set(expected_matrix())
    assert sorted(found - written) == [], "endpoints with no row in dapi/tests/access_matrix.py"
    assert sorted(written - found) == [], "rows in dapi/tests/access_matrix.py for endpoints that no longer exist"


def signed_in(username, users):
    client = Client()
    if username == ANONYMOUS:
        return client
    user = users[username]
    client.force_login(user)
    from dapi.accounts.two_factor import second_factor_needed
    if second_factor_needed(user):
        pass_second_factor(client, user)
    return client


def api_path(target, world):
    return re.sub(r"\{(\w+)\}", lambda m: str(value_for(world, COMMON_PARAMETERS[m.group(1)])), target)


def request(client, endpoint, world, routes):
    method, target = endpoint.split(" ", 1)
    if target.startswith("/api/"):
        path = api_path(target, world)
        if method == "GET":
            return client.get(path)
        return client.generic(method, path, data=b"{}", content_type="application/json")
    url = reverse(target, kwargs=page_kwargs(world, target, routes[target]))
    return client.get(url) if method == "GET" else client.post(url, {})


def page_title(endpoint, response) -> str | None:
    """The page's title, for a page of the site that answered 200 with HTML; None for anything else."""
    if (not endpoint.startswith("GET ") or endpoint.startswith("GET /api/") or endpoint in DOCUMENTS
            or response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html")):
        return None
    found = TITLE.search(response.content.decode())
    return " ".join(found.group(1).split()) if found else ""


def titles_wrong(titles: dict[str, set[str]]) -> tuple[list[str], dict[str, list[str]]]:
    """Pages whose title is not "Page – dapi", and titles that more than one page has."""
    untitled = sorted(e for e, seen in titles.items() if any(not t.endswith(" – dapi") or t == " – dapi" for t in seen))
    by_title = defaultdict(set)
    for endpoint, seen in titles.items():
        for title in seen:
            by_title[title].add(endpoint)
    return untitled, {title: sorted(endpoints) for title, endpoints in by_title.items() if len(endpoints) > 1}


@pytest.mark.django_db(transaction=False)
def test_every_role_gets_exactly_the_answer_written_for_every_endpoint_and_every_page_its_own_title(
        db, settings, uploads_in_a_temporary_directory):
    world = build_world()
    from dapi.accounts.models import User

    users = {u.username: u for u in User.objects.filter(is_demo=True)}
    users[OUTSIDER] = User.objects.create_user(OUTSIDER, password="outsider-password-123")
    routes = dict(named_urls())
    expected = expected_matrix()
    observed, mismatches, titles = {}, [], defaultdict(set)
    every_endpoint = endpoints()
    for column in COLUMNS:
        client = signed_in(column, users)
        for endpoint in every_endpoint:
            response = request(client, endpoint, world, routes)
            status = response.status_code
            observed.setdefault(endpoint, {})[column] = status
            want = expected.get(endpoint, {}).get(column)
            if status != want:
                mismatches.append(f"{endpoint} as {column}: {status}, written {want}")
            if (title := page_title(endpoint, response)) is not None:
                titles[endpoint].add(title)
            if column != ANONYMOUS and "_auth_user_id" not in client.session:
                client = signed_in(column, users)  # signing out was the endpoint under test
    from .access_matrix import format_matrix, OBSERVED

    OBSERVED.parent.mkdir(parents=True, exist_ok=True)
    OBSERVED.write_text(format_matrix(observed))
    assert mismatches == [], f"{len(mismatches)} answers differ (observed table in {OBSERVED})"
    assert len(titles) > 40  # the pages were really read
    assert titles_wrong(titles) == ([], {}), "pages whose title is not 'Page – dapi', and titles shared by pages"


def test_a_page_without_its_own_title_is_caught():
    """The title check can fail: a missing title, a bare " – dapi" and a title two pages share."""
    assert titles_wrong({"GET a": {"Funding – dapi"}, "GET b": {"Funding – dapi"}, "GET c": {""},
                         "GET d": {" – dapi"}, "GET e": {"Cases – dapi"}}) == (
        ["GET c", "GET d"], {"Funding – dapi": ["GET a", "GET b"]})


def test_every_case_work_write_in_the_matrix_has_a_valid_body_and_every_body_a_row(db, settings,
                                                                                   uploads_in_a_temporary_directory):
    world = build_world()
    assert sorted(valid_bodies(world)) == sorted(expected_matrix(WRITES))
    assert set(expected_matrix(WRITES)) <= set(endpoints())


@pytest.mark.django_db(transaction=False)
def test_every_role_gets_exactly_the_answer_written_for_each_case_work_write_with_a_valid_body(
        db, settings, uploads_in_a_temporary_directory):
    world = build_world()
    from dapi.accounts.models import User

    users = {u.username: u for u in User.objects.filter(is_demo=True)}
    users[OUTSIDER] = User.objects.create_user(OUTSIDER, password="outsider-password-123")
    bodies, expected, mismatches = valid_bodies(world), expected_matrix(WRITES), []
    for column in COLUMNS:
        client = signed_in(column, users)
        for endpoint, body in bodies.items():
            method, target = endpoint.split(" ", 1)
            with transaction.atomic():  # rolled back: each role writes into the same world
                status = client.generic(method, api_path(target, world), data=json.dumps(body).encode(),
                                        content_type="application/json").status_code
                transaction.set_rollback(True)
            if status != expected[endpoint][column]:
                mismatches.append(f"{endpoint} as {column}: {status}, written {expected[endpoint][column]}")
    assert mismatches == []
