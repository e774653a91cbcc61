"""The extractor: read published decision records (.txt, .pdf with a text layer, .docx) into drafts.

Django-free: the web app and `dapi ingest` call `extract_path` / `extract_bytes` and get a
`Draft` whose every value keeps the span of source text it was read from.
"""

from .document import extract_bytes, extract_path, extract_text
from .draft import Action, Draft, Found, MoneyItem, Reconciliation
from .read import NO_TEXT_LAYER, SUPPORTED, IngestError, ZipLimits

__all__ = ["Action", "Draft", "Found", "IngestError", "MoneyItem", "NO_TEXT_LAYER", "Reconciliation", "SUPPORTED",
           "ZipLimits", "extract_bytes", "extract_path", "extract_text"]
