"""Reads over rankings: filtered lists, the explanation of a score, and a programme's cohort."""

from django.db.models import Q

from dapi.cases.models import Referral

from .engine import default_profile
from .models import RankedPerpetrator


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
    """Perpetrators in this ranking that a programme's rules (as data) point to, the rules
    applied, and the rules the police data cannot answer (checked at referral)."""
    rows = incident_import.ranked.all()
    applied, later = [], []
    areas = {a.name for a in programme.areas.all()} | {c.name for a in programme.areas.all() for c in a.children.all()}
    known = Referral.objects.exclude(police_perpetrator_id="")
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
    return list(rows.order_by("area", "rank")[:500]), sorted(set(applied)), later
