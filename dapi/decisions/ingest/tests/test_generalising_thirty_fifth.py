"""Ways records are written that the extractor reads since the thirty-fifth round, on small hand-written snippets: a
scheme of virement or delegation levels ("Service Head £25,000", "Chief Officers and Section 151 Officer £50,000",
"Cabinet £100,000") sets thresholds, and the posts and organs beside them are the deciding body's own, not the other
party of a payment; a fund named after what it pays for ("the Youth Services fund", "Youth Services Grant 2022-23")
names no body paid; while a body beside a sum in a list is still its counterparty; and a group numbered in its place
("17th Reigate Scout Group") keeps its number, though a date before a name ("21st March") is not taken for one."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

D = Decimal


_LEVELS = ("Decision details\n\nREVISION OF VIREMENT LEVELS\n\nDecision Maker: Council\n\nDecisions:\n\nRESOLVED:   A.     "
           "That the amendment of the virement approval levels be approved as follows:\n\n"
           "Service Head                                   £25,000\n\n"
           "Chief Officers and Section 151 Officer         £50,000\n\n"
           "Cabinet                                        £100,000\n\n"
           "Full Council                                   over £100,000\n")

_GRANTS = ("Decision details\n\nCOMMUNITY GRANTS\n\nDecision Maker: Council\n\nDecisions:\n\nRESOLVED:   A.     "
           "That the following grants be approved:\n\n"
           "Oakdale Youth Trust                            £25,000\n\n"
           "Hilltop Carers                                 £50,000\n")


def test_a_service_head_beside_a_virement_level_is_no_party_paid():
    [line] = lines_of(_LEVELS, "25000")
    assert (line.counterparty, line.role) == (None, "other")


def test_chief_officers_and_the_section_151_officer_beside_a_level_are_no_party_paid():
    [line] = lines_of(_LEVELS, "50000")
    assert (line.counterparty, line.role) == (None, "other")


def test_the_cabinet_beside_a_level_is_no_party_paid():
    assert all(m.counterparty is None for m in lines_of(_LEVELS, "100000"))


def test_a_body_beside_a_sum_in_a_list_of_grants_is_still_its_counterparty():
    assert [m.counterparty for m in lines_of(_GRANTS, "25000")] == ["Oakdale Youth Trust"]
    assert [m.counterparty for m in lines_of(_GRANTS, "50000")] == ["Hilltop Carers"]


_FUND = ("Youth Services Grant 2022-23\n\nTo receive the report of the Deputy Town Clerk.\n\nMinutes:\n\nMembers welcomed all "
         "the applications which totalled more than £60,000 over the allocated budget.\n\nRESOLVED: That the decision on "
         "distribution of the Youth Services fund be deferred to the Finance Committee.\n")


def test_a_fund_named_after_the_services_it_pays_for_names_no_body():
    [line] = lines_of(_FUND, "60000")
    assert line.counterparty is None


_SCOUTS = ("Cash for communities: the latest awards\n\nThe Commissioner has awarded the following grants.\n\n"
           "17th Reigate Scout Group – awarded £5,000 towards the building of a new Scout hall.\n")

_DATED = ("Cash for communities: the latest awards\n\nThe Commissioner has awarded the following grants.\n\n"
          "21st March Oakdale Youth Trust – awarded £5,000 towards a new minibus.\n")


def test_a_group_numbered_in_its_place_keeps_its_number():
    assert [m.counterparty for m in lines_of(_SCOUTS, "5000")] == ["17th Reigate Scout Group"]


def test_a_date_before_a_name_is_not_taken_for_its_number():
    assert all(not (m.counterparty or "").startswith("21st") for m in lines_of(_DATED, "5000"))
