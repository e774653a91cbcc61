"""`dapi ingest FILE [--json]`: one JSON object with the issue's keys; a readable summary; and bad
files (a scan, a damaged file, a wrong extension) refused with a message that names the problem."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from PIL import Image, ImageDraw

from dapi.decisions.ingest.extract import NO_TEXT_LAYER, IngestError, extract_bytes

DOCUMENTS = Path(__file__).parent / "documents"
KEYS = ["reference", "title", "decision_maker", "decision_date", "publication_date", "period", "money",
        "organisations", "actions", "warnings"]
ROOT = Path(__file__).resolve().parents[3]


def run(*args) -> str:
    out = StringIO()
    call_command("ingest", *map(str, args), stdout=out)
    return out.getvalue()


def scanned_pdf(path: Path) -> Path:
    """A one-page PDF that is only a picture of text, as a scanner makes."""
    image = Image.new("RGB", (850, 1100), "white")
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(["DECISION RECORD FORM", "Decision Reference: 2024-0001", "Grant: £12,000"]):
        draw.text((80, 80 + 40 * i), line, fill="black")
    image.save(path, "PDF", resolution=100)
    return path


def test_json_is_one_object_with_exactly_the_issues_keys():
    data = json.loads(run(DOCUMENTS / "seeds" / "002_77636eefc96c41bc.txt", "--json"))
    assert list(data) == KEYS
    assert data["reference"] == "2022-0007" and data["decision_date"] == "2022-09-05"
    assert data["period"] == {"start": "2022-04-01", "end": "2023-03-31"}
    assert data["money"][4] == {"amount": "121197.00", "counterparty": "Harbour Support Services", "per_annum": False,
                                "role": "grant", "start": None, "end": None}
    assert all(list(m) == ["amount", "counterparty", "per_annum", "role", "start", "end"] for m in data["money"])
    assert {"text", "due"} == set(data["actions"][0])
    assert "Harbour Support Services" in data["organisations"]


def test_json_for_a_pdf_and_a_docx():
    pdf = json.loads(run(DOCUMENTS / "own" / "03_request_kestrel.pdf", "--json"))
    docx = json.loads(run(DOCUMENTS / "own" / "02_record_form_wexcombe.docx", "--json"))
    assert (pdf["reference"], docx["reference"]) == ("KPCC/0123/2022", "WX-2023-014")
    assert pdf["money"][1] == {"amount": "85000.00", "counterparty": "Commissioner", "per_annum": True,
                               "role": "contribution", "start": None, "end": None}


def test_the_summary_reads_as_the_record_and_reconciles_its_totals():
    text = run(DOCUMENTS / "seeds" / "003_6506066fdcbcc86a.txt")
    assert text.startswith("Decision details (ModernGov): PCC - Domestic Abuse Perpetrator Interventions")
    assert "Decision date:    26 Mar 2024" in text
    assert "allocation   £60,290.00" in text and "Manchester" in text
    assert "Total £329,450.00 = £60,290.00 + £33,645.00" in text and "(breakdown): reconciles" in text


def test_a_breakdown_that_does_not_add_up_is_a_warning_in_the_json():
    data = json.loads(run(DOCUMENTS / "own" / "07_record_form_fairhaven.pdf", "--json"))
    assert data["warnings"] == ["The breakdown under “Organisation Role Amount” adds up to £181,050.00, £1,000.00 "
                                "less than the stated total of £182,050.00."]


def test_a_scanned_pdf_has_no_text_layer(tmp_path):
    scan = scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(CommandError, match="^scan.pdf: no text layer; scanned documents are not supported$"):
        run(scan)
    with pytest.raises(IngestError) as error:
        extract_bytes(scan.read_bytes(), "scan.pdf")
    assert str(error.value) == NO_TEXT_LAYER


@pytest.mark.parametrize("name, content, message", [
    ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not the rest of a PDF", "broken.pdf: not a readable PDF"),
    ("notes.pdf", b"Minutes of the meeting", "notes.pdf: this is not a PDF file (it has no PDF header)"),
    ("broken.docx", b"PK\x03\x04 damaged", "broken.docx: not a readable Word document (.docx)"),
    ("letter.docx", b"Dear Commissioner", "letter.docx: not a readable Word document (.docx)"),
    ("record.doc", b"anything", "record.doc: .doc files are not supported; upload a .txt, .pdf or .docx file"),
    ("record", b"anything", "record: a file without an extension is not supported; upload a .txt, .pdf or .docx"),
    ("empty.txt", b"", "empty.txt: the file is empty"),
    ("renamed.txt", (DOCUMENTS / "own" / "03_request_kestrel.pdf").read_bytes(),
     "renamed.txt: this is not a text file (it looks like a binary file)"),
])
def test_an_unreadable_file_names_the_problem(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError) as error:
        run(path)
    assert str(error.value).startswith(message)


def test_a_truncated_pdf_is_refused(tmp_path):
    whole = (DOCUMENTS / "own" / "07_record_form_fairhaven.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(CommandError, match="^cut.pdf: not a readable PDF"):
        run(path)


def test_the_dapi_script_exits_non_zero_on_a_scan(tmp_path):
    scan = scanned_pdf(tmp_path / "scan.pdf")
    done = subprocess.run([sys.executable, "-m", "dapi.cli", "ingest", str(scan)], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode != 0
    assert "no text layer; scanned documents are not supported" in done.stderr
    assert done.stdout == ""
