"""What the victim page shows of her answers (victim side only, through access.py)."""

from dapi.lib.dates import add_months

from ..models import CaseMember
from . import access
from .models import Questionnaire, Stage


def victim_outcomes(user, member: CaseMember) -> dict:
    """Her answers by stage (each with its total and the total's range), the stages still to
    record, when the follow-up is due (exit plus the programme's follow-up months) and whether
    she can be asked at all. 404 across the barrier (`access.victim_outcome_list_for`)."""
    recorded = list(access.victim_outcome_list_for(user, member))
    questionnaire = Questionnaire.objects.filter(programme_id=member.case.programme_id).first()
    done = {o.stage for o in recorded}
    exit_ = next((o for o in recorded if o.stage == Stage.EXIT), None)
    follow_up_due = add_months(exit_.recorded_on, questionnaire.follow_up_months) \
        if exit_ and questionnaire and Stage.FOLLOW_UP not in done else None
    n_items = questionnaire.items.count() if questionnaire else 0
    return {"questionnaire": questionnaire, "recorded": recorded, "follow_up_due": follow_up_due,
            "can_record": questionnaire is not None and len(done) < len(Stage.values)
            and access.can_record_outcome(user, member),
            "score_range": (n_items * questionnaire.scale_min, n_items * questionnaire.scale_max)
            if questionnaire else None}
