"""The API kernel every app's router shares: who is calling (session or bearer token), the error
bodies, pagination, and turning Django's ValidationError into one body naming every bad field.

The authentication classes take the project's own checks (dapi/api.py passes accounts' token
look-up and second-factor rule), so this floor imports no domain app."""

from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from ninja import Schema
from ninja.pagination import LimitOffsetPagination
from ninja.security import HttpBearer, SessionAuth
from pydantic import Field


class ApiTokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`; `check(token)` returns the token's user, or None."""

    def __init__(self, check: Callable[[str], Any]):
        super().__init__()
        self.check = check

    def authenticate(self, request, token):
        return self.check(token)


class SignedInSession(SessionAuth):
    """The browser session. CSRF is checked for unsafe methods, but only once there is a signed-in
    user: a request with no session (say, one with a revoked token) answers 401, not 403.

    A request that sends a bearer token is judged by the token alone: a bad token with a good
    session cookie is refused. A session whose user `needs_second_factor` counts only once the
    second factor has been passed."""

    def __init__(self, needs_second_factor: Callable[[Any], bool]):
        super().__init__()
        self.needs_second_factor = needs_second_factor

    def __call__(self, request):
        if not request.user.is_authenticated or "HTTP_AUTHORIZATION" in request.META:
            return None
        if self.needs_second_factor(request.user) and not request.user.is_verified():
            return None
        return super().__call__(request)


class ErrorOut(Schema):
    detail: str


class ValidationErrorOut(Schema):
    detail: str = Field(description="Every bad field with its messages, in one sentence.")
    errors: dict[str, list[str]] = Field(description="Messages by field. Nested fields are dotted "
                                         "(contributions.0.amount); \"__all__\" holds errors about no one field.")


class Pages(LimitOffsetPagination):
    """Limit/offset pages of at most 500 items. An offset past any real list is refused with 422
    instead of reaching the database (where SQLite's 64-bit integers would overflow)."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=500, description="Items per page (at most 500).")
        offset: int = Field(0, ge=0, le=1_000_000_000, description="Items to skip.")

    def __init__(self, **kwargs):
        super().__init__(max_limit=500, **kwargs)


AS_OF_HELP = ("View as of this date (ISO 8601, e.g. 2023-02-01) instead of today: from 2000-01-01 to ten years "
              "after today (400 otherwise).")
PROGRAMME_FILTER_HELP = "Only this programme's (by slug)."

READ_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}
LIST_ERRORS = {401: ErrorOut, 422: ValidationErrorOut}
WRITE_ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}
# Operations that take `?today=`: a date out of range answers 400 (dapi.lib.errors.OutOfBounds).
AS_OF_ERRORS = {400: ValidationErrorOut}


def validation_error_body(errors: dict[str, list[str]]) -> dict:
    detail = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in sorted(errors.items()))
    return {"detail": detail, "errors": errors}


def errors_of(exc: ValidationError, prefix: str = "") -> dict[str, list[str]]:
    """A Django ValidationError as {field: [messages]}; errors not about one field go under "__all__"."""
    def name(field: str) -> str:
        if field == NON_FIELD_ERRORS:
            return prefix.rstrip(".") or NON_FIELD_ERRORS
        return prefix + field

    if hasattr(exc, "error_dict"):
        return {name(field): messages for field, messages in exc.message_dict.items()}
    return {name(NON_FIELD_ERRORS): exc.messages}


class Errors:
    """Collects field errors while a request body is turned into service arguments, so that one
    response names every bad field."""

    def __init__(self):
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def merge(self, exc: ValidationError, prefix: str = "") -> None:
        for field, messages in errors_of(exc, prefix).items():
            self.errors.setdefault(field, []).extend(messages)

    def raise_any(self) -> None:
        if self.errors:
            raise ValidationError(dict(self.errors.items()))


class Computed(Sequence):
    """A queryset whose rows are turned into response items only when sliced, so that pagination
    counts in SQL and builds one page (with the queryset's prefetches) at a time."""

    def __init__(self, queryset, build: Callable[[Any], Any]):
        self.queryset = queryset
        self.build = build

    def __len__(self) -> int:
        return self.queryset.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.build(row) for row in self.queryset[index]]
        return self.build(self.queryset[index])
