"""`dapi ingest DIR` or several files (issue 19, item 4): each file read and reported on a line, a file
that cannot be read named on stderr with its reason without stopping the others (exit 1 at the end);
`--for` and `--by` queue the files as a batch of drafts checked for likely duplicates."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from dapi.decisions.models import Decision, IngestBatch, IngestedDocument, IngestStatus

from .test_pages import CLEVELAND_OPCC, DOCUMENTS, counts

WYNDHAM = DOCUMENTS / "own" / "10_record_wyndham.txt"
KESTREL = DOCUMENTS / "own" / "03_request_kestrel.pdf"
SEED_2022_0007 = DOCUMENTS / "seeds" / "002_77636eefc96c41bc.txt"


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=out, stderr=err)
        return out.getvalue(), err.getvalue(), None
    except CommandError as e:
        return out.getvalue(), err.getvalue(), e


@pytest.fixture
def folder(tmp_path) -> Path:
    for path in (WYNDHAM, KESTREL, SEED_2022_0007):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf")
    (tmp_path / "notes.xlsx").write_bytes(b"anything")
    return tmp_path


def test_a_directory_is_read_a_line_per_document_and_a_damaged_file_does_not_stop_the_others(folder):
    out, err, error = run(folder)
    lines = out.splitlines()
    assert [line.split()[1] for line in lines] == [SEED_2022_0007.name, KESTREL.name, WYNDHAM.name]
    assert "ref WV 2025/12" in lines[2] and "decided 26 Mar 2025" in lines[2]
    assert "broken.pdf: not a readable PDF" in err and "notes.xlsx: .xlsx is not accepted" in err
    assert "3 of 5 files read (nothing saved)." in err
    assert error is not None and str(error) == "2 files could not be read (above)."


def test_several_files_as_json_give_each_files_state_and_draft(folder):
    out, _, error = run(folder / WYNDHAM.name, folder / "broken.pdf", "--format", "json")
    rows = json.loads(out)
    assert [(r["file"], r["state"]) for r in rows] == [(WYNDHAM.name, "extracted"), ("broken.pdf", "failed")]
    assert rows[0]["draft"]["reference"] == "WV 2025/12" and rows[1]["reason"].startswith("broken.pdf: not a readable")
    assert error is not None


def test_two_files_with_the_same_reference_written_differently_are_flagged(tmp_path):
    text = SEED_2022_0007.read_text()
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text.replace("2022-0007", "2022 – 0007", 1))
    out, err, error = run(tmp_path)
    assert error is None and "2 of 2 files read" in err
    assert out.splitlines()[1].endswith("LIKELY DUPLICATE of a.txt (same reference)")


def test_more_documents_than_the_limit_are_refused_before_any_is_read(folder, settings):
    settings.DAPI_INGEST_MAX_FILES = 2
    out, _, error = run(folder)
    assert out == "" and str(error) == "4 documents to read; at most 2 at once (--max-files)."  # broken.pdf too
    _, _, error = run(folder, "--max-files", "4")
    assert str(error) == "2 files could not be read (above)."  # read: only the two bad files remain problems


def test_for_and_by_queue_a_batch_checked_against_the_bodys_decisions(cast, folder, uploads_in_a_temporary_directory):
    before = counts()
    out, err, error = run(folder, "--for", CLEVELAND_OPCC, "--by", "commissioner")
    batch = IngestBatch.objects.get()
    assert out.splitlines()[0] == f"Batch {batch.pk} for {CLEVELAND_OPCC}: review at /decisions/import/batches/{batch.pk}/"
    existing = Decision.objects.get(reference="2022-0007")
    assert f"LIKELY DUPLICATE of {existing}" in next(line for line in out.splitlines() if SEED_2022_0007.name in line)
    states = dict(IngestedDocument.objects.values_list("original_name", "status"))
    assert states == {KESTREL.name: IngestStatus.DRAFT, SEED_2022_0007.name: IngestStatus.DRAFT,
                      WYNDHAM.name: IngestStatus.DRAFT, "broken.pdf": IngestStatus.FAILED}
    assert [r["name"] for r in batch.refused] == ["notes.xlsx"]
    assert "3 of 5 files queued as drafts for review." in err and error is not None
    assert counts() == before  # drafts only


def test_for_needs_by_and_someone_who_may_import(cast, folder):
    assert str(run(folder, "--for", CLEVELAND_OPCC)[2]) == (
        "--for and --by go together: the body the drafts are for and who uploads them.")
    assert str(run(folder, "--for", CLEVELAND_OPCC, "--by", "provider-manager")[2]) == (
        f"provider-manager may not import decision documents for {CLEVELAND_OPCC}.")
    assert str(run(folder, "--for", "Nowhere", "--by", "commissioner")[2]) == "No organisation called 'Nowhere'."
    assert IngestBatch.objects.count() == 0


def test_a_missing_path_is_refused(tmp_path):
    assert str(run(tmp_path / "absent")[2]) == f"{tmp_path / 'absent'}: no such file or directory"
