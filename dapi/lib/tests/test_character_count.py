"""Long text with a limit is a GOV.UK character count (issue 21 item 2): the form group carries the
module and the limit, the message is tied to the textarea, and the length is enforced by the server,
not by a maxlength attribute that would stop text being pasted in."""

from django import forms
from django.template.loader import render_to_string


class NotesForm(forms.Form):
    notes = forms.CharField(widget=forms.Textarea, max_length=50, required=False)
    other = forms.CharField(widget=forms.Textarea, required=False)


def test_a_limited_textarea_is_a_character_count():
    html = render_to_string("includes/field.html", {"field": NotesForm()["notes"]})
    assert 'class="govuk-form-group govuk-character-count" data-module="govuk-character-count" data-maxlength="50"' \
        in html
    assert 'class="govuk-textarea govuk-js-character-count"' in html and 'aria-describedby="id_notes-info"' in html
    assert '<div id="id_notes-info" class="govuk-hint govuk-character-count__message">You can enter up to 50 ' \
           'characters</div>' in html
    assert "maxlength" not in html.replace("data-maxlength", "")


def test_an_unlimited_textarea_is_not_and_the_server_enforces_the_limit():
    assert "govuk-character-count" not in render_to_string("includes/field.html", {"field": NotesForm()["other"]})
    form = NotesForm({"notes": "x" * 51})
    assert not form.is_valid() and "at most 50 characters" in form.errors["notes"][0]
