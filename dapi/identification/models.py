"""Incident imports and the RFGV rankings they produce."""

from auditlog.registry import auditlog
from django.db import models

from dapi.accounts.models import Organisation


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Processing"
    INVALID = "invalid", "Rejected: the file is not valid"
    FAILED = "failed", "Failed"
    DONE = "done", "Ranked"


class IncidentImport(models.Model):
    """One police incident file, ranked as of a date with a profile. The file is kept (as Parquet)
    for rescoring and outcomes; rankings are written all at once or not at all."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="incident_imports")
    uploaded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    original_name = models.CharField(max_length=200)
    file = models.FileField(upload_to="incidents/")
    as_of = models.DateField()
    status = models.CharField(max_length=12, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    progress = models.CharField(max_length=200, blank=True)
    errors = models.JSONField(default=list, blank=True)
    profile_version = models.CharField(max_length=40, blank=True)
    rows = models.PositiveIntegerField(null=True, blank=True)
    perpetrators = models.PositiveIntegerField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"Incident import {self.pk} ({self.original_name}, as of {self.as_of:%Y-%m-%d})"


class RfgvComponents(models.Model):
    """An RFGV score and its components (DOMAIN.md section 4), as the engine gives them."""

    score = models.FloatField()
    recency = models.PositiveSmallIntegerField()
    frequency = models.PositiveSmallIntegerField()
    gravity = models.FloatField()
    victims = models.PositiveSmallIntegerField()
    incidents = models.PositiveIntegerField()
    victim_count = models.PositiveIntegerField()
    harm_days = models.FloatField()

    class Meta:
        abstract = True


class PoliceWindows(models.Model):
    """Incidents and harm in the 12 months before and after a case's entry date."""

    incidents_before = models.PositiveIntegerField()
    harm_before = models.FloatField()
    incidents_after = models.PositiveIntegerField()
    harm_after = models.FloatField()

    class Meta:
        abstract = True


class RankedPerpetrator(RfgvComponents):
    """An eligible perpetrator's RFGV result in one import, with every component and his rank in his area."""

    incident_import = models.ForeignKey(IncidentImport, on_delete=models.CASCADE, related_name="ranked")
    area = models.CharField(max_length=100)
    rank = models.PositiveIntegerField()
    perpetrator_id = models.CharField(max_length=60)
    days_since = models.PositiveIntegerField()
    last_incident = models.DateField()
    serial = models.BooleanField()

    class Meta:
        ordering = ["area", "rank"]
        indexes = [models.Index(fields=["incident_import", "area", "rank"]),
                   models.Index(fields=["incident_import", "perpetrator_id"])]

    def __str__(self) -> str:
        return f"{self.area} #{self.rank} in import {self.incident_import_id}"


class CaseOutcome(PoliceWindows):
    """A case's police-recorded outcomes, computed by the background task from the newest ranked
    import of the force that referred him (never another force's) and stored, so no page reads an
    incident file: incidents and harm in the 12 months before and after entry, and `points`, the
    RFGV rescores at entry, every 28 days and at exit. Computed for the case's dates as they were
    (`entered_on`, `ended_on`); computed again when a newer import of that force is ranked or the
    case's dates change."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="police_outcome")
    incident_import = models.ForeignKey(IncidentImport, on_delete=models.CASCADE, related_name="case_outcomes")
    entered_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    days_after = models.PositiveIntegerField(help_text="Days of the after-window passed by the import's as-of date.")
    window_days = models.PositiveIntegerField()
    rfgv_change = models.FloatField(help_text="The latest rescore's score minus the score at entry.")
    computed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Police outcome of case {self.case_id} from import {self.incident_import_id}"


class OutcomePoint(RfgvComponents):
    """One RFGV rescore of a case's stored outcome (see CaseOutcome)."""

    outcome = models.ForeignKey(CaseOutcome, on_delete=models.CASCADE, related_name="points")
    on = models.DateField()
    point = models.CharField(max_length=8, help_text="entry, review or exit")

    class Meta:
        ordering = ["outcome", "on"]

    def __str__(self) -> str:
        return f"RFGV {self.score:.4f} on {self.on:%Y-%m-%d} ({self.point})"


auditlog.register(IncidentImport, exclude_fields=["progress"])
# Which import and which dates an outcome was worked out from; its figures are police data about the case.
auditlog.register(CaseOutcome, include_fields=["case", "incident_import", "entered_on", "ended_on"])


class CaseComparison(PoliceWindows):
    """A case's comparison group (issue 17, item 7), computed by the background task from the same
    import as his outcome (the newest ranked import of the force that referred him) and stored:
    his RFGV band and area on his entry date, his incidents and harm in the 12 months before and
    after entry, and `comparators`, that force's ranked perpetrators never referred who matched him
    (none: he is unmatched, and left out of the difference)."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="police_comparison")
    incident_import = models.ForeignKey(IncidentImport, on_delete=models.CASCADE, related_name="case_comparisons")
    entered_on = models.DateField()
    area = models.CharField(max_length=100, blank=True, help_text="His area on the entry date (blank: no incident).")
    band = models.PositiveSmallIntegerField(null=True, blank=True,
                                            help_text="Lower bound of his RFGV band on the entry date; empty when he "
                                                      "was not ranked then.")
    score = models.FloatField(null=True, blank=True)
    days_after = models.PositiveIntegerField()
    window_days = models.PositiveIntegerField()
    computed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Comparison group of case {self.case_id} from import {self.incident_import_id}"


class Comparator(PoliceWindows):
    """One of the force's ranked perpetrators, never referred, matched to a case (see CaseComparison),
    with his incidents and harm over the case's windows. Police data of that force: never shown."""

    comparison = models.ForeignKey(CaseComparison, on_delete=models.CASCADE, related_name="comparators")
    perpetrator_id = models.CharField(max_length=40)
    score = models.FloatField()

    class Meta:
        ordering = ["comparison", "pk"]

    def __str__(self) -> str:
        return f"Comparator of case comparison {self.comparison_id}"


# As for outcomes: which import, dates and match a comparison comes from, never its figures.
auditlog.register(CaseComparison, include_fields=["case", "incident_import", "entered_on", "band"])


class VictimIncidents(models.Model):
    """The police incidents naming a victim of a police-referred case (issue 17, item 8): the dates of
    the incidents in which a row of the newest ranked import of the force that referred him names her
    police identifier (`police_person_id`, as it was when computed) as the victim. Computed by the
    background tasks when such an import is ranked and when her police identifier is set, and stored,
    so a DASH's escalation criterion counts them without opening an incident file (the cases app
    reads them through settings.DAPI_VICTIM_INCIDENT_DATES)."""

    member = models.OneToOneField("cases.CaseMember", on_delete=models.CASCADE, related_name="police_incidents")
    incident_import = models.ForeignKey(IncidentImport, on_delete=models.CASCADE, related_name="victim_incidents")
    police_person_id = models.CharField(max_length=40)
    incident_dates = models.JSONField(default=list, help_text="ISO dates, one per incident, ascending.")
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "victim incidents"

    def __str__(self) -> str:
        return f"Police incidents of case member {self.member_id} from import {self.incident_import_id}"


# Which import a victim's incidents come from, never her identifier or the dates.
auditlog.register(VictimIncidents, include_fields=["member", "incident_import"])
