"""Reads for importing decision documents: the documents a user may review; the review of one,
its draft beside its source text with every extracted span highlighted, organisations matched
to existing ones, the programmes it may go to, and the form's starting values."""

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet

from dapi.accounts.models import Organisation, OrganisationKind
from dapi.funding.access import programme_list_for
from dapi.funding.models import Programme
from dapi.funding.selectors import organisation_names
from dapi.lib.money import format_gbp

from ..models import DecisionStatus, TotalComponent
from .access import ingested_document_list_for
from .extract import Draft
from .extract.confidence import HIGH, LOW, MEDIUM, Confidence, action_confidence, field_confidences, money_confidence
from .extract.organisations import is_self
from .models import IngestedDocument

# Kinds of organisation a counterparty of each role is most likely to be, best first.
ROLE_KINDS = {
    "award": [OrganisationKind.GOVERNMENT],
    "allocation": [OrganisationKind.CSP, OrganisationKind.LOCAL_AUTHORITY, OrganisationKind.POLICE_FORCE],
    "grant": [OrganisationKind.PROVIDER, OrganisationKind.EVALUATOR],
    "contract": [OrganisationKind.PROVIDER],
    "contribution": [OrganisationKind.LOCAL_AUTHORITY, OrganisationKind.CSP],
    "match": [OrganisationKind.LOCAL_AUTHORITY, OrganisationKind.CSP],
}
_SMALL_WORDS = {"of", "and", "the", "for", "&"}
LEVELS = [LOW, MEDIUM, HIGH]
# What a ticked money line of each role must have before the ledger can hold it.
ROLE_NEEDS = {"award": ("counterparty", "start", "end"), "grant": ("counterparty", "end"),
              "contract": ("counterparty", "end"), "allocation": ("counterparty", "start"),
              "contribution": ("counterparty", "start", "end"), "match": ("counterparty", "start", "end"),
              "total": ("component",), "other": ()}


def draft_of(document: IngestedDocument) -> Draft:
    return Draft.from_dict({**document.draft, "text": document.source_text})


@dataclass
class Match:
    organisation: Organisation | None
    how: str  # why it matched, or that it will be new


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w.lower() not in _SMALL_WORDS).upper()


def match_organisation(name: str | None, *, role: str = "", deciding: Organisation | None = None) -> Match:
    """An existing organisation for a name as written: the deciding body for "the Commissioner"
    or "the OPCC"; the same name ignoring case and a leading "The"; an acronym's expansion; or
    the one organisation whose name starts with or contains it (preferring kinds that fit the role)."""
    name = " ".join((name or "").split())
    if not name:
        return Match(None, "")
    if deciding is not None and is_self(name) and name.lower() != "police and crime panel":
        return Match(deciding, f"“{name}” is the deciding body")
    bare = re.sub(r"^the\s+", "", name, flags=re.I)
    exact = Organisation.objects.filter(Q(name__iexact=bare) | Q(name__iexact=f"The {bare}")).first()
    if exact:
        return Match(exact, "same name")
    if re.fullmatch(r"[A-Z]{2,6}", name):
        found = [o for o in Organisation.objects.only("name", "kind") if _initials(o.name) == name]
        if len(found) == 1:
            return Match(found[0], f"{name} stands for it")
    candidates = list(Organisation.objects.filter(name__istartswith=f"{bare} "))
    if not candidates and len(bare.split()) >= 2:
        candidates = [o for o in Organisation.objects.filter(name__icontains=bare)
                      if re.search(rf"\b{re.escape(bare)}\b", o.name, re.I)]
    for kind in ROLE_KINDS.get(role, []):
        fitting = [o for o in candidates if o.kind == kind]
        if len(fitting) == 1 and len(candidates) > 1:
            return Match(fitting[0], f"the only {OrganisationKind(kind).label.lower()} named so")
    if len(candidates) == 1:
        return Match(candidates[0], "the only organisation named so")
    return Match(None, "new organisation")


# -- highlighting ---------------------------------------------------------------------------------

@dataclass
class Segment:
    text: str
    mark: str = ""  # the <mark> id, empty for plain text
    label: str = ""


def highlight(text: str, spans: list[tuple[str, str, tuple[int, int]]]) -> tuple[list[Segment], dict[str, str]]:
    """The text cut into plain and marked segments, and the mark id for each key. A span inside
    an earlier mark shares that mark; one that overlaps it is marked from where it ends."""
    segments, anchors, cursor, last, marks = [], {}, 0, "", 0
    ordered = sorted(((s, e, key, label) for key, label, (s, e) in spans if 0 <= s < e <= len(text)),
                     key=lambda x: (x[0], -x[1]))
    for start, end, key, label in ordered:
        if end <= cursor:
            anchors.setdefault(key, last)
            continue
        start = max(start, cursor)
        if start > cursor:
            segments.append(Segment(text[cursor:start]))
        marks += 1
        last = f"src-{marks}"
        segments.append(Segment(text[start:end], last, label))
        anchors.setdefault(key, last)
        cursor = end
    segments.append(Segment(text[cursor:]))
    return segments, anchors


def spans_of(draft: Draft) -> list[tuple[str, str, tuple[int, int]]]:
    """(key, label, span) for every value the review form shows."""
    found = []
    for name in ("reference", "title", "decision_maker", "status_text", "decision_date", "publication_date",
                 "is_key_decision", "is_subject_to_call_in", "lead_officer", "decision_text", "period",
                 "extension_months", "break_notice_months"):
        for span in getattr(draft, name).spans:
            found.append((name, name.replace("_", " ").capitalize(), span))
    for i, item in enumerate(draft.money):
        found += [(f"money-{i}", f"Money line {i + 1}: {format_gbp(item.amount)}", s) for s in item.spans]
        found += [(f"money-{i}-counterparty", f"Money line {i + 1}: counterparty", s) for s in item.counterparty_spans]
        found += [(f"money-{i}-dates", f"Money line {i + 1}: dates", s) for s in item.date_spans]
    for i, action in enumerate(draft.actions):
        found += [(f"action-{i}", f"Action {i + 1}", s) for s in action.spans]
    for i, rec in enumerate(draft.recommendations):
        found += [(f"recommendation-{i}", f"Recommendation {rec.number}", s) for s in rec.spans]
    for i, imp in enumerate(draft.implications):
        found += [(f"implication-{i}", f"Implication: {imp.topic}", s) for s in imp.spans[:1]]
    return found


# -- the form's starting values ---------------------------------------------------------------

def initial_decision(document: IngestedDocument, draft: Draft) -> dict:
    status = draft.status.value or (DecisionStatus.NOTED if draft.document_type == "panel_minutes"
                                    else DecisionStatus.APPROVED)
    yes_no = {True: "yes", False: "no"}
    return {
        "reference": draft.reference.value or "", "title": (draft.title.value or "")[:300],
        "document_type": draft.document_type, "decision_maker": (draft.decision_maker.value or "")[:300],
        "status": status, "status_text": (draft.status_text.value or "")[:200],
        "is_key_decision": yes_no.get(draft.is_key_decision.value, ""),
        "is_subject_to_call_in": yes_no.get(draft.is_subject_to_call_in.value, ""),
        "decision_date": draft.decision_date.value, "publication_date": draft.publication_date.value,
        "lead_officer": (draft.lead_officer.value or "")[:200], "decision_text": draft.decision_text.value or "",
        "new_programme_name": (draft.title.value or "")[:200], "meeting_body": (draft.decision_maker.value or "")[:200],
        "extension_months": draft.extension_months.value, "break_notice_months": draft.break_notice_months.value,
    }


def _historical(start: date | None, end: date | None, period) -> bool:
    """Money from before the decision's period: a previous year's award the record mentions."""
    last = end or start
    return bool(period and last and last < period[0])


def initial_lines(document: IngestedDocument, draft: Draft) -> list[dict]:
    period = draft.period.value
    lines = []
    for i, item in enumerate(draft.money):
        match = match_organisation(item.counterparty, role=item.role, deciding=document.organisation)
        start, end = item.start, item.end
        historical = _historical(start, end, period)
        if period and not historical:
            start = start or period[0]
            end = end or (period[1] if period[1] >= start else None)
        components = []
        for r in draft.reconciliations:
            if r.total == i:
                roles = {draft.money[p].role for p in r.parts}
                components.append(TotalComponent.SOURCES if r.kind == "sources" else TotalComponent.ALLOCATIONS
                                  if roles == {"allocation"} else TotalComponent.AGREEMENTS)
        counterparty = match.organisation.name if match.organisation else (item.counterparty or "")
        title = f"{counterparty}: {draft.title.value or 'imported decision'}" if counterparty else item.label
        line = {"role": item.role, "amount": item.amount, "counterparty": counterparty, "per_annum": item.per_annum,
                "is_cap": item.qualifier == "up to", "start": start, "end": end, "title": title[:200],
                "component": (components or [TotalComponent.AGREEMENTS]) if item.role == "total" else [],
                "source": i}
        # Ticked when it is new money the record decides and has what the ledger needs; else the
        # reviewer sees it unticked and completes it. An "Other" line starts ticked, so that it is
        # given a role or explicitly left out before the draft can be confirmed (never dropped silently).
        line["include"] = item.role == "other" or (not historical and all(line[n] for n in ROLE_NEEDS[item.role]))
        line["checks"] = line_checks(item, historical)
        confidence = money_confidence(draft, item, historical=historical)
        line["confidence"], line["score"], line["reasons"] = confidence.level, confidence.score, confidence.reasons
        lines.append(line)
    # The reviewer's time goes first to the lines the extractor was least sure of (the order is stable,
    # and every line keeps its number from the draft).
    return sorted(lines, key=lambda line: LEVELS.index(line["confidence"]))


def line_checks(item, historical: bool) -> list[str]:
    """Why a money line needs a person's eye: what the extractor could not read for certain."""
    checks = [item.warning] if item.warning else []
    if item.role == "other":
        checks.append("Its role was not recognised: choose one, or leave it unticked (an “Other” line is not created).")
    elif item.role != "total" and not item.counterparty:
        checks.append("No counterparty was found: enter who it is paid to or received from.")
    elif item.role != "total" and not item.counterparty_spans:
        checks.append(f"“{item.counterparty}” was not named beside this amount: it is the body the record names "
                      "most often for such money; check it.")
    if historical:
        checks.append("It is dated before this decision's period: history the record cites, not new money.")
    return checks


def initial_actions(draft: Draft) -> list[dict]:
    actions = []
    for i, action in enumerate(draft.actions):
        confidence = action_confidence(action)
        actions.append({"include": action.kind == "resolution", "number": action.number, "text": action.text,
                        "due": action.due, "source": i, "confidence": confidence.level, "score": confidence.score,
                        "reasons": confidence.reasons})
    return sorted(actions, key=lambda action: LEVELS.index(action["confidence"]))


def initial_recommendations(draft: Draft) -> list[dict]:
    return [{"include": True, "number": r.number, "text": r.text, "source": i}
            for i, r in enumerate(draft.recommendations)]


def initial_implications(draft: Draft) -> list[dict]:
    yes_no = {True: "yes", False: "no"}
    return [{"include": True, "topic": imp.topic, "considered": yes_no.get(imp.considered, ""), "source": i}
            for i, imp in enumerate(draft.implications)]


def initial_for(document: IngestedDocument, draft: Draft) -> dict:
    """Starting values for every part of the review form."""
    return {"decision": initial_decision(document, draft), "lines": initial_lines(document, draft),
            "actions": initial_actions(draft), "recommendations": initial_recommendations(draft),
            "implications": initial_implications(draft)}


def recent_documents(user, limit: int = 50) -> list[IngestedDocument]:
    """The documents `user` may review, newest first."""
    return list(ingested_document_list_for(user)[:limit])


@dataclass
class Review:
    """Everything the review page shows besides the form, and the programmes the form offers.
    Anchors are the ids of <mark>s in the source text: by field name, and by index for money
    lines, actions, recommendations, implications."""

    document: IngestedDocument
    draft: Draft
    segments: list[Segment]
    anchors: dict[str, str]
    programmes: QuerySet[Programme]
    organisation_names: list[str]
    line_anchors: dict[int, dict] = field(default_factory=dict)
    action_anchors: dict[int, str] = field(default_factory=dict)
    recommendation_anchors: dict[int, str] = field(default_factory=dict)
    implication_anchors: dict[int, str] = field(default_factory=dict)
    organisations: list[tuple[str, Match]] = field(default_factory=list)
    reconciliations: list[dict] = field(default_factory=list)
    confidence: dict[str, Confidence] = field(default_factory=dict)


def review_for(user, document: IngestedDocument) -> Review:
    """The review of a document `user` may see (from access.ingested_document_get_for): the
    programmes its money may go to are those of its body that `user` sees."""
    draft = draft_of(document)
    segments, anchors = highlight(draft.text, spans_of(draft))
    programmes = programme_list_for(user).filter(lead_commissioner=document.organisation)
    review = Review(document, draft, segments, anchors, programmes, organisation_names(),
                    confidence=field_confidences(draft))
    for i in range(len(draft.money)):
        review.line_anchors[i] = {part: anchors.get(f"money-{i}{suffix}", "") for part, suffix in
                                  (("amount", ""), ("counterparty", "-counterparty"), ("dates", "-dates"))}
    for name, items in (("action", draft.actions), ("recommendation", draft.recommendations),
                        ("implication", draft.implications)):
        getattr(review, f"{name}_anchors").update({i: anchors.get(f"{name}-{i}", "") for i in range(len(items))})
    review.organisations = [(o.value, match_organisation(o.value, deciding=document.organisation))
                            for o in draft.organisations]
    reconciliations = review.reconciliations
    for r in draft.reconciliations:
        stated, computed = r.stated(draft.money), r.computed(draft.money)
        reconciliations.append({
            "label": r.label, "kind": r.kind, "stated": stated, "computed": computed, "ok": stated == computed,
            "difference": computed - stated, "total_line": r.total + 1,
            "parts": [(p + 1, draft.money[p].counterparty or draft.money[p].role, draft.money[p].amount)
                      for p in r.parts],
        })
    return review


FIELD_LABELS = {"reference": "Reference", "decision_date": "Decision date", "publication_date": "Publication date"}


def check_first(review: Review, initial: dict) -> list[dict]:
    """What the reviewer should look at first, least sure first: the reference, the dates, money
    lines and actions whose confidence is not high, each with a link to its place in the form."""
    items = [{"label": FIELD_LABELS[name], "href": f"#id_decision-{name}", **c.to_dict()}
             for name, c in review.confidence.items() if c.level != HIGH]
    for i, line in enumerate(initial["lines"]):
        if line["confidence"] != HIGH:
            items.append({"label": f"Money line {line['source'] + 1}: {format_gbp(line['amount'])}", "href": f"#line-{i}",
                          "score": line["score"], "level": line["confidence"], "reasons": line["reasons"]})
    for i, action in enumerate(initial["actions"]):
        if action["confidence"] != HIGH:
            name = f"Resolution {action['number']}" if action["number"] else f"Action {action['source'] + 1}"
            items.append({"label": name, "href": f"#action-{i}", "score": action["score"],
                          "level": action["confidence"], "reasons": action["reasons"]})
    return sorted(items, key=lambda item: item["score"])
