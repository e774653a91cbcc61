"""Referrals, engagement and completion broken down by equality data (DOMAIN.md section 8), for
perpetrators and victims, under disclosure control.

Perpetrators: referrals received in the period (by the referred person's details), and of the cases
open in the period those engaged (assessed and attended a session) and completed by its end, the
same definitions as the funnel (reports/counts.py). Victims: those linked to those cases and those
engaged with partner support. Ethnicity is broken down by the 5 ONS 2021 groups. Each column of a
table is one count split by the field's values, so it is protected as a series with its total
(primary "<5" and secondary "[c]" suppression: no hidden cell can be worked out from the column
total, which the funnel publishes too).
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from dapi.cases import equality
from dapi.cases.models import (
    Attendance, Case, CaseMember, CaseStatus, Contact, ContactKind, MemberRole, Referral, Side,
)

from .disclosure import Cell, protect_series

PERPETRATOR_MEASURES = [("referred", "Referred"), ("engaged", "Engaged"), ("completed", "Completed")]
VICTIM_MEASURES = [("linked", "Linked to cases"), ("engaged", "Engaged with partner support")]


@dataclass
class EqualityTable:
    label: str
    measures: list[str]
    rows: list[tuple[str, list[Cell]]]
    totals: list[Cell]


def _grouped(queryset, path: str, field: str, measures: dict, counter: Counter) -> None:
    for value, *numbers in queryset.values_list(f"{path}identifying_details__{field}").annotate(**measures):
        group = equality.reporting_group(field, value)
        for name, n in zip(measures, numbers):
            counter[(group, name)] += n


def equality_counts(programme_id: int, start, end, case_ids, areas: set | None, provider_id: int | None):
    """{"perpetrators": {field: Counter}, "victims": {field: Counter}}, each Counter keyed by
    (reporting group, measure). One grouped query per field and kind of record."""
    referrals = Referral.objects.filter(programme_id=programme_id, received_on__range=(start, end)).order_by()
    if areas is not None:
        referrals = referrals.filter(area__in=areas)
    if provider_id is not None:
        referrals = referrals.filter(provider_id=provider_id)
    in_period = Q(referred_on__lte=end) & (Q(ended_on__isnull=True) | Q(ended_on__gte=start))
    session = Contact.objects.filter(case=OuterRef("pk"), side=Side.PERPETRATOR, attendance=Attendance.ATTENDED) \
        .exclude(kind=ContactKind.ASSESSMENT)
    cases = Case.objects.filter(in_period, pk__in=case_ids).order_by().annotate(had_session=Exists(session))
    members = CaseMember.objects.filter(role=MemberRole.VICTIM, case__in=cases.values("pk")).order_by()
    out = {"perpetrators": {}, "victims": {}}
    for field in equality.EQUALITY_FIELDS:
        his, hers = Counter(), Counter()
        _grouped(referrals, "person__", field, {"referred": Count("pk")}, his)
        _grouped(cases, "perpetrator__", field, {
            "engaged": Count("pk", filter=Q(assessment_on__isnull=False, had_session=True)),
            "completed": Count("pk", filter=Q(status=CaseStatus.COMPLETED, ended_on__lte=end))}, his)
        _grouped(members, "person__", field, {
            "linked": Count("pk"), "engaged": Count("pk", filter=Q(engaged_support_on__lte=end))}, hers)
        out["perpetrators"][field], out["victims"][field] = his, hers
    return out


def equality_tables(counts: dict, published: bool) -> dict[str, list[EqualityTable]]:
    """One table per field and kind of person: rows the field's reporting groups, columns the measures."""
    tables = {}
    for kind, measures in (("perpetrators", PERPETRATOR_MEASURES), ("victims", VICTIM_MEASURES)):
        tables[kind] = []
        for field in equality.EQUALITY_FIELDS:
            groups = equality.reporting_groups(field)
            columns, totals = [], []
            for measure, _ in measures:
                values = [counts[kind][field][(group, measure)] for group, _ in groups]
                cells, total = protect_series(values) if published else ([Cell(v) for v in values], Cell(sum(values)))
                columns.append(cells)
                totals.append(total)
            rows = [(label, [column[i] for column in columns]) for i, (_, label) in enumerate(groups)]
            tables[kind].append(EqualityTable(equality.label(field), [label for _, label in measures], rows, totals))
    return tables


def equality_evidence(ev) -> tuple[dict[str, list[EqualityTable]], int]:
    """The evidence's equality tables (its programme, period, area and provider) and their note."""
    areas = {ev.area.pk, *ev.area.children.values_list("pk", flat=True)} if ev.area is not None else None
    counts = equality_counts(ev.programme.pk, ev.period.start, ev.period.end, ev.case_ids, areas,
                             ev.provider.pk if ev.provider is not None else None)
    note = ev.note("Equality: referrals received in the period by the referred person's recorded equality data; of "
                   "the cases open in the period, those engaged (assessed and attended a session) and completed by "
                   "its end, by his; victims linked to those cases and those engaged with partner support, by hers. "
                   "Ethnicity by the 5 ONS 2021 groups. Each column is protected with its total.")
    return equality_tables(counts, ev.published), note
