"""Who may bring a register in and take it out: those who keep a programme's ledger."""

from django.db.models import QuerySet

from dapi.lib.access import is_system, require

from .. import access as funding_access
from ..models import Agreement, Programme


def register_programme_list_for(user) -> QuerySet[Programme]:
    """Programmes whose ledger `user` may change (commissioners and finance officers of the lead
    commissioner, access.can_change_programme): the programmes an import may add agreements to."""
    if is_system(user):
        return Programme.objects.all()
    return Programme.objects.filter(pk__in=[p.pk for p in funding_access.ledger_programme_list_for(user)
                                            if funding_access.can_change_programme(user, p)])


def may_import_register(user) -> bool:
    """`user` keeps the ledger of at least one programme (for the pages and the navigation)."""
    return register_programme_list_for(user).exists()


def register_importer(user):
    """`user`, if they may import a register; Http404 otherwise (the page's existence is no secret,
    but one answer for all who may not keeps the matrix simple)."""
    require(may_import_register(user), "No such page")
    return user


def register_agreement_list_for(user) -> QuerySet[Agreement]:
    """The agreements a register export holds for `user`: those of the programmes whose ledger they see
    (the system: every agreement)."""
    if is_system(user):
        return Agreement.objects.all()
    return Agreement.objects.filter(programme__in=funding_access.ledger_programme_list_for(user).values("pk"))


def register_exporter(user):
    """`user`, if they see a programme's whole ledger (ledger_programme_list_for); Http404 otherwise."""
    require(is_system(user) or funding_access.ledger_programme_list_for(user).exists(), "No such page")
    return user


def may_export_register(user) -> bool:
    return funding_access.ledger_programme_list_for(user).exists()
