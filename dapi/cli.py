"""The `dapi` console script: dapi's own commands, grouped, with Django's own behind `dapi django`.

`dapi --help` lists the management commands under dapi's `management/commands` folders, in the
groups below, each with the first sentence of its `help`, read from the module's source without
importing it (so the list costs no Django start-up). Each command runs through Django's
management machinery: its argparse parser (`dapi rank --help`), its CommandError (the message on
stderr, exit 1 for bad input, 2 for bad usage). Django is set up only for commands that need it:
`rank` and `synth` run the Django-free identification engine without importing Django at all, nor
click: `main` hands them straight to their bodies (`dapi.lib.plaincommand.run`), so a ranking pays
only for Python and Polars to start.

Names are kebab-case (`dapi check-barrier`); the old underscore names (`dapi api_token`) still
work and are not listed. Django's own commands are reachable as `dapi django COMMAND`, and as
`dapi COMMAND` (so `dapi migrate` keeps working), but are not listed.
"""

import ast
import os
import sys
from importlib import import_module
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent

# Every dapi command in exactly one group (a test fails for a command left out or a group left empty).
GROUPS = {
    "setup and serving": ["demo", "serve", "db-worker", "django"],
    "ledger": ["runway", "ingest", "register"],
    "cases": ["check-barrier"],
    "identification": ["rank", "synth", "outcomes"],
    "reports and exports": ["report", "export"],
    "data protection": ["subject-access", "erase", "retention"],
    "operations": ["backup", "restore", "api-token", "reset-two-factor", "totp-code", "remind"],
}
# Commands that run without Django (their bodies: module, class; see dapi.lib.plaincommand).
WITHOUT_DJANGO = {"rank": ("dapi.identification.console", "Rank"), "synth": ("dapi.identification.console", "Synth")}
# Old underscore spellings of subcommands, kept working but not shown.
SUBCOMMAND_ALIASES = {"report": {"home_office": "home-office"}}
DJANGO_SUMMARY = "Django's own commands (migrate, createsuperuser, ...), not listed here."


def _commands() -> dict[str, Path]:
    """dapi's management commands by kebab-case name, each with its module's file."""
    found = {}
    for path in sorted(PACKAGE.glob("**/management/commands/*.py")):
        if path.name != "__init__.py" and "tests" not in path.parts:
            found[path.stem.replace("_", "-")] = path
    return found


def _module(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)


def summary(path: Path, name: str = "Command") -> str:
    """The first sentence of the `help` of the module's class `name`, read without importing it."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ClassDef) and node.name == name:
            for item in node.body:
                if (isinstance(item, ast.Assign) and any(getattr(t, "id", None) == "help" for t in item.targets)
                        and isinstance(item.value, ast.Constant) and isinstance(item.value.value, str)):
                    text = " ".join(item.value.value.split())
                    return text.split(". ", 1)[0].rstrip(".") + "."
    return ""


def summary_of(name: str, path: Path) -> str:
    """The summary of dapi's command `name` (its body's, for a command that runs without Django)."""
    if name in WITHOUT_DJANGO:
        module, body = WITHOUT_DJANGO[name]
        return summary(PACKAGE.parent.joinpath(*module.split(".")).with_suffix(".py"), body)
    return summary(path)


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dapi.settings")
    import django

    django.setup()


def _run_plain(name: str, args: list[str]) -> int:
    """Run `rank` or `synth` without Django and without click."""
    from dapi.lib.plaincommand import run

    module, body = WITHOUT_DJANGO[name]
    return run(getattr(import_module(module), body), "dapi", name, args)


def _run(name: str, path: Path, args: list[str]) -> None:
    """Run dapi's command `name` with `args` as Django would from its command line."""
    aliases = SUBCOMMAND_ALIASES.get(name, {})
    if args and args[0] in aliases:
        args = [aliases[args[0]], *args[1:]]
    if name in WITHOUT_DJANGO:
        sys.exit(_run_plain(name, args))
    _setup_django()
    from django.core.management import get_commands, load_command_class

    command_name = path.stem
    # The app that provides it last wins, as in Django (dapi's db_worker over django-tasks-db's).
    command = load_command_class(get_commands()[command_name], command_name)
    command.run_from_argv(["dapi", name, *args])


def _django(args: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dapi.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["dapi", *args])


def _group():
    """The click group of every command: dapi's listed by group, Django's found only when asked for
    by name. Built on demand, so that `rank` and `synth` never import click."""
    import click

    def passthrough(name: str, help_text: str, run, *, hidden: bool = False) -> click.Command:
        """A click command that hands everything after its name to `run` (Django's parser reads it)."""
        return click.Command(
            name, callback=lambda args: run(list(args)), help=help_text, short_help=help_text, hidden=hidden,
            add_help_option=False, params=[click.Argument(["args"], nargs=-1, type=click.UNPROCESSED)],
            context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                              "allow_interspersed_args": False})

    class Dapi(click.Group):
        def list_commands(self, ctx: click.Context) -> list[str]:
            return [name for names in GROUPS.values() for name in names]

        def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
            if name == "django":
                return passthrough("django", DJANGO_SUMMARY, _django)
            commands = _commands()
            canonical = name.replace("_", "-")
            if canonical in commands:
                path = commands[canonical]
                return passthrough(canonical, summary_of(canonical, path), lambda args: _run(canonical, path, args),
                                   hidden=canonical != name)
            if name.startswith("-"):
                return None
            _setup_django()
            from django.core.management import get_commands

            if name in get_commands():  # Django's own (`dapi migrate`): works, never listed
                return passthrough(name, "", lambda args: _django([name, *args]), hidden=True)
            return None

        def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
            commands = _commands()
            for group, names in GROUPS.items():
                rows = [(name, DJANGO_SUMMARY if name == "django" else summary_of(name, commands[name]))
                        for name in names]
                with formatter.section(group[0].upper() + group[1:]):
                    formatter.write_dl(rows)

    @click.group(cls=Dapi, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
    @click.version_option(package_name="dapi", prog_name="dapi", message="%(prog)s %(version)s",
                          help="Print dapi's version and stop.")
    def dapi() -> None:
        """dapi: domestic abuse perpetrator interventions, from the money to the evidence.

        Run `dapi COMMAND --help` for a command's options. Results go to stdout; problems go to
        stderr, with exit status 1 for bad input and 2 for bad usage.
        """

    return dapi


def main(args: list[str] | None = None) -> None:
    """The console script: `rank` and `synth` straight to their Django-free bodies, the rest through click."""
    argv = sys.argv[1:] if args is None else [str(a) for a in args]
    if argv and argv[0] in WITHOUT_DJANGO:
        code = _run_plain(argv[0], argv[1:])
        if args is None:
            # Run as the console script, nothing is left to do once the output is flushed: skip
            # tearing down the interpreter, its modules and Polars' frames and thread pool
            # (0.07 to 0.14 s after a ranking of 1M rows, measured).
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        sys.exit(code)
    _group()(args=argv, prog_name="dapi")


if __name__ == "__main__":
    main()
