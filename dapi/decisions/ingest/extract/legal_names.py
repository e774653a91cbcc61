"""A contract's sum in a sentence that gives the contract to a company by its registered name: "to approve the
extension of the contract ... to TYCO Fire & Integrated Solutions (UK) Limited t/a TYCO Integrated Fire & Security
[TYCO] for one year ... up to the value of £900k bringing the total value of the contract to £2,736,668."

A company named with its legal ending ("Limited", "Ltd", "plc", "LLP", "(UK) Limited") after "to" in the sentence
holding a contract's sum is the contractor, however many words (a trading name, a period) stand between it and the
sum: the readings beside a sum look only a few words away. Only sums read as a contract without a party, only when
one such company is named before the sum in its sentence and none after "to" names another; the company keeps the
short name the record gives it in square brackets or brackets ("[TYCO]") if it has one, the name the record uses
after, and otherwise its registered name. Each sum keeps a warning, so a reviewer checks it.
"""

import re

from .draft import MoneyItem
from .money import Context

_COMPANY = re.compile(r"\bto[ \t]+(?:the[ \t]+)?(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z][\w&'’.-]*|&|and|of)){0,8}"
                      r"(?:[ \t]+\(UK\))?[ \t]+(?:Limited|Ltd\.?|plc|PLC|LLP))(?![\w])")
# "t/a TYCO Integrated Fire & Security [TYCO]": the short name the record gives the company.
_SHORT = re.compile(r"(?:[ \t]+t/a[ \t]+[A-Z][^\[\]()\n]{0,60}?)?[ \t]*[\[(](?P<short>[A-Z][A-Za-z&]{1,15})[\])]")


def registered_contractor(ctx: Context, money: list[MoneyItem]) -> None:
    """Give a contract's sum the company its sentence gives the contract to (the module docstring), with a warning."""
    text = ctx.text
    for item in money:
        if not item.spans or item.counterparty or item.counterparty_is_self or item.role != "contract":
            continue
        start, end = ctx.layout.sentence_at(item.spans[0][0])
        companies = list(_COMPANY.finditer(text, start, item.spans[0][0]))
        if len({c["name"] for c in companies}) != 1:
            continue
        company = companies[0]
        short = _SHORT.match(text, company.end())
        name, span = (short["short"], short.span("short")) if short else (company["name"], company.span("name"))
        item.counterparty, item.counterparty_spans = name, [span]
        item.warning = item.warning or (f"{company['name']} is given the contract earlier in this sum's sentence: "
                                        "check it is the other party")
