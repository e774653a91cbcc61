"""Ways records are written that the extractor flags since the seventieth round, on small hand-written snippets: a sum
restated elsewhere in the record with one digit different ("£1,483,260" in the summary and "£1,483,290" in the
resolution; "£518,442" twice and "£517,442" once; "£27,316,804" and "£27,316,80") is a misprint of one of them, and
the line is flagged rather than read as a sum of its own; two sums apart by a stated change, apart in their first
digit, or one pound apart are not."""

from .reading import lines_of

_MISPRINT = "differs by one digit from"


def test_a_sum_restated_with_one_digit_different_flags_both_figures():
    text = ("Decision\n\nThe report asks approval to accept funding of up to £1,483,260 over four years awarded to "
            "Northbury Council by the Department for Northern Affairs.\n\nRESOLVED to approve receipt of grant "
            "funding from the Department for Northern Affairs up to a total of £1,483,290 over four years.\n")
    assert _MISPRINT in lines_of(text, "1483260")[0].warning
    assert _MISPRINT in lines_of(text, "1483290")[0].warning


def test_only_the_rarer_of_two_figures_one_digit_apart_is_flagged():
    text = ("Decision\n\nThis paper asks approval of funding of £518,442 per annum for the helpline service provided "
            "by Eastside Helplines Ltd.\n\nThe panel is asked to approve funding of £518,442 per annum for the "
            "helpline service.\n\nFinancial comments\n\nThe cost of £517,442 per annum will be met from the "
            "victims budget.\n")
    assert _MISPRINT in lines_of(text, "517442")[0].warning
    assert all(_MISPRINT not in m.warning for m in lines_of(text, "518442"))


def test_a_full_figure_restated_with_a_digit_lost_and_a_misplaced_separator_is_flagged():
    text = ("Decision\n\nThis form asks approval of the receipt of the £27,316,804 grant allocated by the Department "
            "for Northern Skills to deliver the adult numeracy programme.\n\nThe Mayor approves the receipt from the "
            "department, and expenditure, of up to £27,316,80 of grant funding for the programme.\n")
    assert _MISPRINT in lines_of(text, "27316804")[0].warning


def test_figures_apart_by_a_stated_change_are_not_flagged():
    text = ("Decision\n\nThe contract value is reduced by £200,000, from £2,461,538 to £2,261,538, to make savings.\n")
    assert all(_MISPRINT not in m.warning for m in lines_of(text, "2261538") + lines_of(text, "2461538"))


def test_figures_apart_in_their_first_digit_or_by_one_pound_are_not_flagged():
    text = ("Procurement thresholds\n\nContracts of £21,999 or less need one quote; contracts of £31,999 or less need "
            "three quotes.\n\nThe contract with Westbrook Care Ltd is £304,117 in the first year and £304,118 in the "
            "second year.\n")
    for amount in ("21999", "31999", "304117", "304118"):
        assert all(_MISPRINT not in m.warning for m in lines_of(text, amount))


def test_a_grant_said_again_as_a_total_is_one_line_to_the_body():
    text = ("Police and Crime Commissioner decision\n\nThe following application was received:\n\n"
            "The Harbour Mediation Company – Family Mediation project – sum requested £6,250\n\n"
            "That the Police and Crime Commissioner awards the sum requested to the above mentioned organisation "
            "totalling £6,250\n")
    lines = lines_of(text, "6250")
    assert [m.counterparty for m in lines] == ["Harbour Mediation Company"]
    assert len(lines[0].spans) == 2


def test_a_project_cost_said_again_as_a_grant_to_a_body_is_one_line():
    text = ("Decision\n\nii. To note that the total cost of the project is £64,000 funded from developer "
            "contributions.\n\niii. To approve a Capital Grant of £64,000 to the Northside Community Association "
            "subject to the usual conditions.\n")
    assert [m.counterparty for m in lines_of(text, "64000")] == ["Northside Community Association"]


def test_a_total_of_funding_available_is_kept_apart_from_the_body_named_beside_it():
    text = ("Community fund returns\n\nThe Westvale Community Trust and Westvale Police celebrate the fund's fifth year "
            "and the funding available to apply for has doubled to £90,000.\n\nThe funding available for the next "
            "round is a total of £90,000, shared across 30 projects.\n")
    lines = lines_of(text, "90000")
    assert len(lines) == 2
    assert [(m.role, m.counterparty) for m in lines if m.role == "total"] == [("total", None)]


def test_a_total_is_kept_apart_from_a_body_named_with_another_sum():
    text = ("Voluntary sector support\n\nThe council provided a grant of £40,000 to the Eastgate Advice Centre and "
            "£85,000 in small grants to a range of local groups.\n\nThe grants to local groups totalled £85,000 over "
            "the three years.\n")
    lines = lines_of(text, "85000")
    assert ("total", None) in [(m.role, m.counterparty) for m in lines]
