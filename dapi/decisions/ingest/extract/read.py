"""Read a decision document's text: .txt, .pdf (its text layer) or .docx.

The text returned is the source every extracted span points into, so it is normalised only in
ways that keep it readable as published: line endings become "\\n", non-breaking spaces become
spaces, pages and table rows become lines.
"""

import io
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path

SUPPORTED = (".txt", ".pdf", ".docx")
NO_TEXT_LAYER = "no text layer; scanned documents are not supported"

# PDFium is not thread-safe; one document at a time per process.
_PDFIUM = threading.Lock()


class IngestError(Exception):
    """The document cannot be read. The message names the problem and what would be accepted."""


@dataclass(frozen=True)
class ZipLimits:
    """How far a .docx (a zip of XML parts) may unpack: python-docx inflates every part into memory
    and lxml builds a tree several times its size, so a 1 MB document that unpacks to 360 MB grew a
    web process to 3.7 GB. The web import and `dapi ingest` pass settings.DAPI_DOCX_MAX_UNPACKED_BYTES
    and DAPI_DOCX_MAX_RATIO; these defaults are theirs."""

    max_unpacked_bytes: int = 50 * 1024 * 1024
    max_ratio: int = 100


def read_path(path, limits: ZipLimits = ZipLimits()) -> str:
    path = Path(path)
    if not path.is_file():
        raise IngestError(f"{path.name}: no such file")
    return read_bytes(path.read_bytes(), path.name, limits)


def read_bytes(data: bytes, name: str, limits: ZipLimits = ZipLimits()) -> str:
    """The text of a document given its bytes and file name (the extension decides the format)."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        kind = f"{suffix} files are" if suffix else "a file without an extension is"
        raise IngestError(f"{Path(name).name}: {kind} not supported; upload a .txt, .pdf or .docx file")
    if not data:
        raise IngestError(f"{Path(name).name}: the file is empty")
    if suffix == ".docx":
        check_unpacked_size(data, Path(name).name, limits)
    reader = {".txt": _read_txt, ".pdf": _read_pdf, ".docx": _read_docx}[suffix]
    text = _normalise(reader(data, Path(name).name))
    if not text.strip():
        raise IngestError(NO_TEXT_LAYER if suffix == ".pdf" else f"{Path(name).name}: the document has no text")
    return text


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    return text.replace("\u00a0", " ").replace("\ufeff", "").replace("\x00", "")


def _read_txt(data: bytes, name: str) -> str:
    if b"\x00" in data[:4096] or data.startswith((b"%PDF", b"PK\x03\x04")):
        raise IngestError(f"{name}: this is not a text file (it looks like a binary file); "
                          "give a PDF a .pdf name and a Word document a .docx name")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Windows exports are cp1252; decoding it is lossless for those documents.
        return data.decode("cp1252", errors="replace")


def _read_pdf(data: bytes, name: str) -> str:
    import pypdfium2 as pdfium

    if b"%PDF" not in data[:1024]:
        raise IngestError(f"{name}: this is not a PDF file (it has no PDF header)")
    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as e:
            if "password" in str(e).lower():
                raise IngestError(f"{name}: the PDF is password-protected; upload an unprotected copy") from None
            raise IngestError(f"{name}: not a readable PDF ({e})") from None
        try:
            pages = []
            for index in range(len(document)):
                page = document[index]
                textpage = page.get_textpage()
                pages.append(textpage.get_text_bounded())
                textpage.close()
                page.close()
        finally:
            document.close()
    return "\n\n".join(page.strip("\r\n") for page in pages)


def _mb(size: float) -> str:
    return f"{size / 1024 / 1024:,.1f} MB"


def check_unpacked_size(data: bytes, name: str, limits: ZipLimits) -> None:
    """Refuse a zip container before anything is unpacked when its parts would unpack to more than
    `limits.max_unpacked_bytes` in all, or to more than `limits.max_ratio` times the file's size.
    The sizes come from the zip's central directory; Python's zipfile never inflates a part beyond
    the size stated there (a part that claims less is cut short and fails its CRC check)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(part.file_size for part in package.infolist())
    except (zipfile.BadZipFile, ValueError) as e:
        raise IngestError(f"{name}: not a readable Word document (.docx): {e}") from None
    if unpacked > limits.max_unpacked_bytes:
        raise IngestError(f"{name}: refused: the Word document unpacks to {_mb(unpacked)}, more than the "
                          f"{_mb(limits.max_unpacked_bytes)} allowed; remove large embedded files, or save it as a PDF")
    if unpacked > limits.max_ratio * len(data):
        raise IngestError(f"{name}: refused: the Word document unpacks to {unpacked / len(data):,.0f} times its size "
                          f"(at most {limits.max_ratio} times is allowed), as a file made to exhaust the server's "
                          "memory does; save it again from Word, or as a PDF")


def _read_docx(data: bytes, name: str) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise IngestError(f"{name}: not a readable Word document (.docx): {e}") from None
    except Exception as e:  # lxml and python-docx raise several kinds for a damaged package
        raise IngestError(f"{name}: not a readable Word document (.docx): {type(e).__name__}") from None
    lines = []
    for block in document.element.body.iterchildren():
        if not isinstance(block.tag, str):  # an XML comment or processing instruction holds no text
            continue
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            table = Table(block, document)
            for row in table.rows:
                cells, seen = [], []
                for cell in row.cells:
                    if any(cell._tc is tc for tc in seen):  # a merged cell is listed once per column it spans
                        continue
                    seen.append(cell._tc)
                    cells.append(" ".join(cell.text.split()))
                lines.append("\t".join(cells))
            lines.append("")
    return "\n".join(lines)
