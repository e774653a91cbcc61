from auditlog.registry import auditlog
from django.db import models

from dapi.accounts.models import Organisation
from dapi.funding.models import Programme

from ..models.cases import Case


class WorkshopPart(models.TextChoices):
    A = "A", "Part A"
    B = "B", "Part B"


class Workshop(models.Model):
    """A CARA workshop session. Part B follows Part A by 4-5 weeks; at most `capacity` places."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="workshops")
    part = models.CharField(max_length=1, choices=WorkshopPart.choices)
    starts_at = models.DateTimeField()
    venue = models.CharField(max_length=200)
    facilitator = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="workshops")
    capacity = models.PositiveSmallIntegerField(default=12)

    class Meta:
        ordering = ["starts_at", "part"]

    def __str__(self) -> str:
        return f"CARA {self.get_part_display()} on {self.starts_at:%Y-%m-%d %H:%M}"


class BookingStatus(models.TextChoices):
    BOOKED = "booked", "Booked"
    ATTENDED = "attended", "Attended"
    MISSED = "missed", "Missed"
    CANCELLED = "cancelled", "Cancelled"
    VOID = "void", "Void after a breach"


class WorkshopBooking(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.PROTECT, related_name="bookings")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="workshop_bookings")
    status = models.CharField(max_length=12, choices=BookingStatus.choices, default=BookingStatus.BOOKED)
    booked_on = models.DateField()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["workshop__starts_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["workshop", "case"], name="booking_once_per_workshop")]

    def __str__(self) -> str:
        return f"{self.case.reference} at {self.workshop}"


class Breach(models.Model):
    """A missed workshop: a breach of the caution's conditions, reported to the case's police contact."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="breaches")
    booking = models.OneToOneField(WorkshopBooking, on_delete=models.PROTECT, related_name="breach")
    occurred_on = models.DateField()

    class Meta:
        ordering = ["-occurred_on", "-pk"]

    def __str__(self) -> str:
        return f"Breach by {self.case.reference} on {self.occurred_on:%Y-%m-%d}"


class PoliceNotification(models.Model):
    """What was sent to the police contact, to whom and when. The message carries only references."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="police_notifications")
    breach = models.OneToOneField(Breach, on_delete=models.CASCADE, related_name="notification")
    sent_at = models.DateTimeField()
    recipient = models.CharField(max_length=200)
    recipient_email = models.EmailField(blank=True)
    message = models.TextField()

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"Notice to police about {self.case.reference}"


auditlog.register(Workshop)
auditlog.register(WorkshopBooking)
auditlog.register(Breach)
auditlog.register(PoliceNotification, mask_fields=["recipient", "recipient_email"],
                  mask_callable="dapi.audit.services.redact")
