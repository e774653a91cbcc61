"""A party that is only the word for the kind of body that decides: "the Council was required to allocate match
funding of £93,000", "a contribution from the Parish Council of £269.27", "the Commissioner confirmed his support for
the £946k additional investment".

A record calls the body that decides by the bare word for its kind, never by its name: a council's minutes say "the
Council", a parish's "the Parish Council", a commissioner's "the Commissioner". A sum read beside that word is the
deciding body's own money (its match funding, its budget, its fund), not a sum paid to or by another party; a body
outside it is named in full ("Northbury Town Council", "the Police and Crime Commissioner for Westshire"). So a party
that is only "Council" (with "Parish", "Town", "City", "County", "District" or "Borough" at most before it) or only
"Commissioner" is taken off. "Combined Authority" alone is taken off only where the line was read as the body's own
(a council's record may name the combined authority that funds it by those two words); the line's role stays.

Where the body is itself said to pay ("the Commissioner could fund a smaller service at a cost of about £80,000", "the
Council contributes up to £120,000"), or a sum is read as yearly ("the Commissioner's community safety budget
(£300,000 per annum)"), the line is left as read: the body's own spend on a service, and its yearly share of one it
funds with others, keep the bare word, as the drafts of the product's own documents have it.
"""

import re

from .draft import MoneyItem

_BARE = re.compile(r"(?:the\s+)?(?:(?:Parish|Town|City|County|District|Borough)\s+)?Council|(?:the\s+)?Commissioner",
                   re.IGNORECASE)
_BARE_IF_OWN = re.compile(r"(?:the\s+)?Combined\s+Authority", re.IGNORECASE)
# The body as the one that pays: "the Commissioner could fund", "the Council contributes", "the Commissioner: £110,000".
_PAYS = re.compile(r"\s*:|\s+(?:(?:could|will|would|shall|may|to)\s+)?(?:fund|funds|contribute|contributes|pay|pays)\b")


def drop_bare_bodies(text: str, money: list[MoneyItem]) -> None:
    """Take off a party that is only the word for the deciding body's kind (the module docstring)."""
    for item in money:
        name = (item.counterparty or "").strip()
        if item.per_annum or any(_PAYS.match(text, end) for _, end in item.counterparty_spans):
            continue  # the body's own spend, or its yearly share, keeps the word (the module docstring)
        if _BARE.fullmatch(name) or (item.counterparty_is_self and _BARE_IF_OWN.fullmatch(name)):
            item.counterparty, item.counterparty_spans = None, []
