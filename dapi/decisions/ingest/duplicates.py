"""Likely duplicates among imported documents: a draft that states the same reference as an existing
decision of its body or an earlier draft still in the queue (compared without case, spaces, dashes
or en dashes), or the same set of amounts with the same counterparties.

Worked out whenever a draft is shown, never stored: a draft becomes a duplicate of a decision once
the earlier draft it repeated is confirmed, and stops being one when that draft is discarded. Only
the later of two repeating drafts is marked, so the first can be confirmed without a second look.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from ..models import Decision
from .models import IngestedDocument, IngestStatus
from .selectors import draft_of, initial_lines

# Spaces, hyphens, non-breaking hyphens, figure dashes, en and em dashes, horizontal bars, underscores.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_]+")
Signature = frozenset[tuple[Decimal, str]]


@dataclass(frozen=True)
class Duplicate:
    """What a draft repeats: an existing decision or an earlier draft, and why it is thought so."""

    decision: Decision | None
    document: IngestedDocument | None
    why: str

    @property
    def label(self) -> str:
        return str(self.decision) if self.decision else self.document.original_name


def normalised_reference(reference: str | None) -> str:
    """A reference as compared: "PCCML / 000407 – 2018" and "pccml/000407-2018" are the same."""
    return _SEPARATORS.sub("", reference or "").casefold()


def _party(name: str | None) -> str:
    bare = " ".join((name or "").split()).casefold()
    return bare.removeprefix("the ")


def document_signature(document: IngestedDocument) -> Signature:
    """The money a draft would create as proposed: (amount, counterparty) of every line ticked at first."""
    return frozenset((Decimal(line["amount"]), _party(line["counterparty"]))
                     for line in initial_lines(document, draft_of(document))
                     if line["include"] and line["role"] != "total" and line["counterparty"])


def decision_signature(decision: Decision) -> Signature:
    """The money a decision links: (amount, counterparty) of its awards, agreements (their value, or
    each per-annum amount of their schedule), allocations and match contributions."""
    found = {(a.amount, _party(a.funder.name)) for a in decision.awards.all() if a.amount is not None}
    for agreement in decision.agreements.all():
        provider = _party(agreement.provider.name if agreement.provider else "")
        amounts = [agreement.value] if agreement.value is not None else [c.amount for c in agreement.contributions.all()]
        found |= {(amount, provider) for amount in amounts}
    found |= {(a.amount, _party(a.recipient.name)) for a in decision.allocations.all()}
    found |= {(m.amount, _party(m.partner.name)) for m in decision.match_contributions.all()}
    return frozenset(found)


def _decisions_of(organisation_ids) -> list[tuple[Decision, str, Signature]]:
    decisions = Decision.objects.filter(organisation__in=organisation_ids).prefetch_related(
        "awards__funder", "agreements__provider", "agreements__contributions", "allocations__recipient",
        "match_contributions__partner")
    return [(d, normalised_reference(d.reference), decision_signature(d)) for d in decisions]


def duplicates_of(documents) -> dict[int, list[Duplicate]]:
    """The likely duplicates of each draft among `documents` (others have none), by document id:
    existing decisions of its body first, then earlier drafts of its body still waiting for review."""
    drafts = [d for d in documents if d.status == IngestStatus.DRAFT]
    if not drafts:
        return {}
    organisations = {d.organisation_id for d in drafts}
    decisions = _decisions_of(organisations)
    waiting = list(IngestedDocument.objects.filter(organisation__in=organisations, status=IngestStatus.DRAFT))
    seen = {d.pk: (normalised_reference(d.draft.get("reference", {}).get("value")), document_signature(d))
            for d in waiting}
    found = {}
    for draft in drafts:
        reference, signature = seen.get(draft.pk) or (
            normalised_reference(draft.draft.get("reference", {}).get("value")), document_signature(draft))
        mine = []
        for decision, their_reference, their_signature in decisions:
            if decision.organisation_id == draft.organisation_id:
                why = _why(reference, signature, their_reference, their_signature, decision.reference)
                if why:
                    mine.append(Duplicate(decision, None, why))
        for other in waiting:
            if other.organisation_id == draft.organisation_id and other.pk < draft.pk:
                why = _why(reference, signature, *seen[other.pk], other.draft.get("reference", {}).get("value"))
                if why:
                    mine.append(Duplicate(None, other, why))
        found[draft.pk] = mine
    return found


def _why(reference: str, signature: Signature, their_reference: str, their_signature: Signature,
         shown_reference: str | None) -> str:
    if reference and reference == their_reference:
        return f"the same reference ({shown_reference})"
    if signature and signature == their_signature:
        return "the same amounts with the same counterparties"
    return ""
