"""Choices more than one app's models share, so that the API defines each enum once."""

from django.db import models


class ActionStatus(models.TextChoices):
    """An agreed action's state: a panel's resolution, or an action agreed at a case forum."""

    OPEN = "open", "Open"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"
