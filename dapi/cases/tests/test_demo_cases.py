"""The synthetic demo cases load deterministically, labelled synthetic, and only once."""

from auditlog.models import LogEntry
from django.db import transaction

from dapi.demo.cases import load_demo_cases
from dapi.cases.models import Case, CaseStatus, Person, Referral


def test_the_demo_cases_are_synthetic_and_cover_the_lifecycle(seeded):
    result = load_demo_cases()
    assert result["created"] == Case.objects.count() > 5
    assert Person.objects.filter(is_synthetic=False).count() == 0
    assert set(Case.objects.values_list("status", flat=True)) >= {
        CaseStatus.REFERRED, CaseStatus.ASSESSMENT, CaseStatus.ACTIVE}
    assert Referral.objects.filter(status="declined").exists() and Referral.objects.filter(status="received").exists()
    assert all(p.identifying_details.full_name.startswith("Synthetic") for p in Person.objects.filter(
        identifying_details__isnull=False))


def test_loading_the_demo_cases_twice_changes_nothing(seeded):
    load_demo_cases()
    counts = (Case.objects.count(), Person.objects.count(), LogEntry.objects.count())
    assert load_demo_cases()["created"] == 0
    assert (Case.objects.count(), Person.objects.count(), LogEntry.objects.count()) == counts


def test_the_demo_cases_are_the_same_every_time(seeded):
    def load_and_roll_back():
        with transaction.atomic():
            load_demo_cases(seed=7)
            made = sorted(Case.objects.values_list("reference", "status", "perpetrator__reference"))
            transaction.set_rollback(True)
        return made

    first = load_and_roll_back()
    assert not Case.objects.exists() and first
    assert load_and_roll_back() == first


def test_every_demo_person_has_an_obviously_synthetic_name_and_a_date_of_birth(seeded):
    load_demo_cases()
    people = Person.objects.filter(case_memberships__isnull=False) | Person.objects.filter(cases_as_perpetrator__isnull=False)
    details = [p.identifying_details for p in people.distinct()]
    assert details and all(d.full_name.startswith("Synthetic") and d.full_name.endswith("(demo)") for d in details)
    assert all(d.date_of_birth is not None for d in details)
