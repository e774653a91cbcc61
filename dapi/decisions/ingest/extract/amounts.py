"""Sums of money as records write them: "£121,197.00", "£2.3m", "£1.2 million", "£0.075m", "£424.764 million",
"over £7m", "up to £294,500 pa", "£70,000 per annum", and bare numbers in a table column headed "£".

A figure that cannot be read for certain (a thousands separator in the wrong place, "£31,78", "£1,23,456", "£1000,000", or a
space where one would be, "£12 500", or after one, "£334, 818", "£1, 002,318"; more than two decimal places without "m" or
"million"; a sum in millions with a thousands separator that comes to ten billion pounds or more, "£31,469m", or to
a billion where the record's other sums in millions have three decimals, "£4,100million"; no digit before the point,
"£.450million") is still a mention, read as its digits, with a warning
saying why it must be checked: the reviewer is shown it rather than a silently different sum. So is a figure whose "£"
was lost ("?250" in a table headed "£,000")."""

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from .misspelt_units import read_misspelt_units

PENNY = Decimal("0.01")
# Welsh bodies write "£24.4 miliwn" and "£1.2 biliwn" in their Welsh-language records.
MULTIPLIERS = {"k": Decimal(1000), "m": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "million": Decimal(10) ** 6,
               "miliwn": Decimal(10) ** 6, "bn": Decimal(10) ** 9, "billion": Decimal(10) ** 9, "biliwn": Decimal(10) ** 9}
_MILLIONS = ("m", "mn", "million", "miliwn")

_AMOUNT = re.compile(
    r"(?:£|\bGBP[ \t]?)[ \t]?(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?!\d)(?:\.(?P<p>\d+))?(?P<bad>(?:,\d{1,2}(?!\d)|,\d{4,})(?:,\d+)*"
    # four or more digits before the first comma ("£1000,000"): flagged, read as its digits together
    r"|(?<=\d{4})(?:,\d{3})+(?![\d,])"
    # a space where a comma would be ("£12 500"): flagged, read as its digits together
    r"|(?:(?<=£\d)|(?<=£\d\d)|(?<=£\d\d\d))[ \t\u00a0]\d{3}(?![\d,.])"
    # a space after the comma ("£334, 818", "£1, 002,318", "£6, 167, 649.77"): flagged, read as its digits together
    r"|(?:(?<=£\d)|(?<=£\d\d)|(?<=£\d\d\d)),[ \t\u00a0]\d{3}(?:,[ \t\u00a0]?\d{3})*(?:\.\d{2})?(?![\d,]|\.\d))?"
    r"(?:[ \t]?(?P<mult>million|miliwn|billion|biliwn|mn|bn|m|k)\b)?", re.IGNORECASE)
_BARE = re.compile(r"(?<![\w£.,/-])(?P<n>\d{1,3}(?:,\d{3})+|\d{3,})(?:\.(?P<p>\d{2}))?(?![\w%/]|[.,]\d)")
_PER_ANNUM = re.compile(
    r"[ \t]*(?:per[ \t]+annum|p\.[ \t]?a\.|pa\b|p\.a\b|a[ \t]+year|per[ \t]+year|each[ \t]+year|annually"
    r"|per[ \t]+financial[ \t]+year|a[ \t]+financial[ \t]+year)", re.IGNORECASE)
_QUALIFIERS = [
    ("up to", re.compile(r"(?:up[ \t]?to|maximum[ \t]+of|max\.?|not[ \t]+exceeding|no[ \t]+more[ \t]+than|capped[ \t]+at)"
                         r"[ \t]*(?:of[ \t]+)?$", re.IGNORECASE)),
    ("over", re.compile(r"(?:over|more[ \t]+than|in[ \t]+excess[ \t]+of|above|exceeding)[ \t]*$", re.IGNORECASE)),
    ("approximately", re.compile(r"(?:approximately|approx\.?|around|about|circa|c\.|roughly|some)[ \t]*$",
                                 re.IGNORECASE)),
]


@dataclass(frozen=True)
class AmountMention:
    """An amount in the text. The span covers the amount and any "per annum" after it."""

    start: int
    end: int
    value: Decimal
    per_annum: bool
    qualifier: str  # "", "up to", "over" or "approximately"
    warning: str = ""  # why the figure must be checked by a person

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def parse_amount(number: str, pence: str | None = None, multiplier: str | None = None) -> Decimal:
    value = Decimal(number.replace(",", "") + (f".{pence}" if pence else ""))
    if multiplier:
        value *= MULTIPLIERS[multiplier.lower()]
    return value.quantize(PENNY)


def mention(text: str, start: int, end: int, value: Decimal, warning: str = "") -> AmountMention:
    """The amount at `start`-`end`, with a "per annum" written after it and a qualifier ("up to", "over",
    "approximately") written before it."""
    per_annum = _PER_ANNUM.match(text, end)
    if per_annum:
        end = per_annum.end()
    before = text[max(0, start - 30):start]
    qualifier = next((name for name, pattern in _QUALIFIERS if pattern.search(before)), "")
    return AmountMention(start, end, value, bool(per_annum), qualifier, warning)


def find_amounts(text: str) -> list[AmountMention]:
    """Every amount written with "£" or "GBP", in order; a sum written short that contradicts a full figure of
    the record by one digit is flagged (`_misprints`)."""
    matches = list(_AMOUNT.finditer(text))
    mentions = _not_adding_up(text, _transposed(_misprints(text, matches, [_read(text, m) for m in matches])))
    mentions = read_misspelt_units(text, _hyphen_pence(text, matches, _comma_for_point(matches, mentions)))
    return sorted(mentions + _listed_without_sign(text) + _lost_signs(text) + _no_units(text), key=lambda m: m.start)


# "set at £129.860million ...; uplift ring-fenced grant £4,100million": a record writing its sums in millions to three
# decimal places, with one such sum a billion pounds or more written with a comma, most likely means a point there.
def _comma_for_point(matches, mentions: list[AmountMention]) -> list[AmountMention]:
    millions = [m for m in matches if (m["mult"] or "").lower() in _MILLIONS]
    if not any(m["p"] and len(m["p"]) == 3 for m in millions):
        return mentions
    suspect = {m.start() for m in millions if "," in m["n"] and not m["p"] and not m["bad"]}
    return [replace(m, warning=f"£{m.value / MULTIPLIERS['bn']:,.3f} billion is written with a comma where the record's "
                    "other sums in millions have a decimal point: check the amount against the source")
            if m.start in suspect and not m.warning and m.value >= _BILLION else m for m in mentions]


_BILLION = Decimal(10) ** 9


# "transfer of funds totalling £2,367-29": whole pounds with a thousands separator, then two digits after a hyphen and
# no more, are pounds and pence joined by a hyphen (a range or a span of years never reads so: "£1,000-2,000").
_HYPHEN_PENCE = re.compile(r"-(?P<p>\d{2})(?![\w-]|[.,]\d)")


def _hyphen_pence(text: str, matches, mentions: list[AmountMention]) -> list[AmountMention]:
    joined = {(m.start(), m.end()): _HYPHEN_PENCE.match(text, m.end()) for m in matches
              if "," in m["n"] and not (m["p"] or m["bad"] or m["mult"])}
    out = []
    for m in mentions:
        pence = joined.get((m.start, m.end))
        out.append(mention(text, m.start, pence.end(), m.value + Decimal(pence["p"]) / 100, m.warning) if pence else m)
    return out


# "an increase of £.450million": a sum in millions with its units digit lost. Read as written (£450,000), with a
# warning, as a digit before the point may have been dropped.
_NO_UNITS = re.compile(r"(?<![\w.])£[ \t]?\.(?P<p>\d{1,3})(?![\d,.])[ \t]?(?P<mult>million|mn|m|billion|bn)\b", re.IGNORECASE)


def _no_units(text: str) -> list[AmountMention]:
    out = []
    for match in _NO_UNITS.finditer(text):
        value = parse_amount("0", match["p"], match["mult"])
        out.append(mention(text, match.start(), match.end(), value,
                            f"“{match.group(0).strip()}” has no digit before its decimal point: read as £{value:,.0f}, "
                            "which may be wrong; check the amount against the source"))
    return out


# A list of items each with its sum in brackets after its label ("- Drugs Operation (£4,223.) Funding from ..."): an
# item's bracketed figure written without "£" ("- Metal Theft Funding (58,300) Funding from ...") is most likely a sum
# too, but the text does not say so: it is read, with a warning.
_LISTED = re.compile(r"^[ \t]*[-•*·][ \t]+[A-Z][^()\n£]{1,80}?\((?P<sign>£)?(?P<n>\d{1,3}(?:,\d{3})*|\d+)\.?\)", re.M)


def _listed_without_sign(text: str) -> list[AmountMention]:
    items = list(_LISTED.finditer(text))
    if sum(1 for m in items if m["sign"]) < 2:
        return []
    return [mention(text, m.start("n"), m.end("n"), parse_amount(m["n"]),
                     f"“({m['n']})” is written without “£” in a list of sums: check it is a sum of money")
            for m in items if not m["sign"]]


# A table converted with its symbols lost, each "£" (and each bullet) printed "?": "?Targeted Schemes ?£,000" over rows
# "?Drainage Improvements, Beacon Road ?250". The figures are most likely the heading's thousands of pounds, but the
# text no longer says so: each is read, with a warning, never dropped.
_THOUSANDS_HEADING = re.compile(r"£[ \t]?[,'’]?000\b")
_LOST_SIGN = re.compile(r"(?<![\w?])\?(?P<n>\d{1,3}(?:,\d{3})*|\d+)[ \t]*$", re.M)


def _lost_signs(text: str) -> list[AmountMention]:
    heading = _THOUSANDS_HEADING.search(text)
    found = list(_LOST_SIGN.finditer(text, heading.end())) if heading else []
    if len(found) < 2:
        return []
    return [mention(text, m.start(), m.end(), parse_amount(m["n"]) * 1000,
                     f"“{m.group(0).strip()}” has a lost character where “£” may have stood, in a table headed "
                     f"“{heading.group(0)}”: read as £{parse_amount(m['n']) * 1000:,.0f}; check the amount against the source")
            for m in found]


def _swapped(a: str, b: str) -> bool:
    """b is a with two neighbouring, different digits swapped."""
    diff = [i for i in range(len(a)) if a[i] != b[i]] if len(a) == len(b) else []
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _transposed(mentions: list[AmountMention]) -> list[AmountMention]:
    """"a grant payment of £246,700 to the ... Jill Dando Institute" and later "a grant to the Jill Dando Institute
    ... to the value of £264,700": two figures of a record that differ only by two neighbouring digits swapped, the
    commonest slip in typing a number, most likely state one sum, and which is right cannot be told: both are
    flagged rather than read."""
    digits = {m.value: str(m.value.quantize(PENNY)) for m in mentions if not m.warning}
    out = []
    for mention in mentions:
        mine = digits.get(mention.value, "")
        other = next((v for v, d in digits.items() if len(mine.rstrip("0.")) >= 3 and _swapped(mine, d)), None)
        if other is not None:
            mention = replace(mention, warning=f"£{mention.value:,.0f} and £{other:,.0f}, both in the record, differ "
                                               "only by two swapped digits: one of them may be a misprint; check the amount")
        out.append(mention)
    return out


# "the reduction of £300,000 to the contract value ... reducing it from £1,767,757 to £1,457,757": a change and the
# figures it changes, in one sentence, that do not agree (the change is £310,000). Which of the three is the slip
# cannot be told; the figure changed to is flagged. A change given as approximate is left alone.
_CHANGE_OF = re.compile(r"\b(?:reduction|reductions|saving|savings|cut|decrease|increase|uplift|rise)\s+(?:in\s+\w+\s+)?"
                        r"of\s+$", re.I)
_FROM = re.compile(r"\bfrom\s+$", re.I)
_TO = re.compile(r"\s+to\s+")
_BREAK = re.compile(r"[.;]\s|\n")


def _not_adding_up(text: str, mentions: list[AmountMention]) -> list[AmountMention]:
    """A sum changed "from £A to £B" by a change of £C stated in the same sentence (the comment above), where
    neither A - C nor A + C is B: B is flagged."""
    out = list(mentions)
    changes = [m for m in mentions if not m.warning and not m.qualifier
               and _CHANGE_OF.search(text, max(0, m.start - 40), m.start)]
    for i, (a, b) in enumerate(zip(mentions, mentions[1:])):
        if a.warning or b.warning or not _FROM.search(text, max(0, a.start - 10), a.start) or not _TO.fullmatch(
                text, a.end, b.start):
            continue
        change = [c for c in changes if not _BREAK.search(text, *sorted((c.end, a.start) if c.end <= a.start else
                                                                         (b.end, c.start)))]
        if len(change) == 1 and b.value not in (a.value - change[0].value, a.value + change[0].value):
            out[i + 1] = replace(b, warning=f"£{a.value:,.0f} changed by £{change[0].value:,.0f}, as the sentence says, "
                                            f"is not £{b.value:,.0f}: one of the three figures may be a misprint; check")
    return out


def _digits(value: Decimal) -> str:
    return str(int(value)).rstrip("0")


def _one_digit_apart(short: str, full: str) -> bool:
    return len(full) == len(short) + 1 and any(full[:i] + full[i + 1:] == short for i in range(len(full)))


def _misprints(text: str, matches, mentions: list[AmountMention]) -> list[AmountMention]:
    """"The MoJ has now awarded an additional £1,175,000" and later "the MoJ have awarded an additional £1.75m": a
    sum written short ("£1.75m") whose significant digits are those of a full figure stated elsewhere with one digit
    more or fewer is no rounding of it (a rounding keeps the leading digits and the size); one of the two is a
    misprint, and which cannot be told, so the short one is flagged rather than read as a sum of its own."""
    values = {m.value for m in mentions}
    out = []
    for match, mention in zip(matches, mentions):
        short = _digits(mention.value)
        if match["mult"] and not mention.warning and len(short) >= 3:
            other = next((v for v in values if v != mention.value and mention.value / 3 < v < mention.value * 3
                          and (_one_digit_apart(short, _digits(v)) or _one_digit_apart(_digits(v), short))), None)
            if other is not None:
                mention = replace(mention, warning=f"“{match.group(0).strip()}” differs by one digit from £{other:,.0f} "
                                                   "stated elsewhere in the record: one of them may be a misprint; check "
                                                   "the amount")
        out.append(mention)
    return out


# "£0.27mto develop the scheme": a multiplier with the space after it lost, run into the next word. Read as the
# multiplier ("£270,000") rather than as pounds ("£0.27"), with a warning, as the text is not quite what was meant.
_GLUED = re.compile(r"(?P<mult>m|mn|bn|k)(?=(?:to|for|of|in|on|and|from|towards|per|each|is|was|will|which|the|with"
                    r"|over|in|at)\b)")


def _read(text: str, match) -> AmountMention:
    written = match.group(0).strip()
    pence, multiplier = match["p"], match["mult"]
    glued = None if multiplier or match["bad"] else _GLUED.match(text, match.end())
    if glued:
        value = parse_amount(match["n"], pence, glued["mult"])
        return mention(text, match.start(), glued.end(), value,
                        f"“{written}{glued['mult']}” runs into the next word: read as £{value:,.0f}, which may be "
                        "wrong; check the amount against the source")
    if match["bad"]:
        digits = re.sub(r"[,\s]", "", match["n"] + match["bad"])
        return mention(text, match.start(), match.end(), parse_amount(digits, pence, multiplier),
                        f"“{written}” has a thousands separator in the wrong place: read as £{Decimal(digits):,}, "
                        "which may be wrong; check the amount against the source")
    if pence and len(pence) > 2 and not multiplier:
        value = Decimal(f"{match['n'].replace(',', '')}.{pence}")
        return mention(text, match.start(), match.end(), value.quantize(PENNY),
                        f"“{written}” has {len(pence)} decimal places and no “m” or “million”: read as "
                        f"£{value.quantize(PENNY):,}, which may be wrong; check the amount against the source")
    value = parse_amount(match["n"], pence, multiplier)
    if multiplier and multiplier.lower() in _MILLIONS and "," in match["n"] and value >= _IMPLAUSIBLE:
        # "£31,469m in 2025-26" for one programme: a comma where a decimal point may be meant, a thousand times off.
        return mention(text, match.start(), match.end(), value,
                        f"“{written}” is read as £{value / MULTIPLIERS['bn']:,.3f} billion: the comma may stand for a "
                        f"decimal point (£{match['n'].replace(',', '.')}m); check the amount against the source")
    return mention(text, match.start(), match.end(), value)


# Ten billion pounds: more than any one line of a local or regional body's decision; a figure in millions with a
# thousands separator past it is more likely a decimal point written as a comma.
_IMPLAUSIBLE = Decimal(10) ** 10


def bare_amount(text: str, start: int, end: int) -> AmountMention | None:
    """The one number in text[start:end] (a table cell under a "£" heading), if there is exactly one."""
    numbers = list(_BARE.finditer(text, start, end))
    if len(numbers) != 1:
        return None
    m = numbers[0]
    return mention(text, m.start(), m.end(), parse_amount(m["n"], m["p"]))
