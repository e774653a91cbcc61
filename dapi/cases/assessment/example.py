"""The example assessment tool, in the project's own words (never licensed wording): the tool of
every programme that has not written its own (`services.tool_set`), and of the demonstration.
`services.example_tool` writes it the first time it is needed."""

EXAMPLE_TITLE = "Perpetrator assessment (example tool)"
# Each point of the scale says how much concern the item raises: higher is more concern, so a
# falling total is progress.
CONCERN = ["no concern", "some concern", "clear concern", "serious concern"]
EXAMPLE_ITEMS = [
    "Attitudes that excuse, minimise or justify abuse, or blame her for it",
    "Jealousy, checking up on and controlling a partner",
    "Use of alcohol or drugs",
    "Mental health and managing his emotions",
    "Employment, money and housing",
    "Motivation to change (concern that he has little)",
    "Keeping to orders, bail conditions and the programme's rules",
]


def example_items() -> list[dict]:
    return [{"wording": w, "scale_min": 0, "scale_max": 3, "scale_labels": CONCERN} for w in EXAMPLE_ITEMS]

