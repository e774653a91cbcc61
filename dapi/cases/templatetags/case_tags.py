"""Status and risk shown as GOV.UK tags, the same on every case page."""

from django import template
from django.utils.html import format_html

register = template.Library()

_STATUS_COLOUR = {
    "referred": "govuk-tag--light-blue", "assessment": "govuk-tag--purple", "active": "govuk-tag--green",
    "completed": "govuk-tag--grey", "disengaged": "govuk-tag--orange", "closed": "govuk-tag--grey",
    "received": "govuk-tag--light-blue", "accepted": "govuk-tag--green", "declined": "govuk-tag--grey",
    "eligible": "govuk-tag--green", "not_eligible": "govuk-tag--red", "needs_information": "govuk-tag--yellow",
    "met": "govuk-tag--green", "not_met": "govuk-tag--red", "not_known": "govuk-tag--yellow",
}
_GRADE_COLOUR = {"high": "govuk-tag--red", "medium": "govuk-tag--orange", "standard": "govuk-tag--blue"}
_WORDS = {"not_eligible": "Not eligible", "needs_information": "More information needed", "not_met": "Not met",
          "not_known": "Not known"}


@register.simple_tag
def status_tag(value: str, label: str = ""):
    return format_html('<strong class="govuk-tag {}">{}</strong>', _STATUS_COLOUR.get(value, ""),
                       label or _WORDS.get(value, value.replace("_", " ").capitalize()))


@register.simple_tag
def grade_tag(grade: str):
    if not grade:
        return format_html('<span class="govuk-hint govuk-!-margin-0">{}</span>', "No DASH yet")
    return format_html('<strong class="govuk-tag {}">{} risk</strong>', _GRADE_COLOUR.get(grade, ""),
                       grade.capitalize())


@register.simple_tag
def identity(identities, *key):
    """A person's name and age under their reference, where identities/access.py allowed it to be
    read (`identities` from identities/selectors.py, keyed by (case id, person id) or referral id,
    or one Identity without a key); nothing otherwise."""
    if not key:
        who = identities or None
    else:
        who = identities.get(key if len(key) > 1 else key[0]) if identities else None
    if who is None:
        return ""
    return format_html('<span class="govuk-!-display-block govuk-!-font-weight-regular" data-identity>{}</span>',
                       who)
