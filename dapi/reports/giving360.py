"""360Giving Data Standard 1.4: every grant the funding ledger holds, as a package or a CSV sheet.

Grants are money given, not bought: awards (a funder to a recipient, e.g. the Home Office to an
OPCC), grant agreements (a commissioner to a provider, e.g. Cleveland OPCC to Harbour Support
Services) and allocations (a programme's lead commissioner to a CSP, council or force). Contracts
are procurement and go to OCDS (ocds.py); match contributions and bids move no money to anyone.

A row becomes a grant only when the record states what the standard requires; otherwise it is
listed as excluded with the reason, never published with an invented figure:
- the amount: the stated amount, or for a grant agreement without one its partner lines over the
  term (per-annum lines by financial year); a draft agreement is not yet awarded;
- the award date: an award's own date; for agreements and allocations the earliest approved
  decision record linked to them, else the agreement's start or the allocation's financial year.

Identifiers: grants `<prefix>-<award|agreement|allocation>-<ledger id>`; organisations their
org-id.guide identifier (`Organisation.org_id`, e.g. GB-LAE-HAM, GB-GOR-D16), and only an organisation
with none `<prefix>-org-<id>`. The prefix is settings.DAPI_360G_PREFIX, the one the publisher registers
with 360Giving (default `360G-dapi`, which stands in for it).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch

from dapi.decisions.models import Decision, DecisionStatus
from dapi.funding.models import Agreement, AgreementKind, AgreementStatus, Allocation, Award
from dapi.funding.services import schedule_total

VERSION = "1.4"
OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
PENNY = Decimal("0.01")

# The ONS entity (first three characters of a GSS code) -> the standard's geoCodeType codelist.
GEO_CODE_TYPES = {
    "E00": "OA", "W00": "OA", "E01": "LSOA", "W01": "LSOA", "E02": "MSOA", "W02": "MSOA", "E04": "PAR",
    "E05": "WD", "W05": "WD", "E06": "UA", "W06": "UA", "E07": "NMD", "E08": "MD", "E09": "LONB",
    "E10": "CTY", "E14": "WPC", "W07": "WPC", "E22": "CSP", "W14": "CDRP", "E23": "PFA",
}


class NotPublishable(Exception):
    """The record lacks something the standard requires; the message says what."""


@dataclass(frozen=True)
class Excluded:
    kind: str
    pk: int
    title: str
    reason: str

    def __str__(self) -> str:
        return f"Not published: {self.kind} {self.pk} ({self.title}): {self.reason}."


# -- values --------------------------------------------------------------------------------------

def json_number(amount: Decimal) -> int | float:
    """A Decimal amount as a JSON number carrying exactly its value in pence.

    Whole pounds become integers. Otherwise a float: its shortest repr (what `json` writes)
    round-trips any decimal of up to 15 significant digits, and ledger money has at most 14
    (MONEY max_digits), so 157423.33 is written as 157423.33. Anything longer is refused."""
    pence = amount.quantize(PENNY)
    if pence == pence.to_integral_value():
        return int(pence)
    number = float(pence)
    if Decimal(repr(number)) != pence:
        raise ValueError(f"{amount} has more digits than a JSON number carries exactly")
    return number


def prefix() -> str:
    """The publisher's 360Giving prefix (settings.DAPI_360G_PREFIX)."""
    return settings.DAPI_360G_PREFIX


def org_id(org) -> str:
    """The organisation's org-id identifier; the publisher's own prefix only for one that has none."""
    return org.org_id or f"{prefix()}-org-{org.pk}"


def organisation(org, *, numbers: bool = False) -> dict:
    """An Organization object; charity and company numbers only where the ledger holds them."""
    out = {"id": org_id(org), "name": org.name}
    if numbers and org.charity_number:
        out["charityNumber"] = org.charity_number
    if numbers and org.company_number:
        out["companyNumber"] = org.company_number
    return out


def duration_months(start: date, end: date) -> int | float:
    """Whole calendar months when [start, end] is exactly that (1 Jul 2022 - 31 Oct 2023 is 16),
    else days / average month length to one decimal place."""
    after = end + timedelta(days=1)
    if after.day == start.day:
        return (after.year - start.year) * 12 + after.month - start.month
    return round((after - start).days / 30.4375, 1)


def planned_dates(start: date | None, end: date | None) -> list[dict]:
    if not start or not end:
        return []
    return [{"startDate": start.isoformat(), "endDate": end.isoformat(), "duration": duration_months(start, end)}]


def geo_code_type(code: str) -> str | None:
    return GEO_CODE_TYPES.get(code[:3]) if len(code) == 9 and code[3:].isdigit() else None


def location(area) -> dict:
    """A beneficiary location: the area's name, and its ONS code with the type the code itself
    declares (E08000003 is a metropolitan district even when the area is entered as a CSP)."""
    out = {"name": area.name}
    code_type = geo_code_type(area.code)
    if code_type:
        out.update({"countryCode": "GB", "geoCode": area.code, "geoCodeType": code_type})
    elif area.code:
        out["geoCode"] = area.code
    return out


def programme_entry(programme) -> dict:
    return {"code": f"programme-{programme.slug}", "title": programme.name}


def _approved_dates(row) -> list[date]:
    decisions = getattr(row, "approved_decisions", None)
    if decisions is None:
        decisions = row.decisions.filter(status=DecisionStatus.APPROVED)
    return [d.decision_date for d in decisions if d.decision_date]


def decided_on(row) -> date | None:
    """The day the earliest approved decision record linked to the row was made."""
    return min(_approved_dates(row), default=None)


def _description(*parts: str) -> str:
    """Sentences from the record, each ending in a full stop."""
    sentences = [p.strip() for p in parts if p and p.strip()]
    return " ".join(s if s[-1] in ".!?" else f"{s}." for s in sentences)


def _grant(kind: str, pk: int, *, title: str, description: str, amount: Decimal, awarded: date, recipient,
           funders: list, start: date | None, end: date | None, areas, programme: dict, related: list[str]) -> dict:
    grant = {
        "id": f"{prefix()}-{kind}-{pk}", "title": title, "description": description, "currency": "GBP",
        "amountAwarded": json_number(amount), "awardDate": awarded.isoformat(),
        "recipientOrganization": [organisation(recipient, numbers=True)],
        "fundingOrganization": [organisation(f) for f in funders],
        "plannedDates": planned_dates(start, end), "beneficiaryLocation": [location(a) for a in areas],
        "grantProgramme": [programme], "relatedActivity": related,
    }
    # Optional arrays appear only when they hold something.
    return {key: value for key, value in grant.items() if value != []}


# -- one grant per ledger row --------------------------------------------------------------------

def award_grant(award: Award) -> dict:
    if award.amount is None:
        raise NotPublishable("the record does not state the amount")
    programme = ({"code": f"round-{award.round.pk}", "title": f"{award.round.stream.name}: {award.round.name}"}
                 if award.round_id else programme_entry(award.programme))
    return _grant(
        "award", award.pk, title=award.title,
        description=_description(f"Award from {award.funder.name} to {award.recipient.name} for "
                                 f"{award.programme.name}.", award.conditions),
        amount=award.amount, awarded=award.awarded_on, recipient=award.recipient, funders=[award.funder],
        start=award.start, end=award.end, areas=award.programme.areas.all(), programme=programme, related=[])


def _funded_award(row) -> list[str]:
    """The award a row is paid from, when that award is itself published."""
    return [f"{prefix()}-award-{row.award.pk}"] if row.award_id and row.award.amount is not None else []


def agreement_grant(agreement: Agreement) -> dict:
    if agreement.kind != AgreementKind.GRANT:
        raise ValueError(f"agreement {agreement.pk} is a contract: contracts are published in OCDS")
    if agreement.status == AgreementStatus.DRAFT:
        raise NotPublishable("a draft, not yet awarded")
    if agreement.provider_id is None:
        raise NotPublishable("the record does not name the recipient")
    lines = list(agreement.contributions.all())
    amount = agreement.value if agreement.value is not None else (
        schedule_total(agreement, lines) if lines else None)
    if amount is None:
        raise NotPublishable("the record does not state the amount")
    awarded = decided_on(agreement) or agreement.start
    if awarded is None:
        raise NotPublishable("the record does not state when it was awarded")
    funders = [agreement.commissioner]
    for line in lines:
        if all(line.partner_id != f.pk for f in funders):
            funders.append(line.partner)
    caps = " The amount is the most payable: the partners' contributions are stated as 'up to'." if (
        agreement.value is None and any(line.is_cap for line in lines)) else ""
    return _grant(
        "agreement", agreement.pk, title=agreement.title,
        description=_description(
            f"Grant from {agreement.commissioner.name} to {agreement.provider.name} for {agreement.programme.name}.",
            f"Reference {agreement.reference}." if agreement.reference else "", agreement.conditions, caps),
        amount=amount, awarded=awarded, recipient=agreement.provider, funders=funders, start=agreement.start,
        end=agreement.end, areas=agreement.programme.areas.all(), programme=programme_entry(agreement.programme),
        related=_funded_award(agreement))


def allocation_grant(allocation: Allocation) -> dict:
    fy = allocation.fy
    programme = allocation.programme
    return _grant(
        "allocation", allocation.pk, title=f"{programme.name}: {fy} allocation to {allocation.recipient.name}",
        description=_description(allocation.purpose or f"Allocation for {fy} under {programme.name}.",
                                 f"Financial year {fy}.", allocation.conditions),
        amount=allocation.amount, awarded=decided_on(allocation) or fy.start, recipient=allocation.recipient,
        funders=[programme.lead_commissioner], start=fy.start, end=fy.end,
        areas=[allocation.area] if allocation.area_id else programme.areas.all(),
        programme=programme_entry(programme), related=_funded_award(allocation))


# -- the export ----------------------------------------------------------------------------------

def _approved() -> Prefetch:
    return Prefetch("decisions", queryset=Decision.objects.filter(status=DecisionStatus.APPROVED),
                    to_attr="approved_decisions")


def ledger_rows(programmes=None):
    """The awards, grant agreements and allocations to export (of `programmes`, or all of them), with
    everything their grants need, in a fixed number of queries whatever the number of rows."""
    awards = Award.objects.select_related("funder", "recipient", "programme", "round__stream").prefetch_related(
        "programme__areas", _approved()).order_by("pk")
    agreements = Agreement.objects.filter(kind=AgreementKind.GRANT).select_related(
        "commissioner", "provider", "programme", "award").prefetch_related(
        "programme__areas", "contributions__partner", _approved()).order_by("pk")
    allocations = Allocation.objects.select_related(
        "recipient", "programme__lead_commissioner", "area", "award").prefetch_related(
        "programme__areas", _approved()).order_by("pk")
    if programmes is not None:
        awards, agreements, allocations = (rows.filter(programme__in=programmes)
                                           for rows in (awards, agreements, allocations))
    return awards, agreements, allocations


def grants(awards, agreements, allocations) -> tuple[list[dict], list[Excluded]]:
    """Every publishable grant, and every row left out with the reason."""
    out, excluded = [], []
    for kind, rows, build in (("award", awards, award_grant), ("grant agreement", agreements, agreement_grant),
                              ("allocation", allocations, allocation_grant)):
        for row in rows:
            try:
                out.append(build(row))
            except NotPublishable as why:
                excluded.append(Excluded(kind, row.pk, str(row), str(why)))
    return out, excluded


def package(grant_list: list[dict], *, issued: date, publisher: str) -> dict:
    """A 360Giving data package. The standard needs at least one grant; callers check."""
    return {
        "version": VERSION, "title": f"Grants recorded in the dapi funding ledger of {publisher}",
        "issued": issued.isoformat(), "publisher": {"name": publisher}, "license": OGL, "grants": grant_list,
    }


# -- CSV: the standard's flattened sheet ----------------------------------------------------------

# (JSON key, column title, sub-fields as (key, title)) with the titles the schema gives; an array
# holding one item everywhere is rolled up ("Recipient Org:Name"), one holding more is numbered
# from 0 ("Beneficiary Location:1:Name"). An array of strings is one cell separated by ";".
CSV_FIELDS = [
    ("id", "Identifier", None), ("title", "Title", None), ("description", "Description", None),
    ("currency", "Currency", None), ("amountAwarded", "Amount Awarded", None), ("awardDate", "Award Date", None),
    ("plannedDates", "Planned Dates", [("startDate", "Start Date"), ("endDate", "End Date"),
                                       ("duration", "Duration (months)")]),
    ("recipientOrganization", "Recipient Org", [("id", "Identifier"), ("name", "Name"),
                                                ("charityNumber", "Charity Number"),
                                                ("companyNumber", "Company Number")]),
    ("fundingOrganization", "Funding Org", [("id", "Identifier"), ("name", "Name")]),
    ("beneficiaryLocation", "Beneficiary Location", [("name", "Name"), ("countryCode", "Country Code"),
                                                     ("geoCode", "Geographic Code"),
                                                     ("geoCodeType", "Geographic Code Type")]),
    ("grantProgramme", "Grant Programme", [("code", "Code"), ("title", "Title")]),
    ("relatedActivity", "Related Activity", None),
]


def _cell(key: str, value) -> str:
    if value is None:
        return ""
    if key == "amountAwarded":
        return f"{Decimal(repr(value)):.2f}"
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


def csv_table(grant_list: list[dict]) -> list[list[str]]:
    """The header row and one row per grant, with columns only for the fields in use."""
    columns = []  # (title, getter)
    for key, title, subfields in CSV_FIELDS:
        if subfields is None:
            if any(key in g for g in grant_list):
                columns.append((title, lambda g, key=key: _cell(key, g.get(key))))
            continue
        most = max((len(g.get(key, [])) for g in grant_list), default=0)
        for i in range(most):
            for sub, sub_title in subfields:
                if any(len(g.get(key, [])) > i and sub in g[key][i] for g in grant_list):
                    columns.append((f"{title}:{sub_title}" if most == 1 else f"{title}:{i}:{sub_title}",
                                    lambda g, key=key, i=i, sub=sub: _cell(
                                        sub, g[key][i].get(sub) if len(g.get(key, [])) > i else None)))
    return [[title for title, _ in columns]] + [[get(g) for _, get in columns] for g in grant_list]
