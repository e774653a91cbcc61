"""Coded exit reasons (issue 17, item 6): a case that ended gets `exit_reason` from its free-text
`end_reason`, read by `exit_reason_of_text`. A known phrase gives its code (the text is kept as the
worker's words); anything else is "other" with the old text kept as its other-text (`end_reason`
itself). A completed case is completed whatever its text. Going back drops the codes and keeps every
text as it was.

The mapping is frozen here, not imported: the coded list may change again.
"""

import re

from django.db import migrations, models

COMPLETED, OTHER = "completed", "other"
# First match wins; lower case. They cover the demo's END_REASONS (dapi/demo/volume.py), the small
# demo's and the load-test seed's reasons, and the words workers typed.
PHRASES = [
    ("in_custody", r"\bcustody\b|\bprison\b|\bremanded\b|\bsentenced\b|\bjailed\b|\bimprisoned\b"),
    ("moved_away", r"\bmoved\b|\brelocated\b|\bleft the area\b|\bout of (the )?area\b"),
    ("risk_escalated", r"\brisk\b.*\b(escalat|increas|rose|higher)|\bescalat"),
    ("refused", r"\brefus|\bdeclined\b|\bwithdrew\b|\bwould not\b|\bunwilling\b"),
    ("lost_contact", r"\bstopped attending\b|\blost contact\b|\bno contact\b|\bdid not attend\b|\bnot attending\b|"
                     r"\bunable to contact\b|\bcould not be contacted\b|\bno response\b|\bdisengaged\b"),
]
ENDED = ("completed", "disengaged", "closed")


def exit_reason_of_text(text: str, status: str) -> tuple[str, str]:
    """(code, end_reason) for a case that ended with `status` and free-text reason `text`: a known
    phrase gives its code and keeps the text; anything else is "other" keeping the text as its
    other-text, or, with no text at all, saying that none was recorded."""
    text = (text or "").strip()
    if status == COMPLETED:
        return COMPLETED, text
    words = " ".join(text.lower().split())
    for code, pattern in PHRASES:
        if words and re.search(pattern, words):
            return code, text
    return OTHER, text or "No reason was recorded."


def forwards(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    for case in Case.objects.filter(status__in=ENDED).only("pk", "status", "end_reason").iterator():
        code, text = exit_reason_of_text(case.end_reason, case.status)
        Case.objects.filter(pk=case.pk).update(exit_reason=code, end_reason=text)


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0007_merge_victim_outcomes'),
    ]

    operations = [
        migrations.AddField(
            model_name='case',
            name='exit_reason',
            field=models.CharField(blank=True, choices=[('completed', 'Completed the programme'), ('lost_contact', 'Disengaged: lost contact'), ('refused', 'Disengaged: refused to take part'), ('moved_away', 'Disengaged: moved away'), ('in_custody', 'Disengaged: in custody'), ('risk_escalated', 'Risk escalated'), ('other', 'Other')], help_text='Why the case ended, from the coded list (dapi/cases/exits.py).', max_length=16),
        ),
        migrations.AlterField(
            model_name='case',
            name='end_reason',
            field=models.TextField(blank=True, help_text='Needed when the coded reason is "other"; free text (masked in the audit).', verbose_name='the reason in words'),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
