"""What other apps' API schemas share about organisations: a reference out, and a key in (an id or
an exact name) with its look-up."""

from ninja import Schema

from dapi.lib.api import Errors

from .models import Organisation


class OrganisationRef(Schema):
    id: int
    name: str


OrganisationKey = int | str
ORGANISATION_KEY_HELP = "An organisation's id, or its exact name."


def organisation_from(value: OrganisationKey | None, field: str, errors: Errors) -> Organisation | None:
    """The organisation a request body names by id or exact name; records an error naming `field`
    when there is none."""
    if value is None:
        return None
    key = {"pk": value} if isinstance(value, int) else {"name": value}
    try:
        return Organisation.objects.get(**key)
    except Organisation.DoesNotExist:
        errors.add(field, f"No organisation with id {value}." if isinstance(value, int)
                   else f"No organisation is named {value!r}: give its exact name or its id.")
        return None
