"""Sums that are not paid to or by the deciding body: a fund's size, a budget, a carry-forward, a price per unit and
a national fund shared out across the country (corpus/README.md: a budget, a threshold, a rate or the size of a
national fund is other)."""

import re

_FUND_SIZE_BEFORE = re.compile(r"\bfund['’]?\s+(?:is\s+|was\s+)?(?:totall?ing|of|worth|valued\s+at|amounting\s+to)\s+"
                               r"(?:over\s+|around\s+|approximately\s+|about\s+|more\s+than\s+|some\s+)?$", re.I)
_FUND_SIZE_AFTER = re.compile(r"^\s*(?:national\s+)?(?:fund|pot)\b", re.I)
_BUDGET = re.compile(r"\b(?:budget|reserves?)\W{0,3}$|\bbudget\b[^£.;]{0,40}\b(?:is|was|of|at)\s+$", re.I)
_NOT_PAID = re.compile(r"^\s*(?:of\s+)?(?:carry[\s-]forward|underspend|reserves?)\b", re.I)

# A price per unit ("6 days @ £400 per day") is a rate, not a sum paid: reported as "other", with no counterparty.
_RATE_BEFORE = re.compile(r"(?:@|\bat\s+a\s+(?:daily\s+|hourly\s+)?rate\s+of"
                          # "the average cost per case is £1,200"
                          r"|\b(?:cost|price|rate|fee|spend)\s+(?:per|a|each)\s+(?:day|hour|session|head|person|participant"
                          r"|place|night|case|referral|victim|client|household)\s+(?:is|was|of|at|would\s+be|will\s+be)?)"
                          r"\s*$", re.I)
_RATE_AFTER = re.compile(r"^\s*(?:per|a|an|each)\s+(?:day|hour|session|head|person|participant|place|night|case"
                         r"|referral)\b", re.I)
# A sum shared out across the country is a national fund's size: "£6m has been allocated across the 42 PCC areas",
# "an uplift of £6m to Police and Crime Commissioners" (not "£644,276 to three local authorities", a total).
_NATIONAL_AFTER = re.compile(r"^[^£.;]{0,90}?\b(?:(?:across|between|among(?:st)?)\s+(?:all\s+)?(?:the\s+)?(?:\d{2,}\s+)?"
                             r"|to\s+(?:all\s+)?)(?:PCC\s+areas|police\s+force\s+areas|(?:police\s+)?forces|PCCs"
                             r"|Police\s+and\s+Crime\s+Commissioners|local\s+authorities|councils)\b", re.I)
_NATIONAL_BEFORE = re.compile(r"\b(?:PCCs|Police\s+and\s+Crime\s+Commissioners|local\s+authorities|councils|forces)\s+"
                              r"(?:would|will|could|are\s+to|were\s+to)?\s*(?:receive|received|get|be\s+allocated)\s+$",
                              re.I)


# A precept or council tax level or rise is a rate charged per household, paid by nobody named: "a precept increase of
# £13.00 per year to the current Band D precept of £266.60", "the proposed £10 a year, per household, increase in the
# policing precept"; so is what a precept raises ("the precept would raise £45m").
_PRECEPT_BEFORE = re.compile(r"\b(?:precept|council\s+tax|band\s+d)\b[^£.;]{0,25}?\b(?:of|at|by|is|was|be|to|raise|raises"
                             r"|raising|generate|generates|generating)\s+$", re.I)
# A rise stated per household or per year, or with its Band D property in brackets, or a sum on a band of property, is
# one too: "a £15 (Based on Band D property) increase", "assuming a £10 per year rise", "a £10 rise", "a cap of £12 on a
# Band D property" (not "a £5m increase in the grant", which is paid).
_PRECEPT_AFTER = re.compile(r"^[^£.;]{0,40}?\b(?:increase|rise|reduction)\s+(?:in|to|on)\s+(?:the\s+)?(?:\w+\s+)?"
                            r"(?:precept|council\s+tax)\b|^[^£.;]{0,15}?\bper\s+(?:household|band\s+d)\b"
                            r"|^\s*\([^()£]{0,30}\bband\s+d\b[^()£]{0,20}\)"
                            # "a cap of £12 on a Band D property", "£24.00 per year, for Band A to D properties"
                            r"|^[^£.;]{0,15}?\b(?:on|for|per)\s+(?:a\s+|each\s+)?band\s+[a-h]\b"
                            r"|^\s*(?:(?:per|a|each)\s+(?:year|annum)\s+)?(?:rise|increase)\b(?![^£.;]{0,40}\b(?:grant|funding"
                            r"|contract|allocation|award|budget|payment)s?\b)", re.I)


def is_rate(before: str, after: str) -> bool:
    return bool(_RATE_BEFORE.search(before) or _RATE_AFTER.search(after) or _PRECEPT_BEFORE.search(before)
                or _PRECEPT_AFTER.search(after))


def is_national(before: str, after: str) -> bool:
    return bool(_NATIONAL_AFTER.search(after) or _NATIONAL_BEFORE.search(before))


# A sum that names a fund of which a body gets a share is the whole fund's size: "had been successful in applying for a
# slice of the government's £35m Serious Violence Fund", "a share of the £20m Safer Streets Fund" (up to four words
# between the sum and "fund", none of them a preposition or an article; not "the £20m Safer Streets Fund grant").
_SHARE_OF = re.compile(r"\b(?:slice|share|part|portion|proportion)\s+of\s+(?:the\s+)?(?:[\w-]+['’]s?\s+)?$", re.I)
_FUND_AFTER_WORDS = re.compile(r"^\s*(?:(?!(?:from|of|to|for|in|on|per|by|with|the|this|that|these|its|their|a|an|and|"
                               r"or|is|was|will|would|be)\b)[A-Za-z][\w'’-]*\s+){1,4}?(?:fund|pot)\b(?!['’]s)"
                               r"(?!\s+(?:grants?|awards?|allocations?|money|monies|funding|payments?|bids?|"
                               r"applications?)\b)", re.I)


def is_shared_fund(before: str, after: str) -> bool:
    return bool(_SHARE_OF.search(before) and _FUND_AFTER_WORDS.search(after))


def is_fund_size(before: str, after: str) -> bool:
    return bool(_FUND_SIZE_BEFORE.search(before) or _FUND_SIZE_AFTER.search(after) or is_shared_fund(before, after))


def is_budget(before: str, after: str) -> bool:
    """"the total budget for these grants was £510,000", "£253,000 of carry forward"."""
    return bool(_BUDGET.search(before) or _NOT_PAID.search(after))


# A threshold is no sum paid: "Applications for Small Grant Awards up to £5000", "Standard Grant Awards of over £5,000",
# "Procurement Board (extension > £150k)": a limit on many sums (a plural noun) or a comparison sign before the amount.
_THRESHOLD = re.compile(r"(?:\b(?:awards|grants|applications|bids|contracts|decisions|purchases|extensions|projects|"
                        # "Individual grants to a sum up to and including £1,000"
                        r"requests|spend|expenditure|payments|invoices)\s+(?:of\s+|valued\s+at\s+|worth\s+|to\s+a\s+(?:sum|value)\s+"
                        r"(?:of\s+)?)?(?:over|under|above|below|up\s+to(?:\s+and\s+including)?|exceeding|"
                        r"in\s+excess\s+of|more\s+than|less\s+than|greater\s+than|of\s+less\s+than)|[<>≤≥]"
                        # "grants of values between £500 and £20,000", "The minimum award will be £500"
                        r"|\b(?:grants|awards|bids|applications)\s+(?:for\s+|of\s+)?(?:values?\s+)?(?:of\s+)?between"
                        r"|\b(?:minimum|maximum)\s+(?:grant|award|bid|amount)s?\s+(?:will\s+be|is|of|would\s+be)?)\s*$", re.I)
# The upper end of such a range: "between £500 and £20,000".
_RANGE = re.compile(r"\b(?:grants|awards|bids|applications)\s+(?:for\s+|of\s+)?(?:values?\s+)?(?:of\s+)?between\s+"
                    r"£[\d,.]+\s*[km]?\s+and\s+$", re.I)


# A saving, a cut or a shortfall, money drawn from reserves and a body's whole budget are paid to nobody: "the Force is
# required to save £7million", "a reduction of approximately £400,000 on the funds", "a further £6.2m from financial
# reserves", "the Police's £384m budget" (not "£50,000 to the Trust from reserves", paid to a body named after "to").
_SAVING_BEFORE = re.compile(r"\b(?:(?:save|saving|cut|cutting)|(?:savings|cuts|reductions?|shortfall|deficit|gap|"
                            r"underspend|overspend)\s+(?:in\s+\w+\s+)?of)\s+(?:over\s+|around\s+|approximately\s+|about\s+|almost\s+|nearly\s+"
                            r"|more\s+than\s+|some\s+|a\s+further\s+|another\s+)?$", re.I)
_SAVING_AFTER = re.compile(r"^\s*(?:of\s+)?(?:(?:annual|recurrent|recurring|one-off|further)\s+)?(?:savings?|cuts|shortfall|"
                           r"deficit|underspend|overspend)\b"
                           r"|^[^£.;]{0,12}?\bfrom\s+(?:its\s+|our\s+|their\s+|the\s+)?(?:financial\s+|general\s+|"
                           r"earmarked\s+)?reserves\b(?![^£.;]{0,60}\bto\s+(?:the\s+)?(?-i:[A-Z]))", re.I)
# A body's own spending or loss, however it is said: "MOPAC has spent £2,426m", "reduced expenditure of £22m", "the
# Force had lost £14m (22%) in core funding" (not "spent £20,000 with Safer Lives Ltd", paid to a body named after it).
_SPENT_BEFORE = re.compile(r"\b(?:(?:has|have|had)\s+(?:spent|lost)|(?:reduced|lower|higher|increased)\s+(?:net\s+)?"
                           r"(?:expenditure|investment|spend(?:ing)?)\s+of)\s+(?:over\s+|around\s+|approximately\s+"
                           r"|about\s+|almost\s+|nearly\s+|some\s+)?$", re.I)
_SPENT_WITH = re.compile(r"^[^£.;]{0,30}?\b(?:with|to|on)\s+(?:the\s+)?(?-i:[A-Z])", re.I)
# A budget set or provided is paid to no one: "the Council determines a budget of £50,000 for Advice Services", "as
# evidenced by the £1.2M budget provision".
_BUDGET_SET_BEFORE = re.compile(r"\b(?:determines?|determined|sets?|agrees?|agreed)\s+a\s+budget\s+of\s+$", re.I)
_BUDGET_PROVISION_AFTER = re.compile(r"^\s*budget\s+provision\b", re.I)
# A sum "spent on" a task, named in lower case, is the body's own spending: "Payment of £23,000 will be made to the
# refuge and £500 spent on the development of proposals" (not "£500 spent on training with Safer Lives Ltd").
_SPENT_ON_AFTER = re.compile(r"^\s*spent\s+on\s+(?:the\s+|a\s+)?(?-i:[a-z])(?![^£.;]{0,80}?\b(?:with|by|to|from)\s+"
                             r"(?:the\s+)?(?-i:[A-Z]))", re.I)
# The gap between a sum and what was expected is no payment: "the settlement was higher than expected by around £0.5m".
_VARIANCE_BEFORE = re.compile(r"\b(?:higher|lower|more|less|greater|better|worse)\s+than\s+(?:expected|budgeted|forecast|"
                              r"planned|anticipated)\s+by\s+(?:around\s+|about\s+|approximately\s+|some\s+|nearly\s+)?$",
                              re.I)
_WHOLE_BUDGET = re.compile(r"(?:['’]s?|\bits|\btheir|\bour)\s+(?:total\s+|overall\s+|annual\s+|net\s+)?$")
_BUDGET_AFTER = re.compile(r"^\s*(?:annual\s+|revenue\s+|net\s+|policing\s+)?budget\b", re.I)


# A whole revenue or capital budget stated: "the 2015/16 MOPAC revenue budget, at £36.4m", "against the revised budget
# of £227m", "the Force's budget would be £340m" (a service's budget a contract is funded from, "the community safety
# budget (£300,000)", may name its owner).
_WHOLE_BUDGET_OF = re.compile(r"(?:\b(?:revenue|capital|revised|net|expenditure|policing)|(?:['’]s?|\bits|\btheir|\bour)"
                              r"(?:\s+(?:total|overall|annual|net))?)\s+budget\W{0,3}\s*(?:of|at|is|was|would\s+be|will\s+be|"
                              r"totall?ing|amounting\s+to)?\s*$", re.I)


# The ceiling of a sum applied or bid for is not granted to anyone: "the submission of an application for grant funding
# of up to £3 million", "a bid of up to £50,000" (a bid's sum said plainly may be the one won).
_APPLIED_FOR = re.compile(r"\b(?:application|bid)\s+(?:for|of)\s+(?:[\w-]+\s+){0,3}?(?:of\s+)?up\s+to\s+$", re.I)
# Nor is the value of the bids received, which is what was asked for: "The PFCC received 77 bids, valued at £1.15m".
_BIDS_VALUED = re.compile(r"\b(?:bids|applications)\b[^£.;]{0,20}?\b(?:valued\s+at|totall?ing|worth|with\s+a\s+"
                          r"(?:combined\s+|total\s+)?value\s+of)\s+$", re.I)


def is_unpaid(before: str, after: str) -> bool:
    return bool(_WHOLE_BUDGET_OF.search(before) or _SAVING_BEFORE.search(before) or _SAVING_AFTER.search(after)
                or _VARIANCE_BEFORE.search(before)
                or _APPLIED_FOR.search(before) or _BIDS_VALUED.search(before)
                or (_WHOLE_BUDGET.search(before) and _BUDGET_AFTER.search(after))
                or (_SPENT_BEFORE.search(before) and not _SPENT_WITH.search(after)) or _SPENT_ON_AFTER.search(after)
                or _BUDGET_SET_BEFORE.search(before) or _BUDGET_PROVISION_AFTER.search(after))


# A value said to pass a limit, as the reason for how the decision is taken: "The annual contract value is over £500K
# therefore, required to be entered in the Forward Plan", "a key decision as the value exceeds £500,000". The sum is the
# limit, not the value, and nobody is paid it.
_PASSES = re.compile(r"\b(?:is|are|was|were|being|will\s+be)\s+(?:over|above|more\s+than|greater\s+than|in\s+excess\s+of)\s+$"
                     r"|\b(?:exceeds|exceeding|exceeded)\s+$", re.I)
_AS_A_LIMIT = re.compile(r"^[ \t,]*(?:and\s+)?(?:therefore|so|thus|hence)\b|\bkey\s+decision|\bforward\s+plan\b", re.I)


def is_threshold(before: str, sentence_before: str = "", after: str = "") -> bool:
    return bool(_THRESHOLD.search(before) or _RANGE.search(sentence_before)
                or (_PASSES.search(before) and (_AS_A_LIMIT.search(after) or _AS_A_LIMIT.search(sentence_before))))


def paid_to_nobody(before: str, after: str) -> bool:
    """A sum its sentence shows is paid to no body ("a £41,000 saving", "£5 per hour", a fund's size), whoever else the
    sentence names: the fallback readers of a counterparty leave it alone."""
    return is_unpaid(before, after) or is_rate(before, after) or is_fund_size(before, after)
