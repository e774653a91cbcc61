"""Errors every app's services raise and every adapter (page, API, command) turns into an answer."""

from django.core.exceptions import BadRequest


class ConflictError(Exception):
    """Someone else saved the record after this edit started (the page shows it above the form;
    the API answers 409)."""


class OutOfBounds(BadRequest):
    """A request asked for something outside what may be asked (an as-of date or a period out of
    range, or not a date at all): pages answer 400 with the message, the API 400 with
    {"detail": ..., "errors": {field: [message]}}. The message names the field and what is accepted."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message
