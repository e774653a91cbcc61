"""A Python client generated from the live server's /api/openapi.json with openapi-python-client
(issue 20, item 3), used as a provider's or commissioner's own system would use it: bearer tokens,
against the real server (pytest-django's live_server) and the real test database.

The client is generated once for the module. Its functions are named after the operation ids
(`list_programmes`, not `dapi_funding_api_list_programmes`), lists come back as one page model
(count, next, previous, results), statuses as enum members, money as two-place decimal strings,
and errors (an unknown programme, an unknown path, a method not taken) as JSON."""

import datetime
import importlib
import os
import pkgutil
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
import time_machine

from dapi.accounts.services import api_token_create
from dapi.cases.models import Contact
from dapi.cases.tests.builders import tatc_case
from dapi.lib.api import MONEY_PATTERN

pytestmark = pytest.mark.django_db(transaction=True)

USED = {"list_programmes", "get_programme_runway", "list_awards", "list_agreements", "create_contact", "list_contacts"}


@pytest.fixture(scope="module")
def dapi_client(live_server, django_db_setup, django_db_blocker, tmp_path_factory):
    """The generated package, importable as `dapi_client`, and its api modules by name."""
    out = tmp_path_factory.mktemp("generated")
    # Once per module, before any test's database fixture: the server still opens its connection to
    # the test database at the start of the request, so that is allowed for this one read.
    with django_db_blocker.unblock(), urllib.request.urlopen(f"{live_server.url}/api/openapi.json",
                                                             timeout=60) as response:
        (out / "openapi.json").write_bytes(response.read())
    bin_dir = Path(sys.executable).parent  # openapi-python-client, and the ruff it formats with
    subprocess.run([str(bin_dir / "openapi-python-client"), "generate", "--path", str(out / "openapi.json"),
                    "--meta", "none", "--output-path", str(out / "dapi_client")],
                   check=True, capture_output=True, timeout=600,
                   env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"})
    sys.path.insert(0, str(out))
    try:
        package = importlib.import_module("dapi_client")
        api = importlib.import_module("dapi_client.api")
        modules = {}
        for group in pkgutil.iter_modules(api.__path__):
            tagged = importlib.import_module(f"dapi_client.api.{group.name}")
            for found in pkgutil.iter_modules(tagged.__path__):
                modules[found.name] = importlib.import_module(f"dapi_client.api.{group.name}.{found.name}")
        yield package, modules
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n == "dapi_client" or n.startswith("dapi_client.")]:
            del sys.modules[name]


def signed_in(package, live_server, user):
    _, token = api_token_create(user=user, name="generated client", by=None)
    return package.AuthenticatedClient(base_url=live_server.url, token=token, raise_on_unexpected_status=True)


def test_the_generated_functions_are_named_as_verbs_after_the_operations(dapi_client):
    _, modules = dapi_client
    assert len(modules) >= 80
    assert [name for name in modules if "dapi" in name] == []
    assert USED | {"get_programme", "create_referral", "search_people", "list_case_numbers"} <= set(modules)
    for name, module in modules.items():
        assert callable(module.sync) and callable(module.sync_detailed), name


def test_a_commissioner_pages_through_programmes_and_reads_a_runway_through_the_client(
        dapi_client, live_server, cast):
    package, op = dapi_client
    from dapi_client.models import PagedProgrammeOut, ProgrammeOut, ProgrammeRunwayOut, RunwayState

    client = signed_in(package, live_server, cast["commissioner"])
    feb = datetime.date(2023, 2, 1)
    first = op["list_programmes"].sync(client=client, today=feb, limit=4)
    assert isinstance(first, PagedProgrammeOut)
    assert (first.count, len(first.results), first.previous) == (6, 4, None)
    assert first.next_ == f"{live_server.url}/api/programmes?limit=4&offset=4&today=2023-02-01"
    second = op["list_programmes"].sync(client=client, today=feb, limit=4, offset=4)
    assert second.next_ is None and second.previous.endswith("/api/programmes?limit=4&offset=0&today=2023-02-01")
    programmes = {p.slug: p for p in first.results + second.results}
    assert len(programmes) == 6 and all(isinstance(p, ProgrammeOut) for p in programmes.values())
    assert programmes["jenkins-centre"].runway_state is RunwayState.FUNDED

    runway = op["get_programme_runway"].sync(client=client, slug="jenkins-centre", today=feb)
    assert isinstance(runway, ProgrammeRunwayOut)
    assert (runway.runway_end, runway.days_left, runway.cliff_edge) == (datetime.date(2023, 3, 31), 58, True)
    assert runway.state is RunwayState.FUNDED

    awards = op["list_awards"].sync(client=client, limit=500).results
    agreements = op["list_agreements"].sync(client=client, limit=500).results
    amounts = [a.amount for a in awards] + [a.value for a in agreements] + [runway.annual_cost]
    written = [amount for amount in amounts if isinstance(amount, str)]
    assert len(written) >= 5 and all(re.fullmatch(MONEY_PATTERN, amount) for amount in written), written


def test_a_perpetrator_worker_records_a_session_and_reads_it_back_through_the_client(
        dapi_client, live_server, cast):
    package, op = dapi_client
    from dapi_client.models import Attendance, ContactIn, ContactKind, ContactOut, PagedContactOut, Side

    with time_machine.travel("2023-03-01 09:00 +00:00", tick=False):
        case, _, _ = tatc_case(cast)
        client = signed_in(package, live_server, cast["perpetrator-worker"])
        made = op["create_contact"].sync_detailed(
            client=client, case_id=case.pk,
            body=ContactIn(side=Side.PERPETRATOR, kind=ContactKind.ONE_TO_ONE, on=datetime.date(2023, 2, 20),
                           attendance=Attendance.ATTENDED, duration_minutes=60))
        assert made.status_code == 201
        assert isinstance(made.parsed, ContactOut) and made.parsed.kind is ContactKind.ONE_TO_ONE
        listed = op["list_contacts"].sync(client=client, case_id=case.pk)
    assert isinstance(listed, PagedContactOut) and listed.count == 1
    assert listed.results[0].id == made.parsed.id
    assert Contact.objects.get(pk=made.parsed.id).case == case


def test_errors_reach_the_client_as_json(dapi_client, live_server, cast):
    package, op = dapi_client
    from dapi_client.models import ErrorOut

    client = signed_in(package, live_server, cast["commissioner"])
    missing = op["get_programme_runway"].sync_detailed(client=client, slug="no-such-programme")
    assert missing.status_code == 404 and isinstance(missing.parsed, ErrorOut)
    assert missing.parsed.detail.startswith("No such programme")
    http = client.get_httpx_client()
    unknown = http.get("/api/no-such-thing")
    assert unknown.status_code == 404 and unknown.headers["Content-Type"] == "application/json"
    assert unknown.json()["detail"].startswith("No such API path: /api/no-such-thing.")
    not_taken = http.delete("/api/programmes")
    assert not_taken.status_code == 405 and not_taken.headers["Allow"] == "GET"
    assert not_taken.json()["detail"] == "DELETE is not allowed here; allowed: GET."
