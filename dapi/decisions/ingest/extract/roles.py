"""The role the words around an amount give it (issue 19): an *award* comes in ("was awarded", "grant from"), a
*match* or *contribution* is a partner's own money, a *contract*, *grant* or *allocation* goes out, a *total* adds
others up; a fund's size, a budget, a rate and a threshold are reported as *other*."""

import re

from .national import is_budget, is_fund_size, is_national, is_rate, is_threshold, is_unpaid

_TOTAL_BEFORE = re.compile(r"\b(?:total(?:l?ing)?|overall|aggregate|altogether|in\s+all|combined(?:\s+annual)?\s+(?:value|total|"
                           r"cost|amount|budget))\b[^£.;]{0,45}$", re.I)
# A total said to change: "the total reducing from £44k to £27k" (that total is the sums after it, not the one before).
CHANGING = r"(?:reducing|increasing|rising|falling|going\s+(?:up|down)|changing)\b"
_TOTAL_AFTER = re.compile(r"^[^£.;]{0,15}\b(?:overall|in\s+total|in\s+all|altogether|total)\b(?!\s+" + CHANGING + r")",
                          re.I)
# A sum for several bodies at once is their total: "the annual allocation of £1,225,955 to support partner organisations",
# "£80,000 to various community projects", "£644,276 to three local authorities", "£3m allocated to all district and
# unitary authorities".
_TO_MANY = re.compile(r"^[^£.;]{0,30}?\bto\s+(?:support\s+|fund\s+)?(?:a\s+range\s+of|various|several|a\s+number\s+of|all|"
                      r"two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|(?:our\s+|local\s+)?partner)\s+(?:[\w-]+\s+){0,3}?"
                      r"(?:organisations|partners|providers|bodies|authorities|councils|groups|projects|charities|schemes)\b"
                      # "£43,600 from the 2023/24 Joint Budget to the organisations detailed in section 4.2 below"
                      r"|^[^£.;]{0,80}?\bto\s+the\s+(?:organisations|providers|bodies|groups|projects|charities)\s+"
                      r"(?:detailed|listed|named|set\s+out|shown|below|above)\b", re.I)
_ROLE_WORDS = [
    ("award", re.compile(r"\b(?:was|were|been|being|is|are|has|have)\s+(?:successfully\s+|also\s+)?(?:awarded|granted|"
                         r"offered)\b|\bawarded\s+(?:to\s+)?(?:us|the\s+(?:office|o?pcc|commissioner|combined\s+authority)"
                         r"|o?pcc)\b|\bgrant\s+(?:award\s+)?(?:from|by)\b"
                         # "an application received from Oakdale Scouts", "Members received a request for £500": a
                         # request that came in, not money
                         r"|\b(?<!application\s)(?<!applications\s)(?<!request\s)(?<!requests\s)"
                         r"(?:received|secured)\b(?!\s+(?:an?\s+|the\s+)?(?:requests?|applications?)\b)"
                         # "successful" is the body's own bid, not "the Successful Contractor" a body pays
                         r"|\bsuccessful\b(?!\s+(?:contractor|bidder|tenderer|provider|supplier|applicant|organisation)s?\b)"
                         r"|\binitial\s+investment\b|\bincome\b"
                         # "To accept Target Priority Group funding from the department – £14,515": money taken in
                         r"|\baccept(?:s|ed|ing)?\b[^£.;]{0,100}?\b(?:funding|grant|monies|money)\s+from\b", re.I)),
    ("match", re.compile(r"\bmatch(?:ed|ing)?\b|\bin\s+addition\b|\badditional\s+(?:investment|funding|contribution)"
                         r"|\bco-?fund", re.I)),
    ("contribution", re.compile(r"\bcontribut(?:e|es|ed|ing|ion|ions)\b", re.I)),
    ("contract", re.compile(r"\bcontract", re.I)),
    # a service bought: "Commissioned by the Commissioner with an investment of", "for commissioned services"
    ("contract", re.compile(r"\bcommissioned\s+(?:by\b|(?:\w+\s+)?services?\b)", re.I)),
    ("grant", re.compile(r"\bgrants?\b(?!\s+(?:agreement\s+)?(?:from|by))", re.I)),
    ("allocation", re.compile(r"\ballocat|\bdevolve|\bdelegat(?:e|es|ed|ing)\s+(?:up\s+to\s+)?£", re.I)),
    ("grant", re.compile(r"\b(?:award|awards|fund|funds|pay|pays|commission|commissions)\s+(?:to\s+)?(?:the\s+)?"
                         r"[A-Z]", 0)),
]
_ASKED = re.compile(r"\b(?:bid|application|request)\s+from\b[^£.;]{0,80}?\breceived\s+for\s+$", re.I)
_TOTAL_VALUE = re.compile(r"\btotal\s+(?:contract\s+|grant\s+)?value\s+of\s+$", re.I)
# A form field labelled with the kind of sum it holds: "Contract Value (£) £221,318", "Grant amount: £5,000".
_KIND_LABEL = re.compile(r"\b(?P<kind>contract|grant)\s+(?:value|sum|price|amount)\s*(?:\(£\)|£)?\s*:?\s*$", re.I)


def role_of(before: str, after: str, sentence: str, lead: str = "") -> str | None:
    """The role the words say: those just before and after the amount first, then its whole sentence (`lead` is the
    sentence up to the amount). None when nothing says; "fund" for the size of a fund and "rate" for a price per unit
    or a threshold (both reported as "other")."""
    if is_rate(before, after) or is_threshold(before, lead, after):
        return "rate"  # a price per unit or a threshold: other, paid to nobody
    label = _KIND_LABEL.search(before)
    if label and not re.search(r"\btotal\s+(?:\w+\s+){0,2}$", before[:label.start()]):
        return label["kind"].lower()
    if _ASKED.search(before):
        return "other"  # what a bid asked for, not yet granted: "a bid from Oakdale Homes had been received for £20,000"
    if is_unpaid(before, after):
        return "unpaid"  # a saving, money from reserves, a body's whole budget: other, paid to nobody
    if is_fund_size(before, after):
        return "fund"
    if _TOTAL_VALUE.search(before) and re.search(r"\b(contract|grant)", sentence, re.I):
        return re.search(r"\b(contract|grant)", sentence, re.I).group(1).lower()
    if is_budget(before, after):
        return "other"  # "the total budget for these grants was £510,000"
    if _TOTAL_BEFORE.search(before[-70:]) or _TOTAL_AFTER.search(after) or _TO_MANY.search(after):
        return "total"
    if is_national(before, after):
        return "fund"
    for body in (before, sentence):
        for role, pattern in _ROLE_WORDS:
            if pattern.search(body):
                return role
    return None


