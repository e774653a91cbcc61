"""Sums each written in brackets after the body it goes to, in a run of two or more: "subsidised letting requests ...
be approved for Witney Jazz (£160), and Aspire (£70)", and in Welsh "cymeradwyo ceisiadau am gyllid gan Gyngor Cymuned
Corneli (£9,583) a Chyngor Cymuned Llangrallo Uchaf (£5,000)". The other rules read a name only when a list of
organisations holds it ("Trust", "Council"), so "Witney Jazz" and "Aspire" were left out.

The run must follow "for" or "to" (or the Welsh "ar gyfer", "i", or "gan", the applicants' "by") and hold at least two
names, each of capitalised words, each with its own sum in brackets, joined by commas and "and" (the Welsh "a", "ac"):
one name before one bracket is as often a scheme or a heading as a payee. Not after "from": "allocated from Gainshare
Revenue (£3,150,260) and Gainshare Capital (£336,140)" names the budgets a sum is drawn from. A name that is the
deciding body, a programme, a fund or a budget is not taken. Welsh writes "Cyngor" (council) as "Gyngor", "Chyngor" or
"Nghyngor" after some words; the name is drafted with "Cyngor", as the council calls itself. A sum read this way keeps
a warning, so a reviewer checks it first.
"""

import re

from .beside import can_be_party
from .draft import MoneyItem
from .money import Context

_NAME = r"[A-Z][\w'’&.-]*(?:[ \t]+(?:[A-Z][\w'’&.-]*|of)){0,5}"
_SUM = r"[ \t]*\([ \t]*£[\d,.]+(?:[ \t]?(?:m|k|million|miliwn))?[ \t]*\)"
_JOIN = r"(?:[ \t]*,)?[ \t]+(?:and|a|ac|&)[ \t]+|[ \t]*,[ \t]+"
_RUN = re.compile(r"\b(?:for|to|gan|i|ar[ \t]+gyfer)[ \t]+(?P<run>" + _NAME + _SUM + r"(?:(?:" + _JOIN + r")"
                  + _NAME + _SUM + r")+)")
_ONE = re.compile(r"(?P<name>" + _NAME + r")" + _SUM)
_BUDGET = re.compile(r"\b(?:Revenue|Capital|Budget|Reserves?)$")
_MUTATED = re.compile(r"^(?:Gyngor|Chyngor|Nghyngor)\b")


def named_before_brackets(ctx: Context, money: list[MoneyItem]) -> None:
    """Give each sum without a counterparty in such a run (the module docstring) the name before its bracket, with a
    warning."""
    open_items = [m for m in money if m.spans and not m.counterparty and not m.counterparty_is_self]
    for run in _RUN.finditer(ctx.text):
        for one in _ONE.finditer(ctx.text, run.start("run"), run.end("run")):
            name = _MUTATED.sub("Cyngor", one["name"])
            if not can_be_party(name) or _BUDGET.search(name):
                continue
            for item in [m for m in open_items if one.end("name") <= m.spans[0][0] < one.end()]:
                item.counterparty, item.counterparty_spans = name, [one.span("name")]
                item.warning = item.warning or (f"{name} is named before this sum in brackets, in a list of bodies "
                                                "each with its own sum, but is no name the reader knows: check it is "
                                                "the other party")
