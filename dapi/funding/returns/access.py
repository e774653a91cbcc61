"""Who may see, submit and review spend returns: the only place it is decided.

A return is seen by whoever sees its agreement (funding.access.agreement_list_for: the programme's
commissioners and finance officers, and the provider's managers for their own agreements). The
provider's managers submit its returns (and submit again a return that was queried); the
commissioners and finance officers of the agreement's commissioner, or of its programme's lead
commissioner, accept or query them. Anything else answers 404 in the same words as a record that
does not exist. `user=None` is the system.
"""

from django.db.models import QuerySet
from django.http import Http404

from dapi.lib.access import require

from .. import access as funding_access
from ..models import Agreement
from .models import SpendReturn


def spend_return_list_for(user) -> QuerySet[SpendReturn]:
    """Spend returns of the agreements `user` may see."""
    return SpendReturn.objects.filter(agreement__in=funding_access.agreement_list_for(user).values("pk")).select_related(
        "agreement__programme__lead_commissioner", "agreement__provider")


def spend_return_get_for(user, return_id) -> SpendReturn:
    """A spend return `user` may see; Http404 "No such spend return" otherwise."""
    try:
        return spend_return_list_for(user).get(pk=return_id)
    except (SpendReturn.DoesNotExist, ValueError):
        raise Http404("No such spend return") from None


def can_submit_return(user, agreement: Agreement) -> bool:
    """Whether `user` may submit a spend return for `agreement`: a manager of its provider, or the system."""
    return funding_access.manages_provider(user, agreement)


def agreement_to_return(user, agreement_id) -> Agreement:
    """An agreement `user` may submit spend returns for (can_submit_return); Http404 "No such
    agreement" for any other, whether they may see it or not."""
    agreement = funding_access.agreement_get_for(user, agreement_id)
    require(can_submit_return(user, agreement), "No such agreement")
    return agreement


def can_review_return(user, spend_return: SpendReturn) -> bool:
    """Whether `user` may accept or query `spend_return`: a commissioner or finance officer of its
    agreement's commissioner or programme lead, or the system."""
    return funding_access.commissions(user, spend_return.agreement)


def spend_return_to_review(user, return_id) -> SpendReturn:
    """A spend return `user` may accept or query (can_review_return); Http404 "No such spend
    return" for any other."""
    spend_return = spend_return_get_for(user, return_id)
    require(can_review_return(user, spend_return), "No such spend return")
    return spend_return
