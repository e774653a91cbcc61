"""Ways records are written that the extractor reads since the fifty-eighth round, on small hand-written snippets: a
contract's sum stated apart from the direct award the record makes is the one provider's it names, even with a
clause between "direct award" and "to"; initials in brackets after two names joined by "and" stand for the one they
spell; a subject after "while" who "will receive" a sum is its recipient; and "from the 1 April ... until the 31
March ..." is a period, as is "for one year from 1 April ..."."""

from datetime import date

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

_DIRECT = (
    "Decision details\n\nHealth Visiting Contract - Direct Award\n\n"
    "Decision Maker: Cabinet Member for Public Health\n\n"
    "Summary\n\nThis report asks for approval to proceed with a direct award to Northshire Community Healthcare NHS "
    "Trust (NCHT) for a period of two years to deliver the health visiting service.\n\n"
    "Decision:\n\nThat the Cabinet Member approve a direct award, and a waiver from the Procurement Code, to NCHT for "
    "the delivery of the health visiting service. The contract would be for a period of two years from the 1 April "
    "2021 until the 31 March 2023. The total cost of the two-year contract was £4,310,200.\n"
)


def test_a_contract_sum_apart_from_the_direct_award_is_the_one_providers():
    assert [(m.counterparty, m.role) for m in lines_of(_DIRECT, "4310200")] == [
        ("Northshire Community Healthcare NHS Trust", "contract")]


def test_two_providers_of_direct_awards_leave_the_contract_sum_alone():
    text = _DIRECT.replace("to NCHT for", "to Southshire Care Partnership for")
    providers = {"Northshire Community Healthcare NHS Trust", "Southshire Care Partnership"}
    assert [m.counterparty in providers for m in lines_of(text, "4310200")] == [False]


def test_a_direct_award_of_a_further_contract_names_the_provider_of_the_contract_value():
    text = ("Decision details\n\nSupported lodgings for young people\n\nDecision:\n\n"
            "The Director decided to award the contract by way of a direct award for\n"
            "a 12 month term with a contract value of £118,250.40.\n"
            "Reasons for the decision:\n\nHomestay Partners are the commissioned provider.\n"
            "The direct award of a further 12-month contract to Homestay\nPartners.\n")
    assert [(m.counterparty, m.role) for m in lines_of(text, "118250.40")] == [("Homestay Partners", "contract")]


def test_initials_after_two_names_joined_by_and_stand_for_the_one_they_spell():
    text = ("Minutes\n\nCommunity recovery grants\n\n"
            "Open Doors and Harbour Recovery Project Ltd. (HRPL) were both successful in gaining funding.\n"
            "Open Doors will receive £41,300 each year to provide outreach, while HRPL will receive £126,000 each "
            "year to provide counselling.\n")
    assert [m.counterparty for m in lines_of(text, "126000")] == ["Harbour Recovery Project Ltd."]


def test_the_subject_after_while_who_will_receive_a_sum_is_its_recipient():
    text = ("Minutes\n\nCommunity recovery grants\n\n"
            "Open Doors will receive £41,300 each year to provide outreach, while Harbour Recovery Project will "
            "receive £126,000 each year to provide counselling.\n")
    assert [m.counterparty for m in lines_of(text, "126000")] == ["Harbour Recovery Project"]


def test_from_the_first_date_until_the_second_is_a_period():
    assert extract_text(_DIRECT).period.value == (date(2021, 4, 1), date(2023, 3, 31))


def test_a_number_of_years_from_a_day_is_the_period():
    text = ("Minutes\n\nSchool nursing contract\n\n"
            "To seek approval to extend and vary the school nursing contract for one year from 1 April 2019.\n"
            "Resolved: that the extension be approved.\n")
    assert extract_text(text).period.value == (date(2019, 4, 1), date(2020, 3, 31))
