"""Issue 16 item 7: a programme named like a spreadsheet formula reaches the provider's caseload export as
text, never as a live formula."""

import csv
import io

from django.urls import reverse

from .builders import tatc_case

FORMULA = '=HYPERLINK("http://example.invalid/x","Click")'


def test_a_programme_named_as_a_formula_is_exported_as_text(cast, client_for):
    case, _victim, _child = tatc_case(cast)
    case.programme.name = FORMULA
    case.programme.save()
    response = client_for(cast["perpetrator-worker"]).get(reverse("cases:case_export"))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    row = next(r for r in rows if r[0] == case.reference)
    assert row[1] == "'" + FORMULA
    assert not any(cell.startswith(("=", "+", "@")) for r in rows for cell in r)
