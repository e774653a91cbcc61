"""Scoring the extractor against the hand-labelled corpus in `corpus/` (issue 19).

Used by `bench/ingest_corpus.py` (which prints the figures) and `test_corpus.py` (which pins them).
Each record is read through the product's own path for a text file (`extract_path`, as `dapi ingest`
and the upload do), and compared with its `.json` truth (the rules are in corpus/README.md):

- a money line is *found* when the draft has a line of the same amount whose counterparty is one of
  the accepted names (or none, where the truth names none; a government department by its acronym or its full
  name); each draft line counts once;
- *precision* is the share of the draft's lines that are found; a draft line that carries a warning
  at a figure the truth says must be flagged is a flag, not a claim, and is left out of it;
- *role* is judged over the found lines; reference and decision date over the records that state them.
"""

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from dapi.decisions.ingest.extract import extract_path

CORPUS = Path(__file__).parent / "corpus"
SPLITS = ("tune", "held-out", "held-out-2", "held-out-3", "held-out-4", "held-out-5", "held-out-6", "held-out-7",
          "held-out-8", "held-out-9", "held-out-10", "held-out-11", "held-out-12",
          "held-out-13", "held-out-14", "held-out-15", "held-out-16", "held-out-17", "held-out-18", "held-out-19",
          "held-out-20", "held-out-21", "held-out-22",
          "held-out-23", "held-out-24", "held-out-25", "held-out-26",
          "held-out-27", "held-out-28", "held-out-29", "held-out-30", "held-out-31", "held-out-32",
          "held-out-33", "held-out-34", "held-out-35", "held-out-36", "held-out-37", "held-out-38",
          "held-out-39", "held-out-40", "held-out-41", "held-out-42",
          "held-out-43", "held-out-44", "held-out-45", "held-out-46",
          "held-out-47", "held-out-48", "held-out-49", "held-out-50", "held-out-51",
          "held-out-52", "held-out-53", "held-out-54", "held-out-55", "held-out-56", "held-out-57",
          "held-out-58", "held-out-59", "held-out-60", "held-out-61", "held-out-62",
          "held-out-63", "held-out-64", "held-out-65", "held-out-66",
          "held-out-67", "held-out-68", "held-out-69", "held-out-70",
          "held-out-71", "held-out-72", "held-out-73", "held-out-74",
          "held-out-75", "held-out-76", "held-out-77", "held-out-78",
          "held-out-79", "held-out-80", "held-out-81", "held-out-82",
          "held-out-83", "held-out-84", "held-out-85", "held-out-86")


def _name(value: str) -> str:
    value = value.lower().replace("&", " and ").replace("’", "'")
    value = re.sub(r"^the\s+", "", value.strip())
    value = re.sub(r"[^\w' ]+", " ", value)
    return " ".join(value.split())


# A government department is one party by its acronym or its full name, whichever a label or a draft gives.
DEPARTMENTS = {
    "mhclg": "ministry of housing communities and local government",
    "dluhc": "department for levelling up housing and communities",
    "dclg": "department for communities and local government",
    "moj": "ministry of justice", "dfe": "department for education", "dhsc": "department of health and social care",
    "dwp": "department for work and pensions", "dcms": "department for culture media and sport",
    "dft": "department for transport", "hmpps": "hm prison and probation service",
}


def _party(value: str) -> str:
    name = _name(value)
    return DEPARTMENTS.get(name, name)


def _reference(value: str) -> str:
    return re.sub(r"\s+", "", value).upper().replace("–", "-")


def counterparty_right(truth, found: str | None) -> bool:
    if truth == "*":
        return True
    if not truth:
        return found is None
    return found is not None and _party(found) in {_party(t) for t in truth}


@dataclass
class Tally:
    records: int = 0
    truth_lines: int = 0
    found_lines: int = 0  # truth lines found with the right amount and counterparty
    draft_lines: int = 0  # draft lines counted for precision
    right_lines: int = 0  # draft lines that are found lines
    roles: int = 0
    roles_right: int = 0
    per_annum: int = 0
    per_annum_right: int = 0
    flags: int = 0
    flags_right: int = 0
    references: int = 0
    references_right: int = 0
    references_invented: int = 0
    decision_dates: int = 0
    decision_dates_right: int = 0
    publication_dates: int = 0
    publication_dates_right: int = 0
    periods: int = 0
    periods_right: int = 0
    misses: list = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        for name, value in vars(other).items():
            if isinstance(value, list):
                getattr(self, name).extend(value)
            else:
                setattr(self, name, getattr(self, name) + value)

    @staticmethod
    def ratio(right: int, of: int) -> str:
        return f"{right}/{of} ({100 * right / of:.0f}%)" if of else "-"

    def figures(self) -> dict[str, float | None]:
        def share(right, of):
            return right / of if of else None

        return {"recall": share(self.found_lines, self.truth_lines),
                "precision": share(self.right_lines, self.draft_lines),
                "role": share(self.roles_right, self.roles),
                "reference": share(self.references_right, self.references),
                "decision_date": share(self.decision_dates_right, self.decision_dates)}


def score_record(text_path: Path) -> Tally:
    truth = json.loads(text_path.with_suffix(".json").read_text())
    draft = extract_path(text_path)
    text = draft.text
    tally = Tally(records=1)
    lines = [m for m in truth["money"] if not m.get("flag")]
    flagged = [m for m in truth["money"] if m.get("flag")]
    used: set[int] = set()
    flag_items: set[int] = set()
    for wanted in flagged:
        tally.flags += 1
        at = [i for i, m in enumerate(draft.money)
              if any(wanted["written"] in text[max(0, s - 2):e + 2] for s, e in m.spans)]
        warned = [i for i in at if draft.money[i].warning]
        if warned or (not at and any(wanted["written"] in w for w in draft.warnings)):
            tally.flags_right += 1
        flag_items.update(warned)
        if not warned:
            tally.misses.append(f"{text_path.stem}: {wanted['written']} not flagged")
    for wanted in lines:
        tally.truth_lines += 1
        amount = Decimal(wanted["amount"])
        candidates = [i for i, m in enumerate(draft.money) if i not in used and m.amount == amount]
        match = next((i for i in candidates if counterparty_right(wanted["counterparty"], draft.money[i].counterparty)),
                     None)
        if match is None:
            got = [draft.money[i].counterparty for i in candidates]
            tally.misses.append(f"{text_path.stem}: £{amount:,.2f} {wanted['counterparty']} "
                                f"{'not found' if not candidates else 'counterparty ' + repr(got)}")
            continue
        used.add(match)
        tally.found_lines += 1
        item = draft.money[match]
        tally.roles += 1
        tally.roles_right += item.role == wanted["role"]
        if item.role != wanted["role"]:
            tally.misses.append(f"{text_path.stem}: £{amount:,.2f} role {item.role}, not {wanted['role']}")
        tally.per_annum += 1
        tally.per_annum_right += item.per_annum == wanted["per_annum"]
    for i, item in enumerate(draft.money):
        if i in flag_items:
            continue
        tally.draft_lines += 1
        tally.right_lines += i in used
        if i not in used:
            tally.misses.append(f"{text_path.stem}: extra line £{item.amount:,.2f} {item.role} {item.counterparty!r}")
    accepted = truth["reference"]
    if accepted:
        accepted = [accepted] if isinstance(accepted, str) else accepted
        tally.references += 1
        got = draft.reference.value
        right = bool(got) and _reference(got) in {_reference(a) for a in accepted}
        tally.references_right += right
        if not right:
            tally.misses.append(f"{text_path.stem}: reference {got!r}, not {accepted[0]!r}")
    elif draft.reference.value:
        tally.references_invented += 1
        tally.misses.append(f"{text_path.stem}: reference {draft.reference.value!r} where none is stated")
    for name in ("decision_date", "publication_date"):
        if truth[name]:
            setattr(tally, name + "s", 1)
            got = getattr(draft, name).value
            right = got is not None and got.isoformat() == truth[name]
            setattr(tally, name + "s_right", int(right))
            if not right:
                tally.misses.append(f"{text_path.stem}: {name} {got}, not {truth[name]}")
    if truth["period"]:
        tally.periods = 1
        got = draft.period.value
        wanted = (truth["period"]["start"], truth["period"]["end"])
        tally.periods_right = int(bool(got) and tuple(d.isoformat() if d else None for d in got) == wanted)
        if not tally.periods_right:
            tally.misses.append(f"{text_path.stem}: period {got}, not {wanted}")
    return tally


def score(split: str) -> tuple[Tally, dict[str, Tally]]:
    """The split's tally and one per layout kind."""
    total, kinds = Tally(), defaultdict(Tally)
    for path in sorted((CORPUS / split).glob("*.txt")):
        record = score_record(path)
        layout = json.loads(path.with_suffix(".json").read_text())["layout"]
        total.add(record)
        kinds[layout].add(record)
    return total, dict(sorted(kinds.items()))
