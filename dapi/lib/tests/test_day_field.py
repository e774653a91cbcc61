"""The GOV.UK date input behind every date on a form (issue 21 item 2): day, month and year in three
inputs, errors naming the field and the part that is wrong, and ISO still read where a script posts
it under the field's own name."""

from datetime import date

from django import forms
from django.template.loader import render_to_string

from dapi.lib.forms import DayField


class SessionForm(forms.Form):
    on = DayField(label="Date of session")
    ended_on = DayField(required=False)


def errors_of(**data) -> dict:
    form = SessionForm(data)
    form.is_valid()
    return form.errors


def test_three_parts_make_a_date():
    form = SessionForm({"on_day": "3", "on_month": "03", "on_year": "2024"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"on": date(2024, 3, 3), "ended_on": None}


def test_an_iso_date_under_the_fields_own_name_is_still_read():
    form = SessionForm({"on": "2024-03-03", "ended_on": "2024-03-04"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"on": date(2024, 3, 3), "ended_on": date(2024, 3, 4)}


def test_a_missing_part_is_named():
    assert errors_of(on_day="3", on_month="", on_year="2024")["on"] == ["Date of session must include a month."]
    assert errors_of(on_day="", on_month="", on_year="2024")["on"] == ["Date of session must include a day and month."]


def test_an_impossible_or_garbled_date_must_be_a_real_date():
    assert errors_of(on_day="31", on_month="2", on_year="2024")["on"] == ["Date of session must be a real date."]
    assert errors_of(on_day="x", on_month="2", on_year="2024")["on"] == ["Date of session must be a real date."]
    assert errors_of(on_day="1", on_month="2", on_year="24")["on"] == [
        "Date of session must have a year of 4 numbers, like 2024."]


def test_an_empty_required_date_asks_for_it_by_name_and_an_optional_one_is_none():
    assert errors_of(on_day="", on_month="", on_year="")["on"] == ["Enter date of session."]
    assert "ended_on" not in errors_of(on_day="", on_month="", on_year="", ended_on_day="", ended_on_month="",
                                       ended_on_year="")


def test_the_page_shows_a_govuk_date_input_marking_only_the_missing_part():
    form = SessionForm({"on_day": "3", "on_month": "", "on_year": "2024"})
    form.is_valid()
    html = render_to_string("includes/field.html", {"field": form["on"]})
    assert 'class="govuk-date-input" id="id_on"' in html and 'role="group"' in html
    assert '<legend class="govuk-fieldset__legend">Date of session</legend>' in html
    assert 'name="on_day" type="text" inputmode="numeric" value="3"' in html
    assert 'govuk-input--width-2 govuk-input--error" id="id_on_month"' in html
    assert 'govuk-input--width-2" id="id_on_day"' in html and 'govuk-input--width-4" id="id_on_year"' in html
    summary = render_to_string("includes/error_summary.html", {"form": form})
    assert '<a href="#id_on_month">Date of session must include a month.</a>' in summary


def test_an_unbound_form_shows_its_initial_date_in_three_parts():
    html = render_to_string("includes/field.html", {"field": SessionForm(initial={"on": date(2024, 3, 15)})["on"]})
    assert 'value="15"' in html and 'value="3"' in html and 'value="2024"' in html
