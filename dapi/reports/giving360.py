"""360Giving Data Standard (1.4) export of every grant the ledger holds.

Grants are: awards (funder to recipient, e.g. the Home Office to an OPCC), grant agreements
(commissioner to provider) and allocations (the lead commissioner to a CSP, council or force).
Contracts are procurement and go to OCDS instead. A grant whose amount the record does not state
cannot be published (amountAwarded is required) and is listed as excluded.

Identifiers: grants `360G-dapi-<kind>-<id>` and organisations without an org-id.guide identifier
`360G-dapi-org-<id>`. A real publisher registers its own 360G prefix with 360Giving and uses it
instead of `360G-dapi`; charity and company numbers are published only where the ledger holds them.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dapi.funding.models import Agreement, AgreementKind, Allocation, Award

PREFIX = "360G-dapi"


@dataclass
class Excluded:
    kind: str
    pk: int
    title: str
    reason: str


def org_id(org) -> str:
    return org.org_id or f"{PREFIX}-org-{org.pk}"


def organisation(org) -> dict:
    out = {"id": org_id(org), "name": org.name}
    if org.charity_number:
        out["charityNumber"] = org.charity_number
    if org.company_number:
        out["companyNumber"] = org.company_number
    return out


def _amount(value: Decimal) -> float | int:
    # JSON numbers: pence are exact for the sums here (below 2^53 pence); ints stay ints.
    q = value.quantize(Decimal("0.01"))
    return int(q) if q == q.to_integral() else float(q)


def _planned(start: date | None, end: date | None) -> list[dict]:
    if not start or not end:
        return []
    return [{"startDate": start.isoformat(), "endDate": end.isoformat(), "duration": max(1, round(
        (end - start).days / 30.4375))}]


def _locations(areas) -> list[dict]:
    locations = []
    for area in areas:
        entry = {"name": area.name}
        if area.code:
            entry.update({"geoCode": area.code, "geoCodeType": {"local_authority": "UA", "csp": "CSP",
                                                                  "police_force_area": "PFA"}.get(area.kind, "")})
            if not entry["geoCodeType"]:
                del entry["geoCodeType"]
        locations.append(entry)
    return locations


def _programme(programme) -> list[dict]:
    return [{"code": programme.slug, "title": programme.name}]


def grants() -> tuple[list[dict], list[Excluded]]:
    out, excluded = [], []
    for a in Award.objects.select_related("funder", "recipient", "programme", "round").prefetch_related(
            "programme__areas").order_by("pk"):
        if a.amount is None:
            excluded.append(Excluded("award", a.pk, a.title, "the record does not state the amount"))
            continue
        out.append({
            "id": f"{PREFIX}-award-{a.pk}", "title": a.title,
            "description": f"{a.title}: award from {a.funder.name} to {a.recipient.name} for {a.programme.name}."
                           + (f" Conditions: {a.conditions}" if a.conditions else ""),
            "currency": "GBP", "amountAwarded": _amount(a.amount), "awardDate": a.awarded_on.isoformat(),
            "recipientOrganization": [organisation(a.recipient)], "fundingOrganization": [organisation(a.funder)],
            "plannedDates": _planned(a.start, a.end), "beneficiaryLocation": _locations(a.programme.areas.all()),
            "grantProgramme": [{"code": f"round-{a.round_id}", "title": a.round.name}] if a.round_id else
            _programme(a.programme),
        })
    for g in Agreement.objects.filter(kind=AgreementKind.GRANT).select_related(
            "commissioner", "provider", "programme").prefetch_related("programme__areas").order_by("pk"):
        if g.value is None or g.provider is None:
            excluded.append(Excluded("grant agreement", g.pk, g.title,
                                     "the record does not state the amount" if g.value is None
                                     else "the record does not name the recipient"))
            continue
        out.append({
            "id": f"{PREFIX}-agreement-{g.pk}", "title": g.title,
            "description": f"{g.title}: grant from {g.commissioner.name} to {g.provider.name} for "
                           f"{g.programme.name}." + (f" Reference {g.reference}." if g.reference else ""),
            "currency": "GBP", "amountAwarded": _amount(g.value), "awardDate": (g.start or g.end).isoformat(),
            "recipientOrganization": [organisation(g.provider)], "fundingOrganization": [organisation(g.commissioner)],
            "plannedDates": _planned(g.start, g.end), "beneficiaryLocation": _locations(g.programme.areas.all()),
            "grantProgramme": _programme(g.programme),
        })
    for x in Allocation.objects.select_related("recipient", "programme__lead_commissioner", "area").order_by("pk"):
        fy = x.fy
        out.append({
            "id": f"{PREFIX}-allocation-{x.pk}", "title": f"{x.programme.name}: {fy} allocation to {x.recipient.name}",
            "description": (x.purpose or f"Allocation for {fy} under {x.programme.name}.")
                           + (f" Conditions: {x.conditions}" if x.conditions else ""),
            "currency": "GBP", "amountAwarded": _amount(x.amount), "awardDate": fy.start.isoformat(),
            "recipientOrganization": [organisation(x.recipient)],
            "fundingOrganization": [organisation(x.programme.lead_commissioner)],
            "plannedDates": _planned(fy.start, fy.end),
            "beneficiaryLocation": _locations([x.area] if x.area_id else []),
            "grantProgramme": _programme(x.programme),
        })
    for grant in out:  # the standard wants arrays present only when they hold something
        for key in ("plannedDates", "beneficiaryLocation"):
            if not grant[key]:
                del grant[key]
    return out, excluded


def package(published: date) -> tuple[dict, list[Excluded]]:
    items, excluded = grants()
    return {"grants": items, "license": "https://creativecommons.org/licenses/by/4.0/",
            "publisher": {"name": "dapi export"}, "issued": published.isoformat(), "version": "1.4"}, excluded


CSV_COLUMNS = [
    ("Identifier", lambda g: g["id"]), ("Title", lambda g: g["title"]), ("Description", lambda g: g["description"]),
    ("Currency", lambda g: g["currency"]), ("Amount Awarded", lambda g: f"{g['amountAwarded']:.2f}"),
    ("Award Date", lambda g: g["awardDate"]),
    ("Recipient Org:Identifier", lambda g: g["recipientOrganization"][0]["id"]),
    ("Recipient Org:Name", lambda g: g["recipientOrganization"][0]["name"]),
    ("Funding Org:Identifier", lambda g: g["fundingOrganization"][0]["id"]),
    ("Funding Org:Name", lambda g: g["fundingOrganization"][0]["name"]),
    ("Planned Dates:Start Date", lambda g: g.get("plannedDates", [{}])[0].get("startDate", "")),
    ("Planned Dates:End Date", lambda g: g.get("plannedDates", [{}])[0].get("endDate", "")),
    ("Planned Dates:Duration (months)", lambda g: g.get("plannedDates", [{}])[0].get("duration", "")),
    ("Beneficiary Location:Name", lambda g: "; ".join(x["name"] for x in g.get("beneficiaryLocation", []))),
    ("Beneficiary Location:Geographic Code", lambda g: "; ".join(
        x.get("geoCode", "") for x in g.get("beneficiaryLocation", []))),
    ("Grant Programme:Code", lambda g: g["grantProgramme"][0]["code"]),
    ("Grant Programme:Title", lambda g: g["grantProgramme"][0]["title"]),
]
