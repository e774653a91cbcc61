"""Cross-validate a learned counterparty for sums the rules leave without one (an experiment, not shipped).

    .venv/bin/python bench/party_model_cv.py [--last held-out-74] [--veto]

Reads every record of the parts from `tune` to --last (in the order of SPLITS) through the extractor, and for
each sum left without a counterparty lists the candidates of `bench/party_model.py`, each labelled by the
record's truth: right when the scorer would accept it as the sum's counterparty. A sum whose truth names no
counterparty has every candidate wrong (naming any would lose a line the rules have right). A logistic model is
fitted by Newton's method with a small ridge on four fifths of the records and scores the fifth, in turn; the
table gives, for each threshold on the best candidate's score, the lines a proposal would gain (the right name
on a sum whose truth names one), lose (a name on a sum whose truth has none) and leave wrong. With --veto, the
other way: each sum the rules gave a party (named at a place in the text) is described by the same features, and a
model learns to take the party off where the truth names none; the table gives the lines that would gain and lose.
"""

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import party_model  # noqa: E402
from dapi.decisions.ingest.extract import extract_path  # noqa: E402
from dapi.decisions.ingest.extract.garbled import mend_pound_signs  # noqa: E402
from dapi.decisions.ingest.extract.names import without_own_parts  # noqa: E402
from dapi.decisions.ingest.extract.organisations import find_organisations  # noqa: E402
from dapi.decisions.ingest.tests.corpus_score import CORPUS, SPLITS, counterparty_right  # noqa: E402

RIDGE = 1.0
FOLDS = 5
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def matched(text_path: Path):
    """The record's draft and text, its draft lines the scorer counts right (by index, with their truth line) and
    the truth lines it finds no right line for, matched as `corpus_score.score_record` matches them."""
    truth = json.loads(text_path.with_suffix(".json").read_text())
    draft = extract_path(text_path)
    text, _ = mend_pound_signs(draft.text)
    used, open_truth = {}, []
    for wanted in (m for m in truth["money"] if not m.get("flag")):
        amount = Decimal(wanted["amount"])
        match = next((i for i, m in enumerate(draft.money) if i not in used and m.amount == amount
                      and counterparty_right(wanted["counterparty"], m.counterparty)), None)
        if match is None:
            open_truth.append(wanted)
        else:
            used[match] = wanted
    return draft, text, used, open_truth


def sums_to_decide(text_path: Path):
    """Each sum left without a counterparty whose truth is judged: (features, labels, whether none is right)."""
    draft, text, used, open_truth = matched(text_path)
    organisations = without_own_parts(text, find_organisations(text))
    for i, item in enumerate(draft.money):
        if not party_model.wanting(item):
            continue
        if i in used:
            names, none_right = None, True
        else:
            same = [w for w in open_truth if Decimal(w["amount"]) == item.amount and w["counterparty"] != "*"]
            if not same:
                continue  # a sum no truth line has: naming it changes no figure
            names, none_right = [w["counterparty"] for w in same], False
        rows = party_model.described(text, organisations, item)
        if rows:
            labels = [0.0 if none_right else float(any(counterparty_right(n, c.name) for n in names))
                      for c, _ in rows]
            yield np.array([r for _, r in rows]), np.array(labels), none_right


def sums_with_parties(text_path: Path):
    """Each sum drafted with a party whose truth is judged: (features, 1 when the truth names no party, else 0)."""
    draft, text, used, open_truth = matched(text_path)
    title_end = text.find("\n") if "\n" in text else len(text)
    for i, item in enumerate(draft.money):
        if not (item.counterparty and item.counterparty_spans and item.spans) or item.counterparty_is_self:
            continue
        if i in used:
            if used[i]["counterparty"] == "*":
                continue
            label = 0.0  # right as drafted: taking the party off would lose the line
        elif any(Decimal(w["amount"]) == item.amount and w["counterparty"] == [] for w in open_truth):
            label = 1.0
        else:
            continue  # wrong either way
        start, end = item.counterparty_spans[0]
        candidate = party_model.Candidate(item.counterparty, start, end, True)
        yield party_model.features(text, item, candidate, 1, title_end) + [float(bool(item.warning))], label


def veto(records: list[Path]) -> None:
    lines = [list(sums_with_parties(p)) for p in records]
    print(f"{sum(map(len, lines))} sums drafted with a party at a place in the text; taking it off would gain "
          f"{sum(label for per in lines for _, label in per):.0f} of them\n")
    outcome = []
    for k in range(FOLDS):
        train = [s for i, per in enumerate(lines) if i % FOLDS != k for s in per]
        w = fit(np.array([f for f, _ in train]), np.array([label for _, label in train]))
        outcome += [(1.0 / (1.0 + np.exp(-np.clip(np.array(f) @ w, -30, 30))), label)
                    for i, per in enumerate(lines) if i % FOLDS == k for f, label in per]
    print("| threshold | lines gained | lines lost | net |")
    print("| ---: | ---: | ---: | ---: |")
    for t in THRESHOLDS:
        gained = sum(1 for p, label in outcome if p >= t and label == 1.0)
        lost = sum(1 for p, label in outcome if p >= t and label == 0.0)
        print(f"| {t:.2f} | {gained} | {lost} | {gained - lost:+d} |")


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    w = np.zeros(x.shape[1])
    ridge = RIDGE * np.eye(x.shape[1])
    ridge[0, 0] = 0.0
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        step = np.linalg.solve((x.T * (p * (1 - p))) @ x + ridge + 1e-6 * np.eye(x.shape[1]), x.T @ (p - y) + ridge @ w)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--last", default="held-out-74", choices=SPLITS)
    parser.add_argument("--veto", action="store_true", help="learn to take a drafted party off instead")
    args = parser.parse_args()
    parts = SPLITS[:SPLITS.index(args.last) + 1]
    records = [p for part in parts for p in sorted((CORPUS / part).glob("*.txt"))]
    if args.veto:
        veto(records)
        return
    sums = [list(sums_to_decide(p)) for p in records]
    flat = [s for per in sums for s in per]
    named = [s for s in flat if not s[2]]
    print(f"{len(records)} records in {len(parts)} parts; {len(flat)} sums left without a counterparty whose truth is "
          f"judged: {len(flat) - len(named)} name none, {len(named)} name one, "
          f"{sum(1 for s in named if s[1].max() == 1.0)} of them among the candidates")
    outcome = []  # per sum: the best candidate's score, and +1 gained, -1 lost, 0 still wrong
    for k in range(FOLDS):
        train = [s for i, per in enumerate(sums) if i % FOLDS != k for s in per]
        w = fit(np.vstack([s[0] for s in train]), np.concatenate([s[1] for s in train]))
        for x, y, none_right in (s for i, per in enumerate(sums) if i % FOLDS == k for s in per):
            p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
            best = int(np.argmax(p))
            outcome.append((float(p[best]), -1 if none_right else (1 if y[best] == 1.0 else 0)))
    right_first = sum(1 for _, o in outcome if o == 1)
    print(f"best candidate right on {right_first} of the sums whose truth names one\n")
    print("| threshold | lines gained | lines lost | named wrongly (no change) | net |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for t in THRESHOLDS:
        taken = [o for p, o in outcome if p >= t]
        gained, lost = taken.count(1), taken.count(-1)
        print(f"| {t:.2f} | {gained} | {lost} | {taken.count(0)} | {gained - lost:+d} |")


if __name__ == "__main__":
    main()
