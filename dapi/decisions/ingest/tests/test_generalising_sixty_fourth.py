"""Ways records are written that the extractor reads since the sixty-fourth round, on small hand-written snippets: a
party that is only the word for the deciding body's kind ("the Council", "the Parish Council", "the Commissioner"); a
government's whole fund ("a pot of £4m", "a national £90 million scheme"); one of the deciding body's own accounts
("from the HRA"); a service read from the record's title ("Tenancy Support Services"); and money the body holds unspent
("an underspend of £31,000"). None of them is a sum paid to or by another body, so none is given a party."""

from .reading import lines_of


def test_the_councils_own_match_funding_has_no_party():
    text = ("Minutes\n\nCabinet\n\nSafer Parks grant\n\n"
            "The Council had been awarded £120,000 of funding from the Safer Parks Fund. The Council was required to "
            "allocate match funding of £45,000 from its capital budget.\n")
    assert [m.counterparty for m in lines_of(text, "45000")] == [None]


def test_a_contribution_from_the_parish_council_has_no_party():
    text = ("Minutes of the meeting of Lowfield Parish Council\n\n4. Village plan\n\n"
            "The Clerk reported that the application shows a contribution from the Parish Council of £350.00 towards "
            "the village plan.\n")
    assert [m.counterparty for m in lines_of(text, "350")] == [None]


def test_the_commissioners_own_fund_has_no_party():
    text = ("News\n\nCommunity fund reopens\n\n"
            "The Community Fund was relaunched as part of the Commissioner’s annual community fund and brought forward "
            "£180,000 of funding to help local charities.\n")
    assert [m.counterparty for m in lines_of(text, "180000")] == [None]


def test_a_named_council_keeps_its_party():
    text = ("Minutes\n\nCabinet\n\nSafer Parks grant\n\n"
            "Resolved: that £45,000 be paid to Eastbrook Town Council for the park lighting.\n")
    assert [m.counterparty for m in lines_of(text, "45000")] == ["Eastbrook Town Council"]


def test_a_governments_pot_has_no_party_and_is_other():
    text = ("Decision\n\nExecutive summary\n\n"
            "In March the Ministry of Justice ran a national competition for advocate funding with a pot of £4m per "
            "annum available. The Commissioner was awarded £210,000 from the Ministry of Justice.\n")
    lines = lines_of(text, "4000000")
    assert [(m.counterparty, m.role) for m in lines] == [(None, "other")]


def test_a_governments_national_scheme_has_no_party():
    text = ("Minutes\n\nHousing Committee\n\n"
            "Members were advised that the Government had recently announced details of a national £90 million scheme "
            "to help councils buy homes for families.\n")
    assert [m.counterparty for m in lines_of(text, "90000000")] == [None]


def test_match_funding_from_the_housing_revenue_account_has_no_party():
    text = ("Decision\n\nThat Cabinet:\n\n1. Approved a bid to the Homes for Ex-Service People Fund for an HRA "
            "match-funded supported housing scheme.\n2. Approved the use of match funding of up to £760,000 from the "
            "HRA.\n")
    assert [m.counterparty for m in lines_of(text, "760000")] == [None]


def test_a_service_named_only_in_the_title_is_not_the_party_and_is_flagged():
    text = ("Issue details\n\nTenancy Support Services - young people's provision\n\n"
            "The Council has a duty to support young people leaving care. The total budget for the potential maximum "
            "three years of the contract will be £640,500.\n")
    lines = lines_of(text, "640500")
    assert [m.counterparty for m in lines] == [None]
    assert "service bought" in lines[0].warning


def test_an_underspend_has_no_party_and_is_flagged():
    text = ("Decisions\n\nRiverside Partnership Board\n\nDecision:\n\n"
            "1. That the report and the current Riverside Partnership revenue outturn forecast, which showed an "
            "underspend against budget of £31,000, be noted.\n")
    lines = lines_of(text, "31000")
    assert [(m.counterparty, m.role) for m in lines] == [(None, "other")]
    assert "holds unspent" in lines[0].warning


def test_the_commissioners_yearly_share_of_a_joint_contract_keeps_its_word():
    text = ("Decision\n\n2.1 That the Commissioner contributes up to £70,000 pa towards the contract, with Northvale "
            "County Council contributing up to £40,000 pa.\n")
    assert [m.counterparty for m in lines_of(text, "70000")] == ["Commissioner"]
