"""The referral form with the keyboard alone (issue 21, item 6): the police analyst moves through it
with Tab, chooses from the lists by typing, types the date into the day, month and year boxes, picks
the lawful basis with Space and sends it with Enter. No mouse, no filling by the test's hand."""

import pytest
from django.conf import settings

from .browser import browser_page, log_in, serious_accessibility_violations  # noqa: F401
from .test_browser_cases import demo_cases  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, reset_sequences=True)]

# What a person types into each field as Tab reaches it (lists choose the option their typing starts).
TYPED = {"programme": "Cleveland", "provider": "Harbour", "source": "Police", "referring_organisation": "Cleveland",
         "received_on_day": "1", "received_on_month": "3", "received_on_year": "2024",
         "reason": "Repeat call-outs; needs assessed by the programme.", "age": "34"}


def test_the_referral_form_is_completed_and_sent_with_the_keyboard_alone(demo_cases, browser_page):  # noqa: F811
    from dapi.cases.models import Referral

    page = browser_page
    log_in(page, "police-analyst", settings.DEMO_PASSWORD)
    page.goto("/referrals/new/")
    assert serious_accessibility_violations(page) == []
    before = Referral.objects.count()
    done, sent = set(), False
    for _ in range(120):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const e = document.activeElement;
            return {name: e.name || "", type: e.type || "", checked: !!e.checked, text: (e.innerText || "").trim()}; }""")
        name = focused["name"]
        if name in TYPED and name not in done:
            if focused["type"] in ("text", "number", "textarea"):
                page.keyboard.press("Control+a")  # what the box holds already (today's date) is typed over
            page.keyboard.type(TYPED[name])
            done.add(name)
        elif name == "lawful_basis" and name not in done:
            page.keyboard.press("Space")  # the first basis, public task
            done.add(name)
        elif focused["type"] == "submit" and focused["text"] == "Refer and screen":
            with page.expect_navigation():
                page.keyboard.press("Enter")
            sent = True
            break
    assert sent, "Tab never reached the Refer and screen button"
    assert done == set(TYPED) | {"lawful_basis"}, done
    errors = page.locator(".govuk-error-summary")
    assert not errors.count(), errors.inner_text()
    assert Referral.objects.count() == before + 1
    referral = Referral.objects.latest("pk")
    assert (referral.programme.slug, referral.provider.name, referral.source, referral.lawful_basis) == (
        "cleveland-complex-needs", "Harbour Support Services", "police", "public_task")
    assert referral.received_on.isoformat() == "2024-03-01"
    assert "recorded and screened" in page.locator("main").inner_text()
    assert serious_accessibility_violations(page) == []
