"""Background work (django-tasks; `dapi db_worker` runs the queue): rank an uploaded incident file,
and compute the stored police outcomes of cases, their comparison groups and their victims' police
incidents.

The tasks read and score files with the engine and write only through the services in
services/ranking.py, services/outcomes.py, services/comparison.py and services/victims.py, as the
system (`by=None`), each with its audit entry."""

from django_tasks import task

from dapi.cases.models import Case, CaseMember

from . import comparison, outcomes, victims
from .engine import (InvalidIncidentFile, default_profile, rank, read_incidents, read_incidents_of,
                     read_incidents_of_victims, score)
from .models import IncidentImport
from .services.comparison import case_comparisons_clear, case_comparisons_save
from .services.outcomes import case_outcomes_clear, case_outcomes_save
from .services.ranking import incident_import_fail, incident_import_mark_running, incident_import_reject, ranking_save
from .services.victims import victim_incidents_clear, victim_incidents_save


@task()
def rank_import(import_id: int) -> str:
    """Validate, score and rank one import, then compute the outcomes of the force's referred cases
    from it when it is the force's newest. Rankings are written in one transaction, so a worker
    killed half-way leaves none, and running the task again (dapi/worker.py queues it again after a
    dead worker; an analyst can after a failure) replaces whatever an earlier attempt wrote."""
    incident_import = IncidentImport.objects.get(pk=import_id)
    try:
        return rank_one(incident_import)
    except BaseException:
        # The worker records the exception itself; the analyst sees that the ranking failed and
        # that it can be run again, never a page that says "Processing" for ever.
        incident_import_fail(incident_import=incident_import, by=None)
        raise


def rank_one(incident_import: IncidentImport) -> str:
    profile = default_profile()
    incident_import_mark_running(incident_import=incident_import, progress="Reading and validating the file", by=None)
    try:
        incidents = read_incidents(incident_import.file.path, profile)
    except InvalidIncidentFile as e:
        incident_import_reject(incident_import=incident_import, errors=e.errors, by=None)
        return "invalid"
    incident_import_mark_running(incident_import=incident_import, progress="Scoring perpetrators", by=None)
    scores = score(incidents, incident_import.as_of, profile)
    ranked = rank(scores, top_n=10**9)  # keep everyone eligible: cohorts look beyond the top N
    rows = incidents.select("row").collect().height
    incident_import_mark_running(incident_import=incident_import,
                                 progress=f"Saving {ranked.height:,} ranked perpetrators", by=None)
    ranking_save(incident_import=incident_import, ranked=ranked.iter_rows(named=True), rows=rows,
                 perpetrators=scores.height, profile_version=profile.version, by=None)
    outcomes_from_import(incident_import, incidents, profile)
    victims_from_import(incident_import, incidents, profile)
    return "done"


def outcomes_from_import(incident_import: IncidentImport, incidents, profile) -> int:
    """Store the outcomes and comparison groups of the force's referred cases from a just-ranked
    import (its rows already read), if it is the force's newest: cases entered by its as-of date
    get theirs, later ones none. Returns how many outcomes were stored."""
    latest = outcomes.force_latest_import(incident_import.organisation_id)
    if latest is None or latest.pk != incident_import.pk:
        return 0
    cases = list(outcomes.police_cases(incident_import.organisation_id))
    due = [c for c in cases if c.entered_on <= incident_import.as_of]
    later = [c.pk for c in cases if c.entered_on > incident_import.as_of]
    case_outcomes_clear(case_ids=later, by=None)
    case_comparisons_clear(case_ids=later, by=None)
    case_comparisons_save(incident_import=incident_import, by=None,
                          computed=comparison.compute(incidents, incident_import, due, profile))
    comparison.programme_comparisons_make([c.pk for c in cases])
    return case_outcomes_save(incident_import=incident_import, by=None,
                              computed=outcomes.compute(incidents, incident_import, due, profile))


def victims_from_import(incident_import: IncidentImport, incidents, profile) -> int:
    """Store the police incidents of the victims (with a police identifier) of the force's referred
    cases from a just-ranked import (its rows already read), if it is the force's newest; anything
    stored for the force's other victims is removed. Returns how many were stored."""
    latest = outcomes.force_latest_import(incident_import.organisation_id)
    if latest is None or latest.pk != incident_import.pk:
        return 0
    theirs = victims.force_victims(incident_import.organisation_id)
    victim_incidents_clear(by=None, member_ids=CaseMember.objects.filter(
        case__referral__referring_organisation_id=incident_import.organisation_id).exclude(
        pk__in=[m.pk for m, _ in theirs]).values("pk"))
    return victim_incidents_save(incident_import=incident_import, by=None,
                                 found=victims.compute(incidents, incident_import, theirs, profile))


@task()
def victim_incidents_compute(person_id: int) -> str:
    """Compute and store the police incidents of one person as a victim of each police-referred case
    she is linked to, after her police identifier is set or she is linked to such a case (the cases
    app queues this through settings.DAPI_VICTIM_POLICE_ID_TASK): the rows naming her in the newest
    ranked import of the force that referred each case. Where the data no longer allows (no
    identifier, no ranked import), what was stored is removed. Safe to run again."""
    found = victims.police_victims(CaseMember.objects.filter(person_id=person_id))
    profile, stored = default_profile(), 0
    for member, force_id, police_person_id in found:
        latest = outcomes.force_latest_import(force_id)
        if latest is None:
            victim_incidents_clear(member_ids=[member.pk], by=None)
            continue
        rows = read_incidents_of_victims(latest.file.path, profile, [police_person_id])
        stored += victim_incidents_save(incident_import=latest, by=None, found=victims.compute(
            rows, latest, [(member, police_person_id)], profile))
    victim_incidents_clear(by=None, member_ids=CaseMember.objects.filter(person_id=person_id).exclude(
        pk__in=[m.pk for m, _, _ in found]).values("pk"))
    return f"stored {stored}"


def force_comparisons_compute(force_id: int) -> int:
    """Compute and store the comparison groups of all the force's referred cases that have
    entered, from its newest ranked import, at once (not queued): for the demo loader, once its
    cases have entered (`rank_import` computes them only for cases entered by then). Cases
    entered after that import's as-of date, or of a force with no ranked import, get none.
    Returns how many were stored."""
    latest = outcomes.force_latest_import(force_id)
    cases = list(outcomes.police_cases(force_id))
    due = [c for c in cases if latest is not None and c.entered_on <= latest.as_of]
    case_comparisons_clear(case_ids=[c.pk for c in cases if c not in due], by=None)
    stored = 0
    if due:
        profile = default_profile()
        stored = case_comparisons_save(incident_import=latest, by=None, computed=comparison.compute(
            read_incidents(latest.file.path, profile), latest, due, profile))
    comparison.programme_comparisons_make([c.pk for c in cases])
    return stored


@task()
def case_outcome_compute(case_id: int) -> str:
    """Compute and store one case's outcome and comparison group after his entry or end date is
    set (the cases app queues this through settings.DAPI_CASE_DATES_TASK), from the newest ranked
    import of the force that referred him: his rows of its file for the outcome, all of it for
    the comparison group. Safe to run again: it replaces what an
    earlier run stored, or removes it when the case has no outcome now."""
    case = Case.objects.select_related("referral").get(pk=case_id)
    identified = outcomes.police_identifier(case)
    latest = outcomes.force_latest_import(identified[0]) if identified else None
    if latest is None or latest.as_of < case.entered_on:
        case_outcomes_clear(case_ids=[case.pk], by=None)
        case_comparisons_clear(case_ids=[case.pk], by=None)
        comparison.programme_comparisons_make([case.pk])
        return "none"
    profile = default_profile()
    incidents = read_incidents_of(latest.file.path, profile, [identified[1]])
    case_outcomes_save(incident_import=latest, computed=outcomes.compute(incidents, latest, [case], profile), by=None)
    # His comparison group scores everyone in the file on his entry date: all of it is read.
    case_comparisons_save(incident_import=latest, by=None, computed=comparison.compute(
        read_incidents(latest.file.path, profile), latest, [case], profile))
    comparison.programme_comparisons_make([case.pk])
    return "stored"
