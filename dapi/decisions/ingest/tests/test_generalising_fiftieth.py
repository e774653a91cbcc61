"""Ways records are written that the extractor reads since the fiftieth round, on small hand-written snippets: a
reference after a table's border ("| Decision No: ..."), after "Decision ID:" in a flattened form, or leading a long
heading that ends in its day; the day under a record's heading; a figure a body estimated, a shortfall and a loss have
no party, nor has the deciding body's own funding; a funder named straight after a sum as the grant's giver, or in the
sentence before a place's share; a provider named with "from X under this contract"; a listed project's body opening
the paragraph under it; and a body named by its initials in a pair of sums each "for" a body."""

from datetime import date

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of


def test_a_reference_after_a_tables_border_is_read():
    text = ("| Decision No: KEY112 - 04/2011\nForward Plan No: FP0099 |\nRECORD OF EXECUTIVE DECISION\n"
            "| |\nSUBJECT: | Library opening hours |\n")
    assert extract_text(text).reference.value == "KEY112 - 04/2011"


def test_a_decision_id_in_a_flattened_form_is_the_reference():
    text = ("DECISION RECORD Decision ID: OPCC 000377 2021 Office of the Police and Crime Commissioner for Oakshire "
            "Decision title Renewal of the victims' helpline Executive summary The helpline is renewed for a year.\n")
    assert extract_text(text).reference.value == "OPCC 000377 2021"


def test_a_numbered_heading_ending_in_its_day_is_read_however_long():
    text = ("Oakshire Police and Crime Commissioner\n\n"
            "071/2015 – Oakshire Police (OP) replacement of the custody suite closed circuit television system and the "
            "interview recording equipment at the three main custody suites across the county – 14 June 2015\n\n"
            "Executive Summary:\n\nThis decision notice requests approval to replace the equipment.\n")
    assert extract_text(text).reference.value == "071/2015"


def test_the_day_under_a_records_heading_is_the_decision_date():
    text = ("| Decision No: KEY112 - 04/2011\nRECORD OF EXECUTIVE DECISION\n14/06/2011 | |\n| |\n"
            "DECISION-MAKER: | CABINET |\nSUBJECT: | Library opening hours |\n")
    assert extract_text(text).decision_date.value == date(2011, 6, 14)


_ESTIMATE = (
    "Decision Record\n\nOut of court disposals\n\n"
    "Community resolutions save money across the justice system: the Office for Sentencing Research estimate that it "
    "costs up to £2,300 to take an offender to court, but only £380 to deliver a community resolution.\n\n"
    "The Commissioner approves the extension of the scheme for a year.\n"
)


def test_figures_a_body_estimates_have_no_party():
    assert [m.counterparty for m in lines_of(_ESTIMATE, "2300")] == [None]
    assert [m.counterparty for m in lines_of(_ESTIMATE, "380")] == [None]


_SHORTFALL = (
    "Oakshire Police and Crime Panel\n\nMinutes\n\n"
    "The Commissioner stated that despite Oakshire Police making £9m of savings, a further £6.2m was required to be "
    "found to close the deficit for 2026/27 and a further £4.1m over the medium-term financial plan.\n"
)


def test_a_shortfall_and_the_further_sum_after_it_have_no_party():
    assert [(m.counterparty, m.role) for m in lines_of(_SHORTFALL, "6200000")] == [(None, "other")]
    assert [(m.counterparty, m.role) for m in lines_of(_SHORTFALL, "4100000")] == [(None, "other")]


_LOST = (
    "RECORD OF EXECUTIVE DECISION\n\nSUBJECT: School kitchens grant\n\n"
    "If the Council were to decide not to accept the grant then the department would have to pay the full amount to "
    "Brookside Academy Trust. However Brookside Academy Trust would not be able to recover VAT on the works and "
    "investment of up to £64,000 would be lost.\n"
)


def test_a_sum_that_would_be_lost_has_no_party():
    assert [(m.counterparty, m.role) for m in lines_of(_LOST, "64000")] == [(None, "other")]


_OWN_FUNDING = (
    "Capital spend for two mobile police stations\n\n"
    "To approve Oakshire Police and Crime Commissioner’s capital funding of £96,000 for the purchase of two mobile "
    "police stations for Oakshire Constabulary\n\nDecision Summary\n\nThe vehicles will replace two that are worn out.\n"
)


def test_the_deciding_bodys_own_funding_has_no_party():
    assert [m.counterparty for m in lines_of(_OWN_FUNDING, "96000")] == [None]


_GRANT_AFTER = (
    "Oakshire Police Authority decision\n\nKnife crime hotspots\n\n"
    "This paper seeks approval for the force's application for up to £4,250,000 Home Office (HO) Hotspot Fund grant "
    "for 2023-2026.\n"
)


def test_a_funder_named_straight_after_a_sum_as_the_grants_giver_is_its_party():
    assert [(m.counterparty, m.role) for m in lines_of(_GRANT_AFTER, "4250000")] == [("Home Office", "award")]


_PLACE_SHARE = (
    "Decision record\n\nStalking advocacy\n\n"
    "In May 2024, the Ministry of Justice (MoJ) informed Police and Crime Commissioners that they would be providing "
    "an uplift to the victims' services allocation. For Oakshire this was to the value of up to £18,440.25 to be spent "
    "by 31 March 2025.\n"
)


def test_a_places_share_takes_the_funder_of_the_sentence_before():
    assert [(m.counterparty, m.role) for m in lines_of(_PLACE_SHARE, "18440.25")] == [("Ministry of Justice", "award")]


_UNDER_CONTRACT = (
    "Report to the Joint Commissioning Group\n\n"
    "The Council purchases two levels of service from Harbourlight under this contract.\n\n"
    "An extension of service was agreed up to 31 March 2018 at an amount of £12,400 which covers the costs of a "
    "support worker.\n"
)


def test_a_provider_named_with_from_under_this_contract_takes_the_contracts_sum():
    assert [(m.counterparty, m.role) for m in lines_of(_UNDER_CONTRACT, "12400")] == [("Harbourlight", "contract")]


_LISTED = (
    "Oakshire Police and Crime Commissioner\n\nInnovation fund makes its first awards\n\n"
    "The fund is open to public and voluntary organisations.\n\n"
    "The projects which have received funding to date are:\n\n"
    "Oakshire Tenancy Support Scheme (£25,000)\n"
    "Riverside Housing Association will help people leaving prison to find a home.\n"
)


def test_a_listed_projects_sum_goes_to_the_body_opening_the_paragraph_under_it():
    assert [(m.counterparty, m.role) for m in lines_of(_LISTED, "25000")] == [("Riverside Housing Association", "award")]


_PAIR = (
    "Decision record\n\nStreet violence\n\n"
    "The Decision also included grant funding of £150,000 for the RTP and £60,000 for the Oakshire Constabulary.\n"
)


def test_a_body_named_by_its_initials_in_a_pair_of_sums_is_its_party():
    assert [m.counterparty for m in lines_of(_PAIR, "150000")] == ["RTP"]
    assert [m.counterparty for m in lines_of(_PAIR, "60000")] == ["Oakshire Constabulary"]
