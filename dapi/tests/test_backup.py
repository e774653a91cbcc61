"""`dapi backup` and `dapi restore`: a round trip gives back every row of every table."""

import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection

from dapi.accounts.models import Organisation
from dapi.demo.cases import load_demo_cases
from dapi.cases.models import Case, Person
from dapi.demo.seeds import load_demo

pytestmark = pytest.mark.django_db(transaction=True)


def every_row() -> dict[str, list[tuple]]:
    """Every row of every table Django knows, as tuples, in primary-key order."""
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        table = model._meta.db_table
        fields = [f.column for f in model._meta.concrete_fields]
        with connection.cursor() as cursor:
            cursor.execute(f'SELECT {", ".join(connection.ops.quote_name(c) for c in fields)} FROM '
                           f'{connection.ops.quote_name(table)} ORDER BY 1')
            rows[table] = [tuple(str(v) for v in row) for row in cursor.fetchall()]
    return rows


def test_a_backup_restores_every_row_after_changes_and_deletions(tmp_path):
    load_demo()
    load_demo_cases(count=6)
    before = every_row()
    assert sum(len(r) for r in before.values()) > 500
    path = tmp_path / "dapi.backup"
    call_command("backup", str(path), stdout=io.StringIO())
    Person.objects.create(reference="P-EXTR-A000", recorded_by=Organisation.objects.order_by("pk").first())
    Case.objects.filter(status="active").update(police_contact="changed after the backup")
    call_command("flush", "--no-input", verbosity=0)
    assert every_row() != before
    call_command("restore", str(path), "--yes", stdout=io.StringIO())
    assert every_row() == before


def test_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing(tmp_path):
    load_demo()
    before = every_row()
    bad = tmp_path / "notes.txt"
    bad.write_text("not a backup")
    with pytest.raises(CommandError, match="is not a"):
        call_command("restore", str(bad), "--yes")
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(bad))
    with pytest.raises(CommandError, match="No backup file"):
        call_command("restore", str(tmp_path / "missing"), "--yes")
    assert every_row() == before
