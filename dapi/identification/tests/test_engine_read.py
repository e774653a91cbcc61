"""Reading and validating incident files: every problem named by row, nothing produced."""

import io
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from dapi.identification.engine import InvalidIncidentFile, default_profile, read_incidents

from .engine_helpers import HEADER, ago, write_csv


def good(i):
    return (f"I{i}", ago(i), "Hartlepool", f"P{i % 3}", f"V{i}", "CA", 30)


def test_a_bad_date_on_row_7_and_an_unknown_offence_on_row_12_are_both_named(tmp_path):
    rows = [good(i) for i in range(1, 15)]
    rows[6] = ("I7", "2024-02-30", "Hartlepool", "P1", "V7", "CA", 30)
    rows[11] = ("I12", ago(12), "Hartlepool", "P1", "V12", "PUNCH", 30)
    with pytest.raises(InvalidIncidentFile) as e:
        read_incidents(write_csv(tmp_path, rows), default_profile())
    assert e.value.errors == [
        'row 7: occurred_on is not a date (expected YYYY-MM-DD, e.g. 2024-03-31; found "2024-02-30")',
        "row 12: unknown offence code (PUNCH); accepted: ABH, CA, CCB, CD, GBH, HAR, HOM, NCI, NFS, PO, RAPE, SA, "
        "STK, TTK"]


def test_the_rank_command_rejects_that_file_and_writes_nothing(tmp_path):
    rows = [good(i) for i in range(1, 15)]
    rows[6] = ("I7", "07/03/2024", "Hartlepool", "P1", "V7", "CA", 30)
    rows[11] = ("I12", ago(12), "Hartlepool", "P1", "V12", "XX", 30)
    out, err = tmp_path / "ranked.csv", io.StringIO()
    with pytest.raises(CommandError, match="nothing was ranked"):
        call_command("rank", str(write_csv(tmp_path, rows)), "--as-of", "2024-03-31", "--output", str(out),
                     stderr=err)
    assert "row 7:" in err.getvalue() and "row 12:" in err.getvalue()
    assert list(tmp_path.iterdir()) == [tmp_path / "incidents.csv"]


def test_missing_columns_are_named_with_the_expected_ones(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("incident_id,date,area\nI1,2024-01-01,Hartlepool\n")
    with pytest.raises(InvalidIncidentFile) as e:
        read_incidents(path, default_profile())
    assert e.value.errors[0].startswith("missing columns: occurred_on, perpetrator_id, victim_id, offence "
                                        "(expected incident_id, occurred_on, area, perpetrator_id, victim_id, offence")


def test_empty_ids_and_bad_ages_are_named(tmp_path):
    rows = [good(1), ("I2", ago(2), "Hartlepool", "", "V2", "CA", 30), ("I3", ago(3), "", "P1", "V3", "CA", "x"),
            ("", ago(4), "Hartlepool", "P1", "", "CA", 30)]
    with pytest.raises(InvalidIncidentFile) as e:
        read_incidents(write_csv(tmp_path, rows), default_profile())
    assert e.value.errors == ["row 4: incident_id is empty", "row 2: perpetrator_id is empty",
                              "row 4: victim_id is empty", "row 3: area is empty",
                              "row 3: perpetrator_age is not a whole number"]


def test_long_lists_of_rows_are_cut_short(tmp_path):
    rows = [(f"I{i}", "yesterday", "H", "P", "V", "CA", 30) for i in range(1, 26)]
    with pytest.raises(InvalidIncidentFile) as e:
        read_incidents(write_csv(tmp_path, rows), default_profile())
    assert e.value.errors[0].startswith("rows 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 15 more: occurred_on")


def test_other_files_are_refused_by_name(tmp_path):
    (tmp_path / "x.xlsx").write_text("nope")
    with pytest.raises(InvalidIncidentFile, match="expected a .csv or .parquet file"):
        read_incidents(tmp_path / "x.xlsx", default_profile())
    (tmp_path / "empty.csv").write_text(HEADER + "\n")
    with pytest.raises(InvalidIncidentFile, match="no incident rows"):
        read_incidents(tmp_path / "empty.csv", default_profile())


def test_the_engine_never_imports_django():
    code = ("import sys, datetime, pathlib, tempfile\n"
            "import dapi.identification.engine as e\n"
            "from dapi.identification.engine.synth import generate, write\n"
            "p = pathlib.Path(tempfile.mkdtemp()) / 'i.csv'\n"
            "write(generate(500, 1), p)\n"
            "e.rank(e.score(e.read_incidents(p, e.default_profile()), datetime.date(2024, 3, 31), "
            "e.default_profile()), 20)\n"
            "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')], 'django imported'\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_engine_module_names_django():
    import ast
    from pathlib import Path

    import dapi.identification.engine as engine
    for path in Path(engine.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[0] == "django" or n.startswith("dapi.") and not n.startswith(
                "dapi.identification.engine") for n in names), (path, names)
