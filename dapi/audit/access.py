"""Who may read the audit trail: each organisation's administrators, for its own staff and its own
records. Everyone else gets 404, as for a page that is not there.

"Its own records" follows the information barrier. The apps that own person and case records
declare, in their own access.py, which of them an organisation holds (`records_held`): a case's
perpetrator-side records are held by its provider, her records by the victim service. An
administrator sees every entry about a record their organisation holds, whoever made it (the
victim service's administrator answers "who looked at her file"), and the entries their own staff
made; but for a person or case record, their staff's entries only where the record is on one of
their organisation's cases (or no longer exists), so the log never shows a perpetrator-side
administrator a read or change on the victim's side of a case. Entries made by the system (no
actor) appear only where they are about a record the organisation holds.
"""

from collections.abc import Callable

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from dapi.accounts.models import ApiToken, Membership, Organisation, Role, User
from dapi.accounts.roles import org_ids_with_role
from dapi.lib.access import require

# (ids of the records the organisations hold on the record's own side of the barrier,
#  ids of the records of their cases on either side, or None where no barrier applies)
Holdings = tuple[QuerySet, QuerySet | None]
_HELD: dict[type[Model], Callable[[set[int]], Holdings]] = {}


def records_held(model: type[Model]):
    """Declare which rows of `model` organisations hold, for their administrators' audit log: the
    decorated function takes organisation ids and returns `Holdings` (querysets of primary keys).
    Used for accounts' records here and for person and case records by `dapi.cases.holdings`."""
    def declare(holdings: Callable[[set[int]], Holdings]):
        _HELD[model] = holdings
        return holdings
    return declare


@records_held(Organisation)
def _organisations_held(orgs: set[int]) -> Holdings:
    return Organisation.objects.filter(pk__in=orgs).values("pk"), None


@records_held(Membership)
def _memberships_held(orgs: set[int]) -> Holdings:
    return Membership.objects.filter(organisation__in=orgs).values("pk"), None


@records_held(User)
def _users_held(orgs: set[int]) -> Holdings:
    return User.objects.filter(memberships__organisation__in=orgs).values("pk"), None


@records_held(TOTPDevice)
def _authenticators_held(orgs: set[int]) -> Holdings:
    return TOTPDevice.objects.filter(user__memberships__organisation__in=orgs).values("pk"), None


@records_held(ApiToken)
def _api_tokens_held(orgs: set[int]) -> Holdings:
    return ApiToken.objects.filter(user__memberships__organisation__in=orgs).values("pk"), None


def may_open_audit_log(user) -> bool:
    """`user` administers an organisation, so the audit log opens for them."""
    return bool(org_ids_with_role(user, Role.ADMINISTRATOR))


def administered_organisation_ids(user) -> set[int]:
    """The organisations whose audit log `user` reads (those they administer); 404 for anyone who administers none."""
    require(may_open_audit_log(user))
    return org_ids_with_role(user, Role.ADMINISTRATOR)


def log_entries_for(user) -> QuerySet[LogEntry]:
    """Entries `user` may read, newest first (see the module docstring): for each organisation they
    administer, every entry about a record it holds, and its staff's entries (about a person or case
    record, only where it belongs to the organisation's cases, or no longer exists). 404 for
    anyone who administers none."""
    orgs = administered_organisation_ids(user)
    staff = Membership.objects.filter(organisation__in=orgs).values("user")
    declared = [ContentType.objects.get_for_model(model) for model in _HELD]
    visible = Q(actor__in=staff) & ~Q(content_type__in=declared)
    for content_type, (model, holdings) in zip(declared, _HELD.items()):
        own_side, any_side = holdings(orgs)
        by_staff = Q(actor__in=staff)
        if any_side is not None:
            by_staff &= Q(object_id__in=any_side) | ~Q(object_id__in=model.objects.values("pk"))
        visible |= Q(content_type=content_type) & (Q(object_id__in=own_side) | by_staff)
    return LogEntry.objects.filter(visible).select_related("actor", "content_type").order_by("-timestamp", "-pk")
