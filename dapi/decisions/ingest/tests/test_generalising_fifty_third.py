"""Ways records are written that the extractor reads since the fifty-third round, on small hand-written snippets: the
one body said to have offered funding funds the sums of a list of funding "secured"; the one body a record says is
given funding is paid the sums that name nobody; a body that "will use their £N" is its payee; a line awarding "a
contract to" a supplier names the supplier of its sum, however far the sum comes after; a name right before
"hardware" or "equipment" is the kit a sum buys, not a supplier; a sum "awarded to" a plural kind of body ("to youth
groups"), none named, is a total; a "£" misread as "f" before a figure is read as "£",
flagged; and a decision record's number before its title, with no dash, is its reference."""

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

_SECURED = (
    "Annual report 2023/24: funding\n\n"
    "During the year new grant funding was made available by the Ministry of Justice and the office bid for it.\n"
    "We were successful in securing additional funding of:\n"
    "a) £2.1m for sexual violence support;\n"
    "b) £45,500 for a stalking advocate.\n"
    "The rest of our budget is set out in the finance section.\n"
)


def test_the_one_body_that_offered_funding_funds_the_list_of_funding_secured():
    for amount in ("2100000", "45500"):
        lines = lines_of(_SECURED, amount)
        assert [(m.counterparty, m.role) for m in lines] == [("Ministry of Justice", "award")]
        assert "offered" in lines[0].warning


def test_a_sum_outside_the_list_of_funding_secured_keeps_no_funder():
    text = _SECURED.replace("finance section.", "finance section, £90,000 for the estates review.")
    assert [m.counterparty for m in lines_of(text, "90000")] == [None]


_GIVEN = (
    "Decision 2024/118 Youth outreach workers\n\n"
    "The Commissioner agreed in 2022 to provide funding to the Riverside Youth Outreach Trust (RYOT) so that it can "
    "employ two outreach workers in the town centre.\n"
    "The financial commitment of this decision is:\n"
    "1. Provision of £38,000 in 2024/25 for two part time posts.\n"
)


def test_the_one_body_a_record_says_is_given_funding_is_paid_the_sums_that_name_nobody():
    lines = lines_of(_GIVEN, "38000")
    assert [(m.counterparty, m.role) for m in lines] == [("Riverside Youth Outreach Trust", "grant")]
    assert "given funding" in lines[0].warning


def test_two_bodies_given_funding_leave_the_sums_without_a_body():
    text = _GIVEN.replace("in the town centre.", "in the town centre, and to provide funding to the Oakdale Boxing "
                                                 "Club for its evening sessions.")
    assert [m.counterparty for m in lines_of(text, "38000")] == [None]


_USE = (
    "Summer fund opens\n\n"
    "The Commissioner's summer fund supports groups across the county this year.\n"
    "Team Harbourside in Rye will use their £4,500 cash injection to run drama workshops for teenagers.\n"
)


def test_a_body_that_will_use_its_sum_is_its_payee():
    assert [(m.counterparty, m.role) for m in lines_of(_USE, "4500")] == [("Team Harbourside", "grant")]


_CONTRACT = (
    "Decision PCD 9001 Custody health care\n\n"
    "That the Deputy Mayor approves the\n\n"
    "  1. Business Case for Custody Health Care\n"
    "  2. Award of a contract to Harbour Forensics for a 5 year term (with options to extend for a further 24 "
    "months) for the provision of custody nursing in the sum of £12.4m;\n"
)


def test_a_line_awarding_a_contract_to_a_supplier_names_the_supplier_of_its_sum():
    assert [(m.counterparty, m.role) for m in lines_of(_CONTRACT, "12400000")] == [
        ("Harbour Forensics", "contract")]


_KIT = (
    "012/2024 – Body worn video upgrade – 3 March 2024\n"
    "The Executive Board are asked to approve the upgrade of body worn video;\n"
    "- Replacement of four hundred cameras £210k\n"
    "- DEMS hardware £12.5k (dependent on testing)\n"
    "- Year 2 onwards DEMS equipment maintenance and support £0.8k per annum\n"
)


def test_a_name_before_hardware_or_equipment_is_the_kit_a_sum_buys_not_a_supplier():
    for amount in ("12500", "800"):
        lines = lines_of(_KIT, amount)
        assert [(m.counterparty, m.role) for m in lines] == [(None, "other")]
        assert "kit" in lines[0].warning


_MANY = (
    "Commissioner backs youth clubs\n\n"
    "The police and crime commissioner has awarded more than £62,000 to youth groups across the county this winter.\n"
    "Each group can spend its share on staff or equipment.\n"
)


def test_a_sum_awarded_to_a_plural_kind_of_body_none_named_is_a_total():
    assert [(m.counterparty, m.role) for m in lines_of(_MANY, "62000")] == [(None, "total")]
    one = _MANY.replace("to youth groups across", "to a youth group across")
    assert [m.role for m in lines_of(one, "62000")] != ["total"]


_MISREAD = (
    "Decision DMPCD 2019 044 Mobile data terminals\n\n"
    "The capital programme includes £2m for mobile data. The revenue requirement of f185k will be funded by the "
    "existing technology budget.\n"
)


def test_a_pound_sign_misread_as_f_before_a_figure_is_read_as_a_pound_sign_flagged():
    lines = lines_of(_MISREAD, "185000")
    assert len(lines) == 1
    assert "“f”" in lines[0].warning
    assert lines_of(_MISREAD.replace("f185k", "ref185k"), "185000") == []


def test_a_decision_records_number_before_its_title_without_a_dash_is_its_reference():
    text = ("\nDecision Record 412 Neighbourhood Speed Watch Equipment 24-25\n\n"
            "Decision taken\nThe Commissioner approved the purchase of speed watch equipment.\n")
    assert extract_text(text).reference.value == "412"
    assert extract_text(text.replace("412 Neighbourhood", "12 March")).reference.value != "12"
