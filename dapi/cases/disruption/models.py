from auditlog.registry import auditlog
from django.db import models

from dapi.accounts.models import Organisation

from ..models.cases import Case


class DisruptionKind(models.TextChoices):
    """The disruption and protective actions a case records (DOMAIN.md section 8): a coded list."""

    RIGHT_TO_ASK = "dvds_ask", "Clare's Law disclosure: right to ask"
    RIGHT_TO_KNOW = "dvds_know", "Clare's Law disclosure: right to know"
    DVPN = "dvpn", "Domestic Violence Protection Notice (DVPN)"
    DVPO = "dvpo", "Domestic Violence Protection Order (DVPO)"
    DAPN = "dapn", "Domestic Abuse Protection Notice (DAPN)"
    DAPO = "dapo", "Domestic Abuse Protection Order (DAPO)"
    SPO = "spo", "Stalking Protection Order"
    BAIL = "bail", "Bail conditions"
    ARREST = "arrest", "Arrest"
    CHARGE = "charge", "Charge"
    BREACH = "breach", "Breach of a notice, order or bail conditions"


# A Clare's Law disclosure is made to her (at her request, or the police's own decision to tell
# her): that she asked, or was told, is hers, and his side learning it could put her at risk.
# Everything else is an action against him, which he knows of, and which both sides need for
# risk management and safety planning (docs/security.md, "Disruption and protective actions").
VICTIM_SIDE_KINDS = frozenset({DisruptionKind.RIGHT_TO_ASK, DisruptionKind.RIGHT_TO_KNOW})


class DisruptionAction(models.Model):
    """A disruption or protective action taken on a date by an agency about the perpetrator of a
    case. No free text: the kind, the date and the agency say what happened."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="disruption_actions")
    kind = models.CharField(max_length=16, choices=DisruptionKind.choices)
    taken_on = models.DateField()
    agency = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-taken_on", "-pk"]
        indexes = [models.Index(fields=["case", "taken_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.taken_on:%Y-%m-%d} for {self.case.reference}"

    @property
    def victim_side_only(self) -> bool:
        return self.kind in VICTIM_SIDE_KINDS


auditlog.register(DisruptionAction)
