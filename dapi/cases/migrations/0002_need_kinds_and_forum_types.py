"""The configurable vocabularies start with the kinds DOMAIN.md names; areas add their own."""

from django.db import migrations

NEED_KINDS = [
    ("mental-health", "Mental health"), ("drugs", "Drugs"), ("alcohol", "Alcohol"), ("housing", "Housing"),
    ("finance", "Finance and debt"), ("employment", "Employment, education or training"),
    ("physical-health", "Physical health"), ("relationships", "Family and relationships"),
]
FORUM_TYPES = [
    ("MARAC", "Multi-Agency Risk Assessment Conference", "High-risk victims of domestic abuse; usually monthly.",
     "victim", 28),
    ("MATAC", "Multi-Agency Tasking and Coordination", "Serial perpetrators ranked by RFGV; every four weeks.",
     "perpetrator", 28),
    ("MAPPA", "Multi-Agency Public Protection Arrangements", "Management of violent and sexual offenders.",
     "perpetrator", None),
    ("TATI", "Multi-agency tasking and intervention forum", "A local multi-agency forum for perpetrator cases.",
     "perpetrator", None),
]


def forwards(apps, schema_editor):
    NeedKind = apps.get_model("cases", "NeedKind")
    ForumType = apps.get_model("cases", "ForumType")
    for position, (code, name) in enumerate(NEED_KINDS):
        NeedKind.objects.get_or_create(code=code, defaults={"name": name, "position": position})
    for code, name, description, side, every in FORUM_TYPES:
        ForumType.objects.get_or_create(code=code, defaults={
            "name": name, "description": description, "side": side, "meets_every_days": every})


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
