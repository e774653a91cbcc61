"""The OpenAPI document reads well to a client generator (issue 20, item 3): operation ids that are
verbs in camelCase, each enum once as a component, every status an enum, money as a decimal string
with a pattern, every list in one page envelope, `servers` filled in; and under /api/ an unknown
path or a method an operation does not take is answered in JSON, as every other error is."""

import json
import re
from collections import Counter

import pytest

from dapi.api import api
from dapi.lib.api import MONEY_IN_PATTERN, MONEY_PATTERN

VERBS = {"list", "get", "search", "create", "update", "record", "set", "submit", "review", "add", "meet", "apply",
         "give", "extend", "vary", "terminate", "upload", "confirm", "discard", "change"}
ENVELOPE = ["count", "next", "previous", "results"]


@pytest.fixture(scope="module")
def document():
    return json.loads(json.dumps(api.get_openapi_schema()))  # as served: status codes as strings


def operations(document):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def answer_schema(document, operation):
    for status in ("200", "201"):
        if status in operation["responses"]:
            return operation["responses"][status]["content"]["application/json"]["schema"]
    return None


def component(document, schema):
    return document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]] if "$ref" in schema else schema


def every_enum(node, where=""):
    if isinstance(node, dict):
        if "enum" in node:
            yield where, tuple(node["enum"])
        for key, value in node.items():
            yield from every_enum(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from every_enum(value, f"{where}/{i}")


def alternatives(schema):
    """A property's schema without its null alternative, its anyOf/allOf wrapping unfolded."""
    for key in ("anyOf", "allOf", "oneOf"):
        if key in schema:
            return [s for part in schema[key] for s in alternatives(part)]
    return [] if schema.get("type") == "null" else [schema]


def properties(document):
    for name, schema in document["components"]["schemas"].items():
        for field, value in schema.get("properties", {}).items():
            yield name, field, value


def test_every_operation_id_is_a_camel_case_verb_phrase_and_unique(document):
    ids = [operation["operationId"] for _, _, operation in operations(document)]
    assert len(ids) >= 80
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    bad = [i for i in ids if not re.fullmatch(r"[a-z]+(?:[A-Z][a-z0-9]*)+", i) or re.match(r"[a-z]+", i)[0] not in VERBS]
    assert bad == []
    assert {"listProgrammes", "getProgrammeRunway", "createReferral", "createContact"} <= set(ids)
    assert not any("dapi" in i or "_" in i for i in ids)


def test_each_enum_is_defined_once_and_only_as_a_component(document):
    enums = list(every_enum(document))
    assert len(enums) >= 30
    inline = [where for where, _ in enums if not re.fullmatch(r"/components/schemas/[A-Za-z]+", where)]
    assert inline == []
    assert [values for values, n in Counter(values for _, values in enums).items() if n > 1] == []


def test_every_status_state_outcome_and_level_is_an_enum(document):
    schemas = document["components"]["schemas"]
    named = re.compile(r"(.*_)?(status|state|outcome|level|disclosure)")
    not_enums = []
    for name, field, value in properties(document):
        if not named.fullmatch(field):
            continue
        for alternative in alternatives(value):
            # A count by status is a map whose keys are the statuses.
            if "enum" not in component(document, alternative.get("propertyNames", alternative)):
                not_enums.append(f"{name}.{field}")
    assert not_enums == []
    assert {"CaseStatus", "ReferralStatus", "ActionStatus", "RunwayState", "TargetStatus"} <= set(schemas)


def test_money_is_a_decimal_string_with_a_documented_pattern(document):
    decimals = [(name, field, alt) for name, field, value in properties(document) for alt in alternatives(value)
                if alt.get("format") == "decimal"]
    assert len(decimals) >= 40
    for name, field, alt in decimals:
        assert alt["type"] == "string", (name, field)
        assert alt["pattern"] in (MONEY_PATTERN, MONEY_IN_PATTERN), (name, field)
        assert alt["description"].startswith("GBP"), (name, field)
    assert not [(name, field) for name, field, value in properties(document) for alt in alternatives(value)
                if re.fullmatch(r"(.*_)?(amount|value|cost)", field) and alt.get("format") != "decimal"]


def test_every_list_is_one_page_envelope_with_limit_and_offset(document):
    lists = 0
    for path, method, operation in operations(document):
        schema = answer_schema(document, operation)
        assert schema is not None, (method, path)
        assert schema.get("type") != "array", (method, path)
        body = component(document, schema)
        if "results" not in body.get("properties", {}):
            assert not operation["operationId"].startswith(("list", "search")), (method, path)
            continue
        lists += 1
        assert list(body["properties"]) == ENVELOPE and body["required"] == ENVELOPE, (method, path)
        assert body["properties"]["results"]["type"] == "array"
        assert {p["name"] for p in operation["parameters"]} >= {"limit", "offset"}, (method, path)
    assert lists >= 25


def test_servers_are_filled_in(document):
    assert document["servers"] == [{"url": "/", "description": "The dapi site serving this document."}]


def json_body(response) -> dict:
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    return response.json()


@pytest.mark.parametrize("path", ["/api/no-such-thing", "/api/programmes/", "/api/programmes/jenkins-centre/x",
                                  "/api/", "/api/v2/programmes"])
def test_an_unknown_api_path_answers_404_in_json(path, client, cast, client_for):
    for requester in (client, client_for(cast["commissioner"])):
        for method in ("get", "post", "delete"):
            response = getattr(requester, method)(path)
            assert response.status_code == 404, (method, path)
            assert path in json_body(response)["detail"]
    assert client_for(cast["commissioner"]).get("/api/programmes").status_code == 200


@pytest.mark.parametrize(("method", "path", "allowed"), [
    ("delete", "/api/programmes", "GET"), ("put", "/api/referrals", "GET, POST"),
    ("post", "/api/programmes/jenkins-centre/runway", "GET"), ("patch", "/api/awards", "GET, POST"),
])
def test_a_method_an_operation_does_not_take_answers_405_in_json_naming_the_allowed_ones(
        method, path, allowed, client, cast, client_for):
    for requester in (client, client_for(cast["commissioner"])):
        response = getattr(requester, method)(path)
        assert response.status_code == 405
        assert sorted(response["Allow"].split(", ")) == allowed.split(", ")
        assert json_body(response)["detail"].startswith(f"{method.upper()} is not allowed here")
