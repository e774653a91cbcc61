"""`dapi rank FILE --as-of YYYY-MM-DD [--top N] [--profile FILE] [--format csv|json] [--output FILE]`
as a Django management command (`call_command("rank", ...)`). The console script runs the same body,
`dapi.identification.console.Rank`, without importing Django (dapi/cli.py)."""

from dapi.identification.console import Rank
from dapi.lib.commands import django_command

Command = django_command(Rank)
