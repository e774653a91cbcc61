"""What happens to an agreement after it is signed (DOMAIN.md section 8): an extension exercised, a
variation of its value or term, break-clause notice given, a termination; and its grant conditions,
a checklist with due dates and evidence.

Each event is a row of its own, written once by services/events.py, which changes the agreement in
the same transaction (its end, value or status: the runway reads the agreement, so it moves at once)
and keeps what it was before, for the history and the OCDS amendments. The approving decision record
of an extension or a variation is linked from the decisions side (`Decision.extensions`,
`Decision.variations`), as an award's is (`Decision.awards`): funding stands below decisions.
"""

from auditlog.registry import auditlog
from django.db import models

from .ledger import MONEY, POSITIVE, Agreement, AgreementStatus


class Extension(models.Model):
    """An extension option exercised: the agreement's end moves to `new_end` (after the old end, not
    after `extension_until`), with more money where the extension adds it."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="extensions")
    exercised_on = models.DateField(help_text="The day the extension was agreed.")
    previous_end = models.DateField()
    new_end = models.DateField()
    previous_value = models.DecimalField(**MONEY, null=True, blank=True)
    new_value = models.DecimalField(**MONEY, null=True, blank=True, validators=POSITIVE,
                                    help_text="The agreement's total value after the extension; empty: unchanged.")
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["agreement", "exercised_on", "pk"]

    def __str__(self) -> str:
        return f"Extension of {self.agreement} to {self.new_end:%-d %b %Y}"


class Variation(models.Model):
    """A change to the agreement's value or term (its end), approved by a decision; published as an
    OCDS contract amendment."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="variations")
    varied_on = models.DateField(help_text="The day the variation was agreed.")
    description = models.TextField(help_text="What changed and why.")
    previous_value = models.DecimalField(**MONEY, null=True, blank=True)
    new_value = models.DecimalField(**MONEY, null=True, blank=True, validators=POSITIVE,
                                    help_text="Empty: the value did not change.")
    previous_end = models.DateField()
    new_end = models.DateField(null=True, blank=True, help_text="Empty: the term did not change.")

    class Meta:
        ordering = ["agreement", "varied_on", "pk"]

    def __str__(self) -> str:
        return f"Variation of {self.agreement} on {self.varied_on:%-d %b %Y}"


class NoticeParty(models.TextChoices):
    COMMISSIONER = "commissioner", "The commissioner"
    PROVIDER = "provider", "The provider"


class BreakNotice(models.Model):
    """Notice given under the break clause: the agreement then ends on `effective_on` (at least the
    notice period after it was given, not after the end it had), and its extension options lapse."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="break_notices")
    given_on = models.DateField()
    given_by = models.CharField(max_length=16, choices=NoticeParty.choices)
    effective_on = models.DateField("ends on", help_text="The last day of the agreement under the notice.")
    previous_end = models.DateField()
    previous_extension_until = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["agreement", "given_on", "pk"]

    def __str__(self) -> str:
        return f"Break notice on {self.agreement} given {self.given_on:%-d %b %Y}"


class Termination(models.Model):
    """The agreement ended early on `terminated_on` (status terminated): the runway stops there."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="terminations")
    terminated_on = models.DateField()
    reason = models.TextField()
    previous_status = models.CharField(max_length=16, choices=AgreementStatus.choices)

    class Meta:
        ordering = ["agreement", "terminated_on", "pk"]

    def __str__(self) -> str:
        return f"Termination of {self.agreement} on {self.terminated_on:%-d %b %Y}"


class GrantCondition(models.Model):
    """One condition of the agreement, on its checklist: due by `due_on`, met on `met_on` with the
    evidence (words, a link, or both)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="grant_conditions")
    text = models.TextField("condition")
    due_on = models.DateField(null=True, blank=True)
    met_on = models.DateField(null=True, blank=True)
    evidence = models.TextField(blank=True)
    evidence_url = models.URLField("link to the evidence", max_length=500, blank=True)

    class Meta:
        ordering = ["agreement", models.F("due_on").asc(nulls_last=True), "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_met(self) -> bool:
        return self.met_on is not None


for _model in (Extension, Variation, BreakNotice, Termination, GrantCondition):
    auditlog.register(_model)
