"""Organisation identifiers: org-id.guide schemes and the format each scheme's register gives its ids.

An org-id identifier is `<scheme>-<id>`, the scheme a country code and a register code (GB-CHC-1090095:
scheme GB-CHC, id 1090095). The format rule of each scheme below is taken from the register's own
entry on org-id.guide (the org-id/register repository, lists/gb/<scheme>.json: its description and
example identifiers, read at the register's commit f500b45 of 31 Jul 2026) and from the register
itself where org-id.guide points to it; docs/data-dictionary.md cites each. A value that does not fit
its scheme's rule is refused with the rule and an example, never corrected by guessing (a company
number typed with 7 digits is not padded: the person checks it).
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class Scheme:
    code: str
    register: str
    pattern: str
    rule: str
    example: str

    def matches(self, value: str) -> bool:
        return re.fullmatch(self.pattern, value) is not None


SCHEMES = {s.code: s for s in [
    # lists/gb/gb-chc.json: "Charity numbers" on the Register of Charities, examples 279417, 1090095, 1173575
    # (older registrations have 6 digits, later ones 7).
    Scheme("GB-CHC", "Charity Commission for England and Wales", r"[1-9][0-9]{5,6}",
           "a registered charity number of 6 or 7 digits, not starting with 0", "1090095"),
    # lists/gb/gb-coh.json: examples 09506232, 07444723; Companies House numbers are 8 characters: 8 digits
    # (England and Wales, leading zeros kept) or 2 letters and 6 digits (SC Scotland, NI Northern Ireland,
    # OC limited liability partnerships, CE charitable incorporated organisations, ...).
    Scheme("GB-COH", "Companies House", r"[0-9]{8}|[A-Z]{2}[0-9]{6}",
           "8 characters: 8 digits with any leading zeros, or 2 capital letters and 6 digits", "09506232"),
    # lists/gb/gb-gor.json: "short alphanumeric strings", examples OT1211, PB1204, EA1113, D1198 (the
    # register, retired on 15 March 2021, kept its ids: D16 Home Office, D18 Ministry of Justice).
    Scheme("GB-GOR", "Government Organisation Register", r"[A-Z]{1,2}[0-9]{1,5}",
           "1 or 2 capital letters then digits", "D16"),
    # lists/gb/gb-lae.json: ISO 3166-2 codes' second part where they exist, new codes where not; examples
    # WOT, BAS, GED. The register's combined authorities have 4 or 5 letters (GMCA, SYMCA).
    Scheme("GB-LAE", "Local Authorities for England register", r"[A-Z]{3,5}",
           "the register's code: 3 to 5 capital letters", "HAM"),
    # lists/gb/gb-las.json: ISO 3166-2 codes for Scotland's 32 councils, examples ZET, WLN, ORK.
    Scheme("GB-LAS", "Scottish Local Authority register", r"[A-Z]{3}",
           "the register's code: 3 capital letters", "ORK"),
    # lists/gb/gb-sc.json: OSCR "Charity Number", examples SC042386, SC025693, SC000587.
    Scheme("GB-SC", "Scottish Charity Register (OSCR)", r"SC[0-9]{6}",
           "SC followed by 6 digits", "SC042386"),
    # lists/gb/gb-nic.json: the Charity Commission for Northern Ireland, examples 100019, 100048, 100050: 6
    # digits from 100000 (the register shows them as NIC100019; org-ids carry the digits, GB-NIC-100019).
    Scheme("GB-NIC", "Charity Commission for Northern Ireland", r"1[0-9]{5}",
           "the charity number's 6 digits, starting with 1, without NIC", "100019"),
]}

ORG_ID = re.compile(r"(?P<scheme>[A-Z]{2}-[A-Z0-9]+)-(?P<id>.+)")
CHARITY_SCHEMES = ("GB-CHC", "GB-SC", "GB-NIC")


def split(org_id: str) -> tuple[str, str] | None:
    """(scheme, id) of an org-id identifier ("GB-LAE-GMCA" -> ("GB-LAE", "GMCA")); None if it has no scheme."""
    m = ORG_ID.fullmatch(org_id or "")
    return (m["scheme"], m["id"]) if m else None


def _schemes_text() -> str:
    return ", ".join(SCHEMES)


def validate_org_id(value: str) -> None:
    """An identifier in one of the schemes dapi knows, its id in that scheme's format."""
    parts = split(value)
    if parts is None or parts[0] not in SCHEMES:
        raise ValidationError(
            f"Enter an org-id identifier in one of the schemes {_schemes_text()}, like GB-CHC-1090095",
            code="scheme")
    scheme = SCHEMES[parts[0]]
    if not scheme.matches(parts[1]):
        raise ValidationError(
            f"{parts[1]!r} is not a {scheme.code} identifier ({scheme.register}): give {scheme.rule}, "
            f"like {scheme.code}-{scheme.example}", code="format")


def validate_charity_number(value: str) -> None:
    """A charity number of one of the UK's three registers (England and Wales, Scotland, Northern Ireland)."""
    if not any(SCHEMES[code].matches(value) for code in CHARITY_SCHEMES):
        raise ValidationError(
            "Enter the charity number as its register gives it: 6 or 7 digits (England and Wales, like "
            "1090095), SC and 6 digits (Scotland, like SC042386) or 6 digits from 100000 (Northern Ireland)",
            code="format")


def validate_company_number(value: str) -> None:
    """A Companies House number, all 8 characters."""
    scheme = SCHEMES["GB-COH"]
    if not scheme.matches(value):
        raise ValidationError(f"Enter the company number as Companies House gives it: {scheme.rule}, like "
                              f"{scheme.example}", code="format")
