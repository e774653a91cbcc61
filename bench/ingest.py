"""Benchmark: reading a 20-page decision record PDF (target: under 1 s).

    .venv/bin/python bench/ingest.py [--pages 20] [--repeat 7]

Generates, in a temporary directory, a decision record of invented content (numbered
recommendations, a funding table, amounts and dates on every page) as a 1-page PDF (baseline)
and a 20-page PDF with WeasyPrint, then times, after one warm-up each:

- reading the text layer (dapi.decisions.ingest.extract.read, PDFium through pypdfium2);
- reading and extracting the whole draft (what `dapi ingest` and the upload do);
- the same text read through pdfplumber, once, for comparison.

Medians of --repeat runs; the ratio compares time per page at 20 pages with the 1-page baseline.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dapi.decisions.ingest.extract import extract_path  # noqa: E402
from dapi.decisions.ingest.extract.read import read_path  # noqa: E402

PAGE = """
<h2 style="page-break-before: {brk}">{n}. Perpetrator programme, strand {n}</h2>
<p>{n}.1 That the Commissioner awards a grant of £{amount:,} to Alderbrook Support Services {n} from 1 April 2025 to
31st March 2026, with an option to extend for a further twelve months, subject to quarterly monitoring returns.</p>
<p>{n}.2 That Eastwold County Council contributes up to £{share:,} per annum towards the same service for the same
period, and that any percentage reduction in its contribution may be matched by the Commissioner.</p>
<table><tr><th>Organisation</th><th>Element</th><th>Amount</th></tr>
<tr><td>Alderbrook Support Services {n}</td><td>Case management</td><td>£{part1:,}</td></tr>
<tr><td>Northfield Family Trust {n}</td><td>Partner support</td><td>£{part2:,}</td></tr>
<tr><td>Total</td><td></td><td>£{amount:,}</td></tr></table>
<p>The evaluation report is due by 30/09/2025. Referrals are accepted from the police, probation and children's
services; cases below the MARAC threshold and outside the MATAC top 20 are eligible where complex needs are
evident. The provider reports attendance, completion and police-recorded repeat incidents every quarter, and the
board reviews them against the outcomes framework agreed at the start of the contract.</p>
<p>{filler}</p>
"""
FILLER = ("The programme works with men who have been abusive in their relationships, alongside support for the "
          "partners and children affected. Workers coordinate with the multi-agency forums and share risk "
          "information under the agreed protocol. ") * 5


def build(path: Path, pages: int) -> None:
    from weasyprint import HTML

    body = "".join(PAGE.format(n=n, brk="auto" if n == 1 else "always", amount=40_000 + n * 1_000,
                                share=10_000 + n * 100, part1=30_000 + n * 600,
                               part2=10_000 + n * 400, filler=FILLER) for n in range(1, pages + 1))
    html = (f"<html><head><style>body {{ font-family: sans-serif; font-size: 10pt; }}</style></head><body>"
            f"<h1>REQUEST FOR DECISION – BENCH/0001/2025</h1><p>Title of decision: Benchmark record</p>"
            f"<p>Recommendations:</p>{body}<p>I hereby approve the recommendations above.</p>"
            f"<p>Signature: [signed]</p><p>Date: 12/03/2025</p></body></html>")
    path.write_bytes(HTML(string=html).write_pdf())


def median_seconds(work, repeat: int) -> float:
    work()  # warm-up: imports, PDFium, dateparser's language data
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def page_count(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def pdfplumber_seconds(path: Path) -> float:
    import pdfplumber

    start = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        "\n".join(page.extract_text() or "" for page in pdf.pages)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dapi-bench-ingest-") as tmp:
        small, large = Path(tmp) / "one.pdf", Path(tmp) / "many.pdf"
        build(small, 1)
        build(large, args.pages)
        pages = page_count(large)
        small_pages = page_count(small)
        text = read_path(large)
        draft = extract_path(large)
        rows = [
            ("read text layer", median_seconds(lambda: read_path(small), args.repeat),
             median_seconds(lambda: read_path(large), args.repeat)),
            ("read + extract draft", median_seconds(lambda: extract_path(small), args.repeat),
             median_seconds(lambda: extract_path(large), args.repeat)),
        ]
        plumber = pdfplumber_seconds(large)
    print(f"{pages}-page PDF ({len(text):,} characters; {len(draft.money)} money lines, "
          f"{len(draft.recommendations)} recommendations, {len(draft.warnings)} warnings); "
          f"baseline {small_pages} page(s); median of {args.repeat}")
    print()
    print(f"| step | {small_pages} page (baseline) | {pages} pages | ms per page, baseline | ms per page, "
          f"{pages} pages | ratio per page |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, one, many in rows:
        per_one, per_many = one * 1000 / small_pages, many * 1000 / pages
        print(f"| {name} | {one * 1000:.1f} ms | {many * 1000:.1f} ms | {per_one:.1f} | {per_many:.1f} | "
              f"{per_many / per_one:.2f} |")
    print(f"| pdfplumber text (comparison, one run) | - | {plumber * 1000:.0f} ms | - | {plumber * 1000 / pages:.1f} | - |")
    print()
    worst = max(many for _, _, many in rows)
    print(f"{pages} pages read and extracted in {worst:.3f} s: {'under' if worst < 1 else 'NOT under'} the 1 s target.")


if __name__ == "__main__":
    main()
