"""Co-funding rules (issue 18, item 12): Hampshire's decision lets the PCC reduce its contribution by any
percentage the councils cut, and makes its contributions depend on Safer Communities and Ministry of
Justice funding. A recorded county cut proposes the mirrored PCC reduction and a new schedule; nothing
in the ledger changes until a decision approves it. An unmet funding condition is a risk on the runway."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from dapi.accounts.models import Organisation
from dapi.funding import services
from dapi.funding.cofunding import proposal
from dapi.funding.ledger import load_ledger
from dapi.funding.models import Agreement, CoFunderCut, CutStatus, FundingCondition, FundingStatus
from dapi.funding.runway import funding_table
from dapi.funding.selectors import programme_page
from dapi.lib.money import FinancialYear

TODAY = date(2024, 3, 15)
D = Decimal
PCC, HCC, SCC = ("Office of the Police and Crime Commissioner for Hampshire", "Hampshire County Council",
                 "Southampton City Council")


@pytest.fixture(autouse=True)
def demonstration_date(monkeypatch):
    monkeypatch.setenv("DAPI_TODAY", TODAY.isoformat())


@pytest.fixture
def hampshire(seeded) -> Agreement:
    return Agreement.objects.get(title="Domestic Abuse Perpetrators Service (Hampshire and Southampton)")


def org(name):
    return Organisation.objects.get(name=name)


def errors_of(call) -> dict:
    with pytest.raises(ValidationError) as e:
        call()
    return {name: " ".join(messages) for name, messages in e.value.message_dict.items()}


def confirmed(agreement, fy: int) -> dict[str, Decimal]:
    table = funding_table(load_ledger(agreement.programme))
    return {r.source: r.confirmed.get(FinancialYear(fy)) for r in table.rows}


def current_proposal(cut):
    a = cut.agreement
    return proposal(a, list(a.contributions.select_related("partner")), list(a.mirrored_reductions.all()), cut)


def test_the_seeds_record_hampshires_rules(hampshire):
    assert sorted((r.partner.name, r.follows.name, r.source) for r in hampshire.mirrored_reductions.all()) == [
        (PCC, HCC, "PCCML/000407/2018, recommendation 2.2.2"), (PCC, SCC, "PCCML/000407/2018, recommendation 2.2.2")]
    (condition,) = hampshire.funding_conditions.all()
    assert (condition.partner.name, condition.funding, condition.status) == (PCC, "Safer Communities Funding", "unknown")
    victims = Agreement.objects.get(title="Domestic Abuse Support Service for Victims (Hampshire only)")
    (mirror,) = victims.mirrored_reductions.all()
    assert (mirror.partner.name, mirror.follows.name) == (PCC, HCC)
    assert victims.funding_conditions.get().funder.name == "Ministry of Justice"


def test_a_county_cut_proposes_the_mirrored_pcc_reduction_and_changes_nothing_until_approved(hampshire):
    before = confirmed(hampshire, 2023)
    cut = services.cofunder_cut_record(agreement=hampshire, by=None, partner=org(HCC), from_year=2023,
                                       percentage=D("10"), recorded_on=date(2024, 2, 1))
    assert cut.status == CutStatus.PROPOSED
    p = current_proposal(cut)
    assert [(c.partner.name, c.before, c.after, c.mirrored) for c in p.changes] == [
        (HCC, D("100000.00"), D("90000.00"), False), (PCC, D("70000.00"), D("63000.00"), True)]
    by_partner = {y.partner.name: y for y in p.partners}
    fy22, fy23 = FinancialYear(2022), FinancialYear(2023)
    assert by_partner[PCC].current[fy23] == D("70000.00") and by_partner[PCC].proposed[fy23] == D("63000.00")
    assert by_partner[PCC].proposed[fy22] == D("70000.00") and not by_partner[SCC].changed(fy23)
    current, proposed = p.totals()
    assert (current[fy23], proposed[fy23]) == (D("210000.00"), D("193000.00"))
    assert confirmed(hampshire, 2023) == before  # a proposal: nothing in the ledger has changed

    decision = hampshire.programme.decisions.get(reference="PCCML/000407/2018")
    services.cofunder_cut_apply(cut=cut, by=None, decision=decision, applied_on=date(2024, 3, 1))
    after = confirmed(hampshire, 2023)
    assert (after[PCC], after[HCC], after[SCC]) == (D("63000.00"), D("90000.00"), D("40000.00"))
    assert confirmed(hampshire, 2022)[PCC] == D("70000.00")
    lines = sorted((c.partner.name, c.amount, c.start, c.end) for c in hampshire.contributions.all())
    assert (PCC, D("70000.00"), None, date(2023, 3, 31)) in lines and (PCC, D("63000.00"), date(2023, 4, 1), None) in lines
    cut.refresh_from_db()
    assert (cut.status, cut.applied_on, list(cut.decisions.all())) == (CutStatus.APPLIED, date(2024, 3, 1), [decision])
    assert "already applied on 1 Mar 2024" in errors_of(lambda: services.cofunder_cut_apply(
        cut=cut, by=None, decision=decision, applied_on=date(2024, 3, 1)))["__all__"]


def test_a_cut_as_an_amount_is_the_same_share_of_the_partners_money(hampshire, hampshire_decision=None):
    cut = services.cofunder_cut_record(agreement=hampshire, by=None, partner=org(SCC), from_year=2022,
                                       amount=D("10000"), recorded_on=date(2024, 2, 1))
    p = current_proposal(cut)
    assert p.percentage == D("25.00")
    assert [(c.partner.name, c.after) for c in p.changes] == [(SCC, D("30000.00")), (PCC, D("52500.00"))]


@pytest.mark.parametrize("fields, field, message", [
    ({"percentage": D("120")}, "percentage", "Enter a percentage more than 0 and at most 100."),
    ({"percentage": D("0")}, "percentage", "Enter a percentage more than 0 and at most 100."),
    ({"percentage": D("10"), "amount": D("10")}, "percentage", "as a percentage or as an amount a year (one of them)"),
    ({}, "percentage", "as a percentage or as an amount a year (one of them)"),
    ({"amount": D("100000.01")}, "amount", "£100,000.01 is more than the £100,000.00 Hampshire County Council pays"),
    ({"percentage": D("10"), "from_year": 2024}, "from_year", "2024/25 is outside the agreement's term"),
    ({"percentage": D("10"), "recorded_on": date(2024, 3, 16)}, "recorded_on", "cannot be in the future"),
])
def test_a_cut_over_100_percent_outside_the_term_or_in_the_future_is_refused(hampshire, fields, field, message):
    fields = {"from_year": 2023, "recorded_on": date(2024, 2, 1), **fields}
    errors = errors_of(lambda: services.cofunder_cut_record(agreement=hampshire, by=None, partner=org(HCC), **fields))
    assert message in errors[field]
    assert not CoFunderCut.objects.exists()


def test_a_cut_by_an_organisation_with_no_line_is_refused(hampshire):
    errors = errors_of(lambda: services.cofunder_cut_record(agreement=hampshire, by=None, partner=org("Home Office"),
                                                            from_year=2023, percentage=D("5"),
                                                            recorded_on=date(2024, 2, 1)))
    assert errors["partner"] == "Home Office has no line in this agreement's schedule: choose one of its partners."


def test_applying_a_cut_needs_an_approved_decision_of_the_programme(hampshire):
    cut = services.cofunder_cut_record(agreement=hampshire, by=None, partner=org(HCC), from_year=2023,
                                       percentage=D("10"), recorded_on=date(2024, 2, 1))
    errors = errors_of(lambda: services.cofunder_cut_apply(cut=cut, by=None, decision=None, applied_on=date(2024, 4, 1)))
    assert errors["decision"] == "Choose the decision record that approved the cut."
    assert "cannot be in the future" in errors["applied_on"]
    cut.refresh_from_db()
    assert cut.status == CutStatus.PROPOSED and hampshire.contributions.count() == 3


def test_mirror_rules_and_funding_conditions_refuse_bad_partners(hampshire):
    assert errors_of(lambda: services.mirror_rule_add(agreement=hampshire, by=None, partner=org(HCC),
                                                      follows=org(HCC)))["follows"].startswith("A partner cannot follow")
    assert "already follows" in errors_of(lambda: services.mirror_rule_add(
        agreement=hampshire, by=None, partner=org(PCC), follows=org(HCC)))["follows"]
    errors = errors_of(lambda: services.funding_condition_add(agreement=hampshire, by=None, partner=org("Home Office"),
                                                              funding=""))
    assert "has no line" in errors["partner"] and errors["funding"].startswith("Name the funding")


def test_cofunding_writes_are_refused_to_whoever_may_not_change_the_ledger(cast, hampshire):
    with pytest.raises(Http404):
        services.cofunder_cut_record(agreement=hampshire, by=cast["commissioner"], partner=org(HCC), from_year=2023,
                                     percentage=D("10"), recorded_on=date(2024, 2, 1))
    with pytest.raises(Http404):
        services.funding_condition_set_status(condition=hampshire.funding_conditions.get(), by=cast["commissioner"],
                                              status=FundingStatus.NOT_FORTHCOMING)
    assert not CoFunderCut.objects.exists()


def test_an_unmet_funding_condition_is_a_risk_on_the_runway(cast, hampshire):
    condition = hampshire.funding_conditions.get()
    page = programme_page(cast["commissioner"], "hampshire-perpetrator", TODAY)
    assert page.runway.funding_risks == []  # unknown, with no date it should be known by
    services.funding_condition_set_status(condition=condition, by=None, status=FundingStatus.UNKNOWN,
                                          known_by=date(2024, 3, 1))
    page = programme_page(cast["commissioner"], "hampshire-perpetrator", TODAY)
    assert [r.message for r in page.runway.funding_risks] == [
        f"{PCC}'s contribution to Domestic Abuse Perpetrators Service (Hampshire and Southampton) depends on Safer "
        "Communities Funding, which is still not known: it was due to be known by 1 Mar 2024."]
    services.funding_condition_set_status(condition=condition, by=None, status=FundingStatus.NOT_FORTHCOMING)
    page = programme_page(cast["commissioner"], "hampshire-perpetrator", TODAY)
    assert page.runway.funding_risks[0].message.endswith("which is not forthcoming.")
    services.funding_condition_set_status(condition=condition, by=None, status=FundingStatus.CONFIRMED)
    assert programme_page(cast["commissioner"], "hampshire-perpetrator", TODAY).runway.funding_risks == []
    assert FundingCondition.objects.get(pk=condition.pk).version == 4
