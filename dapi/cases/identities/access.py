"""Who may see a person's name and age beside the reference (issue 21 item 1). The only place this is
decided; it follows the barrier of cases/access.py exactly:

- his name: the side that works with him (his assigned workers, the managers of the provider);
- a victim's, child's or family member's: the victim side of a case they are linked to (her partner
  support worker, the managers of the victim service), never the perpetrator side;
- a referred man's, before any case: the managers of the provider that screens the referral and the
  organisation that referred him (which recorded him).

Everyone else sees the reference only. Pages show names through identities/selectors.py, which
reads them through these functions and writes an audit row for each name shown.
"""

from django.db.models import QuerySet

from ..access import case_side_q, managed_orgs, referring_orgs, sides_for
from ..models import Case, Person, Referral, Side


def can_see_identity(user, case: Case, person: Person) -> bool:
    """His name and age for the perpetrator side of `case` (`sides_for`); a linked victim's, child's
    or family member's for its victim side; nothing for anyone else or for someone not on the case."""
    sides = sides_for(user, case)
    if person.pk == case.perpetrator_id:
        return Side.PERPETRATOR in sides
    return Side.VICTIM in sides and case.members.filter(person=person).exists()


def cases_showing_identities(user, cases: QuerySet[Case] | list, side: str) -> set[int]:
    """Of `cases`, the ids of those on which `user` sees the names of `side` (his, or the victims',
    children's and family's), in one query; the same answer as `can_see_identity` case by case."""
    ids = [c if isinstance(c, int) else c.pk for c in cases]
    return set(Case.objects.filter(pk__in=ids).filter(case_side_q(user, side)).values_list("pk", flat=True))


def can_see_referred_identity(user, referral: Referral) -> bool:
    """The referred man's name and age: the managers of the provider screening the referral and the
    organisation that referred him."""
    return referral.pk in referrals_showing_identities(user, [referral])


def referrals_showing_identities(user, referrals) -> set[int]:
    """Of `referrals`, the ids of those whose referred man `user` may see by name
    (`can_see_referred_identity`), looking up `user`'s organisations once."""
    managed, referring = managed_orgs(user), referring_orgs(user)
    return {r.pk for r in referrals if r.provider_id in managed or r.referring_organisation_id in referring}
