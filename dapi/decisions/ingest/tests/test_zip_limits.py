"""A .docx is a zip of XML parts, and python-docx unpacks every part into memory: a 1 MB document
that unpacked to 360 MB grew a web process to 3.7 GB (issue 16, item 5). One that would unpack
past DAPI_DOCX_MAX_UNPACKED_MB in all, or to more than DAPI_DOCX_MAX_RATIO times its size, is
refused before anything is unpacked, on the upload page and in `dapi ingest`, and nothing is stored."""

import io
import re
import zipfile
from html import unescape

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from dapi.accounts.models import Organisation
from dapi.decisions.ingest.extract import IngestError, ZipLimits, extract_bytes
from dapi.decisions.models import IngestedDocument

CLEVELAND_OPCC = "Office of the Police and Crime Commissioner for Cleveland"


def record_docx(padding: int, filler: bytes = b" ") -> bytes:
    """A real Word document (a short decision record) whose document.xml also carries `padding`
    bytes of `filler` between its paragraphs (spaces, or an XML comment): python-docx unpacks and
    parses them, and they deflate to almost nothing (about a thousand to one)."""
    document = docx.Document()
    document.add_heading("DECISION RECORD FORM", level=1)
    document.add_paragraph("Decision Reference: 2024-0001")
    document.add_paragraph("The Commissioner approves a grant of £12,000 to the Brackenridge Centre.")
    plain = io.BytesIO()
    document.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as padded:
        for part in source.infolist():
            data = source.read(part)
            if part.filename == "word/document.xml":
                body = filler * padding if filler == b" " else b"<!--" + filler * padding + b"-->"
                data = data.replace(b"</w:body>", body + b"</w:body>")
            padded.writestr(part.filename, data)
    return out.getvalue()


def upload(client, content: bytes):
    return client.post(reverse("decisions:ingest_upload"), {
        "file": SimpleUploadedFile("record.docx", content),
        "organisation": Organisation.objects.get(name=CLEVELAND_OPCC).pk})


def test_a_docx_that_unpacks_past_the_size_limit_is_refused_on_the_page_and_nothing_is_stored(
        cast, client_for, settings, uploads_in_a_temporary_directory):
    settings.DAPI_DOCX_MAX_UNPACKED_BYTES = 5 * 1024 * 1024
    content = record_docx(6 * 1024 * 1024)
    assert len(content) < 100_000  # small on the wire
    response = upload(client_for(cast["commissioner"]), content)
    html = unescape(response.content.decode())
    assert response.status_code == 200 and 'id="id_file-error"' in html
    assert re.search(r"record.docx: refused: the Word document unpacks to 6\.\d MB, more than the 5\.0 MB allowed; "
                     r"remove large embedded files, or save it as a PDF", html)
    assert IngestedDocument.objects.count() == 0
    assert not uploads_in_a_temporary_directory.exists() or not any(uploads_in_a_temporary_directory.rglob("*.*"))


def test_a_docx_that_unpacks_to_many_times_its_size_is_refused_on_the_page(cast, client_for):
    content = record_docx(8 * 1024 * 1024)  # under 50 MB in all, but far past 100 times its size
    html = unescape(upload(client_for(cast["commissioner"]), content).content.decode())
    assert "record.docx: refused: the Word document unpacks to" in html
    assert "times its size (at most 100 times is allowed)" in html
    assert IngestedDocument.objects.count() == 0


def test_dapi_ingest_refuses_it_too_with_the_same_message(tmp_path, settings):
    path = tmp_path / "record.docx"
    path.write_bytes(record_docx(8 * 1024 * 1024))
    with pytest.raises(CommandError, match=r"record.docx: refused: the Word document unpacks to [\d,]+ times its size"):
        call_command("ingest", str(path), stdout=io.StringIO())
    ordinary = tmp_path / "ordinary.docx"
    ordinary.write_bytes(record_docx(2000))
    out = io.StringIO()
    call_command("ingest", str(ordinary), "--json", stdout=out)
    assert '"reference": "2024-0001"' in out.getvalue()
    settings.DAPI_DOCX_MAX_RATIO = 1  # the settings are the command's limits as well
    with pytest.raises(CommandError, match="at most 1 times is allowed"):
        call_command("ingest", str(ordinary), stdout=io.StringIO())


def test_the_limits_are_the_callers_and_an_ordinary_record_passes_them():
    content = record_docx(2000)
    assert extract_bytes(content, "record.docx").reference.value == "2024-0001"
    with pytest.raises(IngestError, match="more than the 0.0 MB allowed"):
        extract_bytes(content, "record.docx", ZipLimits(max_unpacked_bytes=1000, max_ratio=100))
    with pytest.raises(IngestError, match="at most 1 times is allowed"):
        extract_bytes(content, "record.docx", ZipLimits(max_ratio=1))


def test_a_comment_between_paragraphs_is_no_text_and_no_error():
    assert extract_bytes(record_docx(10, filler=b"A"), "record.docx").reference.value == "2024-0001"
