"""Commands that run without Django: `dapi rank` and `dapi synth` (dapi/cli.py).

A command body is a class with `help`, `add_arguments(parser)` and `handle(**options)`, written
as for a Django management command (`self.stdout.write`, `self.stderr.write`) but raising
`Problem` instead of Django's CommandError. The console script runs it through `run`, with an
argparse parser and plain output, so that neither Django nor its management machinery is
imported; `dapi.lib.commands.django_command` makes the same body a Django management command
(for `call_command` and `manage.py`). Imports no Django.
"""

import argparse
import sys
from pathlib import Path
from typing import TextIO

USAGE = 2


class Problem(Exception):
    """Bad input (exit 1) or, with `returncode=USAGE`, bad usage (exit 2)."""

    def __init__(self, message: str, returncode: int = 1):
        super().__init__(message)
        self.returncode = returncode


class Output:
    """What Django's OutputWrapper offers a command (`write(text, style_func, ending)`), unstyled."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, msg: str = "", style_func=None, ending: str | None = None) -> None:
        ending = "\n" if ending is None else ending
        if ending and not msg.endswith(ending):
            msg += ending
        self._stream.write(msg)

    def flush(self) -> None:
        self._stream.flush()


def _plain(text: str) -> str:
    return text


def note(command, text: str, *, stdout_is_the_result: bool = False) -> None:
    """Tell the user what was done: on stdout, or on stderr (plain) when stdout carries the result."""
    if stdout_is_the_result:
        command.stderr.write(text, style_func=_plain)
    else:
        command.stdout.write(text)


def output_format(chosen: str | None, output: str | None, formats: dict[str, str], default: str) -> str:
    """The format to write: `--format` when given; else the one the `--output` file's extension names
    (`formats` maps extensions such as ".html" to formats); else `default` (for stdout). An output file
    whose extension names no format, without `--format`, is a usage error (exit 2)."""
    if chosen:
        return chosen
    if not output:
        return default
    suffix = Path(output).suffix.lower()
    if suffix in formats:
        return formats[suffix]
    accepted = ", ".join(sorted(set(formats.values())))
    raise Problem(f"--output {output}: the format cannot be told from {suffix or 'a name without an extension'}; "
                  f"give --format ({accepted}) or a file ending in {', '.join(formats)}.", returncode=USAGE)


class _Plain:
    """What a body needs from its runner when Django is not there."""

    def __init__(self) -> None:
        self.stdout, self.stderr = Output(sys.stdout), Output(sys.stderr)

    def create_parser(self, prog_name: str, subcommand: str) -> argparse.ArgumentParser:
        parser = argparse.ArgumentParser(prog=f"{prog_name} {subcommand}", description=self.help or None)
        self.add_arguments(parser)
        return parser


def run(body: type, prog: str, name: str, args: list[str]) -> int:
    """Run the command body `body` as `prog name args...`: argparse reads the arguments (bad usage
    exits 2 with the usage on stderr), a Problem is printed on stderr and gives its exit status."""
    command = type(body.__name__, (body, _Plain), {})()
    options = vars(command.create_parser(prog, name).parse_args(args))
    try:
        command.handle(**options)
    except Problem as e:
        command.stderr.write(f"CommandError: {e}")
        return e.returncode
    return 0
