from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from .identifiers import split, validate_charity_number, validate_company_number, validate_org_id


class OrganisationKind(models.TextChoices):
    OPCC = "opcc", "Office of the Police and Crime Commissioner"
    COMBINED_AUTHORITY = "combined_authority", "Combined authority"
    GOVERNMENT = "government", "Government department"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    CSP = "csp", "Community Safety Partnership"
    POLICE_FORCE = "police_force", "Police force"
    PROVIDER = "provider", "Provider"
    EVALUATOR = "evaluator", "Evaluator"
    PANEL = "panel", "Police and Crime Panel or board"
    OTHER = "other", "Other"


class Organisation(models.Model):
    """Any body that funds, commissions, delivers, evaluates or scrutinises.

    `org_id` is the 360Giving / org-id.guide identifier (GB-CHC-..., GB-COH-..., GB-GOR-..., GB-LAE-...,
    GB-LAS-..., GB-SC-..., GB-NIC-...) where a public register gives one; charity and company numbers
    are kept separately too. Each is checked against its scheme's format (identifiers.py). Blank means
    not known: the exports then fall back to the configured 360G- prefix.
    """

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=32, choices=OrganisationKind.choices)
    org_id = models.CharField("organisation identifier", max_length=64, blank=True, validators=[validate_org_id],
                              help_text="org-id.guide identifier, like GB-CHC-1090095 or GB-LAE-HAM.")
    charity_number = models.CharField(max_length=20, blank=True, validators=[validate_charity_number])
    company_number = models.CharField(max_length=20, blank=True, validators=[validate_company_number])
    website = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """An identifier in a charity or company scheme names the same number as the field beside it."""
        parts = split(self.org_id)
        if parts is None:
            return
        scheme, value = parts
        if scheme in ("GB-CHC", "GB-SC", "GB-NIC") and self.charity_number and self.charity_number != value:
            raise ValidationError({"charity_number": f"The identifier {self.org_id} names charity number {value}, "
                                                     f"not {self.charity_number}: correct one of them"})
        if scheme == "GB-COH" and self.company_number and self.company_number != value:
            raise ValidationError({"company_number": f"The identifier {self.org_id} names company number {value}, "
                                                     f"not {self.company_number}: correct one of them"})


class AreaKind(models.TextChoices):
    POLICE_FORCE_AREA = "police_force_area", "Police force area"
    LOCAL_AUTHORITY = "local_authority", "Local authority area"
    CSP = "csp", "Community Safety Partnership area"


class Area(models.Model):
    """A geography: a police force area contains local authority and CSP areas."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=AreaKind.choices)
    code = models.CharField("ONS or other code", max_length=20, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="areas",
        help_text="The body responsible for this area (council, CSP or force).",
    )

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "kind"], name="area_unique_name_kind")]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    COMMISSIONER = "commissioner", "Commissioner"
    FINANCE_OFFICER = "finance_officer", "Finance officer"
    PROVIDER_MANAGER = "provider_manager", "Provider manager"
    PERPETRATOR_WORKER = "perpetrator_worker", "Perpetrator worker"
    PARTNER_SUPPORT_WORKER = "partner_support_worker", "Partner support worker"
    POLICE_ANALYST = "police_analyst", "Police analyst"
    PANEL_MEMBER = "panel_member", "Panel member"
    EVALUATOR = "evaluator", "Evaluator"
    ADMINISTRATOR = "administrator", "Administrator"


class User(AbstractUser):
    """A person who signs in. Roles come from memberships, never from Django's is_staff."""

    is_demo = models.BooleanField(default=False, help_text="Synthetic demonstration user.")

    def roles(self) -> set[str]:
        return {m.role for m in self.memberships.all()}


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=32, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.organisation}"


class ApiToken(models.Model):
    """A bearer token for the JSON API, acting as its user. Only the SHA-256 of the token is
    kept: the token itself is shown once, when it is made. It works until it expires or is revoked;
    `last_used_at` is noted at most once a minute."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for, e.g. \"finance spreadsheet\".")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(help_text="The token stops working at this time (DAPI_API_TOKEN_DAYS after it was made).")
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    class Meta:
        ordering = ["user", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"


from auditlog.registry import auditlog  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

auditlog.register(Organisation)
auditlog.register(Area)
auditlog.register(User, exclude_fields=["password", "last_login"])
auditlog.register(Membership)
auditlog.register(ApiToken, exclude_fields=["key_hash", "last_used_at"])
# An authenticator's secret and its counters are never written to the audit log.
auditlog.register(TOTPDevice, include_fields=["user", "name", "confirmed"])
