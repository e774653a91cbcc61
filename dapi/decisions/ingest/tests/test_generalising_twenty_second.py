"""Ways records are written that the extractor reads since the twenty-second round, each rule on small hand-written
snippets: a rate schedule's rows named by the tier a rate applies to ("Standard £22.80", "Rural £27.48") name nobody
paid; and a decision list's entry that approves a sum's spend from a fund "to enable" a body, or "to cover the costs
of" one, is a grant to that body, read with a warning."""

from decimal import Decimal

from dapi.decisions.ingest.extract import extract_text

D = Decimal


def _line(text: str, amount: str):
    return [m for m in extract_text(text).money if m.amount == D(amount)][0]


def test_a_rate_schedules_rows_named_by_their_tier_name_nobody_paid():
    text = ("Decision: to agree the hourly rates for home support from April.\n\nHome Support Rate\n"
            "Standard £21.40\nRural £26.10\n")
    for amount in ("21.40", "26.10"):
        line = _line(text, amount)
        assert line.counterparty is None
        assert line.role == "other"
        assert "tier of a rate" in line.warning


def test_a_spend_from_a_fund_to_enable_a_named_body_is_a_grant_to_it():
    text = ("41 – 2016\n\nYouth Safety Week funding\n\nTo approve £1,250 spend from the Community Safety fund to "
            "enable the Eastvale Youth Theatre to perform a series of safety plays in local schools.\n")
    line = _line(text, "1250")
    assert (line.counterparty, line.role) == ("Eastvale Youth Theatre", "grant")
    assert "the spend enables" in line.warning


def test_a_spend_from_a_fund_to_cover_the_costs_of_a_named_body_is_a_grant_to_it():
    text = ("42 – 2016\n\nRiverside Safety Day\n\nTo approve £900 spend from the Community Safety fund to cover the "
            "costs of Northbrook Events planning and running the day for pupils from local schools.\n")
    assert _line(text, "900").counterparty == "Northbrook Events"
