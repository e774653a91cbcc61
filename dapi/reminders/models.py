"""What was sent to whom: one digest per user per day at most, and the items it carried (by key and
fingerprint, never their text), so an item is sent again only when what it says has changed."""

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models


class Digest(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests")
    sent_on = models.DateField(help_text="The business day the digest was for (the pinned date in a demo).")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_on"]
        constraints = [models.UniqueConstraint(fields=["user", "sent_on"], name="one_digest_per_user_per_day")]

    def __str__(self) -> str:
        return f"Digest for {self.user} on {self.sent_on}"


class DigestItem(models.Model):
    digest = models.ForeignKey(Digest, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(max_length=100, help_text="What the item is about, e.g. bid:12.")
    fingerprint = models.CharField(max_length=64, help_text="A hash of what the item said when sent.")

    class Meta:
        ordering = ["digest", "key"]
        constraints = [models.UniqueConstraint(fields=["digest", "key"], name="one_line_per_item_per_digest")]
        indexes = [models.Index(fields=["key"])]

    def __str__(self) -> str:
        return self.key


auditlog.register(Digest)
auditlog.register(DigestItem)
