"""`dapi`, the console script (dapi/cli.py): dapi's commands listed by group, Django's reachable but not
listed, exit 1 for bad input and 2 for bad usage, kebab-case names with the old ones kept, and `rank`
and `synth` run without Django being set up. The script runs as a user runs it, in a subprocess."""

import argparse
import io
import json
import os
import re
import subprocess
import sys
from importlib import import_module, metadata
from pathlib import Path

import pytest
from django.core.management import call_command, get_commands, load_command_class

from dapi import cli

DAPI = Path(sys.executable).parent / "dapi"
SMALL = Path(cli.__file__).parent / "identification" / "tests" / "data" / "small.csv"
DJANGO_INTERNALS = ["startproject", "startapp", "flush", "dbshell", "makemigrations", "migrate", "shell",
                    "runserver", "sqlflush", "squashmigrations", "dumpdata", "loaddata", "createsuperuser", "check"]


def dapi(*args, tmp_path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DAPI_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "200"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run([str(DAPI), *map(str, args)], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def listing(tmp_path_factory) -> dict[str, list[tuple[str, str]]]:
    """`dapi --help`: each group's heading with its (command, summary) lines."""
    result = dapi("--help", tmp_path=tmp_path_factory.mktemp("help"))
    assert result.returncode == 0, result.stderr
    groups, heading = {}, None
    for line in result.stdout.splitlines()[result.stdout.splitlines().index("Setup and serving:"):]:
        if line.endswith(":") and not line.startswith(" "):
            heading = line[:-1].lower()
            groups[heading] = []
        elif found := re.match(r"^  (\S+)\s{2,}(.*)$", line):
            groups[heading].append(found.groups())
    return groups


def test_the_help_lists_every_dapi_command_once_in_its_group(listing):
    assert list(listing) == ["setup and serving", "ledger", "cases", "identification", "reports and exports",
                             "data protection", "operations"]
    listed = [name for rows in listing.values() for name, _ in rows]
    assert sorted(listed) == sorted([*cli._commands(), "django"])
    assert ("rank", "Rank perpetrators by RFGV in each area from a police incident file.") in listing["identification"]


def test_the_help_lists_no_django_internals(listing):
    listed = {name for rows in listing.values() for name, _ in rows}
    assert listed.isdisjoint(DJANGO_INTERNALS)


def test_every_command_has_a_one_line_summary(listing):
    for rows in listing.values():
        for name, summary in rows:
            assert summary.endswith(".") and 10 < len(summary) <= 80, (name, summary)


def test_every_dapi_command_is_in_a_group_and_a_group_names_only_dapi_commands():
    grouped = [name for names in cli.GROUPS.values() for name in names]
    assert len(grouped) == len(set(grouped))
    assert sorted(grouped) == sorted([*cli._commands(), "django"])


def _actions(parser: argparse.ArgumentParser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _actions(sub)
        elif action.help != argparse.SUPPRESS:
            yield action


@pytest.mark.parametrize("name", sorted(cli._commands()))
def test_every_option_and_argument_of_every_command_has_help(name):
    command_name = name.replace("-", "_")
    command = load_command_class(get_commands()[command_name], command_name)
    missing = [action.option_strings or action.dest for action in _actions(command.create_parser("dapi", name))
               if not (action.help or "").strip()]
    assert missing == []


def test_version_is_dapis_own(tmp_path):
    result = dapi("--version", tmp_path=tmp_path)
    assert result.returncode == 0 and result.stdout == f"dapi {metadata.version('dapi')}\n"
    assert "Django" not in result.stdout


def test_bad_input_exits_1_with_the_problem_on_stderr(tmp_path):
    result = dapi("rank", tmp_path / "missing.csv", "--as-of", "2024-03-31", tmp_path=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert "missing.csv: no such file" in result.stderr
    result = dapi("runway", "--today", "yesterday", tmp_path=tmp_path)
    assert result.returncode == 1 and "--today must be a date like 2023-02-01" in result.stderr


@pytest.mark.parametrize("args", [["rank", SMALL], ["rank", SMALL, "--as-of", "2024-03-31", "--format", "xml"],
                                  ["runway", "--format", "xml"], ["no-such-command"],
                                  ["rank", SMALL, "--as-of", "2024-03-31", "--output", "ranked.txt"]])
def test_bad_usage_exits_2_with_the_problem_on_stderr(tmp_path, args):
    result = dapi(*args, tmp_path=tmp_path)
    assert result.returncode == 2 and result.stdout == "" and result.stderr
    assert not (tmp_path / "ranked.txt").exists()


def test_rank_writes_the_ranking_to_stdout_and_nothing_to_stderr(tmp_path):
    result = dapi("rank", SMALL, "--as-of", "2024-03-31", tmp_path=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout == (SMALL.parent / "small.expected.csv").read_text()


def test_report_panel_infers_html_from_the_extension_and_refuses_an_unknown_one(seeded, tmp_path):
    out = io.StringIO()
    call_command("report", "panel", "--programme", "cleveland-complex-needs", "--period", "2022/23",
                 "--output", str(tmp_path / "pack.html"), "--today", "2023-06-01", stdout=out)
    assert (tmp_path / "pack.html").read_text().lstrip().lower().startswith("<!doctype html")
    assert out.getvalue().startswith("Wrote the 2022/23 panel pack")
    with pytest.raises(Exception, match=r"the format cannot be told from \.doc") as refused:
        call_command("report", "panel", "--programme", "cleveland-complex-needs", "--period", "2022/23",
                     "--output", str(tmp_path / "pack.doc"))
    assert refused.value.returncode == 2 and not (tmp_path / "pack.doc").exists()


def test_export_infers_csv_from_the_extension(seeded, tmp_path):
    call_command("export", "360giving", "--output", str(tmp_path / "grants.csv"), stdout=io.StringIO(),
                 stderr=io.StringIO())
    assert (tmp_path / "grants.csv").read_text().startswith("Identifier,")


def test_runway_json_is_format_json_and_the_old_json_flag_still_works(seeded):
    old, new = io.StringIO(), io.StringIO()
    call_command("runway", "--json", "--today", "2023-02-01", stdout=old)
    call_command("runway", "--format", "json", "--today", "2023-02-01", stdout=new)
    assert json.loads(new.getvalue()) == json.loads(old.getvalue()) != []


def test_old_underscore_names_still_work_but_are_not_listed(tmp_path, listing):
    result = dapi("api_token", "--help", tmp_path=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("usage: dapi api-token")
    assert "api_token" not in {name for rows in listing.values() for name, _ in rows}
    result = dapi("report", "home_office", "--help", tmp_path=tmp_path)
    assert result.returncode == 0 and "usage: dapi report home-office" in result.stdout


def test_djangos_commands_are_reachable_as_before_and_under_dapi_django(tmp_path):
    assert dapi("migrate", "--help", tmp_path=tmp_path).stdout.startswith("usage: dapi migrate")
    result = dapi("django", "help", tmp_path=tmp_path)
    assert result.returncode == 0 and "startproject" in result.stdout and "[dapi]" in result.stdout


def test_a_note_on_stderr_beside_a_result_on_stdout_is_not_in_the_error_colour(cast):
    out, err = io.StringIO(), io.StringIO()
    call_command("api_token", "commissioner", "--name", "sheet", "--force-color", stdout=out, stderr=err)
    assert err.getvalue().startswith("API token 'sheet' for commissioner") and "\x1b[" not in err.getvalue()
    assert len(out.getvalue().strip()) > 20


RANK_WITHOUT_DJANGO = """
import sys
from dapi import cli
for args in (["synth", "incidents", "--rows", "2000", "--output", sys.argv[1]],
             ["rank", sys.argv[1], "--as-of", "2024-03-31", "--output", sys.argv[2]]):
    try:
        cli.main(args)
    except SystemExit as e:
        assert e.code in (0, None), e.code
import django.apps
loaded = sorted(m for m in sys.modules if m == "dapi.settings" or m.endswith(".models") and m.startswith("dapi"))
print(django.apps.apps.ready, loaded, file=sys.stderr)
"""


def test_rank_and_synth_run_without_django_being_set_up(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run([sys.executable, "-c", RANK_WITHOUT_DJANGO, tmp_path / "i.parquet", tmp_path / "r.csv"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "False []"
    assert (tmp_path / "r.csv").read_text().startswith("area,rank,perpetrator_id,")


NEVER_ON_THE_ENGINES_PATH = {"django", "ninja", "click", "pandas", "altair", "weasyprint", "rich"}


@pytest.mark.parametrize("command", ["rank", "synth"])
def test_the_console_script_runs_rank_and_synth_without_importing_django_or_click(tmp_path, command):
    data, out = tmp_path / "i.parquet", tmp_path / "r.csv"
    args = (["synth", "incidents", "--rows", "3000", "--output", data] if command == "synth"
            else ["rank", SMALL, "--as-of", "2024-03-31", "--output", out])
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1", "DAPI_DATA_DIR": str(tmp_path / "data")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run([str(DAPI), *map(str, args)], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    # The list is the real one: the engine's modules the command uses and Polars are in it.
    assert {"polars", "dapi.identification.engine" if command == "rank" else "dapi.identification.engine.synth"} \
        <= imported
    assert {name.split(".")[0] for name in imported}.isdisjoint(NEVER_ON_THE_ENGINES_PATH)
    assert "dapi.settings" not in imported
    if command == "rank":
        assert out.read_text() == (SMALL.parent / "small.expected.csv").read_text()
    else:
        assert data.stat().st_size > 0


def test_every_command_module_named_by_the_cli_exists():
    for name, path in cli._commands().items():
        assert import_module(cli._module(path)).Command.help, name
