"""OCDS 1.1: every contract in the funding ledger as a release package.

One release per contract agreement (grants are published in 360Giving, not here; a draft is not
yet awarded and is left out). Each release is the contracting process as the ledger holds it now:
- parties: the commissioner is the `buyer`, the provider the `supplier` where the record names
  one, and every other organisation paying for it (a partner with a contribution line, or the
  funder of the award it is paid from) a `funder`;
- one award and one contract: the value is the stated value, else the partners' lines over the
  term (per-annum lines by financial year; "up to" lines make it a maximum), the period runs from
  the start to the end of the term, `maxExtentDate` is the last day the extension options reach;
- amendments: each variation and each extension exercised (funding/models/events.py), dated the day
  it was agreed, with what changed; and, as before, each approved decision record linked to the
  contract after the earliest (which awarded it), unless it is the approving decision of one of those
  events (it is then published once, as that event). Undated decisions cannot be placed in order and
  are not published as amendments.

A release's `date` comes from the record, never from the time of the export, so that two exports
give a release id one date: the latest publication (or decision) date of its decision records, or,
for a contract no dated decision has awarded, the time the agreement's current version was saved
(its last create or update in the audit log; each save makes a new version, and so a new release
id); an agreement with no audit entry (none is ever written without one) falls back to the start of
its term.

Dates are days in the ledger: a start is published as 00:00:00 and an end as 23:59:59 local time
(settings.TIME_ZONE, with its UTC offset). The ocid prefix is settings.DAPI_OCID_PREFIX, the one the
publisher registers with the Open Contracting Partnership (default `ocds-dapi00`, which stands in for it).
Parties are identified by their org-id identifier (scheme and id), else by the 360Giving fallback
(giving360.org_id).
"""

from datetime import date, datetime, time

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone

from dapi.accounts.identifiers import split
from dapi.decisions.models import Decision, DecisionStatus
from dapi.funding.models import Agreement, AgreementKind, AgreementStatus, Basis
from dapi.lib.money import format_gbp
from dapi.funding.services import schedule_total

from .giving360 import OGL, Excluded, NotPublishable, json_number, org_id

VERSION = "1.1"
CONTRACT_STATUS = {AgreementStatus.APPROVED: "pending", AgreementStatus.ACTIVE: "active",
                   AgreementStatus.ENDED: "terminated", AgreementStatus.TERMINATED: "terminated"}


def start_of(day: date) -> str:
    return datetime.combine(day, time(0, 0, 0), timezone.get_default_timezone()).isoformat()


def end_of(day: date) -> str:
    return datetime.combine(day, time(23, 59, 59), timezone.get_default_timezone()).isoformat()


def reference(org) -> dict:
    return {"id": org_id(org), "name": org.name}


def party(org, roles: set[str]) -> dict:
    """A party with its roles and, where the ledger holds one, its org-id.guide identifier
    (GB-LAE-GMCA: scheme GB-LAE, id GMCA) and company number. Charity numbers are given only through
    the identifier (GB-CHC, GB-SC, GB-NIC): the number alone does not say which register holds it."""
    out = {**reference(org), "roles": sorted(roles)}
    parts = split(org.org_id)
    if parts:
        out["identifier"] = {"scheme": parts[0], "id": parts[1], "legalName": org.name}
    if org.company_number and org.org_id != f"GB-COH-{org.company_number}":
        out["additionalIdentifiers"] = [{"scheme": "GB-COH", "id": org.company_number}]
    return out


def contract_value(agreement: Agreement) -> dict | None:
    """The stated value, else the partner lines over the term; None when neither is known."""
    amount = agreement.value
    lines = list(agreement.contributions.all())
    if amount is None and lines:
        amount = schedule_total(agreement, lines)
    return None if amount is None else {"amount": json_number(amount), "currency": "GBP"}


def _decisions(agreement: Agreement) -> list[Decision]:
    """Approved, dated decision records linked to the agreement, oldest first."""
    decisions = getattr(agreement, "approved_decisions", None)
    if decisions is None:
        decisions = agreement.decisions.filter(status=DecisionStatus.APPROVED)
    return sorted((d for d in decisions if d.decision_date), key=lambda d: (d.decision_date, d.pk))


def amendment(ocid: str, decision: Decision) -> dict:
    out = {"id": f"{ocid}-amendment-{decision.pk}", "date": start_of(decision.decision_date),
           "rationale": f"{decision.reference} {decision.title}".strip()}
    if decision.decision_text or decision.summary:
        out["description"] = decision.decision_text or decision.summary
    return out


def _event_amendments(ocid: str, agreement: Agreement) -> tuple[list[tuple], set[int]]:
    """(date, amendment) of each variation and extension of the agreement, and the ids of the decisions
    that approved them."""
    out, approving = [], set()
    for kind, events in (("variation", agreement.variations.all()), ("extension", agreement.extensions.all())):
        for e in events:
            on = e.varied_on if kind == "variation" else e.exercised_on
            decisions = list(e.decisions.all())
            approving |= {d.pk for d in decisions}
            changes = []
            if e.new_value is not None:
                changes.append(f"value {format_gbp(e.new_value)} (was {format_gbp(e.previous_value)})")
            if e.new_end is not None:
                changes.append(f"end date {e.new_end.isoformat()} (was {e.previous_end.isoformat()})")
            rationale = e.description if kind == "variation" else "Extension option exercised"
            if decisions:
                rationale += f"; approved by {', '.join(f'{d.reference} {d.title}'.strip() for d in decisions)}"
            out.append((on, {"id": f"{ocid}-{kind}-{e.pk}", "date": start_of(on), "rationale": rationale,
                             "description": "Changed: " + "; ".join(changes) + "."}))
    return out, approving


def _amendments(ocid: str, agreement: Agreement, decisions: list[Decision]) -> list[dict]:
    events, approving = _event_amendments(ocid, agreement)
    dated = events + [(d.decision_date, amendment(ocid, d)) for d in decisions[1:] if d.pk not in approving]
    return [a for _, a in sorted(dated, key=lambda pair: (pair[0], pair[1]["id"]))]


def _schedule(agreement: Agreement) -> str:
    lines = [f"{line.partner.name} {'up to ' if line.is_cap else ''}{format_gbp(line.amount)}"
             f"{' a year' if line.basis == Basis.PER_ANNUM else ' in total'}"
             f"{f' ({line.period_label})' if line.period_label else ''}" for line in agreement.contributions.all()]
    return f"Paid for by: {'; '.join(lines)}." if lines else ""


def _terms(agreement: Agreement) -> str:
    parts = [agreement.conditions.strip()]
    if agreement.break_notice_months and "break clause" not in agreement.conditions.lower():
        parts.append(f"Break clause: {agreement.break_notice_months} months' notice.")
    if agreement.extension_terms:
        parts.append(f"Extension: {agreement.extension_terms}.")
    if agreement.status == AgreementStatus.TERMINATED and agreement.terminated_on:
        parts.append(f"Terminated on {agreement.terminated_on.isoformat()}.")
    return " ".join(p for p in parts if p)


def _saved_at(agreement: Agreement) -> datetime | None:
    """When the agreement's current version was saved (its last create or update in the audit log)."""
    if hasattr(agreement, "saved_at"):
        return agreement.saved_at
    return _saves().filter(object_id=agreement.pk).values_list("timestamp", flat=True).first()


def _saves():
    return LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Agreement),
                                   action__in=[LogEntry.Action.CREATE, LogEntry.Action.UPDATE]).order_by("-timestamp")


def release_date(agreement: Agreement, decisions: list[Decision]) -> str:
    """The release's date, from the record (see the module docstring)."""
    recorded = [d.publication_date or d.decision_date for d in decisions]
    if recorded:
        return start_of(max(recorded))
    saved = _saved_at(agreement)
    if saved is not None:
        return timezone.localtime(saved).replace(microsecond=0).isoformat()
    return start_of(agreement.start or agreement.end)


def release(agreement: Agreement) -> dict:
    """The release of one contract as the ledger holds it now."""
    if agreement.kind != AgreementKind.CONTRACT:
        raise ValueError(f"agreement {agreement.pk} is a grant: grants are published in 360Giving")
    if agreement.status == AgreementStatus.DRAFT:
        raise NotPublishable("a draft, not yet awarded")
    ocid = f"{settings.DAPI_OCID_PREFIX}-{agreement.pk}"
    decisions = _decisions(agreement)
    amendments = _amendments(ocid, agreement, decisions)

    roles: dict[int, tuple] = {}

    def add(org, role):
        roles.setdefault(org.pk, (org, set()))[1].add(role)

    add(agreement.commissioner, "buyer")
    if agreement.provider_id:
        add(agreement.provider, "supplier")
    payers = [line.partner for line in agreement.contributions.all()]
    if agreement.award_id:
        payers.append(agreement.award.funder)
    for org in payers:
        if org.pk != agreement.commissioner_id:
            add(org, "funder")

    term = {"startDate": start_of(agreement.start)} if agreement.start else {}
    term["endDate"] = end_of(agreement.end)
    if agreement.extension_until:
        term["maxExtentDate"] = end_of(agreement.extension_until)
    value = contract_value(agreement)
    award = {"id": f"{ocid}-award", "title": agreement.title, "status": "active", "contractPeriod": term}
    contract = {"id": f"{ocid}-contract", "awardID": award["id"], "title": agreement.title,
                "status": CONTRACT_STATUS[agreement.status], "period": {**term, "endDate": end_of(agreement.funded_until)}}
    if decisions:
        award["date"] = start_of(decisions[0].decision_date)
    if agreement.provider_id:
        award["suppliers"] = [reference(agreement.provider)]
    if value:
        award["value"], contract["value"] = value, dict(value)
    description = " ".join(p for p in (_schedule(agreement), _terms(agreement)) if p)
    if description:
        award["description"] = contract["description"] = description
    if amendments:
        contract["amendments"] = amendments

    tag = ["award", "contract"]
    if amendments:
        tag.append("contractAmendment")
    if agreement.status in (AgreementStatus.ENDED, AgreementStatus.TERMINATED):
        tag.append("contractTermination")
    return {
        "ocid": ocid, "id": f"{ocid}-{agreement.version}-{len(decisions)}", "date": release_date(agreement, decisions),
        "tag": tag, "initiationType": "tender", "language": "en",
        "parties": [party(org, r) for org, r in roles.values()], "buyer": reference(agreement.commissioner),
        "awards": [award], "contracts": [contract],
    }


def contracts(programmes=None):
    """Every contract (of `programmes`, or all of them) with what its release needs, in a fixed number of queries."""
    approved = Prefetch("decisions", queryset=Decision.objects.filter(status=DecisionStatus.APPROVED),
                        to_attr="approved_decisions")
    saved_at = Subquery(_saves().filter(object_id=OuterRef("pk")).values("timestamp")[:1])
    agreements = Agreement.objects.filter(kind=AgreementKind.CONTRACT)
    if programmes is not None:
        agreements = agreements.filter(programme__in=programmes)
    return agreements.select_related(
        "commissioner", "provider", "award__funder").prefetch_related(
        "contributions__partner", approved, "variations__decisions", "extensions__decisions").annotate(
        saved_at=saved_at).order_by("pk")


def releases(agreements) -> tuple[list[dict], list[Excluded]]:
    out, excluded = [], []
    for agreement in agreements:
        try:
            out.append(release(agreement))
        except NotPublishable as why:
            excluded.append(Excluded("contract", agreement.pk, str(agreement), str(why)))
    return out, excluded


def package(release_list: list[dict], *, published: datetime, uri: str, publisher: str) -> dict:
    """A release package. The schema needs at least one release; callers check."""
    return {"uri": uri, "version": VERSION, "publishedDate": published.isoformat(),
            "publisher": {"name": publisher}, "license": OGL, "releases": release_list}
