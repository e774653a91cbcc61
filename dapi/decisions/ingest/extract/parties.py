"""Who a sum is paid to when a record names the other party of a contract rather than a payee (issue 19):

- "approves the extension of the contract with Hestia Housing and Support to deliver ... at a total value of
  £121,934": the body the contract (or agreement) is *with* is paid the sum. The name is taken as written, up to
  the first word that is not capitalised (or a connector), so a service it delivers ("a Domestic Violence Refuge")
  is not taken for it.
- A form's field naming the contractor ("Name of Successful Contractor Safe In Salford", "Recipient: Eastby Rape
  Crisis"): the one body the record's contract sums are paid to. Where a form's fields run together into one line
  the name runs on into the next field's label ("Safe In Salford Supplier Registration Number"); it is cut at the
  first word that starts a form label, and the line says so (a warning), since where the name ends is then a
  reading, not a certainty.
  A form flattened to one "|"-ended cell per line gives the name as the whole next cell, as written.
- "That the Force Revenue Budget is set at £253.901m": "the Force" is the one police force the record names.
- A contract named after the sum ("expenditure of £450,000 to extend the contract with Victim Support for the London
  Victim and Witness Service"): the body it is with, up to what the contract is for.
- An application report's applicant ("The application from Victim Support is requesting ... £10,000") is the one the
  sum would be paid to.
- A record making one direct award ("offering a direct award to Swindon Women’s Aid") pays the sum it calls a total
  to that body, with a warning.
"""

import re

from .commas import name_across_commas
from .organisations import OrganisationMention, is_funder, is_self

_NAME = r"(?P<n>[A-Z][\w'’&.-]*(?:[ \t]+(?:[A-Z][\w'’&.-]*|of|and|&|the|for|on|in)){0,9})"
_WITH = re.compile(r"\b(?:contract|agreement|arrangement|service\s+level\s+agreement)s?\s+with\s+(?:the\s+)?" + _NAME)
# A field labelled with the payee alone, at the start of its line: "Recipient: Eastby Rape Crisis", "Grant recipient -".
_FIELD = re.compile(r"(?:^[ \t]*(?:Grant\s+)?(?:Recipient|Contractor|Supplier|Provider)(?:\s+name)?[ \t]*[:–-]|"
                    r"\bName\s+of\s+(?:the\s+)?(?:Successful\s+|Preferred\s+|Chosen\s+)?(?:Contractor|Supplier|Provider|"
                    r"Grant\s+Recipient|Recipient|Organisation)\s*:?)[ \t]*\n?[ \t]*" + _NAME, re.MULTILINE)
# A form flattened to "|"-ended cells gives the name as the whole next cell, as written ("Talk , listen Change |").
_CELL_FIELD = re.compile(r"\bName\s+of\s+(?:the\s+)?(?:Successful\s+|Preferred\s+|Chosen\s+)?(?:Contractor|Supplier|"
                         r"Provider|Grant\s+Recipient|Recipient|Organisation)[ \t]*\|[ \t]*\n[ \t]*(?P<n>[^|\n]{2,80}?)[ \t]*\|")
# Words that begin the next label of a form, never the end of a body's name.
_LABEL_WORDS = {"Supplier", "Registration", "Number", "Type", "Status", "Address", "Contact", "Company", "Reference",
                "Date", "Value", "Contract", "Proclass", "Classification", "Charity", "Telephone", "Email", "Postcode"}
_TRAILING = re.compile(r"(?:[ \t]+(?:of|and|&|the|for|on|in))+$")


def _as_written(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    words = _TRAILING.sub("", text[start:end]).rstrip(".")
    return words, (start, start + len(words))


# Work done by a named firm for a price: "This work will be undertaken by Oakdale Metalworks at a total cost of £2394".
_DONE_BY = re.compile(r"\b(?:undertaken|carried\s+out|completed|installed|supplied)\s+by\s+(?:the\s+)?" + _NAME
                      + r"\s+at\s+a\s+(?:total\s+|combined\s+|one-off\s+)?(?:cost|price)\s+of\s+$")


def done_by(text: str, start: int, end: int):
    """(name, span) of the firm the work priced at `end` is done by, if it is neither the deciding body nor a funder."""
    found = _DONE_BY.search(text, start, end)
    if not found:
        return None
    name, span = _as_written(text, *found.span("n"))
    return None if not name or is_self(name) or is_funder(name) else (name, span)


def contract_with(text: str, start: int, end: int):
    """(name, span) of the body a contract or agreement between `start` and `end` is with, if it is neither the
    deciding body nor a funder."""
    found = None
    for match in _WITH.finditer(text, start, end):
        found = match
    if not found:
        return None
    name, span = _as_written(text, *(name_across_commas(text, found.start("n")) or found.span("n")))
    return None if not name or is_self(name) or is_funder(name) else (name, span)


# The sum first, then what it pays for: "expenditure of £450,000 to extend the contract with Victim Support", "£61,000
# of funding to enter into a regional agreement with Victim Support".
_TO_CONTRACT = re.compile(r"(?:\s+of\s+(?:funding|expenditure|spend))?"
                          r"\s+(?:is\s+)?(?:to|for)\s+(?:extend|renew|vary|continue|award|let|fund|enter\s+into)?\s*"
                          r"(?:the|a|an)\s+(?:\w+\s+){0,3}?(?:contract|agreement)\s+with\s+")


# The provider named later in the sum's clause, with what it provides: "to uplift the contract by an additional £772,068
# in the first instance ..., with CGL for the provision of Substance Use Services", "£40,000 with Oakdale Care to deliver
# the service". No other sum may come between.
_WITH_PROVIDING = re.compile(r"[^£.;]{0,200}?\bwith\s+(?:the\s+)?" + _NAME + r"\s+(?:for\s+the\s+provision\s+of|to\s+"
                             r"(?:provide|deliver|run)|for\s+the\s+delivery\s+of)\b")


def contract_after(text: str, amount, end: int):
    """(name, span) of the body a contract or agreement named right after the sum is with, or of the provider the
    sum's clause then names with what it provides (the comments above)."""
    lead = _TO_CONTRACT.match(text, amount.end, end)
    found = contract_with(text, amount.end, end) if lead else None
    if not found and (providing := _WITH_PROVIDING.match(text, amount.end, end)):
        name, span = _as_written(text, *providing.span("n"))
        found = None if not name or is_self(name) or is_funder(name) else (name, span)
    if not found:
        return None
    # What the contract is for follows the name: "with Victim Support for the London Victim and Witness Service".
    name = re.split(r"\s+(?:for|in|on)\s+the\s+", found[0])[0]
    return name, (found[1][0], found[1][0] + len(name))


# A resolution giving a sum to a body named right after it: "That £500 be approved for Oakdale Scouts", "that £2,000 be
# awarded to the Eastway Trust". "For" may instead name what the sum pays for ("approved for Youth Work"), so a name after
# "for" is taken with a warning.
_APPROVED_FOR = re.compile(r"\s+(?:to\s+)?be\s+(?:approved|awarded|granted|allocated|given)\s+(?P<how>for|to)\s+"
                           r"(?:the\s+)?" + _NAME)
_RUN_BY = re.compile(r"\s+(?:run|delivered|provided|managed|led|hosted)\s+by\b")


def approved_for(text: str, amount, end: int):
    """(name, span, warning) of the body a resolution gives the sum to (the comment above), if it is neither the deciding
    body nor a funder; the warning is empty where the body follows "to"."""
    found = _APPROVED_FOR.match(text, amount.end, end)
    if not found:
        return None
    name, span = _as_written(text, *found.span("n"))
    name = re.split(r"\s+(?:for|in|on|towards)\s+", name)[0]
    # "be awarded to the Respect Programme run by Northgate Refuge": a programme, the body running it is paid
    if not name or is_self(name) or is_funder(name) or _RUN_BY.match(text, span[0] + len(name)):
        return None
    warning = "" if found["how"] == "to" else (f"Read as paid to {name}, named after “approved for”: check it is the body "
                                               "paid, not what the sum pays for")
    return name, (span[0], span[0] + len(name)), warning


# An application report: "The application from Victim Support is requesting revenue funding of £10,000", "Safer Lives
# Ltd has applied for £5,000": the applicant is the one the sum would be paid to.
# "an application received from the Friends of Oakdale Park for a grant of £750": the applicant all the same.
_APPLICATION = re.compile(r"\b(?:application|bid|request)\s+(?:(?:received|made|submitted)\s+)?"
                          r"(?:for\s+(?:funding|a\s+grant)\s+)?from\s+(?:the\s+)?" + _NAME
                          + r"(?P<rest>[^£.;]{0,80})$")
# "a bid from Oakdale Homes had been received for £20,000": received, as asked for
_ASKS = re.compile(r"\b(?:request|requests|requesting|seek|seeks|seeking|asks|asking|applied|applying|received)\b", re.I)
# "an application from Watford Deaf Community for £385": the sum asked for follows the applicant.
_FOR_SUM = re.compile(r"\s+for\s+(?:(?:a|the)\s+(?:sum|grant|total)\s+of\s+)?(?:up\s+to\s+)?")
# "Oakdale Street Pastors is applying for revenue support of £2,500": the same, told as it happens.
_APPLIED = re.compile(_NAME + r"\s+(?:(?:has|have|had)\s+(?:applied|bid)|(?:is|are)\s+applying)\s+for\s+[^£.;]{0,40}$")


def applicant(text: str, start: int, end: int):
    """(name, span) of the body applying for the sum written at `end` (the comment above), if it is neither the
    deciding body nor a funder."""
    found = _APPLICATION.search(text, start, end)
    if found and not _ASKS.search(found["rest"]) and not _FOR_SUM.fullmatch(
            text, _as_written(text, *found.span("n"))[1][1], end):
        found = None
    found = found or _APPLIED.search(text, start, end)
    if not found:
        return None
    name, span = _as_written(text, *found.span("n"))
    return None if not name or is_self(name) or is_funder(name) else (name, span)


# A change to a named body's award: "the award to Oakdale Mind, by increasing the allocation from £20,000 to £22,500"; both
# the old and the new sum are that body's.
_CHANGED = re.compile(r"\b(?:award|grant|allocation|funding)\s+(?:made\s+)?to\s+(?:the\s+)?" + _NAME
                      + r",?\s+(?:by\s+)?(?:increasing|reducing|raising|lowering|changing|amending)\s+(?:the\s+|its\s+|this\s+|"
                      r"their\s+)?(?:\w+\s+)?from\s+(?:£[\d,.]+\s*(?:m|k|million)?\s+to\s+)?$")


def changed_award(text: str, start: int, end: int):
    """(name, span) of the body whose award changes to or from the sum written at `end` (the comment above)."""
    found = _CHANGED.search(text, start, end)
    if not found:
        return None
    name, span = _as_written(text, *found.span("n"))
    return None if not name or is_self(name) or is_funder(name) else (name, span)


# "£714,564 for the award of grants to ... organisations via the London Community Foundation": a fund manager.
_VIA = re.compile(r"[^£.;]{0,160}?\b(?:organisations|groups|projects|bodies|charities|providers|schemes|partners)\b"
                  r"[^£.;]{0,40}?\b(?:via|through)\s+(?:the\s+)?$")


def paid_via(text: str, organisations: list[OrganisationMention], amount, end: int):
    """(name, span) of the body a sum for many others is passed through ("grants to community groups via the Eastway
    Foundation"): it is allocated the sum to pass on, as a fund manager is, when the sentence after the sum names no
    other body before it."""
    first = min((m for m in organisations if amount.end < m.start < end), key=lambda m: m.start, default=None)
    if first is None or is_self(first.name) or not _VIA.fullmatch(text, amount.end, first.start):
        return None  # a body named first, not after "via", is the one the sentence pays
    return first.name, first.span


# A body the text then calls by what it is: "awarded the organisation £385", "the applicant's own resources".
_CALLED = re.compile(r"\bthe\s+(?:organisation|applicant|group|charity)(?:['’]s)?\b", re.I)


def applicant_called(text: str, start: int, end: int):
    """(name, span, warning) of the one applicant a record names, when the sentence from `start` to `end` calls a
    body "the organisation" or "the applicant" and names none; a warning, since the name is not in the sentence."""
    if not _CALLED.search(text, start, end):
        return None
    found = {}
    for pound in (m.start() for m in re.finditer("£", text)):
        named = applicant(text, max(0, pound - 200), pound)
        if named:
            found.setdefault(named[0], named)
    if len(found) != 1:
        return None
    name, span = next(iter(found.values()))
    return name, span, f"The sentence calls the payee by what it is; read as the applicant {name}: check it"


# "To approve the Direct Award of an Out of Hours ... Service to Swindon Women’s Aid Charity", "offering a direct award
# to Swindon Women’s Aid": a record deciding one direct award.
_DIRECT_AWARD = re.compile(r"\bdirect(?:ly)?\s+award(?:ed)?\b[^£.;\n]{0,120}?\bto\s+(?:the\s+)?" + _NAME)


def direct_award(text: str):
    """(name, span, warning) of the one body a record makes a direct award to, when every direct award it names goes
    to the same body (a name may be written longer once, "Swindon Women’s Aid Charity"); the sum it states as a
    "total" is then that award, which the warning asks the reviewer to check."""
    found = [_as_written(text, *m.span("n")) for m in _DIRECT_AWARD.finditer(text)]
    found = [(name, span) for name, span in found if name and not is_self(name) and not is_funder(name)]
    if not found:
        return None
    name, span = min(found, key=lambda f: len(f[0]))
    if not all(other.startswith(name) for other, _ in found):
        return None
    return name, span, (f"The record calls this sum a total and makes one direct award, to {name}: it is read as that "
                        "award; check it")


def form_contractor(text: str) -> tuple[OrganisationMention, str] | None:
    """The contractor a form's "Name of ... Contractor" field gives, and a warning when its end was a reading."""
    cell = _CELL_FIELD.search(text)
    if cell and not is_self(cell["n"]) and not is_funder(cell["n"]):
        return OrganisationMention(cell["n"], cell.start("n"), cell.end("n")), ""
    match = _FIELD.search(text)
    if not match:
        return None
    words = match["n"].split()
    cut = next((i for i, w in enumerate(words) if i and w in _LABEL_WORDS), None)
    kept = " ".join(words[:cut] if cut else words)
    kept = _TRAILING.sub("", kept)
    if not kept or is_self(kept) or is_funder(kept):
        return None
    start = match.start("n")
    warning = (f"The contractor's name “{kept}” was read from a form whose fields run together: check where the "
               "name ends.") if cut else ""
    return OrganisationMention(kept, start, start + len(kept)), warning


_BRACKETED = re.compile(r"(?P<service>[^()]*?\w[^()]*?)\s*\((?P<n>[A-Z][^()\d]{1,80}?)\)\s*$")


# "OBAC (Organisation of Blind African Caribbeans)": a body's acronym, then its name in full in brackets; one body.
_EXPANDED = re.compile(r"(?P<short>[A-Z][A-Z&]{1,7})[ \t]*\((?P<full>[^()]{4,80})\)")


def acronym_expanded(words: str) -> str | None:
    """The acronym of a name written as an acronym and its expansion in brackets (the comment above), else None."""
    found = _EXPANDED.fullmatch(words.strip())
    return found["short"] if found and acronym_of(found["short"], found["full"]) else None


def acronym_of(short: str, name: str) -> bool:
    """"NAS" for "Northtown Advocacy Service": the capitals of the bracket are the name's initials, in order."""
    letters = re.sub(r"[^A-Za-z]", "", short)
    if not short.replace("&", "").replace(" ", "").isupper():
        return False
    initials = iter(w[0].upper() for w in re.findall(r"[A-Za-z][\w'’-]*", name))
    return all(any(c == i for i in initials) for c in letters.upper())


def provider_in_brackets(label: str, start: int, organisations: list[OrganisationMention]):
    """(name, span, warning) of the provider a row names in brackets after its service ("Ascent Advice Plus 2
    (Solace) £347,861"): the provider is paid, not the service. A bracket that is the name's own acronym ("Northtown
    Advocacy Service (NAS)") names no other body. A bracket that is no recognised organisation is read as the
    provider with a warning, since it may be a place or a description."""
    match = _BRACKETED.fullmatch(label)
    if not match or acronym_of(match["n"], match["service"]) or is_self(match["n"]) or is_funder(match["n"]):
        return None
    span = (start + match.start("n"), start + match.end("n"))
    known = any(m.start == span[0] and m.end == span[1] for m in organisations)
    warning = "" if known else (f"“{match['n']}” in brackets after the service “{match['service']}” was read as its "
                                "provider: check who is paid.")
    return match["n"], span, warning


# A police force by its name: "West Mercia Police", "Cleveland Police" (not "Police and Crime Panel" nor "the Police").
_FORCE_NAME = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+(?:and[ \t]+)?)+Police")


def the_force_named(money, organisations: list[OrganisationMention]) -> None:
    """A sum paid to "the Force" goes to the one police force the record names ("West Mercia Police"); where it names
    none, or more than one, the line keeps "Force" as written."""
    forces = {m.name: m for m in organisations if _FORCE_NAME.fullmatch(m.name) and not m.name.startswith("The ")}
    if len(forces) != 1:
        return
    force = next(iter(forces.values()))
    for item in money:
        if item.counterparty == "Force":
            item.counterparty = force.name
            item.counterparty_spans = item.counterparty_spans + [force.span]
