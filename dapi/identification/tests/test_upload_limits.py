"""Police incident uploads are bounded (issue 16, item 5): a file larger than DAPI_INCIDENT_MAX_MB or
with more rows than DAPI_INCIDENT_MAX_ROWS is refused on the upload page with a message saying
what is allowed, and nothing is stored or queued. The rows are counted without reading the file
into memory: a Parquet file's from its footer, a CSV's lines as they stream by (a 552 KB Parquet
file of 30 million rows took the ranking worker to 4.4 GB)."""

import io

import polars as pl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from dapi.accounts.models import Organisation
from dapi.identification.engine.read import csv_rows, parquet_rows
from dapi.identification.models import IncidentImport

from .engine_helpers import HEADER, ago

ROWS = [("I1", ago(29), "Middlesbrough", "P1", "V1", "CA", 30), ("I2", ago(40), "Middlesbrough", "P1", "V2", "ABH", 30),
        ("I3", ago(3), "Hartlepool", "P2", "V3", "SA", 40), ("I4", ago(100), "Hartlepool", "P2", "V3", "NCI", 40),
        ("I5", ago(1), "Hartlepool", "P3", "V4", "GBH", 22)]


def csv_bytes(rows=ROWS) -> bytes:
    return ("\n".join([HEADER, *(",".join(str(v) for v in r) for r in rows)]) + "\n").encode()


def parquet_bytes(frame: pl.DataFrame) -> bytes:
    out = io.BytesIO()
    frame.write_parquet(out)
    return out.getvalue()


def frame_of(rows=ROWS) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=HEADER.split(","), orient="row")


def upload(client, name: str, content: bytes):
    return client.post(reverse("identification:import_list"), {
        "file": SimpleUploadedFile(name, content), "as_of": "2024-03-31",
        "organisation": Organisation.objects.get(name="Cleveland Police").pk})


def assert_refused(response, message: str, uploads) -> None:
    html = response.content.decode()
    assert response.status_code == 200 and 'id="id_file-error"' in html
    assert message in html
    assert IncidentImport.objects.count() == 0 and DBTaskResult.objects.count() == 0
    assert not uploads.exists() or not any(uploads.rglob("*.*"))


def test_a_csv_with_more_rows_than_allowed_is_refused_and_nothing_is_stored(
        cast, client_for, settings, uploads_in_a_temporary_directory):
    settings.DAPI_INCIDENT_MAX_ROWS = 4
    response = upload(client_for(cast["police-analyst"]), "incidents.csv", csv_bytes())
    assert_refused(response, "incidents.csv has 5 rows; an incident file may have at most 4. Split it into smaller "
                             "files (by period or by area) and upload each.", uploads_in_a_temporary_directory)


def test_a_small_parquet_file_of_many_rows_is_refused_from_its_footer(
        cast, client_for, settings, uploads_in_a_temporary_directory):
    settings.DAPI_INCIDENT_MAX_ROWS = 1_000_000
    many = frame_of(ROWS[:1]).select(pl.all().repeat_by(1_000_001).explode())
    content = parquet_bytes(many)
    assert len(content) < 200_000  # a million rows that compress to almost nothing
    response = upload(client_for(cast["police-analyst"]), "incidents.parquet", content)
    assert_refused(response, "incidents.parquet has 1,000,001 rows; an incident file may have at most 1,000,000.",
                   uploads_in_a_temporary_directory)


def test_a_file_larger_than_allowed_is_refused_before_its_rows_are_counted(
        cast, client_for, settings, uploads_in_a_temporary_directory):
    settings.DAPI_INCIDENT_MAX_BYTES = 2 * 1024 * 1024
    content = csv_bytes() + b"\n" * (2 * 1024 * 1024)
    response = upload(client_for(cast["police-analyst"]), "incidents.csv", content)
    assert_refused(response, "incidents.csv is 2.0 MB; an incident file may be at most 2 MB.",
                   uploads_in_a_temporary_directory)


@pytest.mark.parametrize("name, content", [("incidents.csv", csv_bytes()),
                                           ("incidents.parquet", parquet_bytes(frame_of()))])
def test_a_file_at_the_limits_is_ranked(cast, client_for, settings, name, content):
    settings.DAPI_INCIDENT_MAX_ROWS = 5
    settings.DAPI_INCIDENT_MAX_BYTES = len(content)
    response = upload(client_for(cast["police-analyst"]), name, content)
    assert response.status_code == 302
    assert IncidentImport.objects.get().status == "done"


def test_csv_rows_are_the_lines_after_the_header_however_the_chunks_fall():
    text = csv_bytes()
    assert csv_rows([text]) == 5
    assert csv_rows([text[i:i + 7] for i in range(0, len(text), 7)]) == 5
    assert csv_rows([text.rstrip(b"\n")]) == 5  # no line break after the last row
    assert csv_rows([HEADER.encode()]) == csv_rows([]) == 0
    assert csv_rows([b'a,b\n1,"x\ny"\n']) == 2  # a line break in a quoted field: at most, never fewer


def test_parquet_rows_come_from_the_footer_or_not_at_all():
    assert parquet_rows(io.BytesIO(parquet_bytes(frame_of()))) == 5
    assert parquet_rows(io.BytesIO(b"not a parquet file")) is None
