"""Ways records are written that the extractor reads since the thirty-first round, each rule on small hand-written
snippets: sums in Welsh millions ("£24.4 miliwn"), Welsh month names and the Welsh "Cyfarfod:" (meeting) header for
the decision date; a council's initials as the council itself when the record names that one council in full and never
says "the Council"; a committee, a meeting or a section of the rules of a body never the other party of a sum; a run of
bodies each with its sum in brackets ("for Witney Jazz (£160), and Aspire (£70)"); a name cut before "of", "for" or
"in" widened ("Rotary Club of Witney"); and a figure in dollars or euros among sums in pounds flagged, not read."""

from datetime import date
from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text
from dapi.decisions.ingest.extract.dates import find_dates

from .reading import lines_of

D = Decimal


def test_a_sum_in_welsh_millions_is_read_with_its_multiplier():
    text = ("Penderfyniad:\nNodwyd bod Llywodraeth Cymru wedi talu £24.4 miliwn i sefydliadau, "
            "a £1.2 biliwn i gyd.\n")
    amounts = {m.amount for m in extract_text(text).money}
    assert D("24400000") in amounts
    assert D("1200000000") in amounts
    assert D("24.40") not in amounts


def test_a_date_with_a_welsh_month_is_read():
    [mention] = find_dates("Cyfarfod y Cabinet ar 19 Mehefin 2023.")[0]
    assert mention.first == date(2023, 6, 19)
    [july] = find_dates("ar 3 Gorffennaf 2024")[0]
    assert july.first == date(2024, 7, 3)


def test_a_welsh_meeting_header_gives_the_decision_date():
    text = ("Mater - cyfarfodydd\n\nCRONFA CYMUNEDAU\n\nCyfarfod: 19/06/2023 - Cabinet (eitem 15)\n\n"
            "PENDERFYNWYD:\n\ndyfarnu cyllid i'r prosiectau.\n")
    assert extract_text(text).decision_date.value == date(2023, 6, 19)


_CHELTENHAM = ("Decision details\n\nAllocation of homelessness prevention funding\n\n"
               "Decision:\n\nTo allocate £49,000 towards the costs of Cheltenham Borough Council’s Housing Officer post.\n\n"
               "Reasons for the decision:\n\nCBC currently holds £329k funding from MHCLG.\n\nFunding has varied, as "
               "shown by the following funding allocations to CBC of £96,463, £252,577 and £435,171 for each of the "
               "years from 2018/19 to 2020/21 respectively.\n")


def test_the_initials_of_the_one_council_a_record_names_are_not_the_other_party():
    for amount in ("96463", "252577"):
        assert [m.counterparty for m in lines_of(_CHELTENHAM, amount)] == [None]


def test_initials_are_not_taken_for_the_record_s_own_when_it_names_two_councils():
    text = _CHELTENHAM.replace("Cheltenham Borough Council’s", "Cheltenham Borough Council’s and Tewkesbury Borough "
                                                                "Council’s")
    assert "CBC" in {m.counterparty for m in extract_text(text).money}


def test_a_council_s_budget_meeting_is_not_the_other_party():
    text = ("Decision:\n\nAt Budget Council meeting in March 2024 the ward budget was reduced from £20k to £10k per ward "
            "to deliver budget savings.\n")
    assert [m.counterparty for m in lines_of(text, "20000")] == [None]
    assert [m.counterparty for m in lines_of(text, "10000")] == [None]


def test_a_committee_of_a_body_is_not_the_payee_of_its_grant():
    text = ("RESOLVED – That the Grants Committee of the Bridge House Estates Board:\n"
            "i) Endorse to the BHE Board a grant of £642,500 over four years to Greater London Volunteering, to support "
            "the work of the partnership.\n")
    assert [m.counterparty for m in lines_of(text, "642500")] == ["Greater London Volunteering"]


def test_a_section_of_a_body_s_rules_is_not_the_other_party():
    text = ("Clun Architects\n\nIn accordance with Section D of the Fire Authority’s Standing Orders relating to "
            "Contracts, an exemption for architectural services, at an estimated cost of £35,000 has been agreed.\n")
    assert all(not (m.counterparty or "").startswith("Section") for m in lines_of(text, "35000"))


def test_a_figure_in_dollars_beside_sums_in_pounds_is_flagged_and_not_read():
    text = ("Decision:\n\nIt was stated that Codicote Tennis Club had received £8,000 in 2015/16 when they had actually "
            "received $2000.\n")
    draft = extract_text(text)
    assert any("$2000" in w for w in draft.warnings)
    assert D("2000") not in {m.amount for m in draft.money}


def test_a_figure_in_dollars_in_a_record_without_pounds_is_not_flagged():
    assert not [w for w in extract_text("Decision:\n\nThe club received $2000.\n").warnings if "$2000" in w]


def test_bodies_each_with_a_sum_in_brackets_are_the_payees_of_their_sums():
    text = ("Resolved:\n1. That, subsidised letting requests for use of the Corn Exchange be approved for Witney Jazz "
            "(£160), and Aspire (£70) and,\n2. That, the report be noted.\n")
    [jazz] = lines_of(text, "160")
    [aspire] = lines_of(text, "70")
    assert (jazz.counterparty, aspire.counterparty) == ("Witney Jazz", "Aspire")
    assert jazz.warning and aspire.warning


def test_welsh_councils_each_with_a_sum_in_brackets_are_named_as_councils():
    text = ("Penderfyniad:\n\ncymeradwyo ceisiadau am gyllid gan Gyngor Cymuned Corneli (£9,583) a Chyngor Cymuned "
            "Llangrallo Uchaf (£5,000) o dan y cynllun.\n")
    assert [m.counterparty for m in lines_of(text, "9583")] == ["Cyngor Cymuned Corneli"]
    assert [m.counterparty for m in lines_of(text, "5000")] == ["Cyngor Cymuned Llangrallo Uchaf"]


def test_budgets_a_sum_is_drawn_from_are_not_payees():
    text = ("Decision:\n(i) a budget of up to £4,486,400 allocated from Gainshare Revenue (£3,150,260) and Gainshare "
            "Capital (£336,140) be approved;\n")
    assert [m.counterparty for m in lines_of(text, "3150260")] == [None]
    assert [m.counterparty for m in lines_of(text, "336140")] == [None]


def test_a_body_s_name_cut_before_of_for_or_in_is_widened_to_the_whole_name():
    text = ("Decision:\nThe Cabinet Member approved the following grants:\n"
            "Barton Partners in Play £2,500\n")
    assert [m.counterparty for m in lines_of(text, "2500")] == ["Barton Partners in Play"]
    club = ("Minutes:\nRotary Club of Witney – Members received a request for £500 towards the organisation of the "
            "Colour Run event.\n")
    assert [m.counterparty for m in lines_of(club, "500")] == ["Rotary Club of Witney"]


def test_a_name_is_not_widened_over_a_month_or_an_acronym():
    text = "Decision:\nThe Cabinet approved a grant of £2,500 to the Riverside Trust in March.\n"
    assert [m.counterparty for m in lines_of(text, "2500")] == ["Riverside Trust"]
    cctv = "Decision:\nThe Cabinet approved a grant of £2,500 to the Riverside Trust for CCTV.\n"
    assert [m.counterparty for m in lines_of(cctv, "2500")] == ["Riverside Trust"]
