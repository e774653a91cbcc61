"""Benchmark: the extractor on real published decision records (issue 19).

    .venv/bin/python bench/ingest_corpus.py [--split tune|held-out|held-out-2|...|held-out-6|all] [--misses]
    .venv/bin/python bench/ingest_corpus.py --snapshot FILE   # the seeds' and own documents' drafts, as JSON

Reads every record of the corpus (dapi/decisions/ingest/tests/corpus/, described in its README) through
the product's path for a text file and prints, per split and per layout kind: money-line recall and
precision (amount and counterparty right), role accuracy over the lines found, reference and decision
date accuracy over the records that state them, and ambiguous figures flagged. The three parts here have
all been used while tuning the extractor (bench/RESULTS.md); a part nobody tuned on is the measurement.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dapi.decisions.ingest.extract import extract_path  # noqa: E402
from dapi.decisions.ingest.tests.corpus_score import SPLITS, Tally, score  # noqa: E402

DOCUMENTS = Path(__file__).resolve().parents[1] / "dapi" / "decisions" / "ingest" / "tests" / "documents"


def row(name: str, t: Tally) -> str:
    r = Tally.ratio
    return (f"| {name} | {t.records} | {r(t.found_lines, t.truth_lines)} | {r(t.right_lines, t.draft_lines)} | "
            f"{r(t.roles_right, t.roles)} | {r(t.references_right, t.references)} | "
            f"{r(t.decision_dates_right, t.decision_dates)} | {r(t.publication_dates_right, t.publication_dates)} | "
            f"{r(t.periods_right, t.periods)} | {r(t.flags_right, t.flags)} | {t.references_invented} |")


def snapshot(path: Path) -> None:
    """Every seed's and own document's draft, to compare before and after a change to the extractor."""
    drafts = {p.name: extract_path(p).to_json() for folder in ("seeds", "own")
              for p in sorted((DOCUMENTS / folder).iterdir())}
    path.write_text(json.dumps(drafts, indent=1, sort_keys=True))
    print(f"{len(drafts)} drafts written to {path}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=SPLITS + ("all",), default="tune")
    parser.add_argument("--misses", action="store_true", help="list every line missed or wrong")
    parser.add_argument("--snapshot", type=Path)
    args = parser.parse_args()
    if args.snapshot:
        snapshot(args.snapshot)
        return
    for split in SPLITS if args.split == "all" else (args.split,):
        total, kinds = score(split)
        print(f"\n{split}\n")
        print("| layout | records | money recall | money precision | role | reference | decision date | "
              "publication date | period | flagged | references invented |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, tally in kinds.items():
            print(row(name, tally))
        print(row(f"**all {split}**", total))
        if args.misses:
            print()
            print("\n".join(total.misses))


if __name__ == "__main__":
    main()
