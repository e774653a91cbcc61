"""The ranked list as CSV or JSON, in the column order of the published format.

score and gravity have exactly 4 decimals, R, F and V are whole numbers, harm_days has up to
2 decimals (182.25, 375), dates are ISO and serial is true or false.
"""

import io
import json
from datetime import date

import polars as pl

from dapi.lib.csvfile import DictWriter

HEADER = ["area", "rank", "perpetrator_id", "score", "recency", "frequency", "gravity", "victims", "incidents",
          "victim_count", "harm_days", "last_incident", "serial"]


def harm_text(days: float) -> str:
    """Harm in days with up to 2 decimals and no trailing zeros: 182.25, 7.5, 375."""
    return f"{days:.2f}".rstrip("0").rstrip(".")


def ranked_rows(ranked: pl.DataFrame) -> list[dict]:
    """The published fields of each ranked row, as text, in HEADER order."""
    return [{
        "area": r["area"], "rank": str(r["rank"]), "perpetrator_id": r["perpetrator_id"],
        "score": f"{r['score']:.4f}", "recency": str(r["recency"]), "frequency": str(r["frequency"]),
        "gravity": f"{r['gravity']:.4f}", "victims": str(r["victims"]), "incidents": str(r["incidents"]),
        "victim_count": str(r["victim_count"]), "harm_days": harm_text(r["harm_days"]),
        "last_incident": r["last_incident"].isoformat(), "serial": "true" if r["serial"] else "false",
    } for r in ranked.iter_rows(named=True)]


def to_csv(ranked: pl.DataFrame) -> str:
    """CSV with exactly HEADER, one line per ranked row, in the frame's order ("\\n" line ends)."""
    out = io.StringIO()
    writer = DictWriter(out, fieldnames=HEADER)
    writer.writeheader()
    writer.writerows(ranked_rows(ranked))
    return out.getvalue()


def to_json(ranked: pl.DataFrame, *, as_of: date, profile_version: str, top: int) -> str:
    """{"as_of", "profile_version", "top", "rows": [...]}: each row has the CSV's fields, with
    numbers as JSON numbers (score and gravity rounded to 4 decimals, harm_days to 2) and
    serial as true or false."""
    rows = [{
        "area": r["area"], "rank": r["rank"], "perpetrator_id": r["perpetrator_id"], "score": round(r["score"], 4),
        "recency": r["recency"], "frequency": r["frequency"], "gravity": round(r["gravity"], 4),
        "victims": r["victims"], "incidents": r["incidents"], "victim_count": r["victim_count"],
        "harm_days": round(r["harm_days"], 2), "last_incident": r["last_incident"].isoformat(),
        "serial": bool(r["serial"]),
    } for r in ranked.iter_rows(named=True)]
    return json.dumps({"as_of": as_of.isoformat(), "profile_version": profile_version, "top": top, "rows": rows},
                      indent=2) + "\n"
