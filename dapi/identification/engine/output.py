"""The ranked list as CSV or JSON, in the column order of the published format."""

import json

import polars as pl

HEADER = ["area", "rank", "perpetrator_id", "score", "recency", "frequency", "gravity", "victims", "incidents",
          "victim_count", "harm_days", "last_incident", "serial"]


def _harm(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def ranked_rows(ranked: pl.DataFrame) -> list[dict]:
    return [{
        "area": r["area"], "rank": r["rank"], "perpetrator_id": r["perpetrator_id"], "score": f"{r['score']:.4f}",
        "recency": r["recency"], "frequency": r["frequency"], "gravity": f"{r['gravity']:.4f}",
        "victims": r["victims"], "incidents": r["incidents"], "victim_count": r["victim_count"],
        "harm_days": _harm(r["harm_days"]), "last_incident": r["last_incident"].isoformat(),
        "serial": "true" if r["serial"] else "false",
    } for r in ranked.iter_rows(named=True)]


def to_csv(ranked: pl.DataFrame) -> str:
    lines = [",".join(HEADER)]
    for row in ranked_rows(ranked):
        lines.append(",".join(_csv_field(str(row[c])) for c in HEADER))
    return "\n".join(lines) + "\n"


def _csv_field(text: str) -> str:
    return f'"{text.replace(chr(34), chr(34) * 2)}"' if any(c in text for c in ',"\n') else text


def to_json(ranked: pl.DataFrame, *, as_of, profile_version: str, top: int) -> str:
    rows = ranked_rows(ranked)
    for row in rows:
        row["serial"] = row["serial"] == "true"
        row["profile_version"] = profile_version
    return json.dumps({"as_of": as_of.isoformat(), "profile_version": profile_version, "top": top, "rows": rows},
                      indent=2) + "\n"
