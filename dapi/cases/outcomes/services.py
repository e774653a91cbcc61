"""Writing a programme's questionnaire and a victim's answers to it."""

from django.core.exceptions import ValidationError
from django.db import transaction

from dapi.audit.services import acting_as
from dapi.lib.access import is_system, require
from dapi.lib.dates import future_errors

from . import access
from .models import MAX_ITEMS, Questionnaire, QuestionnaireItem, Stage, VictimOutcome


def _save(instance, by):
    instance.full_clean()
    with acting_as(by):
        instance.save()
    return instance


@transaction.atomic
def questionnaire_set(*, programme, by, title: str, items: list[tuple[str, bool]], scale_min: int = 1,
                      scale_max: int = 5, scale_min_label: str = "", scale_max_label: str = "",
                      follow_up_months: int = 6) -> Questionnaire:
    """Write (or rewrite) `programme`'s questionnaire: `items` are (wording, higher_is_better) in
    order. Once a victim has answered it, its items and scale are fixed (changing them would make
    her answers incomparable); the title, labels and follow-up interval can still change. Who may:
    those who may change the programme (`access.can_set_questionnaire`)."""
    require(is_system(by) or access.can_set_questionnaire(by, programme), "No such programme")
    if not items:
        raise ValidationError({"items": "A questionnaire needs at least one item."})
    if len(items) > MAX_ITEMS:
        raise ValidationError({"items": f"A questionnaire has at most {MAX_ITEMS} items."})
    questionnaire = Questionnaire.objects.filter(programme=programme).first() or Questionnaire(programme=programme)
    wanted = [(position, wording.strip(), bool(up)) for position, (wording, up) in enumerate(items, start=1)]
    if questionnaire.pk and questionnaire.responses.exists():
        had = [(i.position, i.wording, i.higher_is_better) for i in questionnaire.items.all()]
        if had != wanted or (questionnaire.scale_min, questionnaire.scale_max) != (scale_min, scale_max):
            raise ValidationError({"items": "Victims have answered this questionnaire: its items and scale can no "
                                            "longer change."})
    for name, value in (("title", title), ("scale_min", scale_min), ("scale_max", scale_max),
                        ("scale_min_label", scale_min_label), ("scale_max_label", scale_max_label),
                        ("follow_up_months", follow_up_months)):
        setattr(questionnaire, name, value)
    _save(questionnaire, by)
    with acting_as(by):
        questionnaire.items.all().delete()
    for position, wording, up in wanted:
        _save(QuestionnaireItem(questionnaire=questionnaire, position=position, wording=wording,
                                higher_is_better=up), by)
    return questionnaire


def scored(questionnaire: Questionnaire, answers: dict) -> tuple[dict[str, int], int]:
    """Her answers keyed by item position (as text) and their oriented total, or a ValidationError
    naming each item unanswered, out of scale or not on the questionnaire (field `item_<position>`)."""
    low, high = questionnaire.scale_min, questionnaire.scale_max
    items = list(questionnaire.items.all())
    given = {str(k): v for k, v in answers.items()}
    errors = {f"item_{k}": f"Item {k} is not on this questionnaire." for k in given
              if k not in {str(i.position) for i in items}}
    clean, score = {}, 0
    for item in items:
        value = given.get(str(item.position))
        if value is None or value == "":
            errors[f"item_{item.position}"] = f"Answer item {item.position}, from {low} to {high}."
        elif isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            errors[f"item_{item.position}"] = (f"Item {item.position}: {value!r} is not on the scale; answer with "
                                               f"a whole number from {low} to {high}.")
        else:
            clean[str(item.position)] = value
            score += value if item.higher_is_better else low + high - value
    if errors:
        raise ValidationError(errors)
    return clean, score


@transaction.atomic
def victim_outcome_record(*, member, by, stage: str, recorded_on, answers: dict) -> VictimOutcome:
    """Her answers to her programme's questionnaire at one stage, once per stage, dated today or
    earlier: after intake for the later stages, and the follow-up on or after exit. Who may: the
    victim side of her case, for a victim (`access.can_record_outcome`)."""
    require(is_system(by) or access.can_record_outcome(by, member), "No such person on this case")
    if errors := future_errors({"recorded_on": ("The date of the answers", recorded_on)}):
        raise ValidationError(errors)
    questionnaire = Questionnaire.objects.filter(programme_id=member.case.programme_id).first()
    if questionnaire is None:
        raise ValidationError("The programme has no victim-reported outcomes questionnaire yet.")
    if stage not in Stage.values:
        raise ValidationError({"stage": f"Choose one of: {', '.join(Stage.labels)}."})
    earlier = {o.stage: o for o in member.victim_outcomes.all()}
    if stage in earlier:
        raise ValidationError({"stage": f"The {Stage(stage).label.lower()} answers are already recorded."})
    if stage != Stage.INTAKE:
        intake = earlier.get(Stage.INTAKE)
        if intake is None:
            raise ValidationError({"stage": "Record her intake answers first."})
        if recorded_on < intake.recorded_on:
            raise ValidationError({"recorded_on": f"The answers cannot be before her intake answers "
                                                  f"({intake.recorded_on:%d %b %Y})."})
    if stage == Stage.FOLLOW_UP:
        exit_ = earlier.get(Stage.EXIT)
        if exit_ is None:
            raise ValidationError({"stage": "Record her exit answers before the follow-up."})
        if recorded_on < exit_.recorded_on:
            raise ValidationError({"recorded_on": f"The follow-up cannot be before her exit answers "
                                                  f"({exit_.recorded_on:%d %b %Y})."})
    clean, score = scored(questionnaire, answers)
    return _save(VictimOutcome(member=member, questionnaire=questionnaire, stage=stage, recorded_on=recorded_on,
                               recorded_by=by, answers=clean, score=score), by)
