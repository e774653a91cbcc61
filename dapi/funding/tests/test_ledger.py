"""One ledger loader: every programme's money rows in a fixed number of queries, each kind in its
model's order, the organisations they name read once."""

from datetime import date
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from dapi.funding import services
from dapi.funding.ledger import load_ledger, load_ledgers
from dapi.funding.models import Agreement, Allocation, Award, Bid, MatchContribution, Programme


def queries_to_load(programmes, as_of=None) -> tuple[int, list]:
    programmes = list(programmes)
    with CaptureQueriesContext(connection) as captured:
        ledgers = load_ledgers(programmes, as_of)
        for ledger in ledgers:  # what the readers touch: no query may hide behind it
            [(a.provider, ledger.schedule(a)) for a in ledger.agreements]
            [c.partner.name for a in ledger.agreements for c in ledger.schedule(a)]
            [(aw.funder.name, aw.recipient.name) for aw in ledger.awards]
            [(al.recipient.name, al.area) for al in ledger.allocations]
            [m.partner.name for m in ledger.match_contributions]
            [b.round.stream.funder.name for b in ledger.bids]
    return len(captured), ledgers


def test_a_ledger_holds_exactly_its_programmes_rows_in_model_order(seeded):
    for programme in Programme.objects.all():
        ledger = load_ledger(programme)
        assert ledger.programme == programme
        assert ledger.agreements == list(Agreement.objects.filter(programme=programme))
        assert ledger.allocations == list(Allocation.objects.filter(programme=programme))
        assert ledger.awards == list(Award.objects.filter(programme=programme))
        assert ledger.match_contributions == list(MatchContribution.objects.filter(programme=programme))
        assert ledger.bids == list(Bid.objects.filter(programme=programme))
        for agreement in ledger.agreements:
            assert ledger.schedule(agreement) == list(agreement.contributions.all())
        assert not ledger.is_partial and ledger.funded_before is None


def test_every_ledger_is_read_in_seven_queries_however_many_rows_and_programmes(cast):
    small, _ = queries_to_load(Programme.objects.filter(slug="cleveland-complex-needs"))
    cleveland = Programme.objects.get(slug="cleveland-complex-needs")
    for i in range(5):
        services.agreement_create(
            by=cast["commissioner"], programme=cleveland, kind="grant", title=f"Ledger test {i}",
            commissioner=cleveland.lead_commissioner, value=Decimal("100.00"), start=date(2024, 4, 1),
            end=date(2025, 3, 31), status="active",
            contributions=[{"partner": cleveland.lead_commissioner, "amount": Decimal("100.00"), "basis": "total"}])
    large, ledgers = queries_to_load(Programme.objects.all())
    assert small == large == 7
    assert len(ledgers) == Programme.objects.count()


def test_a_ledger_read_as_of_a_date_keeps_only_what_can_still_fund_it_and_when_it_was_last_funded(seeded):
    count, [jenkins] = queries_to_load(Programme.objects.filter(slug="jenkins-centre"), date(2023, 6, 1))
    assert count <= 7 + 4  # empty lists (no agreement, so no schedule) are not queried at all
    assert jenkins.is_partial and jenkins.as_of == date(2023, 6, 1)
    assert jenkins.agreements == []  # its contract ended on 31 Mar 2023
    assert jenkins.funded_before == date(2023, 3, 31)
    assert [b.status for b in jenkins.bids] == ["pending"]  # bids are kept whatever their dates


def test_no_programmes_read_nothing(db):
    with CaptureQueriesContext(connection) as captured:
        assert load_ledgers([]) == []
    assert len(captured) == 0
