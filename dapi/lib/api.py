"""The API kernel every app's router shares: who is calling (session or bearer token), the error
bodies, money, the one page envelope, the operation ids a generated client names its functions by,
JSON answers for unknown paths and methods, and turning Django's ValidationError into one body
naming every bad field.

The authentication classes take the project's own checks (dapi/api.py passes accounts' token
look-up and second-factor rule), so this floor imports no domain app."""

import functools
import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Annotated, Any
from urllib.parse import urlencode

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import Http404, JsonResponse
from django.urls import re_path
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, Schema
from ninja.pagination import LimitOffsetPagination
from ninja.security import HttpBearer, SessionAuth
from pydantic import Field, PlainSerializer, WithJsonSchema

from dapi.lib.money import pence

MONEY_PATTERN = r"^-?\d+\.\d{2}$"
MONEY_IN_PATTERN = r"^-?\d+(\.\d{1,2})?$"
# Money answered: always two places ("229135.00"), never a JSON number a client would read as a float.
Money = Annotated[
    Decimal,
    PlainSerializer(lambda value: str(pence(value)), return_type=str),
    WithJsonSchema({"type": "string", "format": "decimal", "pattern": MONEY_PATTERN,
                    "description": "GBP with pence, as a decimal string.", "examples": ["229135.00"]}),
]
# Money sent: a decimal string with at most two places (a JSON number is accepted too).
MoneyIn = Annotated[
    Decimal,
    WithJsonSchema({"type": "string", "format": "decimal", "pattern": MONEY_IN_PATTERN,
                    "description": "GBP, at most two decimal places.", "examples": ["121197.00"]}),
]


class Api(NinjaAPI):
    """NinjaAPI with operation ids a generated client reads as verbs (`list_programmes` is
    `listProgrammes`, not `dapi_funding_api_list_programmes`), and with unknown paths under it, and
    methods an operation does not take, answered in JSON like every other error. Text with a NUL
    character is refused before any view sees it."""

    def get_openapi_operation_id(self, operation) -> str:
        first, *rest = operation.view_func.__name__.split("_")
        return first + "".join(word.capitalize() for word in rest)

    @property
    def urls(self):  # ninja's urls, each view answering 405 in JSON, and a last pattern for unknown paths
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            pattern.callback = _answered_in_json(pattern.callback)
        return [*patterns, re_path(r"^.*$", _unknown_path, name="unknown-path")], app_name, namespace


NUL_REFUSED = "Text may not contain a NUL character (U+0000)."


def _nul_at(value, path: str) -> str | None:
    """Where in a parsed request a NUL character is (a field's dotted path), or None."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, inner in items:
        where = f"{path}.{key}" if path else str(key)
        if "\x00" in str(key):
            return where
        if (found := _nul_at(inner, where)) is not None:
            return found
    return None


def _nul_in(request) -> str | None:
    """Where a request's query or JSON body holds a NUL character (the field's name), or None."""
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            return key
    # JSON can only write a NUL inside a string as the escape \u0000: a scan of the bytes clears nearly every
    # body, and only a body holding one is parsed (again) to name its field.
    if request.content_type == "application/json" and b"\\u0000" in request.body:
        try:
            return _nul_at(json.loads(request.body), "")
        except ValueError:  # not JSON: ninja's own parsing answers it
            return None
    return None


def _answered_in_json(view):
    @functools.wraps(view)
    def answer(request, *args, **kwargs):
        # A NUL character: no person types one, and PostgreSQL cannot store or compare it. In the path there
        # is no such thing (404); in a query or body the field is named (422), before any view sees it.
        if any("\x00" in str(value) for value in kwargs.values()):
            return _unknown_path(request)
        if (where := _nul_in(request)) is not None:
            return JsonResponse(validation_error_body({where or NON_FIELD_ERRORS: [NUL_REFUSED]}), status=422)
        try:
            response = view(request, *args, **kwargs)
        except Http404:  # ninja's own root view (/api/ itself); operations answer their 404s in JSON already
            return _unknown_path(request)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith("application/json"):
            allowed = response["Allow"]
            response = JsonResponse({"detail": f"{request.method} is not allowed here; allowed: {allowed}."},
                                    status=405)
            response["Allow"] = allowed
        return response
    return answer


@csrf_exempt
def _unknown_path(request):
    return JsonResponse({"detail": f"No such API path: {request.path}. The operations are listed at /api/docs."},
                        status=404)


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
    """Every list is answered in one envelope: `{count, next, previous, results}`, limit/offset
    pages of at most 500 items, `next` and `previous` the full URLs of the neighbouring pages (None
    at either end). An offset past any real list is refused with 422 instead of reaching the
    database (where SQLite's 64-bit integers would overflow)."""

    items_attribute = "results"

    class Input(Schema):
        limit: int = Field(100, ge=1, le=500, description="Items per page (at most 500).")
        offset: int = Field(0, ge=0, le=1_000_000_000, description="Items to skip.")

    class Output(Schema):
        count: int = Field(description="Items in the whole list.")
        next: str | None = Field(description="The next page's URL; None on the last page.")
        previous: str | None = Field(description="The previous page's URL; None on the first page.")
        results: list[Any]

    def __init__(self, **kwargs):
        super().__init__(max_limit=500, **kwargs)

    def paginate_queryset(self, queryset, pagination, request, **params):
        page = super().paginate_queryset(queryset, pagination, request, **params)
        offset, limit, count = pagination.offset, min(pagination.limit, self.max_limit), page["count"]
        page["next"] = _page_url(request, offset + limit, limit) if offset + limit < count else None
        page["previous"] = _page_url(request, max(offset - limit, 0), limit) if offset > 0 else None
        return page


def _page_url(request, offset: int, limit: int) -> str:
    query = request.GET.copy()
    query["offset"], query["limit"] = str(offset), str(limit)
    return request.build_absolute_uri(request.path + "?" + urlencode(sorted(query.lists()), doseq=True))


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
