"""Ways records are written that the extractor reads since the forty-seventh round, on small hand-written snippets: a
run of "Name - £N" pairs written on one line ("received: Oakdale Youth Club - £500 Riverside Boxing Club - £1000 ..."),
each sum going to the name just before its dash, sums of the same size each kept as a line of their own; and a block
of bullets each led by its sum ("- £12,400 – Oakshire Women's Aid (domestic abuse services funding)"), each sum going
to the name of its bullet without the bracketed purpose."""

from .reading import lines_of

_RUN = (
    "Office of the Police and Crime Commissioner for Oakshire\n\nCommissioner awards £4,700 to local groups\n\n"
    "The Commissioner has awarded money from the property fund to community groups across Oakshire.\n\n"
    "Those that were successful included: Oakdale Youth Club - £500 Riverside Boxing Club - £1000 "
    "Hillside Community Choir - £2200 1st Westbrook Scout Group - £1000\n"
)


def test_each_sum_of_a_run_of_pairs_goes_to_the_name_before_it():
    assert [m.counterparty for m in lines_of(_RUN, "500")] == ["Oakdale Youth Club"]
    assert [m.counterparty for m in lines_of(_RUN, "2200")] == ["Hillside Community Choir"]
    assert sorted(m.counterparty for m in lines_of(_RUN, "1000")) == [
        "1st Westbrook Scout Group",
        "Riverside Boxing Club",
    ]


_BULLETS = (
    "Office of the Police and Crime Commissioner for Oakshire\n\nEmergency funding for victims' services\n\n"
    "Charities supporting victims will share £40,100 in emergency funding, the Commissioner has confirmed.\n\n"
    "The funding is split as follows:\n"
    "- £12,400 – Oakshire Women's Aid (domestic abuse services funding)\n"
    "- £9,700 – Harbour Support (Formerly OSVS) (sexual violence services funding)\n"
    "- £18,000 – Safe Steps (domestic abuse services funding).\n"
)


def test_each_sum_of_a_block_of_sum_first_bullets_goes_to_its_bullets_name():
    assert [m.counterparty for m in lines_of(_BULLETS, "12400")] == ["Oakshire Women's Aid"]
    assert [m.counterparty for m in lines_of(_BULLETS, "9700")] == ["Harbour Support (Formerly OSVS)"]
    assert [m.counterparty for m in lines_of(_BULLETS, "18000")] == ["Safe Steps"]
