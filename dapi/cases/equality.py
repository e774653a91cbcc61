"""Equality data code lists (DOMAIN.md section 8): one list per field, each with "not recorded" (the
default) and "prefer not to say". Ethnicity uses the 19 categories of the 2021 Census of England and
Wales (ONS), grouped into its 5 high-level groups; reports break counts down by the groups, which
keeps fewer cells small. Other lists follow the 2021 Census questions where there is one (sex,
gender identity, disability, sexual orientation, religion), in the project's own words.
"""

NOT_RECORDED = "not_recorded"
PREFER_NOT_TO_SAY = "prefer_not_to_say"
_EITHER_WAY = [(NOT_RECORDED, "Not recorded"), (PREFER_NOT_TO_SAY, "Prefer not to say")]

# (group code, group label, [(category code, category label), ...]): ONS 2021, 19 categories in 5 groups.
ETHNIC_GROUPS = [
    ("asian", "Asian, Asian British or Asian Welsh", [
        ("bangladeshi", "Bangladeshi"), ("chinese", "Chinese"), ("indian", "Indian"), ("pakistani", "Pakistani"),
        ("other_asian", "Any other Asian background")]),
    ("black", "Black, Black British, Black Welsh, Caribbean or African", [
        ("african", "African"), ("caribbean", "Caribbean"), ("other_black", "Any other Black, Black British or "
                                                                              "Caribbean background")]),
    ("mixed", "Mixed or Multiple ethnic groups", [
        ("white_and_asian", "White and Asian"), ("white_and_black_african", "White and Black African"),
        ("white_and_black_caribbean", "White and Black Caribbean"),
        ("other_mixed", "Any other Mixed or Multiple background")]),
    ("white", "White", [
        ("white_british", "English, Welsh, Scottish, Northern Irish or British"), ("irish", "Irish"),
        ("gypsy_or_irish_traveller", "Gypsy or Irish Traveller"), ("roma", "Roma"),
        ("other_white", "Any other White background")]),
    ("other", "Other ethnic group", [("arab", "Arab"), ("any_other", "Any other ethnic group")]),
]

FIELDS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "sex": ("Sex", [("female", "Female"), ("male", "Male")]),
    "gender_identity": ("Gender identity", [
        ("same_as_at_birth", "The same as the sex registered at birth"),
        ("different_from_birth", "Different from the sex registered at birth (trans)")]),
    "age_band": ("Age band", [("under_16", "Under 16"), ("16_17", "16 to 17"), ("18_24", "18 to 24"),
                              ("25_34", "25 to 34"), ("35_44", "35 to 44"), ("45_54", "45 to 54"),
                              ("55_64", "55 to 64"), ("65_plus", "65 or over")]),
    "ethnicity": ("Ethnicity", [(code, f"{group}: {label}") for _, group, categories in ETHNIC_GROUPS
                                for code, label in categories]),
    "disability": ("Disability", [("limited_a_lot", "Disabled, day-to-day activities limited a lot"),
                                  ("limited_a_little", "Disabled, day-to-day activities limited a little"),
                                  ("not_disabled", "Not disabled")]),
    "sexual_orientation": ("Sexual orientation", [
        ("heterosexual", "Straight or heterosexual"), ("gay_or_lesbian", "Gay or lesbian"),
        ("bisexual", "Bisexual"), ("other_orientation", "Another sexual orientation")]),
    "religion": ("Religion", [
        ("no_religion", "No religion"), ("christian", "Christian"), ("buddhist", "Buddhist"), ("hindu", "Hindu"),
        ("jewish", "Jewish"), ("muslim", "Muslim"), ("sikh", "Sikh"), ("other_religion", "Another religion")]),
    "first_language": ("First language", [("english", "English"), ("welsh", "Welsh"),
                                          ("other_language", "Another language")]),
    "interpreter_needed": ("Interpreter needed", [("yes", "Yes"), ("no", "No")]),
}
EQUALITY_FIELDS = list(FIELDS)


def choices(field: str) -> list[tuple[str, str]]:
    """Every value `field` accepts, "not recorded" first and "prefer not to say" last."""
    return [_EITHER_WAY[0], *FIELDS[field][1], _EITHER_WAY[1]]


def label(field: str) -> str:
    return FIELDS[field][0]


def reporting_groups(field: str) -> list[tuple[str, str]]:
    """The rows a report breaks `field` down by: ethnicity by its 5 high-level groups, the others by
    their values; "not recorded" and "prefer not to say" last."""
    if field == "ethnicity":
        values = [(code, group) for code, group, _ in ETHNIC_GROUPS]
    else:
        values = FIELDS[field][1]
    return [*values, _EITHER_WAY[1], _EITHER_WAY[0]]


def reporting_group(field: str, value: str | None) -> str:
    """The reporting group of one recorded value (None, for someone with no details: not recorded)."""
    if not value:
        return NOT_RECORDED
    if field == "ethnicity":
        return next((group for group, _, categories in ETHNIC_GROUPS if value in dict(categories)), value)
    return value
