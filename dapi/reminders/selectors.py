"""Reads for the home page and the digest: a user's "needs action" list, and what of it their next
digest would carry (the items not yet sent as they now stand)."""

from dataclasses import dataclass
from datetime import date

from .items import Item, items_for
from .models import Digest, DigestItem


@dataclass
class Pending:
    user: object
    items: list[Item]  # all that needs action
    new: list[Item]  # those the digest would send: never sent, or changed since
    sent_today: bool


def needs_action(user, today: date, runways: list | None = None) -> list[Item]:
    """`user`'s items as of `today` (items.items_for; `runways`, their programme_runways if read already)."""
    return items_for(user, today, runways)


def pending_digest(user, today: date) -> Pending:
    """What `user`'s digest for `today` would carry: the items whose latest sending had another
    fingerprint, or that were never sent; nothing when a digest already went to them that day."""
    items = items_for(user, today)
    sent_today = Digest.objects.filter(user=user, sent_on=today).exists()
    last: dict[str, str] = {}
    for key, fingerprint in (DigestItem.objects.filter(digest__user=user, digest__sent_on__lte=today)
                             .order_by("digest__sent_on", "pk").values_list("key", "fingerprint")):
        last[key] = fingerprint
    new = [] if sent_today else [i for i in items if last.get(i.key) != i.fingerprint]
    return Pending(user, items, new, sent_today)
