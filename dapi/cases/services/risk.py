from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.module_loading import import_string

from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require
from dapi.lib.dates import future_errors

from .. import access, dash
from ..forums.models import ForumListing
from ..models import DashDraft, MemberRole, RiskAssessment

MARAC = "MARAC"


def marac_rules() -> dash.MaracRules:
    return dash.MaracRules(events=settings.DAPI_MARAC_ESCALATION_EVENTS, days=settings.DAPI_MARAC_ESCALATION_DAYS,
                           repeat_days=settings.DAPI_MARAC_REPEAT_DAYS)


def police_incident_dates(member) -> list[date]:
    """The dates of the police incidents naming her, as identification stored them
    (settings.DAPI_VICTIM_INCIDENT_DATES: the cases app cannot import identification); none where
    the data does not allow or no hook is set."""
    if not settings.DAPI_VICTIM_INCIDENT_DATES:
        return []
    return list(import_string(settings.DAPI_VICTIM_INCIDENT_DATES)(member))


@transaction.atomic
def risk_assessment_create(*, case, member, assessed_on: date, answers: dict, by, incident_on: date | None = None,
                           judgement_grade: str = "", judgement_reason: str = "",
                           other_da_event_dates=()) -> RiskAssessment:
    """Record a DASH checklist for a victim of the case, scored and graded (DOMAIN.md §5). Neither
    date may be after today, nor the incident after the assessment.

    Escalation counts this incident, the incidents of the victim's earlier assessments, any
    `other_da_event_dates`, and where the data allows the police incidents naming her
    (`police_incident_dates`: a victim with a police identifier of a case referred with one, from
    the referring force's newest ranked import); repeat looks at her last MARAC referral: the
    latest of her DASH referrals and her listings at MARAC on this case (a listing on another case is
    not looked at: the barrier may hide that case from whoever records this one).
    Who may: the victim side of the case (`access.can_see_victim_side`).
    """
    require(is_system(by) or access.can_see_victim_side(by, case), "No such person on this case")
    if member.case_id != case.pk or member.role != MemberRole.VICTIM:
        raise ValidationError({"member": "Choose a victim linked to this case."})
    errors = future_errors({"assessed_on": ("The date assessed", assessed_on),
                            "incident_on": ("The date of the incident", incident_on)})
    if incident_on and assessed_on and incident_on > assessed_on and "incident_on" not in errors:
        errors["incident_on"] = (f"The date of the incident ({incident_on:%d %b %Y}) must be on or before the date "
                                 f"assessed ({assessed_on:%d %b %Y}).")
    if errors:
        raise ValidationError(errors)
    earlier = list(RiskAssessment.objects.filter(member=member).order_by("assessed_on", "pk"))
    events = [a.incident_on for a in earlier if a.incident_on] + list(other_da_event_dates)
    if incident_on:
        events.append(incident_on)
    referred = [a.marac_referred_on or a.assessed_on for a in earlier if a.marac_referral]
    listed = ForumListing.objects.filter(member=member, forum__code=MARAC).values_list("meeting_on", flat=True)
    try:
        result = dash.assess(answers, judgement_grade=judgement_grade, judgement_reason=judgement_reason,
                             incident_on=incident_on, da_event_dates=events,
                             police_incident_dates=police_incident_dates(member),
                             last_marac_referral_on=max(referred) if referred else None,
                             marac_listing_dates=list(listed), rules=marac_rules())
    except dash.DashError as exc:
        raise ValidationError(exc.errors) from None
    assessment = RiskAssessment(
        case=case, member=member, assessed_on=assessed_on, incident_on=incident_on, assessor=by,
        answers={str(k): v for k, v in answers.items()}, score=result.score, computed_grade=result.computed_grade,
        judgement_grade=judgement_grade, judgement_reason=judgement_reason, grade=result.grade,
        marac_referral=result.marac_referral, marac_reasons=result.marac_reasons,
        marac_referred_on=assessed_on if result.marac_referral else None,
    )
    assessment.full_clean()
    with acting_as(by):
        assessment.save()
        for draft in DashDraft.objects.filter(member=member):
            draft.delete()  # finished: the draft is not kept beside the assessment
    return assessment


@transaction.atomic
def dash_draft_save(*, case, member, by, answers: dict, assessed_on: date | None = None,
                    incident_on: date | None = None, judgement_grade: str = "", judgement_reason: str = "") -> DashDraft:
    """Keep a DASH checklist begun for a victim of the case, to be finished later: any items answered
    so far (yes, no or not_known by item number), and the dates and judgement if given (neither date
    after today). A draft is never scored or graded, and is replaced by the next save. Who may: the
    victim side of the case (`access.can_see_victim_side`)."""
    require(is_system(by) or access.can_see_victim_side(by, case), "No such person on this case")
    if member.case_id != case.pk or member.role != MemberRole.VICTIM:
        raise ValidationError({"member": "Choose a victim linked to this case."})
    kept = {str(n): v for n, v in answers.items() if v}
    if unknown := sorted(set(kept) - {str(n) for n in dash.DASH_ITEMS}, key=str):
        raise ValidationError({"answers": f"No such DASH item: {', '.join(unknown)}."})
    if bad := [n for n, v in kept.items() if v not in ("yes", "no", "not_known")]:
        raise ValidationError({f"item_{bad[0]}": f"Item {bad[0]}: choose yes, no or not known."})
    if errors := future_errors({"assessed_on": ("The date assessed", assessed_on),
                                "incident_on": ("The date of the incident", incident_on)}):
        raise ValidationError(errors)
    draft = DashDraft.objects.filter(member=member).first() or DashDraft(case=case, member=member)
    draft.assessor, draft.answers, draft.assessed_on, draft.incident_on = by, kept, assessed_on, incident_on
    draft.judgement_grade, draft.judgement_reason = judgement_grade, judgement_reason
    draft.full_clean()
    with acting_as(by):
        draft.save()
    return draft
