"""An example questionnaire in the project's own words (never licensed wording), for demonstrations
and tests; a programme writes its own (`services.questionnaire_set`)."""

EXAMPLE_TITLE = "How are things for you now?"
EXAMPLE_SCALE = {"scale_min": 1, "scale_max": 5, "scale_min_label": "not at all", "scale_max_label": "very much"}
# (wording, higher_is_better), over the areas DOMAIN.md section 8 names: physical, sexual, jealous and
# controlling behaviour, harassment, and her feeling of safety.
EXAMPLE_ITEMS = [
    ("How safe do you feel at home?", True),
    ("How safe do you feel when you are out?", True),
    ("In the past month, how much has he hurt you physically?", False),
    ("In the past month, how much has he pressured you into anything sexual you did not want?", False),
    ("In the past month, how much has he tried to control where you go, who you see or what you spend?", False),
    ("In the past month, how much has he contacted, followed or watched you when you did not want him to?", False),
    ("How hopeful do you feel about the months ahead?", True),
]


def example_questionnaire(programme, *, by=None):
    """`programme`'s questionnaire set to the example (by the system unless `by` is given)."""
    from .services import questionnaire_set

    return questionnaire_set(programme=programme, by=by, title=EXAMPLE_TITLE, items=EXAMPLE_ITEMS, **EXAMPLE_SCALE)
