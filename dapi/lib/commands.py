"""What dapi's management commands share (`dapi COMMAND`; dapi/cli.py lists them).

Results go to stdout in the normal colour. A note about a result (what was written where) goes to
stdout too, unless stdout carries the result itself (a ranking, an export, a token), when it goes
to stderr, still in the normal colour: Django's stderr shows everything in its error style.
Problems are CommandError: exit 1 for bad input, USAGE (2) for bad usage. The Django-free half
(`note`, the format rule, the commands that run without Django) is `plaincommand.py`.
"""

from django.core.management.base import BaseCommand, CommandError

from dapi.lib import plaincommand
from dapi.lib.plaincommand import USAGE, Problem, note

__all__ = ["USAGE", "WITHOUT_DJANGO_HIDDEN", "django_command", "note", "output_format"]

# Django's options that mean nothing to a command run without Django set up: hidden from its help.
WITHOUT_DJANGO_HIDDEN = {"--version", "--settings", "--pythonpath", "--traceback", "--no-color", "--force-color",
                         "--skip-checks"}


def output_format(chosen: str | None, output: str | None, formats: dict[str, str], default: str) -> str:
    """The format to write (see `plaincommand.output_format`); a usage error is a CommandError (exit 2)."""
    try:
        return plaincommand.output_format(chosen, output, formats, default)
    except Problem as e:
        raise CommandError(str(e), returncode=e.returncode) from None


def django_command(body: type) -> type[BaseCommand]:
    """The Django management command of a body that runs without Django (`plaincommand.run`): the
    same arguments and work, its Problem raised as CommandError, no system checks."""

    def handle(self, *args, **options):
        try:
            return body.handle(self, *args, **options)
        except Problem as e:
            raise CommandError(str(e), returncode=e.returncode) from None

    return type("Command", (body, BaseCommand), {
        "__module__": body.__module__, "requires_system_checks": [],
        "suppressed_base_arguments": WITHOUT_DJANGO_HIDDEN, "handle": handle})
