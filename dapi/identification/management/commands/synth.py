"""`dapi synth incidents --rows N --seed S --output FILE` as a Django management command. The console
script runs the same body, `dapi.identification.console.Synth`, without importing Django (dapi/cli.py)."""

from dapi.identification.console import Synth
from dapi.lib.commands import django_command

Command = django_command(Synth)
