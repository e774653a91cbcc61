"""The shape of the code, as docs/architecture.md draws it: a ground floor (`dapi/lib`) that imports
no app; apps that depend one way (accounts <- audit <- funding <- {decisions, cases} <- identification
<- reports <- reminders); no app reaching into another's forms, views or API; no import cycle between files; no
module over 400 lines; permissions decided only in access.py, services and selectors; demo data
imported only by the demo command and the tests."""

import ast
import re
from functools import cache
from pathlib import Path

import pytest

ORDER = ["accounts", "audit", "funding", "decisions", "cases", "identification", "reports", "reminders"]
ROOT = Path(__file__).resolve().parents[1]
REPO = ROOT.parent
ADAPTERS = {"forms", "views", "api"}
MAX_LINES = 400


def _python_files(*, tests: bool = False) -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if "migrations" not in p.parts
                  and (tests or ("tests" not in p.parts and p.name != "conftest.py")))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def imported_modules(path: Path, name: str | None = None) -> set[str]:
    """Every dapi module `path` (the module `name`, by default the one its place says) imports,
    anywhere in the file, with relative imports resolved. `from package import name` counts as
    importing package.name when that is a module."""
    name = name or module_name(path)
    package = name if _is_package(path) else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{a.name}" for a in node.names)
    return {m for m in found if m.split(".")[0] == "dapi" and module_path(m) is not None}


@cache
def module_path(name: str) -> Path | None:
    base = REPO.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def imported_apps(path: Path) -> set[str]:
    return {m.split(".")[1] for m in imported_modules(path) if len(m.split(".")) > 1 and m.split(".")[1] in ORDER}


def app_of(path: Path) -> str | None:
    parts = path.relative_to(ROOT).parts
    return parts[0] if len(parts) > 1 and parts[0] in ORDER + ["lib", "demo"] else None


def test_the_docstring_points_at_files_that_exist():
    named = re.findall(r"[\w/]+\.md", __doc__)
    assert named and all((REPO / name).is_file() for name in named), named


def test_the_ground_floor_imports_no_app():
    offenders = {str(p.relative_to(ROOT)): imported_apps(p) | {m for m in imported_modules(p) if m.startswith(
        ("dapi.demo", "dapi.api", "dapi.urls", "dapi.views", "dapi.home"))} for p in (ROOT / "lib").rglob("*.py")}
    assert {p: apps for p, apps in offenders.items() if apps} == {}


@pytest.mark.parametrize("app", ORDER)
def test_an_app_never_imports_a_higher_app(app):
    higher = set(ORDER[ORDER.index(app) + 1:])
    offenders = {str(p.relative_to(ROOT)): imported_apps(p) & higher for p in (ROOT / app).rglob("*.py")}
    assert {p: apps for p, apps in offenders.items() if apps} == {}


def test_no_app_imports_another_apps_forms_views_or_api():
    offenders = {}
    for path in _python_files(tests=True):
        app = app_of(path)
        if app is None:  # the project package assembles the apps' URLs and API routers
            continue
        for module in imported_modules(path):
            parts = module.split(".")
            if len(parts) > 2 and parts[1] in ORDER and parts[1] != app and parts[-1] in ADAPTERS:
                offenders.setdefault(str(path.relative_to(ROOT)), []).append(module)
    assert offenders == {}


def import_graph(paths: list[Path]) -> dict[str, set[str]]:
    return {module_name(p): {m for m in imported_modules(p) if m != module_name(p)} for p in paths}


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module in the import graph (Tarjan)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in graph:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_two_files_import_each_other_even_indirectly():
    assert import_cycles(import_graph(_python_files())) == []


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in _python_files() if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert long == {}


PERMISSION_CALLS = re.compile(r"\ballowed\(|\bhas_role\(|\borg_ids_with_role\(|\baccess\.can_|\.has_perm\(|"
                              r"\b(?:\w+_)?access\.can_|\bsees_ledger\(")


def _adapter_modules() -> list[Path]:
    return [p for p in _python_files() if p.stem in ADAPTERS | {"home", "navigation"} or p.parent.name == "views"
            or "management" in p.parts or p.name == "tasks.py"]


def test_views_api_forms_commands_and_tasks_decide_no_permission():
    offenders = {str(p.relative_to(ROOT)): sorted(set(PERMISSION_CALLS.findall(p.read_text())))
                 for p in _adapter_modules()}
    assert {p: calls for p, calls in offenders.items() if calls} == {}


def test_templates_check_no_role():
    offenders = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*.html")
                 if re.search(r"{%\s*(?:el)?if[^%]*(?:\buser\.(?:memberships|roles?\b|is_superuser|is_staff)|\bperms\.)",
                              p.read_text())]
    assert offenders == []


def test_nothing_touches_djangos_private_queryset_attributes():
    offenders = [str(p.relative_to(ROOT)) for p in _python_files()
                 if re.search(r"\._(result_cache|prefetch_done|prefetched_objects_cache)\b", p.read_text())]
    assert offenders == []


def test_sub_domains_are_packages_not_filename_suffixes():
    suffixed = [str(p.relative_to(ROOT)) for p in _python_files() if re.search(r"_(forums|cara|ingest)\.py$", p.name)]
    assert suffixed == []


def test_no_module_imports_another_modules_private_names():
    offenders = {}
    for path in _python_files(tests=False):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("dapi", ""):
                private = [a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
                if private:
                    offenders.setdefault(str(path.relative_to(ROOT)), []).extend(private)
    assert offenders == {}


def test_demo_data_is_imported_only_by_the_demo_command_and_tests():
    allowed = {ROOT / "management" / "commands" / "demo.py"}
    offenders = [str(p.relative_to(ROOT)) for p in _python_files() if p not in allowed and app_of(p) != "demo"
                 and any(m == "dapi.demo" or m.startswith("dapi.demo.") for m in imported_modules(p))]
    assert offenders == []


def app_graph() -> dict[str, set[str]]:
    """Which parts import which, from the real imports: `lib`, the apps, `demo`, and `dapi` for the
    project package itself (settings, URLs, the API root, home page, commands)."""
    graph = {part: set() for part in ["lib", *ORDER, "demo", "dapi"]}
    for path in _python_files():
        part = app_of(path) or "dapi"
        for module in imported_modules(path):
            bits = module.split(".")
            other = bits[1] if len(bits) > 1 and bits[1] in graph and bits[1] != "dapi" else "dapi"
            if other != part:
                graph[part].add(other)
    return graph


def documented_graph() -> dict[str, set[str]]:
    """The "imports" table of docs/architecture.md: | part | what it imports |."""
    text = (REPO / "docs" / "architecture.md").read_text()
    table = text.split("<!-- imports -->", 1)[1].split("<!-- /imports -->", 1)[0]
    rows = [[c.strip(" `") for c in line.strip().strip("|").split("|")] for line in table.splitlines()
            if line.startswith("|") and not set(line) <= set("|- ")]
    return {part: {p.strip(" `") for p in imports.split(",") if p.strip(" `-")} for part, imports in rows[1:]}


def test_the_architecture_doc_draws_the_real_imports():
    assert documented_graph() == app_graph()


# -- the checkers themselves see what they look for ---------------------------------------------


def test_the_checker_sees_an_upward_import(tmp_path):
    bad = tmp_path / "probe.py"
    bad.write_text("from dapi.decisions.models import Decision\n")
    assert imported_modules(bad, "dapi.funding.probe") == {"dapi.decisions.models"}


def test_the_checker_resolves_relative_imports_and_finds_a_cycle(tmp_path):
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("from . import access\nfrom .models import Programme\n")
    b.write_text("def f():\n    from ..decisions import views\n")
    assert imported_modules(a, "dapi.funding.a") == {"dapi.funding", "dapi.funding.access", "dapi.funding.models"}
    assert imported_modules(b, "dapi.funding.b") == {"dapi.decisions", "dapi.decisions.views"}
    graph = {"dapi.x.a": {"dapi.x.b"}, "dapi.x.b": {"dapi.x.c"}, "dapi.x.c": {"dapi.x.a"}, "dapi.x.d": {"dapi.x.a"}}
    assert import_cycles(graph) == [["dapi.x.a", "dapi.x.b", "dapi.x.c"]]


def test_the_permission_scan_sees_each_kind_of_decision():
    for text in ("allowed(ok)", "has_role(user, Role.X)", "org_ids_with_role(u)", "access.can_refer(u)",
                 "user.has_perm('x')", "case_access.can_see_perpetrator_side(u, c)"):
        assert PERMISSION_CALLS.search(text), text
    assert not PERMISSION_CALLS.search("selectors.case_page(user, case)")
