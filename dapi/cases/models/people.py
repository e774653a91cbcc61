import secrets

from auditlog.registry import auditlog
from django.db import models

from dapi.accounts.models import Organisation

from ..equality import EQUALITY_FIELDS, NOT_RECORDED, choices, label

# Crockford's base32 without I, L, O, U: references are read aloud and copied by hand.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference(prefix: str = "P") -> str:
    return prefix + "-" + "".join(secrets.choice(_ALPHABET) for _ in range(4)) + "-" + "".join(
        secrets.choice(_ALPHABET) for _ in range(4))


class Person(models.Model):
    """Someone a case is about, known everywhere by a generated pseudonymous reference.

    Identifying details live in `IdentifyingDetails`, which only the workers on that
    person's side of a case (and their managers) may read.
    """

    reference = models.CharField(max_length=20, unique=True, editable=False)
    recorded_by = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="people_recorded")
    is_synthetic = models.BooleanField(default=False, help_text="Synthetic demonstration person, not a real one.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["reference"]

    def __str__(self) -> str:
        return self.reference


class IdentifyingDetails(models.Model):
    """Name, date of birth and how to reach someone. Never shown across the barrier."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="identifying_details")
    full_name = models.CharField(max_length=200, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    police_person_id = models.CharField("police person identifier", max_length=40, blank=True)
    safe_to_contact = models.TextField("how and when it is safe to make contact", blank=True)
    # Equality data (cases/equality.py), recorded by the side that may see this person.
    sex = models.CharField(label("sex"), max_length=30, choices=choices("sex"), default=NOT_RECORDED)
    gender_identity = models.CharField(label("gender_identity"), max_length=30, choices=choices("gender_identity"),
                                       default=NOT_RECORDED)
    age_band = models.CharField(label("age_band"), max_length=30, choices=choices("age_band"), default=NOT_RECORDED)
    ethnicity = models.CharField(label("ethnicity"), max_length=30, choices=choices("ethnicity"), default=NOT_RECORDED)
    disability = models.CharField(label("disability"), max_length=30, choices=choices("disability"),
                                  default=NOT_RECORDED)
    sexual_orientation = models.CharField(label("sexual_orientation"), max_length=30,
                                          choices=choices("sexual_orientation"), default=NOT_RECORDED)
    religion = models.CharField(label("religion"), max_length=30, choices=choices("religion"), default=NOT_RECORDED)
    first_language = models.CharField(label("first_language"), max_length=30, choices=choices("first_language"),
                                      default=NOT_RECORDED)
    interpreter_needed = models.CharField(label("interpreter_needed"), max_length=30,
                                          choices=choices("interpreter_needed"), default=NOT_RECORDED)

    class Meta:
        verbose_name_plural = "identifying details"

    def __str__(self) -> str:
        return f"Identifying details of {self.person.reference}"


IDENTIFYING_FIELDS = ["full_name", "date_of_birth", "address", "postcode", "phone", "email", "police_person_id",
                      "safe_to_contact"]

auditlog.register(Person)
auditlog.register(IdentifyingDetails, mask_fields=IDENTIFYING_FIELDS + EQUALITY_FIELDS,
                  mask_callable="dapi.audit.services.redact")
