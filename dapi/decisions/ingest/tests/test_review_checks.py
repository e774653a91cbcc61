"""The review puts people's time where it is needed (issue 19, item 5): each money line says why it needs
checking, the lines the extractor was least sure of come first, and a ticked line is created with a role
or not at all (no silent "Other")."""

import re
from html import unescape

from django.urls import reverse

from dapi.decisions.models import IngestedDocument, IngestStatus

from .test_pages import DOCUMENTS, counts, line_index, review_form, upload

RECORD = ("Decision Reference: TEST/2025/01\nTitle: Victims services uplift\n\n"
          "The Commissioner awards a grant of £25,460 to Safer Communities Limited from 1 April 2025 to "
          "31 March 2026 for a youth offer.\n\n"
          "We propose £31,78 to introduce a Fraud Victim Advocate.\n\n"
          "The national fund is worth £6m this year.\n").encode()


def test_lines_to_check_come_first_each_saying_why_and_keep_their_numbers(cast, client_for):
    client = client_for(cast["commissioner"])
    upload(client, DOCUMENTS / "own" / "01_moderngov_northmoor.txt", name="uplift.txt", content=RECORD)
    document = IngestedDocument.objects.get()
    data, html = review_form(client, document)
    legends = re.findall(r'<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Money line (\d+): ([^<]+)'
                         r'(?:<strong class="govuk-tag govuk-tag--orange">(Check)</strong>)?', html)
    assert [(n, amount.strip(), check) for n, amount, check in legends] == [
        ("2", "£3,178.00", "Check"), ("3", "£6,000,000.00", "Check"), ("1", "£25,460.00", "")]
    assert "“£31,78” has a thousands separator in the wrong place" in html
    assert "Its role was not recognised" in html
    assert line_index(data, "25460.00") == 2 and data["money-2-include"] == "on"


def test_an_other_line_must_be_given_a_role_or_left_out_and_confirming_before_names_it(cast, client_for):
    client = client_for(cast["commissioner"])
    upload(client, DOCUMENTS / "own" / "01_moderngov_northmoor.txt", name="uplift.txt", content=RECORD)
    document = IngestedDocument.objects.get()
    data, _ = review_form(client, document)
    fund = line_index(data, "6000000.00")
    # An "Other" line starts ticked: confirming as proposed is refused until it is given a role or left out.
    assert data[f"money-{fund}-role"] == "other" and data[f"money-{fund}-include"] == "on"
    data.update({"decision-new_programme_name": "Victims uplift", "confirm": "",
                 "decision-decision_maker": "Police and Crime Commissioner"})
    before = counts()
    response = client.post(reverse("decisions:ingest_review", args=[document.pk]), data)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "Money line 3 (£6,000,000.00): choose what this line is: an “Other” line is not created" in html
    assert counts() == before and IngestedDocument.objects.get().status == IngestStatus.DRAFT

    data[f"money-{fund}-role"] = "award"
    data.update({f"money-{fund}-counterparty": "Ministry of Justice", f"money-{fund}-start": "2025-04-01",
                 f"money-{fund}-end": "2026-03-31"})
    three = line_index(data, "3178.00")
    data.pop(f"money-{three}-include", None)
    response = client.post(reverse("decisions:ingest_review", args=[document.pk]), data)
    assert response.status_code == 302, re.findall(r'<li><a href="[^"]*">([^<]*)', response.content.decode())
    assert IngestedDocument.objects.get().status == IngestStatus.CONFIRMED
