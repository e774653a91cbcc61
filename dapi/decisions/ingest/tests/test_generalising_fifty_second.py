"""Ways records are written that the extractor reads since the fifty-second round, on small hand-written snippets: a
translated record's number after its word for "Decision" on the first line is its reference; the day after
"Published" in a news page's byline is its publication date; sums listed under a line naming their body are that
body's; a contract's sums in a sentence giving the contract to a company by its registered name are that company's
(by the short name the record gives it); a rounded sum said again with "the" is the earlier exact sum's; a body's
own contract "with" another is that other's; a sum agreed "towards" a cost is a contribution."""

from datetime import date

from dapi.decisions.ingest.extract import extract_text

from .reading import lines_of

_TRANSLATED = (
    "Entscheidung 12/2023 – Opferhilfe Beratungsstelle 2023\n\n"
    "Autor: Leiterin der Auftragsvergabe\n\n"
    "Die Kommissarin genehmigt die Finanzierung der Stelle.\n"
)


def test_a_translated_records_number_after_its_word_for_decision_is_its_reference():
    assert extract_text(_TRANSLATED).reference.value == "12/2023"


def test_a_number_on_a_later_line_after_a_word_is_no_reference():
    text = "Opferhilfe Beratungsstelle\n\nEntscheidung 12/2023 – Opferhilfe\n"
    assert extract_text(text).reference.value != "12/2023"


_BYLINE = (
    "Commissioner backs new patrol boats\n\n"
    "The commissioner wants to buy two boats for the river\n\n"
    "Author: A Reporter, Local Democracy ReporterPublished 14th Mar 2025\n\n"
    "The police and crime commissioner said the boats would be bought this year.\n"
)


def test_the_day_after_published_in_a_byline_is_the_publication_date():
    assert extract_text(_BYLINE).publication_date.value == date(2025, 3, 14)


def test_a_day_after_published_deep_in_the_text_is_no_publication_date():
    text = "Commissioner backs new patrol boats\n\n" + "A line of the story.\n\n" * 8 + "Published 14th Mar 2025\n"
    assert extract_text(text).publication_date.value is None


_LED_LIST = (
    "Decision record\n\nPrevention workers\n\n"
    "Recommendation\n"
    "- The Riverside Youth Trust to employ a prevention worker, funding awarded for this role will be;\n"
    "- £6,100 in 2023/24\n"
    "- £12,400 in 2024/25\n"
)


def test_sums_listed_under_a_line_naming_their_body_are_that_bodys_grants_flagged():
    for amount in ("6100", "12400"):
        lines = lines_of(_LED_LIST, amount)
        assert [(m.counterparty, m.role) for m in lines] == [("Riverside Youth Trust", "grant")]
        assert "line leading" in lines[0].warning


_REGISTERED = (
    "Decision details\n\nExtension of the lift maintenance contract\n\n"
    "RESOLVED:\n\n"
    "To approve the extension of the contract for the provision of lift maintenance services to Northgate Lift "
    "Engineering (UK) Limited t/a Northgate Lifts [NLE] for one year from 1 April 2026 to 31 March 2027 up to the "
    "value of £120k bringing the total value of the contract to £610,000.\n"
)


def test_a_contracts_sums_go_to_the_company_its_sentence_gives_the_contract_by_its_short_name():
    for amount in ("120000", "610000"):
        lines = lines_of(_REGISTERED, amount)
        assert [m.counterparty for m in lines] == ["NLE"]
        assert "Northgate Lift Engineering (UK) Limited" in lines[0].warning


_SAID_AGAIN = (
    "Local MP welcomes funding\n\n"
    "The MP has welcomed the announcement of £212,480 in new government funding for the Northshire Police and Crime "
    "Commissioner to tackle stalking.\n\n"
    "The £212,000 awarded to Northshire will go towards a helpline for victims.\n"
)


def test_a_rounded_sum_said_again_with_the_takes_the_earlier_sums_parties_flagged():
    exact, = lines_of(_SAID_AGAIN, "212480")
    again, = lines_of(_SAID_AGAIN, "212000")
    assert (again.counterparty, again.role) == (exact.counterparty, exact.role)
    assert again.counterparty and again.role == "award"
    assert "said again rounded" in again.warning


_CONTRACT_WITH = (
    "Commissioner wants to leave air contract\n\n"
    "The commissioner said he wanted Northshire Police to leave its £550,000 a year contract with the Regional "
    "Marine Patrol Service (RMPS) and buy boats instead.\n"
)


def test_a_bodys_own_contract_with_another_is_that_others_flagged():
    lines = lines_of(_CONTRACT_WITH, "550000")
    assert [m.counterparty for m in lines] == ["Regional Marine Patrol Service"]
    assert "own contract" in lines[0].warning


_TOWARDS = (
    "Cabinet decision\n\nTown centre lighting\n\n"
    "RESOLVED:\n\n"
    "(i) That the Chamber of Trade's agreement to provide £25,000 towards the cost of upgrading the lighting in the "
    "town centre be noted;\n"
)


def test_a_sum_agreed_towards_a_cost_is_a_contribution():
    assert [m.role for m in lines_of(_TOWARDS, "25000")] == ["contribution"]
