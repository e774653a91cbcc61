"""Text with a NUL character is refused by the API before any view sees it: a 422 naming the field in a
body or a query, a JSON 404 in a path. PostgreSQL cannot store or compare such text (the fuzzing found
a 500 there), and no person types one. Nothing is written."""

import json

from dapi.accounts.services import api_token_create
from dapi.funding.models import Award


def test_a_nul_in_a_body_a_query_or_a_path_is_refused_naming_where_and_nothing_is_written(cast, client):
    _, token = api_token_create(user=cast["commissioner"], name="fuzz", by=None)
    auth = {"Authorization": f"Bearer {token}"}
    awards = Award.objects.count()
    body = client.post("/api/awards", json.dumps({"programme": "cleveland\x00", "funder": "x", "amount": "1.00"}),
                       content_type="application/json", headers=auth)
    assert body.status_code == 422, body.content
    assert body.json()["errors"] == {"programme": ["Text may not contain a NUL character (U+0000)."]}
    query = client.get("/api/awards?programme=cleveland%00", headers=auth)
    assert query.status_code == 422 and "programme" in query.json()["errors"]
    path = client.get("/api/programmes/cleveland%00complex-needs/runway", headers=auth)
    assert path.status_code == 404 and path["Content-Type"] == "application/json"
    assert Award.objects.count() == awards
    # Without the NUL the same requests are answered by the operations themselves.
    assert client.get("/api/awards?programme=cleveland-complex-needs", headers=auth).status_code == 200
    assert client.get("/api/programmes/cleveland-complex-needs/runway", headers=auth).status_code == 200


def test_the_nul_is_found_wherever_it_is_nested_and_named_by_its_path():
    from dapi.lib.api import _nul_at

    assert _nul_at({"lines": [{"amount": "1.00"}, {"counterparty": "Harbour\x00"}]}, "") == "lines.1.counterparty"
    assert _nul_at({"na\x00me": "x"}, "") == "na\x00me"
    assert _nul_at({"lines": [{"amount": "1.00"}], "note": "\\u0000 written out"}, "") is None
