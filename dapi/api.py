"""The JSON API: one NinjaAPI; each app contributes its router from its own api.py.

Every operation authenticates by browser session (CSRF-checked for unsafe methods) or by
`Authorization: Bearer <token>` (`dapi api_token`), reads through the apps' access functions,
and writes through their services. Errors share two bodies: `{"detail": str}`, and for 422
`{"detail": str, "errors": {field: [messages]}}` (also for a 400 that names a parameter: a
`?today=` out of range), also for an unknown path under /api/ (404) and a method an operation does
not take (405). Every list is one envelope, `{count, next, previous, results}` (dapi.lib.api.Pages).
Operation ids are the view functions' names in camelCase (`listProgrammes`), so a client generated
from the document names its functions after them. OpenAPI: /api/openapi.json, docs: /api/docs.
"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as RequestValidationError

from dapi.accounts.services import api_token_authenticate
from dapi.accounts.two_factor import second_factor_needed
from dapi.lib.api import Api, ApiTokenAuth, SignedInSession, errors_of, validation_error_body
from dapi.cases.api import router as cases_router
from dapi.cases.assessment.api import router as assessment_router
from dapi.cases.cara.api import router as cara_router
from dapi.cases.disruption.api import router as disruption_router
from dapi.cases.forums.api import router as forums_router
from dapi.cases.work_api import router as case_work_router
from dapi.decisions.api import router as decisions_router
from dapi.decisions.ingest.api import router as ingest_router
from dapi.funding.api import router as funding_router
from dapi.lib.errors import ConflictError, OutOfBounds
from dapi.reports.api import router as reports_router

api = Api(
    title="dapi",
    version="1",
    urls_namespace="api",
    # Relative to the document's own address: the site this document was read from (paths start /api/).
    servers=[{"url": "/", "description": "The dapi site serving this document."}],
    auth=[ApiTokenAuth(api_token_authenticate), SignedInSession(second_factor_needed)],
    description="Programmes, awards, agreements, allocations, decisions, resolutions and runway. Money is GBP as "
                "decimal strings with two places (\"229135.00\"); dates are ISO 8601. Every list is paged in one envelope, "
                "`{count, next, previous, results}`, by `limit` (at most 500) and `offset`. Sign in (session) or send "
                "`Authorization: Bearer <token>` (tokens from `dapi api_token USERNAME --name NAME`).",
)
api.add_router("", funding_router)
api.add_router("", decisions_router)
api.add_router("", ingest_router)
api.add_router("", cases_router)
api.add_router("", case_work_router)
api.add_router("", forums_router)
api.add_router("", cara_router)
api.add_router("", disruption_router)
api.add_router("", assessment_router)
api.add_router("", reports_router)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(
        request, {"detail": "Sign in, or send 'Authorization: Bearer <token>' with a live API token."}, status=401)


@api.exception_handler(Http404)
def not_found(request, exc):
    # Access functions raise "No such <thing>" for what does not exist and for what may not be seen alike.
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return api.create_response(request, {"detail": str(exc) or "You may not change this."}, status=403)


@api.exception_handler(ConflictError)
def conflict(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=409)


@api.exception_handler(OutOfBounds)
def out_of_bounds(request, exc):
    # Before any work: a date or period out of range (dapi/lib/clock.py) is refused, naming what is accepted.
    return api.create_response(request, validation_error_body({exc.field: [exc.message]}), status=400)


@api.exception_handler(DjangoValidationError)
def invalid(request, exc):
    return api.create_response(request, validation_error_body(errors_of(exc)), status=422)


@api.exception_handler(RequestValidationError)
def invalid_request(request, exc):
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        loc = [str(part) for part in error.get("loc", ())]
        source = loc.pop(0) if loc else "body"
        if source == "body" and loc and loc[0] == "payload":
            loc.pop(0)
        errors.setdefault(".".join(loc) or source, []).append(error.get("msg", "Invalid value."))
    return api.create_response(request, validation_error_body(errors), status=422)
