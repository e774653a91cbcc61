"""The configurable vocabularies start with the kinds DOMAIN.md names; areas add their own."""

from django.db import migrations

from dapi.cases.vocabularies import ensure


def forwards(apps, schema_editor):
    ensure(apps.get_model("cases", "NeedKind"), apps.get_model("cases", "ForumType"))


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
