"""The decisions app's sections on pages of lower apps.

The funding app sits below decisions and may not import it, so the programme page asks this
tag to draw the decisions, resolutions and evaluations about the programme.
"""

from django import template

from dapi.decisions.selectors import programme_records

register = template.Library()


@register.inclusion_tag("decisions/includes/programme_records.html", takes_context=True)
def programme_records_sections(context, programme, today):
    """Decisions (with their stated totals reconciled), open resolutions and evaluations."""
    return {"records": programme_records(context["request"].user, programme, today), "programme": programme,
            "request": context["request"]}
