"""OCDS 1.1 release package of every contract in the ledger.

One release per contract agreement: the buyer (the commissioner), the supplier where the record
names one, funders (the partners whose contributions pay for it), an award and a contract with
its period and `maxExtentDate` from the extension option. Values: the stated value, else the sum
of the partners' contributions over the term (per-annum amounts expanded by financial year),
which is the most the contract can cost within its term. Amendments: the ledger records no
variations to contracts yet, so none are published (the structure is ready for them).
ocid prefix: `ocds-dapi00` stands in for the prefix a publisher registers with the Open
Contracting Partnership.
"""

from datetime import date, datetime, time, timezone
from decimal import Decimal

from dapi.funding.models import Agreement, AgreementKind, Basis
from dapi.funding.money import shares_by_year

from .giving360 import org_id

OCID_PREFIX = "ocds-dapi00"


def _dt(day: date | None) -> str | None:
    return None if day is None else datetime.combine(day, time(0), tzinfo=timezone.utc).isoformat().replace(
        "+00:00", "Z")


def contract_value(agreement: Agreement) -> Decimal | None:
    if agreement.value is not None:
        return agreement.value
    lines = list(agreement.contributions.all())
    if not lines or agreement.start is None:
        return None
    total = Decimal("0")
    for line in lines:
        total += sum(shares_by_year(line.amount, line.basis == Basis.PER_ANNUM, agreement.start,
                                    agreement.end).values(), Decimal("0"))
    return total


def _party(org, roles: set[str]) -> dict:
    return {"id": org_id(org), "name": org.name, "roles": sorted(roles)}


def release(agreement: Agreement) -> dict:
    roles: dict[int, tuple] = {}

    def add(org, role):
        entry = roles.setdefault(org.pk, (org, set()))
        entry[1].add(role)

    add(agreement.commissioner, "buyer")
    if agreement.provider_id:
        add(agreement.provider, "supplier")
    for line in agreement.contributions.all():
        if line.partner_id != agreement.commissioner_id:
            add(line.partner, "funder")
    value = contract_value(agreement)
    money = {"amount": float(value), "currency": "GBP"} if value is not None else None
    period = {"startDate": _dt(agreement.start), "endDate": _dt(agreement.end)}
    if agreement.extension_until:
        period["maxExtentDate"] = _dt(agreement.extension_until)
    award = {"id": f"award-{agreement.pk}", "title": agreement.title, "status": "active",
             "contractPeriod": period,
             "suppliers": [{"id": org_id(agreement.provider), "name": agreement.provider.name}]
             if agreement.provider_id else []}
    contract = {"id": f"contract-{agreement.pk}", "awardID": award["id"], "title": agreement.title,
                "status": {"active": "active", "ended": "terminated", "terminated": "cancelled"}.get(
                    agreement.status, "pending"),
                "period": period}
    if agreement.break_notice_months:
        contract["description"] = (f"Break clause: {agreement.break_notice_months} months' notice. "
                                   + (f"Extension: {agreement.extension_terms}." if agreement.extension_terms else ""))
    if money:
        award["value"], contract["value"] = money, dict(money)
    if not award["suppliers"]:
        del award["suppliers"]
    return {
        "ocid": f"{OCID_PREFIX}-{agreement.pk}", "id": f"{OCID_PREFIX}-{agreement.pk}-contract",
        "date": _dt(agreement.start or agreement.end), "tag": ["contract"], "initiationType": "tender",
        "parties": [_party(org, r) for org, r in roles.values()],
        "buyer": {"id": org_id(agreement.commissioner), "name": agreement.commissioner.name},
        "awards": [award], "contracts": [contract], "language": "en",
    }


def package(published: date) -> dict:
    agreements = Agreement.objects.filter(kind=AgreementKind.CONTRACT).select_related(
        "commissioner", "provider").prefetch_related("contributions__partner").order_by("pk")
    return {"uri": "https://dapi.invalid/exports/ocds.json", "version": "1.1", "publishedDate": _dt(published),
            "publisher": {"name": "dapi export"}, "license": "https://creativecommons.org/licenses/by/4.0/",
            "releases": [release(a) for a in agreements]}
