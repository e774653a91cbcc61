"""Ways records are written that the extractor reads since the fortieth round, on small hand-written snippets: a pound
sign garbled into "�" before a figure, a party's name read with its possessive ("Oakdale Hospice’s appeal"), a package
listed sum by sum "from" each body, a contribution "from" a body that "was" a sum and an invoice "from" a firm, a table's
"Description" column and pieces of work as no party, the body whose meeting the title names, and a reference leading
the title line before a colon ("007/2012: Approval to ...")."""

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

_GARBLED = ("Oakdale news\n\nThe funding package comprises of \ufffd838,000 from Oakdale County Council, and the "
            "county will spend \ufffd470,000 on refuges.\n")

_POSSESSIVE = ("Oakdale Court of Aldermen\n\nDONATIONS\n\nResolved: a donation of £20,000 to Oakdale Hospice’s "
               "emergency appeal.\n")

_PACKAGE = ("Oakdale news\n\nThe funding package comprises of £838,000 from Oakdale County Council, £43,400 from the "
            "Oakdale Clinical Commissioning Group, £40,000 from Oakdale Police and £40,000 from the district councils "
            "making £961,000 in all.\n")

_FUNDS = ("Mayoral Decision\n\nThe Mayor approves the receipt of £14.2m of grant funding from the Ministry of Housing, "
          "Communities and Local Government - £10m from the Next Steps Accommodation Programme, £4.2m from the Rough "
          "Sleeping Initiative Fund.\n")

_CONTRIBUTION = ("The Oakdale Policing Board provides for 75% of approved expenditure incurred by the partnership. In "
                 "the 2008/09 financial year, the total contribution from the Policing Board was £383,000.\n")

_INVOICE = ("Oakdale Parish Council\n\nMinutes\n\n3. The payment of the invoice for £58.75, from Pellings for audit "
            "fees was noted.\n")

_DESCRIPTIONS = ("Police and Crime Commissioner for Oakshire – Decision Making Record\nReport Title: Use of OPCC Reserve\n"
                 "Description | Amount | Note |\nDeputy PCC | £70k | A deputy is to be appointed |\n"
                 "Strategic Comms | £30k | To provide strategic advice |\nOakdale Trust | £20k | Victim support |\n"
                 "This funding is for this year only.\n")

_CASH = "Oakdale Project Page\n\nFunding Value\nVPP Grant £30,000\nMatch (Cash) £4,000\n"

_WORK = ("Oakdale Police and Crime Commissioner\n\nThe PCC has received 2 bids as follows:\n\n"
         "  • Replacement of 2 Camera Enforcement Vehicles - £59,000\n\n  • Oakdale Youth Trust - £15,000\n")

_MEETING = ("Agenda and minutes\n\nOakdale Almshouse Charity Committee - Thursday, 14th March, 2024 6.00 pm\n\n"
            "Distribution of Charitable Funds\n\nThis report considers applications for grant aid.\n\nMinutes:\n\n"
            "The usual practice was to consider current grant applications with the current year’s interest receipts, "
            "estimated at £7,812.52 for 2023/24.\n")

_HEAD_REFERENCE = ("Your Commissioner\n\n007/2012: Approval to commence ordering of vehicles – 28 November 2012\n\n"
                   "Approval to purchase vehicles up to a value of £80,000.\n")


def test_a_garbled_sign_before_a_figure_is_read_as_pounds_and_flagged():
    draft = extract_text(_GARBLED)
    lines = lines_of(_GARBLED, "470000")
    assert len(lines) == 1 and "“�”" in lines[0].warning
    assert draft.text == _GARBLED  # the source as printed, every span still pointing into it
    assert any("“�”" in w for w in draft.warnings)


def test_a_possessive_is_taken_off_a_partys_name_and_flagged():
    lines = lines_of(_POSSESSIVE, "20000")
    assert [m.counterparty for m in lines] == ["Oakdale Hospice"]
    assert "possessive" in lines[0].warning


def test_each_sum_of_a_package_is_from_the_body_named_after_its_own_from():
    assert [(m.counterparty, m.role) for m in lines_of(_PACKAGE, "43400")] == [
        ("Oakdale Clinical Commissioning Group", "contribution")]
    assert [m.counterparty for m in lines_of(_PACKAGE, "838000")] == ["Oakdale County Council"]
    police, districts = lines_of(_PACKAGE, "40000")
    assert police.counterparty == "Oakdale Police" and districts.counterparty is None
    assert "check who gives it" in districts.warning


def test_sums_from_programmes_and_funds_are_no_package_from_bodies():
    for amount in ("10000000", "4200000"):
        assert [m.role for m in lines_of(_FUNDS, amount)] == ["grant"]


def test_a_contribution_from_a_body_that_was_a_sum_is_its_contribution():
    assert [(m.counterparty, m.role) for m in lines_of(_CONTRIBUTION, "383000")] == [
        ("Policing Board", "contribution")]


def test_an_invoice_for_a_sum_from_a_firm_is_paid_to_the_firm():
    assert [(m.counterparty, m.role) for m in lines_of(_INVOICE, "58.75")] == [("Pellings", "contract")]


def test_a_row_under_a_description_column_names_what_is_paid_for_not_who():
    for amount in ("70000", "30000"):
        lines = lines_of(_DESCRIPTIONS, amount)
        assert [(m.counterparty, m.role) for m in lines] == [(None, "other")]
        assert "“Description” column" in lines[0].warning
    assert [m.counterparty for m in lines_of(_DESCRIPTIONS, "20000")] == ["Oakdale Trust"]


def test_cash_is_how_a_contribution_is_made_not_who_makes_it():
    assert [m.counterparty for m in lines_of(_CASH, "4000")] == [None]


def test_a_piece_of_work_is_no_party():
    assert [m.counterparty for m in lines_of(_WORK, "59000")] == [None]
    assert [m.counterparty for m in lines_of(_WORK, "15000")] == ["Oakdale Youth Trust"]


def test_the_charity_whose_committee_meets_is_not_paid_its_own_sums():
    assert [(m.counterparty, m.role) for m in lines_of(_MEETING, "7812.52")] == [(None, "other")]


def test_a_reference_leading_the_title_line_before_a_colon_is_the_records():
    assert extract_text(_HEAD_REFERENCE).reference.value == "007/2012"
