"""Tiny incident files for the engine tests, written by hand row by row."""

from datetime import date, timedelta
from pathlib import Path

from dapi.identification.engine import default_profile, read_incidents, score

T = date(2024, 3, 31)
HEADER = "incident_id,occurred_on,area,perpetrator_id,victim_id,offence,perpetrator_age"


def write_csv(tmp_path: Path, rows: list[tuple], name: str = "incidents.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *(",".join("" if v is None else str(v) for v in row) for row in rows)]) + "\n")
    return path


def ago(days: int) -> str:
    return (T - timedelta(days=days)).isoformat()


def scores_of(tmp_path, rows, as_of=T, profile=None):
    profile = profile or default_profile()
    return score(read_incidents(write_csv(tmp_path, rows), profile), as_of, profile)


def one(tmp_path, rows, pid="P1", **kw) -> dict:
    frame = scores_of(tmp_path, rows, **kw)
    found = [r for r in frame.iter_rows(named=True) if r["perpetrator_id"] == pid]
    return found[0] if found else None
