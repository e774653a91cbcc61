"""Reads over imports and rankings, each taking the user and applying access.py: the pages'
data, filtered rankings, the explanation of a score, a programme's cohort, a case's police
outcomes and the analyst's home panel."""

from django.core.paginator import Page, Paginator
from django.db.models import Q
from django.http import Http404

from dapi.accounts.models import Organisation, OrganisationKind
from dapi.audit.services import record_access
from dapi.cases.models import Referral
from dapi.funding.models import Programme

from . import access
from .engine import default_profile
from .engine.output import harm_text
from .models import ImportStatus, IncidentImport, RankedPerpetrator
from .outcomes import case_outcome

HOME_IMPORTS = 5
COHORT_PAGE = 100  # perpetrators on a page of a cohort


def cohort_programmes():
    """Programmes whose eligibility rules are held as data: those a ranking picks a cohort for and refers into."""
    return Programme.objects.filter(eligibility_rules__isnull=False).distinct().order_by("name")


def refer_choices() -> dict:
    """What a ranked perpetrator can be referred into, and to whom: programmes with rules held as
    data, and every provider."""
    return {"programmes": cohort_programmes(),
            "providers": Organisation.objects.filter(kind=OrganisationKind.PROVIDER).order_by("name")}


def import_list_page(user, *, uploading: bool = False) -> dict:
    """The imports `user` may see, and the forces they may upload for (none: no upload form).
    When they are `uploading`, 404 for anyone who may upload for no force."""
    forces = access.forces_to_upload_for(user) if uploading else access.force_list_for(user)
    return {"imports": access.import_list_for(user), "forces": forces, "can_upload": forces.exists()}


def ranked_areas(incident_import: IncidentImport) -> list[str]:
    return list(incident_import.ranked.values_list("area", flat=True).distinct().order_by("area"))


def ranking_page(incident_import: IncidentImport, *, area: str = "", serial_only: bool = False,
                 top: int | None = None) -> dict:
    """An import (already fetched through access.py) with its filtered ranking, whether it is
    still being ranked, and the programmes it can pick a cohort for."""
    return {"import": incident_import, "waiting": incident_import.status in (ImportStatus.QUEUED, ImportStatus.RUNNING),
            "rows": ranked_list(incident_import, area=area, serial_only=serial_only, top=top or 20),
            "programmes": cohort_programmes()}


def perpetrator_page(ranked: RankedPerpetrator) -> dict:
    return {"import": ranked.incident_import, "ranked": ranked, "explanation": explain(ranked)}


def cohort_page(user, import_id, slug, page: str | int | None = None) -> dict:
    """An import `user` may see and one page (COHORT_PAGE perpetrators; a page number that is not
    one gives the first or the last page) of the cohort a programme's rules pick from it; 404 for
    an import they may not see or a programme without rules held as data."""
    incident_import = access.import_get_for(user, import_id)
    programme = cohort_programmes().filter(slug=slug).first()
    if programme is None:
        raise Http404("No such programme")
    rows, applied, later = cohort_rows(incident_import, programme)
    shown: Page = Paginator(rows, COHORT_PAGE).get_page(page)
    return {"import": incident_import, "programme": programme, "rows": shown.object_list, "page": shown,
            "applied": applied, "later": later}


def ranking_csv_rows(user, import_id) -> tuple[IncidentImport, list[dict]]:
    """The whole ranking of an import `user` may see (404 otherwise), as the published CSV's
    fields (engine.output.HEADER, formatted as `dapi rank` writes them); the read is written to
    the audit log, as the ranking names people by their police identifiers."""
    incident_import = access.import_get_for(user, import_id)
    record_access(incident_import, by=user)
    rows = [{
        "area": r.area, "rank": str(r.rank), "perpetrator_id": r.perpetrator_id, "score": f"{r.score:.4f}",
        "recency": str(r.recency), "frequency": str(r.frequency), "gravity": f"{r.gravity:.4f}",
        "victims": str(r.victims), "incidents": str(r.incidents), "victim_count": str(r.victim_count),
        "harm_days": harm_text(r.harm_days), "last_incident": r.last_incident.isoformat(),
        "serial": "true" if r.serial else "false",
    } for r in incident_import.ranked.order_by("area", "rank")]
    return incident_import, rows


def case_outcome_page(user, case_id) -> dict:
    """A case's police-recorded outcomes for its perpetrator side (404 for anyone else); the read
    is written to the audit log."""
    case = access.case_outcome_case_get_for(user, case_id)
    record_access(case, by=user)
    return {"case": case, "outcome": case_outcome(case)}


def analyst_home(user) -> dict | None:
    """The police analyst's home panel: their forces' latest imports with how many perpetrators
    each ranked, and how many there are in all. None for anyone who is no force's analyst."""
    if not access.may_open_imports(user):
        return None
    imports = access.import_list_for(user)
    return {"imports": list(imports[:HOME_IMPORTS]), "total": imports.count()}


def ranked_list(incident_import, *, area: str = "", serial_only: bool = False, top: int = 20):
    rows = incident_import.ranked.filter(rank__lte=top)
    if area:
        rows = rows.filter(area=area)
    if serial_only:
        rows = rows.filter(serial=True)
    return rows.order_by("area", "rank")


def explain(ranked: RankedPerpetrator) -> list[tuple[str, str]]:
    """Each component of the score in words, with the band that gave it."""
    p = default_profile()
    w = p.weights
    lower = 0
    recency_band = ""
    for limit, _points in p.recency:
        if ranked.days_since <= limit:
            recency_band = f"{lower}-{limit} days"
            break
        lower = limit + 1
    return [
        ("Recency (R)", f"latest incident {ranked.last_incident:%-d %b %Y}, {ranked.days_since} days before the as-of "
                        f"date: band {recency_band} gives {ranked.recency} points"),
        ("Frequency (F)", f"{ranked.incidents} distinct incidents in the {p.window_days}-day window gives "
                          f"{ranked.frequency} points"),
        ("Gravity (G)", f"harm {ranked.harm_days:g} days (each incident at its most harmful offence); "
                        f"100 x log10(1 + {ranked.harm_days:g}) / log10(1 + {p.gravity_cap_days:g}) = "
                        f"{ranked.gravity:.4f}, capped at 100"),
        ("Victims (V)", f"{ranked.victim_count} distinct victims gives {ranked.victims} points"
                        f"{' (serial: two or more victims)' if ranked.serial else ''}"),
        ("Score", f"{w['recency']:g} x {ranked.recency} + {w['frequency']:g} x {ranked.frequency} + "
                  f"{w['gravity']:g} x {ranked.gravity:.4f} + {w['victims']:g} x {ranked.victims} = {ranked.score:.4f}"),
        ("Rank", f"{ranked.rank} in {ranked.area} (ties by gravity, victims, latest incident, frequency, then id)"),
    ]


def cohort(incident_import, programme) -> tuple[list[RankedPerpetrator], list[str], list[str]]:
    """The first 500 of `cohort_rows`, as a list."""
    rows, applied, later = cohort_rows(incident_import, programme)
    return list(rows[:500]), applied, later


def cohort_rows(incident_import, programme):
    """Perpetrators in this ranking that a programme's rules (as data) point to (a queryset in
    area and rank order), the rules applied, and the rules the police data cannot answer
    (checked at referral)."""
    rows = incident_import.ranked.all()
    applied, later = [], []
    areas = {a.name for a in programme.areas.all()} | {c.name for a in programme.areas.all() for c in a.children.all()}
    # Identifiers are the force's own: only its referrals speak about the people its file ranks.
    known = Referral.objects.filter(referring_organisation=incident_import.organisation_id).exclude(
        police_perpetrator_id="")
    for rule in programme.eligibility_rules.all():
        n = int(rule.parameters.get("n", 20))
        if rule.kind == "outside_matac_top":
            rows = rows.filter(rank__gt=n)
            applied.append(f"outside the area's top {n}")
        elif rule.kind == "inside_matac_top":
            rows = rows.filter(rank__lte=n)
            applied.append(f"inside the area's top {n}")
        elif rule.kind == "in_programme_area":
            rows = rows.filter(area__in=areas)
            applied.append(f"latest incident in the programme's areas ({', '.join(sorted(areas))})")
        elif rule.kind in ("marac_not_met", "dash_below"):
            threshold = int(rule.parameters.get("threshold", 14))
            high = known.filter(Q(marac_criteria_met=True) | Q(dash_score__gte=threshold)).values_list(
                "police_perpetrator_id", flat=True)
            rows = rows.exclude(perpetrator_id__in=high)
            applied.append("not known to meet MARAC high-risk criteria (from earlier referrals)")
        else:
            later.append(rule.get_kind_display())
    return rows.order_by("area", "rank"), sorted(set(applied)), later
