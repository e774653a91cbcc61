"""Ways records are written that the extractor reads since the twenty-ninth round, each rule on small hand-written
snippets: the post or office that approves the decision ("This paper requests approval from DMPC", "The Deputy Mayor
is asked to") decides, it is not the body a sum goes to; and a staffing unit ("1.5 FTE's", "posts") is no body."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text
from dapi.decisions.ingest.extract.misnamed import no_body

from .reading import lines_of

D = Decimal

_APPROVAL = ("Decision\nThis paper requests approval from DMPC for grants to partner organisations.\nThe DMPC is asked "
             "to:\n  • Approve a £100k grant to support enhanced activity in areas of the capital.\n")


def test_the_post_that_approves_the_decision_is_not_the_other_party():
    assert no_body(_APPROVAL, "DMPC")
    assert all(line.counterparty != "DMPC" for line in lines_of(_APPROVAL, "100000"))


def test_a_post_asked_to_approve_is_the_approver_whatever_its_title():
    text = "Decision\nThe Police and Crime Commissioner is asked to approve a grant of £20,000.\n"
    assert no_body(text, "Police and Crime Commissioner")
    assert no_body("Decision\nApproved by the Deputy Mayor.\n", "Deputy Mayor")


def test_a_commissioner_who_does_not_approve_the_decision_stays_a_body():
    text = "Decision\nThe Council approves a grant of £20,000 to the Police and Crime Commissioner.\n"
    assert not no_body(text, "Police and Crime Commissioner")


def test_a_staffing_unit_is_no_body():
    text = "Decision\nThe cost of employing 1.5 FTE's would be approximately £71,000.\n"
    assert no_body(text, "FTE")
    assert all(line.counterparty is None for line in lines_of(text, "71000"))
    assert no_body(text, "FTE's")
    assert no_body(text, "posts")
    assert not no_body(text, "Oakdale Posting Services")
