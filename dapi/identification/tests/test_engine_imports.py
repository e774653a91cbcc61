"""The engine never imports Django, nor anything of dapi outside the engine but the Django-free safe CSV
writer of the ground floor (STYLE.md)."""

import ast
import subprocess
import sys
from pathlib import Path

import dapi.identification.engine as engine

ENGINE = Path(engine.__file__).parent
# Plumbing of the ground floor that imports no Django, which the engine may use.
ALLOWED = ("dapi.lib.csvfile",)
EXERCISE = """
import sys, datetime, pathlib, tempfile
import dapi.identification.engine as e
from dapi.identification.engine.files import rank_file
from dapi.identification.engine.output import to_csv, to_json
from dapi.identification.engine.synth import generate, write
p, t = e.default_profile(), datetime.date(2024, 3, 31)
path = pathlib.Path(tempfile.mkdtemp()) / "i.parquet"
write(generate(20_000, 1), path)
incidents = e.read_incidents(path, p)
ranked = e.rank(e.score(incidents, t, p), 20)
assert ranked.equals(rank_file(path, t, p)) and ranked.height > 0
to_csv(ranked), to_json(ranked, as_of=t, profile_version=p.version, top=20)
pid = ranked["perpetrator_id"][0]
e.rescore_points(incidents, [(1, pid, datetime.date(2023, 6, 1), None)], t, p)
e.before_after_entry(incidents, [(1, pid, datetime.date(2023, 6, 1), None)], t, p)
outside = sorted(m for m in sys.modules if m.split(".")[0] == "django"
                 or (m.startswith("dapi.") and not m.startswith("dapi.identification.engine")
                     and m not in ("dapi.identification", "dapi.lib", "dapi.lib.csvfile")))
print(outside)
"""


def imported_names(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.append(node.module or "")
    return names


def forbidden(names: list[str]) -> list[str]:
    return [n for n in names if n.split(".")[0] == "django"
            or (n.split(".")[0] == "dapi" and not n.startswith("dapi.identification.engine") and n not in ALLOWED)]


def test_exercising_the_whole_engine_loads_no_django_and_no_other_part_of_dapi():
    result = subprocess.run([sys.executable, "-c", EXERCISE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_no_engine_module_imports_django_or_the_rest_of_dapi():
    modules = sorted(ENGINE.rglob("*.py"))
    assert len(modules) >= 10
    assert {str(p.relative_to(ENGINE)): forbidden(imported_names(p)) for p in modules if
            forbidden(imported_names(p))} == {}


def test_the_scan_sees_a_django_or_dapi_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import django.db\nfrom dapi.cases.models import Case\nfrom dapi.identification.engine import x\n"
                   "from dapi.lib.csvfile import Writer\nfrom dapi.lib.clock import today\n")
    assert forbidden(imported_names(bad)) == ["django.db", "dapi.cases.models", "dapi.lib.clock"]
