"""Money and financial years on pages: formatted here, once, at the edge."""

from django import template

from dapi.lib.money import FinancialYear, format_gbp

register = template.Library()


@register.filter
def gbp(value) -> str:
    """£229,135.00; "not stated" for an amount the record does not give."""
    if value in (None, ""):
        return "not stated"
    return format_gbp(value)


@register.filter
def fy(value) -> str:
    """A financial year's start year (2023) as "2023/24"."""
    if value in (None, ""):
        return "not stated"
    return str(value if isinstance(value, FinancialYear) else FinancialYear(int(value)))


@register.filter
def get_item(mapping, key):
    """`mapping[key]` in a template, for per-year columns; None when absent."""
    return mapping.get(key) if mapping else None


@register.filter
def abs_gbp(value) -> str:
    """A difference without its sign, as £1,234.56 (the words around it say which way)."""
    if value in (None, ""):
        return "not stated"
    return format_gbp(abs(value))


@register.filter
def gbp_or_dash(value) -> str:
    """An amount in a table of years, or a dash where there is nothing in that year."""
    if value in (None, ""):
        return "–"
    return format_gbp(value)


@register.filter
def changed_in(row, fy) -> bool:
    """Whether a proposed schedule's row (cofunding.PartnerYears) changes in financial year `fy`."""
    return row.changed(fy)
