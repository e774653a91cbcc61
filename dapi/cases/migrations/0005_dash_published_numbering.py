"""Renumber stored DASH answers as the published checklist numbers its items (DOMAIN.md §5, issue 17).

The product's earlier list had no item for what she is afraid of (the checklist's item 3) and asked
"harm to children" (its 17) and "harm to others" (its 18) apart, where the checklist asks once whether
he has hurt anyone else (its 18). So, from the earlier numbering to the published one:

- 1, 2 stay 1, 2; 3-16 become 4-17; 19-24 stay 19-24;
- 17 and 18 become 18: yes if either was yes, no if both were no, otherwise not known;
- 3 is left unanswered: it was never asked, and "not known" would say it had been.

Score, grades and the MARAC decision stay as they were made (an assessment is never re-graded by a
later change), and the answers as recorded are kept in `answers_as_recorded`, so going back restores
them exactly. Going back, a checklist recorded since on the published numbering gets 3-17 as 2-16 (its
item 3 has no place), 18 as "harm to others", and "harm to children" not known unless 18 was no.

The mapping is frozen here, not imported: `dash.DASH_ITEMS` may change again.
"""

from django.db import migrations, models

OLD_HARM_TO_CHILDREN, OLD_HARM_TO_OTHERS, HURT_ANYONE_ELSE = "17", "18", "18"


def _merged(children, others):
    if "yes" in (children, others):
        return "yes"
    if children == "no" and others == "no":
        return "no"
    return "not_known"


def to_published(old: dict) -> dict:
    new = {}
    for key, value in old.items():
        n = int(key)
        if n in (1, 2) or 19 <= n <= 24:
            new[str(n)] = value
        elif 3 <= n <= 16:
            new[str(n + 1)] = value
    if OLD_HARM_TO_CHILDREN in old or OLD_HARM_TO_OTHERS in old:
        new[HURT_ANYONE_ELSE] = _merged(old.get(OLD_HARM_TO_CHILDREN), old.get(OLD_HARM_TO_OTHERS))
    return dict(sorted(new.items(), key=lambda kv: int(kv[0])))


def to_earlier(new: dict) -> dict:
    old = {}
    for key, value in new.items():
        n = int(key)
        if n in (1, 2) or 19 <= n <= 24:
            old[str(n)] = value
        elif 4 <= n <= 17:
            old[str(n - 1)] = value
    if HURT_ANYONE_ELSE in new:
        old[OLD_HARM_TO_OTHERS] = new[HURT_ANYONE_ELSE]
        old[OLD_HARM_TO_CHILDREN] = "no" if new[HURT_ANYONE_ELSE] == "no" else "not_known"
    return dict(sorted(old.items(), key=lambda kv: int(kv[0])))


def forwards(apps, schema_editor):
    RiskAssessment = apps.get_model("cases", "RiskAssessment")
    for a in RiskAssessment.objects.only("pk", "answers").iterator():
        RiskAssessment.objects.filter(pk=a.pk).update(answers=to_published(a.answers), answers_as_recorded=a.answers)


def backwards(apps, schema_editor):
    RiskAssessment = apps.get_model("cases", "RiskAssessment")
    for a in RiskAssessment.objects.only("pk", "answers", "answers_as_recorded").iterator():
        old = a.answers_as_recorded if a.answers_as_recorded is not None else to_earlier(a.answers)
        RiskAssessment.objects.filter(pk=a.pk).update(answers=old)


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_evidence_indexes")]
    operations = [
        migrations.AddField(
            model_name="riskassessment",
            name="answers_as_recorded",
            field=models.JSONField(
                blank=True, null=True,
                help_text="Checklists recorded before the product followed the published numbering (migration "
                          "0005): the answers as recorded, under the product's earlier numbering. Empty for every "
                          "checklist recorded since."),
        ),
        migrations.AlterField(
            model_name="riskassessment",
            name="answers",
            field=models.JSONField(help_text="Item number (1-24, as the published checklist numbers them) to yes, "
                                             "no or not_known."),
        ),
        migrations.RunPython(forwards, backwards),
    ]
