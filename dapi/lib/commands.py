"""What dapi's management commands share (`dapi COMMAND`; dapi/cli.py lists them).

Results go to stdout in the normal colour. A note about a result (what was written where) goes to
stdout too, unless stdout carries the result itself (a ranking, an export, a token), when it goes
to stderr, still in the normal colour: Django's stderr shows everything in its error style.
Problems are CommandError: exit 1 for bad input, USAGE (2) for bad usage.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

USAGE = 2
# Django's options that mean nothing to a command run without Django set up: hidden from its help.
WITHOUT_DJANGO_HIDDEN = {"--version", "--settings", "--pythonpath", "--traceback", "--no-color", "--force-color",
                         "--skip-checks"}


def _plain(text: str) -> str:
    return text


def note(command: BaseCommand, text: str, *, stdout_is_the_result: bool = False) -> None:
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
    raise CommandError(f"--output {output}: the format cannot be told from {suffix or 'a name without an extension'}; "
                       f"give --format ({accepted}) or a file ending in {', '.join(formats)}.", returncode=USAGE)
