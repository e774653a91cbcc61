"""Money lines said more than once: the same amount mentioned again is one line with several spans (extract/money.py's
docstring), with the more specific mention leading."""

import re

from .draft import MoneyItem

_OUTGOING = {"grant", "contract", "allocation"}


def _row_named_as_purpose(row: MoneyItem, prose: MoneyItem) -> bool:
    """A row "Music to My Ears | £25,000" and the sentence "£25,000 to Catch22 ... their Music to My Ears project":
    the row is labelled with what the sum pays for, which the sentence paying a body names; one line, to that body."""
    if not row.row or prose.row or not row.counterparty or not prose.counterparty:
        return False
    purpose = re.split(r"\s+[–-]\s+", row.counterparty)[0]
    return (purpose.lower() != prose.counterparty.lower() and len(purpose) > 3
            and re.search(r"\b" + re.escape(purpose) + r"\b", prose.label) is not None)


def _compatible(a: MoneyItem, b: MoneyItem) -> bool:
    if a.amount != b.amount or (a.row and b.row):
        return False
    if _row_named_as_purpose(a, b) or _row_named_as_purpose(b, a):
        return True
    if "total" in (a.role, b.role) and a.role != b.role:
        # "bids totalling £1,565,047" said again as "the Home Office awarded MOPAC £1,565,047": one award.
        total, other = (a, b) if a.role == "total" else (b, a)
        # "extend funding ... to the value of £1,688,537", then "a total of £1,688,537 to the following projects": one total.
        return total.counterparty is None and (other.counterparty is not None if other.role == "award"
                                               else other.role == "other" and other.counterparty is None)
    if a.counterparty is None or b.counterparty is None:
        return True
    same = a.counterparty.lower() == b.counterparty.lower() or (a.counterparty_is_self and b.counterparty_is_self)
    if same and a.role == b.role and a.start and a.end and b.start and b.end and (a.end < b.start or b.end < a.start):
        return False  # the same sum from the same body again for a later period (£246,000 for 2021/22, then for 2022/23)
    if same:
        # A sum paid out to one body is one line whether the record calls it a grant, an allocation or a contract.
        return (a.role == b.role or "other" in (a.role, b.role)
                or {a.role, b.role} <= {"contribution", "allocation", "match"} or {a.role, b.role} <= _OUTGOING)
    return "other" in (a.role, b.role) and (a.counterparty_is_self or b.counterparty_is_self)


def _sums_of_parts(items: list[MoneyItem]) -> set[int]:
    """The totals stated as the sum of the sums listed before them in their sentence: "£1,512,572 from the VRU fund
    and £297,912.58 from the SVD fund, totalling £1,810,485" (to the pound). Said again ("the receipt of £1,810,485
    Home Office funding"), such a total is still a total, not a third award."""
    totals = set()
    for item in (m for m in items if m.role == "total"):
        parts = [o for o in items if o is not item and o.label == item.label and o.spans[0][0] < item.spans[0][0]]
        if len(parts) >= 2 and abs(sum(o.amount for o in parts) - item.amount) < 1:
            totals.add(id(item))
    return totals


def merge_lines(items: list[MoneyItem], fresh: set[int] = frozenset()) -> list[MoneyItem]:
    """One line per sum: a later mention of the same amount adds its spans and fills gaps, unless it is said to be a
    new sum (`fresh`: the ids of mentions introduced as "a further" or "another" sum)."""
    merged: list[MoneyItem] = []
    totals = _sums_of_parts(items)
    for item in items:
        match = None if id(item) in fresh else next((m for m in merged if _compatible(m, item)), None)
        if match is None:
            merged.append(item)
            continue
        # The more specific mention leads: "a grant of £27,690 to Harbour" over "funding available is £27,690".
        # A funder's award named in one mention leads a mention that names nobody: "the grant available to claim is
        # £795,706", then "claim the £795,706 grant funding ... of Home Office funding".
        leads = (match.role in ("other", "total") and item.role not in ("other", match.role)) or (
            match.counterparty is None and item.counterparty is not None and item.role == "award") or (
            _row_named_as_purpose(match, item))
        keep, extra = (item, match) if leads else (match, item)
        keep.spans = sorted(set(keep.spans + extra.spans))
        keep.counterparty = keep.counterparty or extra.counterparty
        keep.counterparty_is_self = keep.counterparty_is_self if keep.counterparty else extra.counterparty_is_self
        keep.counterparty_spans = sorted(set(keep.counterparty_spans + extra.counterparty_spans))
        keep.per_annum = keep.per_annum or extra.per_annum
        keep.start, keep.end = keep.start or extra.start, keep.end or extra.end
        keep.date_spans = sorted(set(keep.date_spans + extra.date_spans))
        keep.qualifier = keep.qualifier or extra.qualifier
        keep.row = keep.row or extra.row
        keep.warning = keep.warning or extra.warning
        keep.role = "total" if id(match) in totals else keep.role
        if keep is not match:
            merged[merged.index(match)] = keep
    for item in merged:
        if item.start and item.end and item.start > item.end:
            # Dates that end before they start are no period: left for the reviewer to give.
            item.start = item.end = None
    merged.sort(key=lambda m: m.spans[0])
    return merged
