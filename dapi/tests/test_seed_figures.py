"""Every figure DOMAIN.md section 2 quotes from the seeds reconciles in the ledger."""

from decimal import Decimal

from dapi.decisions.models import Decision
from dapi.decisions.selectors import decision_reconciliations
from dapi.funding.models import Agreement, Allocation, Award, MatchContribution, Programme
from dapi.lib.money import FinancialYear
from dapi.funding.ledger import load_ledger
from dapi.funding.runway import funding_table

D = Decimal


def test_cleveland_2022_0007_total_is_award_plus_match_and_the_three_providers(seeded):
    decision = Decision.objects.get(reference="2022-0007")
    award = decision.awards.get()
    match = decision.match_contributions.get()
    assert award.amount == D("157423.33")
    assert match.amount == D("71711.67")
    assert award.amount + match.amount == D("229135.00")
    by_provider = {a.provider.name: a.value for a in decision.agreements.all()}
    assert by_provider == {
        "Harbour Support Services": D("121197.00"),
        "My Sister's Place": D("99938.00"),
        "Barefoot Social Research": D("8000.00"),
    }
    assert sum(by_provider.values()) == D("229135.00")
    checks = decision_reconciliations(decision)
    assert [(c.stated, c.computed, c.reconciles) for c in checks] == [
        (D("229135.00"), D("229135.00"), True),
        (D("229135.00"), D("229135.00"), True),
    ]


def test_cleveland_year_one_award_and_interim_coordinator_are_recorded(seeded):
    assert Award.objects.filter(amount=D("200124.66"), awarded_on__year=2021, awarded_on__month=7).exists()
    interim = Agreement.objects.get(value=D("27690.00"))
    assert (interim.start.isoformat(), interim.end.isoformat()) == ("2023-11-01", "2024-07-31")
    assert interim.provider.name == "Harbour Support Services"


def test_gmca_csp_allocations_add_up_to_329_450(seeded):
    decision = Decision.objects.get(title="PCC - Domestic Abuse Perpetrator Interventions")
    csp = {a.recipient.name.removesuffix(" Community Safety Partnership"): a.amount
           for a in decision.allocations.filter(programme__slug="greater-manchester-csp")}
    assert csp["Manchester"] == D("60290")
    assert all(csp[name] == D("33645") for name in
               ["Bolton", "Stockport", "Wigan", "Bury", "Salford", "Rochdale", "Trafford", "Oldham"])
    assert sum(csp.values()) == D("329450")
    [check] = decision_reconciliations(decision)
    assert (check.stated, check.computed, check.reconciles) == (D("329450"), D("329450.00"), True)
    assert Allocation.objects.get(recipient__name="Greater Manchester Police").amount == D("90000")
    assert Agreement.objects.get(provider__name="The Hampton Trust").value == D("44800")
    assert (decision.decision_date.isoformat(), decision.publication_date.isoformat()) == ("2024-03-26", "2024-05-09")
    assert decision.is_key_decision is False and decision.is_subject_to_call_in is False


def test_hampshire_per_annum_contributions_expand_over_2019_20_to_2023_24(seeded):
    table = funding_table(load_ledger(Programme.objects.get(slug="hampshire-perpetrator")))
    years = [str(fy) for fy in table.years]
    assert years == ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]
    by_source = {row.source: row for row in table.rows}
    assert set(by_source["Office of the Police and Crime Commissioner for Hampshire"].confirmed.values()) == {D("70000.00")}
    assert set(by_source["Hampshire County Council"].confirmed.values()) == {D("100000.00")}
    assert set(by_source["Southampton City Council"].confirmed.values()) == {D("40000.00")}
    assert table.confirmed_by_year()[FinancialYear(2021)] == D("210000.00")
    assert table.total_confirmed() == D("1050000.00")


def test_hampshire_victim_service_contributions_are_294_500_and_1_483_900_a_year(seeded):
    table = funding_table(load_ledger(Programme.objects.get(slug="hampshire-victim")))
    by_source = {row.source: set(row.confirmed.values()) for row in table.rows}
    assert by_source["Office of the Police and Crime Commissioner for Hampshire"] == {D("294500.00")}
    assert by_source["Hampshire County Council"] == {D("1483900.00")}


def test_cleveland_sources_by_year_add_up_to_the_amounts_recorded(seeded):
    table = funding_table(load_ledger(Programme.objects.get(slug="cleveland-complex-needs")))
    expected = D("200124.66") + D("157423.33") + D("71711.67") + D("27690.00")
    assert table.total_confirmed() == expected
    assert MatchContribution.objects.get().amount == D("71711.67")


def test_the_jenkins_centre_bid_and_contract_values_are_not_stated_and_say_so(seeded):
    table = funding_table(load_ledger(Programme.objects.get(slug="jenkins-centre")))
    assert any("value not stated" in line for line in table.unstated)
    assert any("amount requested not recorded" in line for line in table.unstated)
