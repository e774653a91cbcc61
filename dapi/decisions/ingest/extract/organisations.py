"""Organisations named in a record: funders, commissioners, councils, providers, evaluators.

A name is a run of capitalised words ending in a word organisations end with ("Council", "Trust", "Services", "Place",
"Research", "Police", ...), or one of the bodies every record in this domain names ("Home Office", "Police and Crime
Commissioner for ..."). A run made only of domain words ("Domestic Abuse Victim Services") or starting with a job title
("Head of Strategic Commissioning and Partnerships") is not an organisation. An acronym defined in brackets after a
name ("(OPCC)") stands for that name wherever it appears (of two joined by "and", the one it spells). Names introduced
as the provider of a service ("provided by Harbour", "Harbour would provide the service") are kept too.
"""

import bisect
import re
from dataclasses import dataclass

from .defined_initials import named_for_initials
from .names import is_outside, opens_a_line, whole_names
from .own import is_own_initials

SUFFIXES = {
    "council", "councils", "services", "trust", "partnership", "place", "research", "university", "police",
    "constabulary", "authority", "office", "centre", "center", "foundation", "charity", "ltd", "limited", "cic",
    "llp", "plc", "association", "society", "college", "aid", "refuge", "network", "consulting", "consultancy",
    "institute", "board", "panel", "commissioner", "agency", "housing", "hub", "alliance", "collective", "works",
    "group", "project", "projects", "solutions", "associates", "cooperative", "co-operative", "company",
    "pathways", "partners", "forum", "cio", "club", "school", "academy",
}
# A name must have a word that is not one of these (or a connector) before its last word.
GENERIC = {
    "domestic", "abuse", "victim", "victims", "perpetrator", "perpetrators", "support", "service", "services",
    "programme", "intervention", "interventions", "partner", "prevention", "community", "communities", "safety",
    "local", "project", "pilot", "strategic", "commissioning", "delivery", "therapeutic", "complex", "needs",
    "integrated", "specialist", "outreach", "advocacy", "independent", "the", "a", "an", "da", "our", "this",
    "lead", "police", "crime", "partnerships", "new", "national", "all", "each", "any", "multi-agency", "other",
    "county", "city", "district", "borough", "evaluation", "public", "health", "criminal", "justice", "such",
    "multi", "risk", "assessment", "partnership", "regional", "joint", "funding", "home",
}
JOB_TITLES = {"head", "director", "chief", "officer", "manager", "deputy", "mayor", "treasurer", "chair", "member",
              "members", "executive", "acting", "monitoring", "lead", "finance", "minister", "secretary", "cllr",
              "councillor", "principal", "senior", "assistant"}
CONNECTORS = {"of", "and", "the", "for", "on", "upon", "in", "&", "de", "la"}
# Capitalised because they start a sentence or a resolution, never part of a name.
STARTERS = {"That", "This", "These", "Those", "Where", "When", "If", "As", "In", "On", "For", "Any", "Each", "Both",
            "All", "To", "From", "With", "Members", "Following", "Given", "Under", "Subject", "Nationally", "Locally",
            "Funding", "It", "We", "Our", "Its", "Their", "A", "An", "At", "By", "Of", "Whichever", "Whilst", "While"}
# What a body offers, written after its suffix and "and" as the last word of its name: "Oakdale Housing and Support",
# "Brookfield Care and Repair", "Riverside Advice and Guidance".
NAME_TAILS = {"support", "care", "repair", "advice", "guidance", "recovery", "resettlement", "counselling"}
# Words that continue a name already ending in a suffix: "Coastline Research Ltd", "Millbrook Hub Partnership".
LEGAL_FORMS = {"ltd", "limited", "cic", "llp", "plc", "associates", "partnership", "partners", "trust", "board",
               "company", "group", "hub", "collective", "services", "research", "association", "cio"}

_PLACE = r"(?-i:[A-Z][\w'’-]*)"  # case-sensitive inside the case-insensitive pattern
_KNOWN = re.compile(
    r"(?P<office>Office\s+of\s+the\s+)?(?P<pcc>Police,?\s+(?:Fire\s+(?:and|&)\s+)?(?:and\s+|&\s+)?Crime\s+"
    r"Commissioner)(?P<for> +for +(?:the +)?" + _PLACE + r"(?:(?: +(?:and|&) +| +)" + _PLACE
    + r")*)?"
    r"|(?P<panel>Police\s+(?:and|&)\s+Crime\s+Panel)"
    r"|(?P<university>University\s+of\s+(?:the\s+)?" + _PLACE + r"(?: +" + _PLACE + r")*)"
    r"|(?P<plain>Home\s+Office|Cabinet\s+Office|HM\s+Treasury|Ministry\s+of\s+Justice|Ministry\s+(?:of|for)\s+Housing,\s+"
    r"Communities\s+(?:and|&)\s+Local\s+Government|(?:Department\s+(?:for|of)|(?<!['’]s\s)Office\s+for)\s+(?-i:[A-Z])\w+(?:,?\s+(?:and\s+|&\s+)?(?-i:[A-Z])\w+)*"
    r"|HM\s+Prison\s+(?:and|&)\s+Probation\s+Service|National\s+Probation\s+Service|NHS\s+England|Scottish\s+Government"
    r"|Youth\s+Endowment\s+Fund|National\s+Lottery\s+Community\s+Fund|Welsh\s+(?:Assembly\s+)?Government"
    r"|(?:HM|UK|Central)\s+Government|Government\s+Office\s+(?:for|of)\s+(?:the\s+)?(?-i:[A-Z]\w+(?: +[A-Z]\w+)?)"
    # National charities of the domain whose names are made of its common words (case as they write it), not a
    # service, grant or post named after one ("Victim Support Grant", "a Victim Support worker").
    r"|(?-i:Victim\s+Support|SafeLives)(?![ \t]+(?i:services?|grants?|funds?|units?|hubs?|schemes?|workers?|officers?|"
    r"teams?|co-?ordinators?|provision|funding)\b)"
    # The advice charity, by its name alone or with its area or "Bureau": "Citizens Advice", "Citizens’ Advice Bureau".
    r"|(?-i:Citizens['’]?[ \t]+Advice(?:[ \t]+(?:Bureaux?|(?!Service|Grant|Funding)[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?))?))",
    re.IGNORECASE)
# "the Commissioner" and "the Council" name the deciding body; "the lead Commissioner" does not. "The Government"
# alone is the national government, a funder ("the Government provided the Council with a grant of ...").
# A body a record names by a common noun: "the Commissioner", "the Council", and the police as "the Force".
_THE_COMMISSIONER = re.compile(r"(?<=\b[Tt]he\s)(?:Commissioner|Council|Force|Government(?![ \t]+(?:of|for|Office)\b))\b")
_TOKEN = re.compile(r"[A-Za-z](?:[A-Za-z0-9'’\-]|\.(?=[A-Za-z]))*(?:(?<=Ltd)\.)?|&")
_ACRONYM_DEFINITION = re.compile(r"\s*\(\s*[\"“']?(?P<acr>[A-Z][A-Za-z]{1,7}?s?)[\"”']?\s*\)")
_CAPITALISED_RUN = r"(?:the\s+)?(?P<n>[A-Z][\w'’&-]*(?:[ \t]+(?:[A-Z][\w'’&-]*|of|and|&|the|on))*)"
# Unanchored, a run could start at every capital letter and scan on to the end of its words, which
# took time growing with the square of a long word's length (a 20,000-letter word: 20 s). A run
# starts only where a word does, and is at most twelve words long (issue 16, item 5).
_BOUNDED_RUN = (r"(?<![\w'’&-])(?:the\s+)?(?P<n>[A-Z][\w'’&-]*"
                r"(?:[ \t]+(?:[A-Z][\w'’&-]*|of|and|&|the|on)){0,11})")
_PROVIDER_PATTERNS = [
    re.compile(r"\b(?:provided|delivered|run|led|supplied)\s+by\s+" + _CAPITALISED_RUN),
    re.compile(_BOUNDED_RUN + r"\s+(?:would|will|shall|is\s+to|are\s+to|to)\s+(?:continue\s+to\s+)?"
               r"(?:provide|deliver|run)\s+(?:the|this)\s+(?:service|role|programme|project|post|intervention)"),
    # "services ... required from Voice for\nVictims and Witnesses by the PFCC" (a name may wrap a line)
    re.compile(r"\b(?:required|commissioned|purchased|procured|bought)\s+from\s+(?:the\s+)?"
               r"(?P<n>[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|and|&|for|the|on)){0,11})"),
]
_SELF = re.compile(r"\b(?:O?PF?CCs?|MOPAC|GMCA|Police,?\s+(?:Fire\s+and\s+)?(?:and\s+)?Crime\s+Commissioner|Commissioner"
                   r"|Combined\s+Authority|Mayor)\b|^(?:the\s+)?Council$", re.IGNORECASE)
_FUNDER = re.compile(r"Home Office|Ministry|Department (?:for|of)|^Office for|Cabinet Office|HM Treasury|Lottery|\bFund\b"
                     r"|Foundation|NHS England|Youth Endowment|Government", re.IGNORECASE)
_PUBLIC_BODY = re.compile(r"Council(?!s\b)|\bPolice\b|^Force$|Constabulary|Community Safety Partnership|\bCSPs?\b|Authority"
                          r"|^[A-Z]{1,4}P$|\bNHS\b|Integrated Care Board|Probation|\bLA\b|Local Authority"
                          # "... Councils" names a body of councils, no council; a community safety partnership by its
                          # local name: "Safe City Partnership", "SaferVale Partnership", "Crime and Disorder Reduction"
                          r"|\bSafe(?:r|ty)?\w*\s+(?:[A-Z]\w*\s+)?Partnership|\bCDRP\b|Disorder Reduction Partnership")


# A body's name as written after "to": capitalised words joined by "of", "and", "&", and by "for" after an office or a
# department ("the Mayor’s Office for Policing and Crime", "the Department for Education").
BODY_NAME = (r"(?P<n>[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|and|&)"
             r"|(?:(?<=Office)|(?<=Department)|(?<=Commissioner))\s+for(?=\s+[A-Z]))*)")


@dataclass(frozen=True)
class OrganisationMention:
    name: str
    start: int
    end: int

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def is_self(name: str) -> bool:
    """A commissioner naming itself: the PCC, OPCC, "the Commissioner", a combined authority; not a commissioner a
    council's record names by its area (names.outside_commissioners)."""
    return (bool(_SELF.search(name)) or is_own_initials(name)) and not is_outside(name)


def own_council(mentions: list["OrganisationMention"]) -> str | None:
    """The council a record that calls itself "the Council" names, when it names one council only and no commissioner
    or other deciding body: the record is that council's own ("Coventry City Council has been provided a grant")."""
    if not any(m.name == "Council" for m in mentions) or any(is_self(m.name) and m.name != "Council" for m in mentions):
        return None
    councils = {m.name for m in mentions if m.name != "Council" and re.search(r"\bCouncil$", m.name)}
    return councils.pop() if len(councils) == 1 else None


def is_funder(name: str) -> bool:
    return (bool(_FUNDER.search(name)) and not is_self(name)) or is_outside(name)


def is_public_body(name: str) -> bool:
    return bool(_PUBLIC_BODY.search(name)) and not is_self(name)


def _tidy(name: str) -> str:
    name = " ".join(name.split())
    name = re.sub(r"^(?:the|The|THE)\s+", "", name)
    name = re.sub(r"['’]s$", "", name)
    if name.isupper() and len(name) > 6:
        name = " ".join(w if w.lower() not in CONNECTORS else w.lower() for w in name.title().split())
        name = name.replace(" & ", " and ")
    return name


def _word(token: str) -> str:
    return re.sub(r"['’]s$", "", token).rstrip(".").lower()


class _Spans:
    """Is a position inside any of these spans? (A binary search, not a scan per word.)"""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def __contains__(self, position: int) -> bool:
        i = bisect.bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.ends[i]


def _runs(text: str, taken: list[tuple[int, int]]):
    """Runs of capitalised words and connectors, split at punctuation, line ends and names found already."""
    run, taken = [], _Spans(taken)
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        inside = match.start() in taken
        joined = run and re.fullmatch(r" +", text[run[-1].end():match.start()])
        capital = token[0].isupper() and token not in STARTERS and not opens_a_line(text, match.start(), token)
        if inside or not (capital or (token.lower() in CONNECTORS and run)) or (run and not joined):
            if run:
                yield run
            run = [match] if capital and not inside else []
        else:
            run.append(match)
    if run:
        yield run


def _names_in_run(run) -> list[tuple[int, int]]:
    found, start = [], 0
    words = [_word(m.group(0)) for m in run]
    for j, word in enumerate(words):
        if word not in SUFFIXES or run[j].group(0)[0].islower():
            continue
        if j + 1 < len(words) and words[j + 1] in LEGAL_FORMS and run[j + 1].group(0)[0].isupper():
            continue
        i = start
        while i < j and (words[i] in CONNECTORS or not run[i].group(0)[0].isupper()):
            i += 1
        if i == j and word in SUFFIXES:
            continue  # a lone "Council" or "Police" is not a name
        core = [w for w in words[i:j] if w not in CONNECTORS]
        if words[i] in JOB_TITLES or all(w in GENERIC for w in core):
            start = j + 1
            continue
        end = run[j].end() - (1 if run[j].group(0).endswith(".") and words[j] not in {"ltd", "co"} else 0)
        if j + 3 == len(words) and words[j + 1] in {"and", "&"} and words[j + 2] in NAME_TAILS:
            end = run[j + 2].end()  # "Oakdale Housing and Support": the run's last word ends the name
        found.append((run[i].start(), end))
        start = j + 1
        if j + 1 < len(words) and words[j + 1] in {"and", "&"}:
            start = j + 2
    return found


_PREMISES = re.compile(r"[ \t]+(?:Station|Headquarters|HQ|Building|Buildings|Premises|Site|Estate)\b")
_TOWN_CENTRE = re.compile(r"\b(?:Town|City)\s+Centres?$")


def find_organisations(text: str) -> list[OrganisationMention]:
    """Every organisation mention, in order, each under its tidied (and alias-resolved) name."""
    mentions = [OrganisationMention(name, start, end) for name, start, end in whole_names(text)]
    for match in _KNOWN.finditer(text):
        if not any(m.start <= match.start() < m.end for m in mentions):
            mentions.append(OrganisationMention(_known_name(match), match.start(), match.end()))
    for match in _THE_COMMISSIONER.finditer(text):
        if not any(m.start <= match.start() < m.end for m in mentions):
            mentions.append(OrganisationMention(match.group(0), match.start(), match.end()))
    taken = [m.span for m in mentions]
    for run in _runs(text, taken):
        for start, end in _names_in_run(run):
            mentions.append(OrganisationMention(_tidy(text[start:end]), start, end))
    mentions.sort(key=lambda m: m.start)

    mentions += _acronyms(text, [m.span for m in mentions])
    mentions.sort(key=lambda m: m.start)
    aliases = {}
    for mention in mentions:
        definition = _ACRONYM_DEFINITION.match(text, mention.end)
        if definition:
            aliases[definition["acr"]] = named_for_initials(mention.name, definition["acr"])
    if aliases:
        # An acronym counted as a name of its own before its definition was seen stands for the defined name too.
        mentions = [OrganisationMention(aliases[m.name], m.start, m.end) if m.name in aliases and m.name != aliases[m.name]
                    and text[m.start:m.end] == m.name and text[m.start - 1:m.start] != "(" else m for m in mentions]
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)) + r")\b")
        covered = _Spans(m.span for m in mentions)
        for match in pattern.finditer(text):
            if match.start() not in covered and not text[match.start() - 1:match.start()] == "(":
                mentions.append(OrganisationMention(aliases[match.group(0)], match.start(), match.end()))
        mentions.sort(key=lambda m: m.start)
    # "enabling works for Chorley Police Station": a building named after a body is a place, not the body.
    # "Bury Town Centre Streets for All Scheme: £0.62m": a town's centre is a place a scheme is for, not a body.
    mentions = [m for m in mentions if not _PREMISES.match(text, m.end) and not _TOWN_CENTRE.search(m.name)]
    return _government_acronyms(text, mentions)


# Government departments (and agencies, whose names are not read loosely) records name by acronym alone.
GOVERNMENT = {
    "DLUHC": "Department for Levelling Up, Housing and Communities",
    "MHCLG": "Ministry of Housing, Communities and Local Government",
    "MoJ": "Ministry of Justice", "MOJ": "Ministry of Justice", "HO": "Home Office",
    "DfE": "Department for Education", "DHSC": "Department of Health and Social Care",
    "DWP": "Department for Work and Pensions", "DCMS": "Department for Culture, Media and Sport",
    "DSIT": "Department for Science, Innovation and Technology", "HMPPS": "HM Prison and Probation Service",
    "OHID": "Office for Health Improvement and Disparities", "UKHSA": "UK Health Security Agency",
}
_GOVERNMENT_ACRONYM = re.compile(r"(?<![\w(])(?:" + "|".join(GOVERNMENT) + r")(?![\w)])")


# The two departments records name most, misspelt by a letter: "Home Offfice", "Home Ofice", "Minsitry of Justice".
_MISSPELT = re.compile(r"\b(?:Home[ \t]+(?P<office>[A-Z][a-z]{4,7})|(?P<ministry>[A-Z][a-z]{6,9})[ \t]+of[ \t]+Justice)\b")


def _one_letter_off(word: str, target: str) -> bool:
    """One letter added, dropped, changed, or two neighbours swapped."""
    word = word.lower()
    if word in (target, target + "s") or abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(word, target)) if a != b]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and word[diff[0]] == target[diff[1]] and word[diff[1]] == target[diff[0]])
    short, long_ = sorted((word, target), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _loose(name: str) -> str:
    words = [r"(?:for|of)" if w in ("for", "of") else re.escape(w) for w in name.replace(",", "").split()]
    return r"[ \t]*,?[ \t]+".join(words)


# A department's full name with a small word or a capital changed: "Department of Levelling up, Housing and Communities".
_LOOSE_NAMES = sorted({n for n in GOVERNMENT.values() if not n.startswith(("Office ", "UK "))}, key=len, reverse=True)
_LOOSE_DEPARTMENT = re.compile(r"\b(?:" + "|".join(f"(?P<d{i}>{_loose(n)})" for i, n in enumerate(_LOOSE_NAMES)) + r")\b",
                               re.IGNORECASE)


def _misspelt_departments(text: str) -> list[OrganisationMention]:
    # Taken whole, as written (a name's words are kept as the record spells them, as for any body).
    found = [OrganisationMention(" ".join(m.group(0).split()), m.start(), m.end())
             for m in _LOOSE_DEPARTMENT.finditer(text) if m.group(0) != _LOOSE_NAMES[int(m.lastgroup[1:])]]
    for match in _MISSPELT.finditer(text):
        if match["office"] and _one_letter_off(match["office"], "office"):
            found.append(OrganisationMention("Home Office", match.start(), match.end()))
        elif match["ministry"] and _one_letter_off(match["ministry"], "ministry"):
            found.append(OrganisationMention("Ministry of Justice", match.start(), match.end()))
    return found


def _government_acronyms(text: str, mentions: list[OrganisationMention]) -> list[OrganisationMention]:
    """A department's acronym is that department, whether or not the record spelt it out in brackets; a
    department misspelt by one letter is that department too."""
    mentions = [OrganisationMention(GOVERNMENT[m.name], m.start, m.end) if m.name in GOVERNMENT else m
                for m in mentions]
    misspelt = _misspelt_departments(text)
    mentions = [m for m in mentions if not any(s.start <= m.start < s.end for s in misspelt)] + misspelt
    covered = _Spans(m.span for m in mentions)
    mentions += [OrganisationMention(GOVERNMENT[m.group(0)], m.start(), m.end())
                 for m in _GOVERNMENT_ACRONYM.finditer(text) if m.start() not in covered]
    return sorted(mentions, key=lambda m: m.start)


# Acronyms of the domain's forums, roles and documents, never organisations.
NOT_ORGANISATIONS = {
    "MARAC", "MATAC", "MAPPA", "TATI", "DASH", "IDVA", "IDVAS", "ISVA", "VAWG", "DA", "LA", "LAS", "UK", "CEO",
    "DRF", "EIA", "RIC", "CARA", "DAPP", "IDASH", "BAMER", "HM", "NHS", "CSP", "CSPS", "PCC", "PCCS", "OPCC",
    "ASB", "OFFICIAL", "RFGV", "SPR", "KPI", "KPIS", "PDF", "GDPR", "DPIA", "FY", "QA", "NB", "ID", "TBC", "IT",
    "ICT", "VRU", "RESOLVED", "AGREED", "MINUTES", "REQUEST", "DECISION", "RECORD", "FORM", "YES", "NO", "N/A",
    "PART", "AND", "THE", "FOR", "OF", "TO", "VAT", "GP", "AM", "PM", "CPS", "DVPO", "DVPN", "DVDS", "SARC",
    "CCTV", "ANPR",  # equipment, never a body
}
# An acronym followed by a number is a reference code ("PCD 1149 approves ..."), not a body.
_ACRONYM = re.compile(r"(?<![\w/(-])[A-Z]{3,6}(?![\w/-])(?![ \t]?\d)")


# An acronym defined for a fund or a programme names money or work, not a body: "the Mayor’s Cycling and Walking
# Challenge Fund (MCF)", "the Safer Streets Programme (SSP)".
# So does one defined for reviews ("Domestic Homicide Reviews (DHRs)") or used before "programme" ("the ADDER programme").
_PROGRAMME_ACRONYM = re.compile(r"\b(?:Fund|Programme|Program|Scheme|Strategy|Initiative|Grant|Plan|Reviews?)[ \t]*\("
                                r"[ \t]*[\"“']?([A-Z]{2,6})s?[\"”']?[ \t]*\)|\b([A-Z]{3,6})[ \t]+(?:accelerator[ \t]+)?"
                                r"(?:programme|project|pilot|scheme|initiative)\b")


def _line_is_capitals(text: str, position: int) -> bool:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return not re.search(r"[a-z]", text[start:end if end >= 0 else len(text)])


def _acronyms(text: str, taken) -> list[OrganisationMention]:
    """Acronyms used two or more times in running text, or once with a possessive ("the BBC’s announcement of
    £100k"), that are not the domain's own vocabulary (so GMP and GMCA are organisations, MARAC and DASH are not)."""
    taken = _Spans(taken)
    found = [m for m in _ACRONYM.finditer(text) if m.group(0) not in NOT_ORGANISATIONS
             and m.start() not in taken and not _line_is_capitals(text, m.start())]
    counts: dict[str, int] = {}
    for m in found:
        counts[m.group(0)] = counts.get(m.group(0), 0) + 1
    programmes = {a or b for a, b in _PROGRAMME_ACRONYM.findall(text)}
    return [OrganisationMention(m.group(0), m.start(), m.end()) for m in found if m.group(0) not in programmes
            and (counts[m.group(0)] >= 2 or re.match(r"['’]s\b", text[m.end():m.end() + 2]))]


def _known_name(match) -> str:
    if match["pcc"]:
        name = "Police and Crime Commissioner"
        if "fire" in match["pcc"].lower():
            name = "Police, Fire and Crime Commissioner"
        if match["office"]:
            name = "Office of the " + name
        if match["for"]:
            place = " ".join(match["for"].split()[1:])
            name += " for " + (place.title() if place.isupper() else place)
        return name
    if match["panel"]:
        return "Police and Crime Panel"
    if match["university"]:
        return " ".join(match.group(0).split())
    return _tidy(match.group(0))


def provider_names(text: str, mentions: list[OrganisationMention]) -> list[OrganisationMention]:
    """Names introduced as the provider of the service ("provided by Harbour"), recognised or not."""
    found = []
    for pattern in _PROVIDER_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span("n")
            inside = [m for m in mentions if start <= m.start < end]
            if inside:
                found.extend(inside)
                continue
            name = re.sub(r"(?:\s+(?:of|and|&|the|on))+$", "", text[start:end])
            first = name.split()[0].lower() if name.split() else ""
            if name and first not in GENERIC | JOB_TITLES | {"it", "we", "they", "this"} and not is_self(name):
                found.append(OrganisationMention(_tidy(name), start, start + len(name)))
    return found
