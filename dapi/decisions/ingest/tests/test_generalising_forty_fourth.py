"""Ways records are written that the extractor reads since the forty-fourth round, on small hand-written snippets: a
table flattened to one cell per line whose header puts a description column between the name and the decision
("Group Name" / "Summary of Application" / "Decision"), its decision cell on one line ("to award £350") or two
("to award" then "£1,500"); and a party's name cut at a slash ("Insch/Leslie Men's Shed" read as "Insch") or at
"St." ("St. Mark’s Church" read as "St")."""

from .reading import lines_of

_HEADER = "Group Name\n\nSummary of Application\n\nDecision\n\n"

_DESCRIBED = (
    "Oakdale City Council\n\nMinutes of the Communities Committee held on 3 March 2011\n\n"
    "The Committee resolved:\n\n(i) to approve funding to the following organisations:\n\n" + _HEADER
    + "Oakdale Pipe Band\n\nTo buy new drums for the band's young players.\n\nto award\n\n£1,200\n\n"
    "Riverside Youth Theatre\n\nTo help fund a summer production.\n\nto award £640\n\n"
    "Hillview Boxing Club\n\nTo fund travel to competitions in other areas of Scotland.\n\nto award\n\n£875\n"
)

# The same rows under a header with no description column: not this table, and nothing here guesses it is one.
_NO_HEADER = _DESCRIBED.replace(_HEADER, "")


def test_rows_with_a_description_between_name_and_decision_name_their_body():
    for amount, name in (("1200", "Oakdale Pipe Band"), ("640", "Riverside Youth Theatre"),
                         ("875", "Hillview Boxing Club")):
        lines = lines_of(_DESCRIBED, amount)
        assert len(lines) == 1 and lines[0].counterparty == name and lines[0].role == "grant"
        assert "check the row" in lines[0].warning


def test_such_rows_are_read_only_under_their_header():
    assert all(m.counterparty != "Oakdale Pipe Band" for m in lines_of(_NO_HEADER, "1200"))


_SLASH = (
    "Oakdale Council\n\nMinutes of the Area Committee held on 3 March 2014\n\n"
    "Committee agreed:- 1. to make the following awards:- £2,772.00 to Garlogie Beam Engine Trust "
    "£2,850.00 to Hillside/Brae Men's Shed £3,510.00 to Inverurie Bowling Club\n"
)

_SAINT = (
    "Oakdale Council\n\nMinutes of the Committee held on 3 March 2014\n\n"
    "Agreement to approve the capital grant of up to £150,000 to St. Anne’s Church towards the cost of improvements.\n"
)


def test_a_name_is_not_cut_at_a_slash_and_the_join_is_flagged():
    lines = lines_of(_SLASH, "2850")
    assert len(lines) == 1 and lines[0].counterparty == "Hillside/Brae Men's Shed"
    assert "“/”" in lines[0].warning
    assert [m.counterparty for m in lines_of(_SLASH, "3510")] == ["Inverurie Bowling Club"]


def test_a_name_is_not_cut_at_saint():
    assert [m.counterparty for m in lines_of(_SAINT, "150000")] == ["St. Anne’s Church"]
