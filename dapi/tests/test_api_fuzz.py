"""Fuzzing the JSON API with schemathesis: requests generated from /api/openapi.json, sent as every
role (by bearer token) and as nobody, through the real WSGI application and database. No answer may
be a server error, and every answer must match the documented status codes, content type and schema.

Bounded for CI: DAPI_FUZZ_EXAMPLES examples per operation (default 8), derandomised so a failure
replays; set DAPI_FUZZ_EXAMPLES=200 for a longer hunt. Derandomised generation gives every role the same
requests, so they are generated once per test process and each role sends all of them with its own
token (generating them again for each role took about a third of the time and changed nothing)."""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,
                                               status_code_conformance)

from dapi.accounts.models import User
from dapi.accounts.services import api_token_create
from dapi.wsgi import application

from .access_world import build_world

# The requests are generated once per test process (about ten seconds): all roles on one pytest-xdist worker
# (`--dist loadgroup`) generate them once in a run.
pytestmark = pytest.mark.xdist_group("api-fuzz")

EXAMPLES = int(os.environ.get("DAPI_FUZZ_EXAMPLES", "8"))
ROLES = ["anonymous", "commissioner", "finance-officer", "provider-manager", "perpetrator-worker",
         "partner-support-worker", "police-analyst", "panel-member", "evaluator", "administrator"]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# The case-work operations (issue 20, item 4), named so that fuzzing is known to reach them.
CASE_WORK = {("GET", "/api/cases/{case_id}/contacts"), ("POST", "/api/cases/{case_id}/contacts"),
             ("GET", "/api/cases/{case_id}/needs"), ("POST", "/api/cases/{case_id}/needs"),
             ("GET", "/api/cases/{case_id}/goals"), ("POST", "/api/cases/{case_id}/goals"),
             ("GET", "/api/cases/{case_id}/dash-assessments"),
             ("POST", "/api/cases/{case_id}/people/{member_id}/dash-assessments"),
             ("GET", "/api/cases/{case_id}/people/{member_id}/safety-plans"),
             ("POST", "/api/cases/{case_id}/people/{member_id}/safety-plans"),
             ("GET", "/api/cases/{case_id}/forum-listings"), ("POST", "/api/cases/{case_id}/forum-listings"),
             ("POST", "/api/forum-listings/{listing_id}/actions"), ("POST", "/api/forum-actions/{action_id}/status"),
             ("POST", "/api/cases/{case_id}/status")}


@pytest.fixture
def connections_kept_between_requests():
    """The real WSGI handler closes database connections when a request ends; inside the test's
    transaction that would close it under the test (PostgreSQL). Django's own test client stops
    this the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.usefixtures("connections_kept_between_requests")
def test_generated_requests_get_no_server_error_and_documented_answers(role, db, uploads_in_a_temporary_directory):
    build_world()
    headers = {}
    if role != "anonymous":
        _, token = api_token_create(user=User.objects.get(username=role), name="fuzzing", by=None)
        headers["Authorization"] = f"Bearer {token}"
    operations = generated_requests()
    assert len(operations) >= 30
    assert CASE_WORK <= set(operations)
    sent = 0
    for cases in operations.values():
        for case in cases:
            case.call_and_validate(headers=headers, checks=CHECKS)
            sent += 1
    assert sent >= EXAMPLES * len(operations) // 2  # most operations have their full count of examples


_generated: dict[tuple[str, str], list] = {}


def generated_requests() -> dict[tuple[str, str], list]:
    """(method, path) of every operation of the API document, with the requests hypothesis generates
    for it (up to EXAMPLES each): made once per test process."""
    if not _generated:
        schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
        for operation in (result.ok() for result in schema.get_all_operations()):
            _generated[(operation.method.upper(), operation.path)] = _generate(operation)
    return _generated


def _generate(operation) -> list:
    cases = []

    @given(case=operation.as_strategy())
    @hypothesis_settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                         suppress_health_check=list(HealthCheck))
    def generate(case):
        cases.append(case)

    generate()
    return cases
