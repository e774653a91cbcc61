"""Which way money goes, from the words around an amount (issue 19).

- A funder that is the subject of an award verb before the amount pays it: "the Home Office have
  subsequently awarded MOPAC a total of £976,890", "DLUHC has awarded a total grant of £3,812,144 to
  Leeds City Council" (the body named after "to" is the one receiving, not a provider).
- An amount "from the Home Office" (or "of funding from") is an award from that funder, whatever total
  it is also said to be.
- A funder's grant named just before its size is the funder's award: "the DLUHC Domestic Abuse section 31
  grant funding for 2021/22 - 2024/25 of £1.286m".
- The deciding body receiving is an award too: "with MOPAC allocated just under £4.2m".
- An amount in a bracketed aside, or followed by one, is paid to the body named after the aside:
  "grant assistance of £269,000 (made up of £200,000 capital and £69,000 revenue), to Groundwork London".
- "£4593 will be provided to Manchester City Council" (even with a typo, "will to be provided to"): paid to
  the body named after the verb.
- A list item headed by a name is paid to that name: "· Cockpit Arts - £2,000 to match ...",
  "awarded to Harbour: £4,000".
"""

import re

from .amounts import AmountMention
from .names import is_own_account
from .organisations import BODY_NAME, OrganisationMention, is_funder, is_public_body, is_self, own_council

# The funder's verb, done ("awarded") or to come ("will, from 1 April 2021, allocate funding of"; "will be funding").
_AWARD_VERB = re.compile(r"[^.;£]{0,80}?\b(?:has|have|had|was|were|is|are)?\s*(?:subsequently\s+|also\s+|now\s+)?"
                         r"(?:awarded|allocated|granted|offered|confirmed|provided|awarding|allocating|increased"
                         r"|(?:will|shall)\b[^.;£]{0,40}?\b(?:allocate|award|provide|give|pay|grant|be\s+funding))\b"
                         r"[^.;£]{0,120}$", re.IGNORECASE)
# The year or the funder's verb may stand between a sum and its funder: "a grant of £885,733 for 2024/25 from the
# Department", "£852,283 in 2022/2023 from the Ministry", "£7 million awarded by the Home Office".
# A sum the body accepts or a funder announces: "a grant of £149,979 be accepted from the West Mercia PCC", "£17.6m of
# funding for bus services had been announced by the Department for Transport".
_YEAR_OR_VERB = (r"(?:(?:for|in)\s+(?:the\s+)?(?:financial\s+)?(?:year\s+)?(?:19|20)\d\d(?:[/–-]\d{2,4})?\s+)?"
                 r"(?:of\s+funding\s+for\s+(?:[\w'’-]+\s+){1,6}?(?=(?:had|has|have|was|were)\s+been\s+(?:announced|"
                 r"awarded|allocated|confirmed)\b))?"
                 r"(?:(?:(?:which|that)\s+)?(?:(?:was|were|is|are|be|has\s+been|have\s+been|had\s+been)\s+)?(?:awarded|"
                 r"granted|allocated|provided|given|received|secured|accepted|announced|confirmed)\s+(?=(?:from|by)\b))?")
# "from the MoJ", "of funding from", and a named grant or fund between ("£650,902 Wolverhampton Domestic Abuse Bill
# Allocation from the Ministry", "£651,000 grant allocation from the Ministry", "£247,602 Safer Streets Fund from the
# Home Office").
_FROM = re.compile(r"\s*(?:\([^)]{0,80}\)\s*)?" + _YEAR_OR_VERB +
                   r"(?:(?:(?-i:[A-Z])[\w'’-]*\s+){0,8}?(?:grant|allocation|funding|award|(?-i:Fund))\s+"
                   r"(?:(?:grant|allocation|funding)\s+)?)?(?:of\s+(?:\w+\s+){0,2}?funding\s+)?(?:from|by)\s+(?:the\s+)?",
                   re.IGNORECASE)
# "£9,397,400 of the Home Office funding", "£199,505 Home Office funding": a part of the funder's money.
_OF_FUNDERS = re.compile(r"\s+(?:of\s+(?:the\s+|this\s+)?)?", re.IGNORECASE)
# "£9,430,885 of Home Office (HO) Grip Violence Fund grant": the funder's acronym and its grant's name may come between.
_FUNDERS_MONEY = re.compile(r"(?:['’]s)?\s+(?:\((?-i:[A-Z]{2,8})\)\s+)?(?:\w+\s+){0,3}?(?:funding|grant|allocation|money)\b",
                            re.IGNORECASE)
_FUNDERS_GRANT = re.compile(r"\W{0,3}\s*(?:\([A-Z]{2,8}\)\s*)?(?:[\w/–-]+\s+){0,8}?(?:grant|funding|award|allocation)"
                            r"(?:\s+funding)?\s+(?:for\s+[\w/ –-]{1,30}?\s+)?(?:of\s+)?(?:up\s+to\s+|over\s+|some\s+)?$",
                            re.IGNORECASE)
_RECEIVED_BY_SELF = re.compile(r"\s*(?:has\s+been\s+|have\s+been\s+|was\s+|were\s+|is\s+|been\s+)?(?:allocated|awarded|granted"
                               r"|provided(?:\s+with)?|given)\s+(?:just\s+(?:under|over)\s+|up\s+to\s+|over\s+|around\s+|"
                               r"a\s+total\s+of\s+|an?\s+(?:\w+\s+)?grant\s+of\s+)?$",
                               re.IGNORECASE)
# A period may stand between the sum and its recipient: "the award of £4,999,001 over two years to Victim Support",
# "a grant of £20,000 for 2025/26 to ...", "£2k in year 1 and £1k in year 2 be made to ...".
_YEAR_N = r"\s+in\s+(?:year\s+\d|the\s+(?:first|second|third|final)\s+year)"
_PAID_TO = re.compile(r"(?:\s+(?:over|for)\s+(?:a\s+period\s+of\s+)?(?:one|two|three|four|five|\d{1,2})\s+(?:financial\s+)?"
                      r"years?|" + _YEAR_N + r"(?:\s*,?\s+and\s+£[\d,.]+\s*[km]?" + _YEAR_N + r")*"
                      r"|\s+(?:for|in)\s+(?:the\s+)?(?:financial\s+)?(?:year\s+)?(?:19|20)\d\d(?:[/–-]\d{2,4})?)?\s*(?:\([^)]{0,120}\)\s*)?,?\s*"
                      # the verb may come before the source: "£20,000 be allocated from the Community Safety Fund to ..."
                      r"(?:(?:(?:is|are|was|were|will|shall|be|been)\s+){1,2}(?:allocated|awarded|granted|paid|transferred|"
                      r"given|provided)\s+(?=from\b))?"
                      # the source may be written in lower case if a fund's word ends it: "from the home office grip funding";
                      # "£720,000 of funding from the <eight-word> Fund to ..."
                      r"(?P<source>(?:(?:of\s+)?funding\s+|grant\s+)?from\s+(?:the\s+)?(?:(?:19|20)\d\d[-/–]\d{2,4}\s+)?(?:[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|of|&)){0,8}\s+"
                      r"(?:(?:funding|grant|fund|budget|allocation|reserves?)\s+)?|[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,4}?\s+"
                      r"(?:funding|grant|fund|budget|allocation)\s+)"
                      # the fund's defined name in brackets: "from the Casualty Reduction Fund (“the Fund”) to ..."
                      r"(?:\([^()]{0,40}\)\s+)?)?"
                      # "transfer up to £15.868m of 2021-22 funding to MOPAC", "allocate £600,000 of this to ...", "£12,874 in
                      # fees to ...", "£125,000 of capital grant funding to ...", "£716,781 on-grant to ..."
                      r"(?:(?:of|in)\s+(?:(?:19|20)\d\d[-/–]\d{2,4}\s+)?(?:funding|grants?|money|fees|costs)\s+|"
                      r"of\s+(?:this|which|it|that)\s+|(?:of\s+)?(?:(?!(?:for|to|in|and)\b)[a-z]+\s+){0,2}(?:on-)?grant(?:\s+funding)?\s+)?"
                      r"(?:(?:(?:is|are|was|were|will|shall|would|has|have|to|be|been)"
                      r"\s+){1,3}(?:awarded|granted|provided|paid|given|allocated|passed|transferred|made\s+available|made)\s+"
                      # "The contract value is £300,000 per annum, awarded to ..." (not "£248k allocated to" a programme)
                      r"|(?<=,\s)(?:awarded|granted|let)\s+)?"
                      r"(?:directly\s+|straight\s+|each\s+)?to\s+(?:the\s+|an?\s+)?"
                      # a body described before its name: "to the charity Victims First", "to a consortium led by Solace"
                      r"(?:(?:charity|organisation|provider|company|consortium|partnership)\s+(?:led\s+by\s+(?:the\s+)?)?)?"
                      + BODY_NAME)
_BULLET = re.compile(r"[ \t]*(?:[-•*–▪◦·]|\d{1,2}[.)]|\(?[a-z]\))[ \t]+")
# "· Community Links Bromley - 10 days (value £4,000)": help in kind, its value in brackets, is the item's sum too.
_HEADED = re.compile(r"(?P<n>[A-Z][^£:\n]{1,90}?)[ \t]*(?:[-–:]|(?:\b(?:be|been|is|are|was|were)[ \t]+)?\bawarded\b)"
                     r"[ \t]*(?:up\s+to\s+)?(?:[^£()\n]{1,40}\((?:value|valued\s+at|worth)[ \t]*)?$")
_AWARDED_TO = re.compile(r"\b(?:awarded|granted|allocated|paid)\s+to\s+(?:the\s+)?(?P<n>[A-Z][^:\n]{1,80}?)\s*:\s*$")


# A sum written out in words before its figure in brackets: "four million ... and seventy-two pence (£4,439,998.72)".
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
                r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
                r"|million|billion|pounds?|pence|and|a)")
_WRITTEN_OUT = re.compile(r"\b" + _NUMBER_WORD + r"(?:[\s-]+" + _NUMBER_WORD + r")*\s*\(\s*$", re.IGNORECASE)


def _before_written_out(text: str, start: int, end: int) -> int:
    """Where the words before an amount end, a sum written out in words before it (its same figure) left out."""
    written = _WRITTEN_OUT.search(text, max(start, end - 300), end)
    return written.start() if written and re.search(r"\b(?:pounds?|pence|thousand|million|billion)\b",
                                                     written.group(0), re.I) else end


def funder_before(text: str, organisations: list[OrganisationMention], start: int, amount: AmountMention):
    """A funder that is the subject of an award verb between `start` and the amount (a sum written out in words
    before the amount's figure is the amount, not words between them)."""
    end = _before_written_out(text, start, amount.start)
    for mention in reversed([m for m in organisations if start <= m.start < amount.start]):
        if is_funder(mention.name) and _AWARD_VERB.match(text, mention.end, end):
            return mention
    return None


# A sum a funder is said to bear: "£250m of this would be met by the Treasury", "£40,000 will be funded by the Home Office".
_MET_BY = re.compile(r"\s*(?:of\s+(?:this|which|that|it)\s+)?(?:will|would|is\s+to|are\s+to|shall|is|are|was|were)\s+"
                     r"(?:be\s+)?(?:met|funded|covered|paid\s+for|borne)\s+(?:in\s+full\s+)?by\s+(?:the\s+)?", re.IGNORECASE)


def funder_after(text: str, organisations: list[OrganisationMention], amount: AmountMention, end: int):
    """A funder named right after the amount with "from" or "by" ("from the MoJ's allocation" names where
    money being paid out comes from, not who pays it to the record's body), or said to meet it (above)."""
    lead = _FROM.match(text, amount.end, end) or _MET_BY.match(text, amount.end, end)
    if not lead:
        part = _OF_FUNDERS.match(text, amount.end, end)
        funder = next((m for m in organisations if part and m.start == part.end() and is_funder(m.name)), None)
        return funder if funder and _FUNDERS_MONEY.match(text, funder.end, end) else None
    funder = next((m for m in organisations if m.start == lead.end() and is_funder(m.name)), None)
    return None if funder is None or re.match(r"['’]s\b", text[funder.end:funder.end + 2]) else funder


_REFERRED = re.compile(r"\b(?:described|set\s+out|referred\s+to|detailed)\s+in\s+[Rr]ecommendation\s+(?P<n>\d{1,2})\b")


def recommendation_named(text: str, organisations: list[OrganisationMention], sentence):
    """(name, span) of the body another recommendation pays, when the amount's sentence points to it
    ("the cost of the contract described in Recommendation 3"): the one body named after "to" there."""
    referred = _REFERRED.search(text, *sentence)
    if not referred:
        return None
    item = re.search(r"^[ \t]*" + referred["n"] + r"[.)][ \t]+(?P<body>[^\n]+)", text, re.MULTILINE)
    if not item:
        return None
    inside = [m for m in organisations if item.start("body") <= m.start < item.end("body")
              and not is_self(m.name) and not is_funder(m.name)
              and re.search(r"\bto\s+(?:the\s+)?$", text[max(0, m.start - 8):m.start])]
    return (inside[0].name, inside[0].span) if len({m.name for m in inside}) == 1 else None


_MADE_TO_SELF = re.compile(r"\W{0,3}\s*(?:[\w/–-]+\s+){0,3}?(?:grant|funding|award|allocation)\s+(?:award\s+)?(?:\w+\s+)?"
                           r"to\s+(?:the\s+)?(?P<who>[\w-]+(?:\s+[\w-]+)?)[^£.;]{0,60}$", re.IGNORECASE)


def funders_grant(text: str, named_before: list[OrganisationMention], amount: AmountMention):
    """The funder whose grant the amount is the size of, named at most a few words before it, or whose award is
    said to be made to the deciding body ("the MOJ funding award made to the PCC for an additional £38,793")."""
    for mention in reversed(named_before):
        if is_funder(mention.name) and _FUNDERS_GRANT.fullmatch(text, mention.end, amount.start):
            return mention
        made = _MADE_TO_SELF.fullmatch(text, mention.end, amount.start) if is_funder(mention.name) else None
        if made and is_self(made["who"]):
            return mention
    return None


# The deciding body writing of itself: "I receive this allocation ..., which ... means a grant of £1,702,736".
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e)\s+(?:have\s+|also\s+|have\s+also\s+)?(?:receive|received|get|got|have\s+been\s+"
                           r"(?:awarded|allocated|granted)|(?:was|were)\s+(?:awarded|allocated|granted))\b[^£;]{0,150}$")
# Money the body takes in: "claim the £795,706 grant funding", "accept the additional £1,175,000" (not a tender or bid).
# Also with the grant's name between: "Accept the now confirmed Core and General Grant funding of £9,981,911.06".
_CLAIM = re.compile(r"\b(?:claims?|accepts?|draw\s+down|receive|receipt\s+of)\s+(?:the\s+|this\s+|an?\s+)?(?:additional\s+|"
                    r"further\s+|extra\s+)?(?:(?:now\s+)?(?:confirmed\s+)?(?:[A-Z][\w-]*\s+(?:and\s+)?){0,5}"
                    r"(?:grant\s+)?(?:funding|grant|allocation)\s+of\s+)?$", re.IGNORECASE)
_NOT_CLAIMED = re.compile(r"\s+(?:\w+\s+)?(?:tender|bid|quote|quotation|offer)\b", re.IGNORECASE)
# A funder's allocations for the deciding body: "funding allocations for ISVA and IDVA allocations for Warwickshire
# PCC in 2022/23 that was notified previously as £365,041".
_ALLOCATION_FOR_SELF = re.compile(r"\ballocations?\s+for\s+(?:the\s+)?(?:[A-Z][\w-]+\s+)?(?:O?PF?CC|Commissioner|MOPAC"
                                  r"|Combined\s+Authority)\b[^£;]{0,80}$")


# A funder's money confirmed to the body: "The total funding confirmed for 2022-23 is £21,033,663" (not "the PCC
# confirmed funding of £X to ...", which is paid out and read before this).
_CONFIRMED = re.compile(r"\b(?:funding|grant|allocation)\s+(?:has\s+been\s+|was\s+|now\s+)?confirmed\s+"
                        r"(?:for\s+[\w/ –-]{1,20}?\s+)?(?:is|was|as|at)\s+$", re.IGNORECASE)


# The deciding body's own grant, as its subject writes of it: "the PCC spent his full grant allocation of £2.765m".
_OWN_GRANT = re.compile(r"\b(?P<who>(?-i:[A-Z])[\w-]*)\s+(?:(?-i:[a-z])\w*\s+){0,2}?(?:his|her|its|our|their)\s+"
                        r"(?:full\s+|total\s+|annual\s+|whole\s+)?(?:core\s+)?(?:grant\s+)?"
                        r"(?:allocation|grant)\s+of\s+(?:just\s+)?(?:under\s+|over\s+)?$", re.IGNORECASE)


def received_by_self(text: str, organisations: list[OrganisationMention], start: int, amount: AmountMention) -> bool:
    """The deciding body receives the amount: "MOPAC was allocated £4.2m", "I receive ... a grant of £X", "claim the
    £X grant funding", "allocations for Warwickshire PCC ... notified as £X", "the PCC spent his full grant
    allocation of £2.765m"."""
    before = text[start:amount.start]
    if _FIRST_PERSON.search(before) or _ALLOCATION_FOR_SELF.search(before) or _CONFIRMED.search(before) or (
            _CLAIM.search(before) and not _NOT_CLAIMED.match(text, amount.end)):
        return True
    own = _OWN_GRANT.search(before)
    if own and is_self(own["who"]):
        return True
    own = own_council(organisations)
    return any((is_self(m.name) or m.name == own) and _RECEIVED_BY_SELF.fullmatch(text, m.end, amount.start)
               for m in organisations if start <= m.start < amount.start)


# A funder's allocation to many bodies, then the deciding body's share: "Government confirmed a further allocation
# from this fund to local authorities - with St Helens receiving an allocation of £446,489".
_WITH_RECEIVING = re.compile(r"\bto\s+(?:all\s+)?(?:the\s+)?(?:\d+\s+)?(?:local\s+authorities|councils|PCCs|Police\s+and\s+"
                             r"Crime\s+Commissioners|(?:police\s+)?forces|areas|CSPs)\b[^£.;]{0,20}?\bwith\s+(?:the\s+)?"
                             r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,4}\s+(?:receiving|getting|being\s+allocated|"
                             r"allocated|awarded)\s+(?:an?\s+(?:\w+\s+)?(?:allocation|grant|award|share)\s+of\s+)?$",
                             re.IGNORECASE)
_GOVERNMENT = re.compile(r"\b(?:the\s+)?(?:UK\s+|HM\s+|[Cc]entral\s+)?Government\b")


def share_of_many(text: str, organisations: list[OrganisationMention], start: int, amount: AmountMention):
    """(name, span) of the funder whose allocation to many bodies the amount is one body's share of (the comment
    above): the funder named before "to", or "Government"."""
    lead = _WITH_RECEIVING.search(text, start, amount.start)
    if not lead:
        return None
    funders = [m for m in organisations if start <= m.start < lead.start() and is_funder(m.name)]
    if funders:
        return funders[-1].name, funders[-1].span
    named = list(_GOVERNMENT.finditer(text, start, lead.start()))
    return (re.sub(r"^the\s+", "", named[-1].group(0)), named[-1].span()) if named else None


_TO_SELF = re.compile(r"\b(?:allocated|awarded|granted|given|paid|provided)\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_SHARE = re.compile(r"\b(?:this|which|that)\s+(?:means|equates\s+to|represents|amounts\s+to)\s+(?:an?\s+)?"
                    r"(?:additional\s+|extra\s+|further\s+)?$", re.IGNORECASE)
_OF_FUNDING = re.compile(r"\s*(?:of|in)\s+(?:additional\s+|extra\s+|new\s+)?(?:funding|grant)\b", re.IGNORECASE)


def share_for_self(text: str, organisations: list[OrganisationMention], start: int, amount: AmountMention) -> bool:
    """The deciding body's share of what a funder gives: "The funding allocated to the Council for 2024-25 is
    £34,064.00", "For Cleveland, this means an additional £57,244.20 of funding"."""
    if _SHARE.search(text, start, amount.start) and _OF_FUNDING.match(text, amount.end):
        return True
    return any(is_self(m.name) and _TO_SELF.search(text, max(start, m.start - 40), m.start)
               and not re.search(r"[£;]", text[m.end:amount.start]) and amount.start - m.end <= 80
               for m in organisations if start <= m.start < amount.start)


_FROM_AFTER = re.compile(r"[^£.;()]{0,45}?\b(?:from|form)\s+(?:the\s+)?", re.IGNORECASE)


def source_after(text: str, organisations: list[OrganisationMention], amount: AmountMention):
    """The body a partner's money comes from, named after the amount: "an additional £0.075m of match funding in
    each year from the PCC" (or, misspelt, "form the PCC")."""
    found = next((m for m in organisations if m.start > amount.end and _FROM_AFTER.fullmatch(text, amount.end, m.start)),
                 None)
    if found:
        return found.name, found.span
    lead = _FROM_AFTER.match(text, amount.end)
    own = lead and re.match(r"[A-Z][A-Za-z]+", text[lead.end():lead.end() + 40])
    # The deciding body by its short name ("the PCC", "the OPCC"), which is no organisation mention of its own.
    return (own.group(0), (lead.end(), lead.end() + own.end())) if own and is_self(own.group(0)) else None


# "£30,000 is approved for Eastby Citizens Advice": the verb of the decision may stand between, and a duration ("£95,000
# per annum for three years is approved for ...").
_FOR = re.compile(r"(?:(?:\s+for\s+(?:one|two|three|four|five|\d{1,2})\s+years?)?\s+(?:is|are|was|were|be|has\s+been|have\s+been|"
                  r"will\s+be)\s+(?:approved|agreed))?\s+(?:for|with)\s+(?:the\s+)?")
# A sum set aside for a body, or for a service a body delivers: "£300k earmarked to the Force", "£300k for the delivery
# of Arrest Referral by the Force" (a body named: "allocated to Integrated Offender Management" names a programme).
_SET_ASIDE = re.compile(r"\s+(?:(?:is|are|be|was|were|will\s+be|has\s+been)\s+)?(?:earmarked|ring[-\s]?fenced|set\s+aside"
                        r"|allocated)\s+(?:as\s+an?\s+(?:\w+\s+)?[GgAaCc](?:rant|llocation|ontribution)\s+)?(?:to|for)\s+(?:the\s+)?"
                        r"|\s+for\s+the\s+(?:delivery|provision|running)\s+of\s+[^£.;]{1,60}?\s+by\s+(?:the\s+)?")


def paid_for(text: str, organisations: list[OrganisationMention], amount: AmountMention):
    """(name, span) of a provider named right after "for" or "with": "approved £60,000 for Safer Lives Ltd", "spend
    £20,000 with Safer Lives Ltd" (not "for 2023/24" nor "for the delivery of", which name no body), or of the body a
    sum is set aside for (the comment above)."""
    lead = _FOR.match(text, amount.end)
    named = next((m for m in organisations if lead and m.start == lead.end()), None)
    if named is None:
        lead = _SET_ASIDE.match(text, amount.end)
        named = next((m for m in organisations if lead and m.start == lead.end()), None)
    if named and not is_self(named.name) and not is_funder(named.name):
        return named.name, named.span
    return None


_AWARDED_BEFORE = re.compile(r"\s+(?:has\s+been|have\s+been|was|were|is|are|will\s+be)\s+(?:awarded|granted|allocated)"
                             r"(?:\s+(?:a\s+(?:grant|contract)\s+of|funding\s+of))?\s+$", re.IGNORECASE)
_AWARDED_TO = re.compile(r"\b(?:awarded|granted|allocated|let)\s+to\s+(?:the\s+)?$", re.IGNORECASE)


def awarded_provider(text: str, organisations: list[OrganisationMention], start: int, amount: AmountMention):
    """A provider awarded the amount: "Northgate Refuge has been awarded £30,000 by the PCC", "A contract has been
    awarded to Calm Minds CIC at a value of £250,000". The deciding body pays it; it is no award to the body."""
    for m in reversed([m for m in organisations if start <= m.start < amount.start]):
        if is_self(m.name) or is_funder(m.name) or is_public_body(m.name):
            continue
        if _AWARDED_BEFORE.fullmatch(text, m.end, amount.start) or (
                _AWARDED_TO.search(text, max(start, m.start - 30), m.start)
                and re.fullmatch(r"[^£.;]{0,40}", text[m.end:amount.start])):
            return m
    return None


def to_provider(text: str, organisations: list[OrganisationMention], amount: AmountMention, end: int) -> bool:
    """Whether the amount is paid on to a provider named after it ("to Harbour Support Services"): then it is
    the deciding body's grant or contract, even when a funder whose money it is was named earlier in the sentence.
    A sum to the deciding body or another public body ("has awarded a total grant of £3.8m to Leeds City Council")
    may still be the funder's award."""
    span = paid_to(text, amount, end, sourced := [])
    if not span:
        return False
    inside = [m for m in organisations if span[0] <= m.start < span[1]]
    name = inside[0].name if inside else text[span[0]:span[1]]
    if sourced and not (is_self(name) or is_funder(name)):
        return True  # "the allocation of £250,000 from the Home Office Surge to British Transport Police": passed on
    return not (is_self(name) or is_funder(name) or is_public_body(name))


_PASSIVE_TO = re.compile(r"\s*,?\s*(?:(?:has|have|had|is|are|was|were|will|be|been)\s+){1,3}"
                         r"(?:awarded|granted|allocated|paid|given)\s+to\s+", re.IGNORECASE)


def awarded_to_body(text: str, organisations: list[OrganisationMention], start: int, amount: AmountMention,
                    end: int) -> bool:
    """"In 2021-22 £800,000 has been awarded to Northumbria Police": a sum the record says was awarded to another
    public body, with no funder named before it in its clause, is paid out by the deciding body (a funder paying a
    council is written with the funder as subject: "DLUHC has awarded £3.8m to Leeds City Council")."""
    if not _PASSIVE_TO.match(text, amount.end, end):
        return False
    span = paid_to(text, amount, end)
    inside = [m for m in organisations if span and span[0] <= m.start < span[1]]
    if not inside or is_self(inside[0].name) or is_funder(inside[0].name) or not is_public_body(inside[0].name):
        return False
    return not any(is_funder(m.name) for m in organisations if start <= m.start < amount.start)


def paid_to(text: str, amount: AmountMention, end: int, sourced: list | None = None):
    """(start, end) of the name an amount is paid to, after any bracketed aside, else None; a source named between
    them ("from the Home Office Surge to ...") is appended to `sourced` when given."""
    position = amount.end
    opened, closed = text.rfind("(", 0, position), text.rfind(")", 0, position)
    if opened > closed and text.find(")", position, end) >= 0 and text.rfind("\n", opened, position) < 0:
        position = text.find(")", position, end) + 1  # the amount is inside an aside: the name follows it
    match = _PAID_TO.match(text, position, end)
    if match and match["source"] and sourced is not None:
        sourced.append(match["source"])
    return match.span("n") if match and not is_own_account(match["n"]) else None


def list_heading(text: str, line_start: int, amount: AmountMention, organisations: list[OrganisationMention] = ()):
    """(start, end) of the name heading the list item the amount is in ("· Cockpit Arts - £2,000 ..."),
    or of the name an "awarded to X:" line above a list gives, or of the one provider the line introducing
    the list names ("Working with our commissioned service (Safer Communities Limited) we propose to spend
    this allocation as below:")."""
    bullet = _BULLET.match(text, line_start, amount.start)
    if bullet:
        headed = _HEADED.fullmatch(text, bullet.end(), amount.start)
        if headed and len(headed["n"].split()) <= 10 and not re.search(r"[.;]", headed["n"]):
            return headed.span("n")
    if not bullet:
        return None
    end = line_start
    for _ in range(30):  # up through the list's items (and blank lines) to the line that introduces it
        start = text.rfind("\n", 0, max(0, end - 1)) + 1
        above = text[start:end].rstrip("\n")
        awarded = _AWARDED_TO.search(above)
        if awarded:
            return (start + awarded.start("n"), start + awarded.end("n"))
        if above.rstrip().endswith(":") and not _BULLET.match(above):
            named = [m for m in organisations if start <= m.start < end and not is_self(m.name)
                     and not is_funder(m.name) and not is_public_body(m.name)]
            if len({m.name for m in named}) == 1:
                return named[0].span
        if start == 0 or (above.strip() and not _BULLET.match(above)):
            return None
        end = start
    return None


_PROGRAMME = re.compile(r"\b(?:programme|program|project|scheme|initiative|fund|pilot|service)$", re.I)
_PROGRAMME_AFTER = re.compile(r"\s+(?:programme|program|project|scheme|initiative|pilot|service)\b")
_RUN_BY = re.compile(r"\s*,?\s*(?:which\s+is\s+|that\s+is\s+)?(?:run|delivered|provided|led|operated|managed)\s+by\s+"
                     r"(?:the\s+)?")


def runner(text: str, organisations: list[OrganisationMention], span):
    """(name, span) of the body running a programme the amount is paid to: a programme is not a body, so "to the
    Respect Programme run by Northgate Refuge" is paid to Northgate Refuge."""
    words = re.sub(r"(?:\s+(?:of|and|&))+$", "", text[span[0]:span[1]])
    end = span[0] + len(words)
    # "to the IDVA service provided by Eastby Women's Aid": the programme word may follow the capitalised name.
    after = _PROGRAMME_AFTER.match(text, end)
    lead = _RUN_BY.match(text, after.end() if after else end) if after or _PROGRAMME.search(words) else None
    found = next((m for m in organisations if lead and m.start == lead.end()), None)
    return (found.name, found.span) if found else None
