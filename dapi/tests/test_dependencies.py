"""Apps depend one way: accounts <- audit <- funding <- decisions (STYLE.md)."""

import ast
from pathlib import Path

import pytest

ORDER = ["accounts", "audit", "funding", "decisions", "cases", "identification", "reports"]
ROOT = Path(__file__).resolve().parents[1]


def imported_apps(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
            [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
        for name in names:
            parts = name.split(".")
            if len(parts) > 1 and parts[0] == "dapi" and parts[1] in ORDER:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("app", [a for a in ORDER if (ROOT / a).is_dir()])
def test_an_app_never_imports_a_higher_app(app):
    higher = set(ORDER[ORDER.index(app) + 1:])
    offenders = {str(p.relative_to(ROOT)): imported_apps(p) & higher for p in (ROOT / app).rglob("*.py")}
    assert {p: apps for p, apps in offenders.items() if apps} == {}


def test_the_checker_sees_an_upward_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from dapi.decisions.models import Decision\n")
    assert imported_apps(bad) == {"decisions"}
