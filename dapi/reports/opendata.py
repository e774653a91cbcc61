"""The open-data files, built once for every way out: `dapi export` (the whole ledger), the downloads
on the reports page (the programmes a commissioner's body leads) and the public transparency page.

Each file is the 360Giving package or sheet (giving360.py) or the OCDS release package (ocds.py) of the
programmes given (all of them when None), with the ledger rows left out and why. A file with nothing in
it is refused (NothingToPublish): both standards need at least one grant or release.
"""

import io
import json
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from dapi.lib import csvfile

from . import giving360, ocds
from .giving360 import Excluded

FORMATS = {("360giving", "json"): ("application/json", "360giving.json"),
           ("360giving", "csv"): ("text/csv; charset=utf-8", "360giving.csv"),
           ("ocds", "json"): ("application/json", "ocds-release-package.json")}


class NothingToPublish(Exception):
    """The programmes given hold no grant (360Giving) or no contract (OCDS) to publish."""


@dataclass
class OpenDataFile:
    text: str
    content_type: str
    filename: str
    summary: str
    items: int
    excluded: list[Excluded] = field(default_factory=list)


def _json(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _now() -> datetime:
    return timezone.localtime().replace(microsecond=0)


def giving360_file(fmt: str = "json", *, programmes=None, publisher: str | None = None,
                   now: datetime | None = None) -> OpenDataFile:
    """The 360Giving package (`json`) or sheet (`csv`, through the safe CSV writer) of the programmes' grants."""
    if ("360giving", fmt) not in FORMATS:
        raise ValueError(f"360Giving is published as json or csv, not {fmt!r}")
    items, excluded = giving360.grants(*giving360.ledger_rows(programmes))
    if not items:
        raise NothingToPublish("Nothing to export: a 360Giving package needs at least one grant.")
    now = now or _now()
    if fmt == "csv":
        buffer = io.StringIO()
        csvfile.Writer(buffer, lineterminator="\r\n").writerows(giving360.csv_table(items))
        text = buffer.getvalue()
    else:
        text = _json(giving360.package(items, issued=now.date(), publisher=publisher or settings.DAPI_PUBLISHER_NAME))
    kinds = {kind: sum(g["id"].startswith(f"{giving360.prefix()}-{kind}-") for g in items)
             for kind in ("award", "agreement", "allocation")}
    summary = (f"360Giving {fmt}: {len(items)} grants ({kinds['award']} awards, {kinds['agreement']} grant "
               f"agreements, {kinds['allocation']} allocations)")
    content_type, filename = FORMATS["360giving", fmt]
    return OpenDataFile(text, content_type, filename, summary, len(items), excluded)


def ocds_file(*, uri: str, programmes=None, publisher: str | None = None, now: datetime | None = None) -> OpenDataFile:
    """The OCDS 1.1 release package of the programmes' contracts, to be published at `uri`."""
    items, excluded = ocds.releases(ocds.contracts(programmes))
    if not items:
        raise NothingToPublish("Nothing to export: an OCDS release package needs at least one contract.")
    text = _json(ocds.package(items, published=now or _now(), uri=uri,
                              publisher=publisher or settings.DAPI_PUBLISHER_NAME))
    amendments = sum(len(c.get("amendments", [])) for r in items for c in r["contracts"])
    content_type, filename = FORMATS["ocds", "json"]
    return OpenDataFile(text, content_type, filename, f"OCDS: {len(items)} contract releases, {amendments} amendments",
                        len(items), excluded)


def open_data_file(standard: str, fmt: str, *, uri: str, programmes=None) -> OpenDataFile:
    """One of FORMATS, as the pages ask for it (the caller has checked `standard` and `fmt` are one)."""
    if standard == "ocds":
        return ocds_file(uri=uri, programmes=programmes)
    return giving360_file(fmt, programmes=programmes)
