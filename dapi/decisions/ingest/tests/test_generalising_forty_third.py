"""Ways records are written that the extractor reads since the forty-third round, on small hand-written snippets: a
misspelt "million" ("£3.3millon"), a sector's short name ("the Voluntary and Community Sector (VCS)"), a building the
record spends on ("works to the Oakdale Centre") and a council's place with its possessive ("Oakdale’s partnership
budget")."""

from .reading import lines_of

_MISSPELT = (
    "Oakdale Borough Council\n\nMinutes of the Cabinet held on 3 March 2009\n\n"
    "RESOLVED\n\n1. That up to £4.2millon be earmarked from the capital programme for the new depot.\n"
)

_SECTOR = (
    "Oakdale Borough Council\n\nMinutes of the Executive Committee held on 3 March 2026\n\n"
    "Members were informed that the Council had provided £120,000 in support to the Voluntary and Community Sector "
    "(VCS). Officers proposed that grants of £4,000 be given to VCS groups each year.\n"
)

_BUILDING = (
    "Oakdale Borough Council\n\nMinutes of the Cabinet held on 3 March 2009\n\n"
    "RESOLVED\n\n1. That a detailed options appraisal for the Oakdale Centre be commissioned at a cost of £48,000, "
    "to be funded from Reward Grant;\n2. That capital funding be earmarked for works to the Oakdale Centre.\n"
)

_OWN_PLACE = (
    "Funding for women's refuges\n\n"
    "Oakdale Council said it would withdraw funding for the refuge last month.\n\n"
    "An additional grant of £240,000 has been transferred to Oakdale’s community planning partnership budget.\n"
)


def test_a_misspelt_million_is_read_as_millions_with_a_warning():
    lines = lines_of(_MISSPELT, "4200000")
    assert len(lines) == 1 and "millon" in lines[0].warning
    assert not lines_of(_MISSPELT, "4.20")


def test_a_sectors_short_name_is_not_a_party():
    lines = lines_of(_SECTOR, "4000")
    assert lines and all(m.counterparty is None for m in lines)


def test_a_building_worked_on_is_not_a_party():
    lines = lines_of(_BUILDING, "48000")
    assert lines and all(m.counterparty is None for m in lines)


def test_a_councils_place_with_its_possessive_is_not_a_party():
    lines = lines_of(_OWN_PLACE, "240000")
    assert lines and all(m.counterparty is None for m in lines)
