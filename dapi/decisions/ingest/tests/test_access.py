"""Who may import decision documents and review them (ingest/access.py), checked for every role of
the demo cast, an outsider and a commissioner of another body.

Each test asks one access function for every role and compares the whole answer with the
expected one, so a failure shows every role that answers differently."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404

from dapi.accounts.models import Membership, Organisation, Role, User
from dapi.decisions.ingest import access
from dapi.decisions.ingest.services import ingested_document_create

ROLES = ["commissioner", "finance-officer", "provider-manager", "perpetrator-worker", "partner-support-worker",
         "police-analyst", "panel-member", "evaluator", "administrator", "outsider", "elsewhere"]
COMMISSIONING = {"commissioner", "finance-officer"}
CLEVELAND_OPCC = "Office of the Police and Crime Commissioner for Cleveland"
RECORD = b"Decision record\nReference: ACCESS-1\nTitle: Perpetrator programme\nDate: 1 April 2024\n"


@pytest.fixture
def users(cast, outsider) -> dict:
    """The cast, an outsider, and "elsewhere": the commissioner of a body with no seed records."""
    elsewhere = User.objects.create_user("elsewhere-commissioner", password="elsewhere-password-123")
    Membership.objects.create(user=elsewhere, role=Role.COMMISSIONER, organisation=Organisation.objects.create(
        name="Office of the Police and Crime Commissioner for Nowhere", kind="opcc"))
    return {**cast, "outsider": outsider, "elsewhere": elsewhere}


@pytest.fixture
def document(users):
    return ingested_document_create(organisation=Organisation.objects.get(name=CLEVELAND_OPCC),
                                    upload=SimpleUploadedFile("record.txt", RECORD), by=users["commissioner"])


def answers(users, ask) -> dict:
    """{role: ask(user)}, with "404" where ask raised Http404."""
    def one(user):
        try:
            return ask(user)
        except Http404:
            return "404"
    return {role: one(users[role]) for role in ROLES}


def expect(commissioning, elsewhere, others) -> dict:
    """The demo's commissioners and finance officers, the commissioner elsewhere, everyone else."""
    return {role: commissioning if role in COMMISSIONING else elsewhere if role == "elsewhere" else others
            for role in ROLES}


def test_the_bodies_to_import_for_are_those_whose_decisions_the_user_may_record(users):
    bodies = sorted([CLEVELAND_OPCC, "Office of the Police and Crime Commissioner for Leicester, Leicestershire and Rutland",
                     "Greater Manchester Combined Authority", "Office of the Police and Crime Commissioner for Hampshire"])
    seen = answers(users, lambda u: sorted(o.name for o in access.import_bodies_for(u)))
    assert seen == expect(bodies, ["Office of the Police and Crime Commissioner for Nowhere"], [])


def test_the_upload_page_is_not_found_for_those_with_no_body_to_import_for(users):
    assert answers(users, lambda u: access.import_bodies_to_upload(u).count()) == expect(4, 1, "404")


def test_only_commissioners_and_finance_officers_of_a_body_may_import_for_it(users):
    cleveland = Organisation.objects.get(name=CLEVELAND_OPCC)
    assert answers(users, lambda u: access.can_import_for(u, cleveland)) == expect(True, False, False)


def test_a_bodys_imported_documents_are_listed_for_its_commissioners_whoever_uploaded_them(users, document):
    assert answers(users, lambda u: list(access.ingested_document_list_for(u))) == expect([document], [], [])


def test_an_imported_document_is_not_found_for_anyone_who_may_not_review_it(users, document):
    assert answers(users, lambda u: access.ingested_document_get_for(u, document.pk)) == expect(document, "404", "404")
    with pytest.raises(Http404, match="^No such document$"):
        access.ingested_document_get_for(users["elsewhere"], document.pk)


def test_only_the_bodys_commissioners_and_finance_officers_may_review_its_document(users, document):
    assert answers(users, lambda u: access.can_review(u, document)) == expect(True, False, False)


def test_a_document_to_review_is_not_found_for_anyone_else(users, document):
    assert answers(users, lambda u: access.ingested_document_to_review(u, document.pk)) == expect(
        document, "404", "404")
