"""Issue 16, item 11: "who looked at her file" answered by the right people. Each organisation's
administrator reads the audit log (reads and writes) of its own staff and of the records it holds on
its side of each case, filtered by user and by record, and exports it as safe CSV (the export itself
audited); the information barrier holds in the log as everywhere else."""

import csv
import io
from datetime import date

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from dapi.accounts.models import Role
from dapi.audit.access import log_entries_for
from dapi.audit.services import acting_as
from dapi.cases.models import Case, CaseMember, Contact, IdentifyingDetails, Person, SafetyPlan
from dapi.cases.services.people import person_create
from dapi.cases.services.work import contact_create, safety_plan_create
from dapi.cases.tests.builders import HARBOUR, MSP, org, staff, tatc_case
from dapi.conftest import pass_second_factor


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    pass_second_factor(client, user)
    return client


@pytest.fixture
def world(cast):
    """A Harbour (perpetrator side) and My Sister's Place (victim side) case; his worker reads the
    case, her partner support worker reads the case and her file, and records a safety plan and a
    call with her. Each organisation has an administrator."""
    case, victim, _ = tatc_case(cast)
    psw, worker = cast["partner-support-worker"], cast["perpetrator-worker"]
    assert signed_in(worker).get(reverse("cases:case_detail", args=[case.pk])).status_code == 200
    psw_client = signed_in(psw)
    assert psw_client.get(reverse("cases:case_detail", args=[case.pk])).status_code == 200
    assert psw_client.get(reverse("cases:victim_detail", args=[case.pk, victim.pk])).status_code == 200
    safety_plan_create(member=victim, agreed_on=date(2023, 1, 20), plan="Synthetic plan", by=psw)
    contact_create(case=case, side="victim", member=victim, kind="phone", on=date(2023, 1, 21),
                   attendance="attended", worker=psw, by=psw, notes="Synthetic note")
    return {"case": case, "victim": victim, "her": victim.person,
            "msp_admin": staff("msp-administrator", Role.ADMINISTRATOR, MSP),
            "harbour_admin": staff("harbour-administrator", Role.ADMINISTRATOR, HARBOUR)}


def page(user, query: str = "") -> str:
    response = signed_in(user).get(reverse("audit:log") + query)
    assert response.status_code == 200
    return response.content.decode()


def read_of(entries, model, actor, pk) -> bool:
    return entries.filter(content_type=ContentType.objects.get_for_model(model), actor=actor, object_id=pk,
                          action=LogEntry.Action.ACCESS).exists()


def test_the_victim_services_administrator_sees_who_read_her_file_and_her_case(world, cast):
    her, case, admin = world["her"], world["case"], world["msp_admin"]
    html = page(admin, f"?record={her.reference}&action={LogEntry.Action.ACCESS}")
    # Her name read on the case page (it stands beside her reference there, issue 21), then her record
    # and her identifying details: each read by her partner support worker.
    assert "3 entries" in html
    assert html.count('<td class="govuk-table__cell">partner-support-worker<') == 3
    assert f"Identifying details of {her.reference}" in html
    # The case is held by both sides: the perpetrator worker's read of it is in her service's log.
    entries = log_entries_for(admin)
    assert read_of(entries, type(case), cast["perpetrator-worker"], case.pk)
    html = page(admin, f"?record={case.reference}&actor=perpetrator-worker")
    assert "1 entry" in html and ">Access</strong>" in html


def test_the_providers_administrator_sees_its_staff_and_everyone_who_read_its_case(world, cast):
    case, admin = world["case"], world["harbour_admin"]
    entries = log_entries_for(admin)
    assert read_of(entries, type(case), cast["perpetrator-worker"], case.pk)
    assert read_of(entries, type(case), cast["partner-support-worker"], case.pk)
    html = page(admin, f"?record={case.reference}&action={LogEntry.Action.ACCESS}")
    assert "2 entries" in html and '<td class="govuk-table__cell">partner-support-worker<' in html
    assert '<td class="govuk-table__cell">perpetrator-worker<' in html


def test_the_perpetrator_sides_administrator_never_sees_the_victim_side_through_the_log(world, cast):
    psw, her = cast["partner-support-worker"], world["her"]
    entries = log_entries_for(world["harbour_admin"])
    victim_side = [ContentType.objects.get_for_model(m) for m in (Person, IdentifyingDetails, SafetyPlan, Contact,
                                                                  CaseMember)]
    # Nothing her side did to her records, nor any read of them, reaches the perpetrator side's log...
    assert not entries.filter(actor=psw, content_type__in=victim_side).exists()
    assert not entries.filter(content_type=ContentType.objects.get_for_model(IdentifyingDetails),
                              object_repr__contains=her.reference).exists()
    # ...while her own service's administrator sees all of it.
    theirs = log_entries_for(world["msp_admin"])
    # 4 reads (her name and her child's on the case page, her record, her details), plan, call
    assert theirs.filter(actor=psw, content_type__in=victim_side).count() == 6
    assert read_of(theirs, Person, psw, her.pk)


def test_a_record_is_found_by_its_kind_and_id(world):
    her = world["her"]
    person = ContentType.objects.get_for_model(Person)
    html = page(world["msp_admin"], f"?record={her.pk}&content_type={person.pk}&action=3")
    assert "1 entry" in html and '<td class="govuk-table__cell">partner-support-worker<' in html


def test_a_commissioners_administrator_sees_no_case_level_entries(world, cast):
    """Commissioners see cases only as counts, so their office's administrator sees no entry about a
    provider's person or case record, not even the system's."""
    with acting_as(None):
        person_create(recorded_by=org(HARBOUR), by=None, is_synthetic=True)
    entries = log_entries_for(cast["administrator"])
    assert not entries.filter(content_type__app_label="cases").exists()
    assert entries.exists()  # their own organisation's entries are there


def test_an_administrator_does_not_see_other_organisations_system_work(world, cast):
    harbour = org(HARBOUR)
    with acting_as(None):
        harbour.website = "https://example.org/by-the-system"
        harbour.save()
    entry = LogEntry.objects.filter(object_repr=HARBOUR, action=LogEntry.Action.UPDATE).get()
    assert not log_entries_for(cast["administrator"]).filter(pk=entry.pk).exists()
    assert log_entries_for(world["harbour_admin"]).filter(pk=entry.pk).exists()


def test_the_export_is_safe_csv_of_the_filtered_entries_and_is_itself_audited(world, cast):
    her, admin = world["her"], world["msp_admin"]
    risky = staff("@risky", Role.PARTNER_SUPPORT_WORKER, MSP)
    msp = org(MSP)
    with acting_as(risky):  # an entry whose actor's name a spreadsheet would read as a formula
        msp.website = "https://example.org/changed-by-risky"
        msp.save()
    response = signed_in(admin).get(reverse("audit:log_export") + f"?record={her.reference}&action=3")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:6] == ["time", "actor", "action", "object_type", "object_id", "object"]
    assert [(r[1], r[2], r[5]) for r in rows[1:]] == [
        ("partner-support-worker", "access", f"Identifying details of {her.reference}"),
        ("partner-support-worker", "access", her.reference),
        ("partner-support-worker", "access", f"Identifying details of {her.reference}")]  # her name on the case page
    exported = LogEntry.objects.filter(actor=admin, action=LogEntry.Action.ACCESS).get()
    assert exported.object_repr == MSP
    assert exported.additional_data["note"] == "Audit log exported: 3 entries (filters: action, record)"
    assert her.reference not in str(exported.additional_data)  # the typed reference is not kept
    assert "Audit log exported: 3 entries" in page(admin)
    rows = list(csv.reader(io.StringIO(signed_in(admin).get(
        reverse("audit:log_export") + "?actor=@risky").content.decode())))
    assert [r[1] for r in rows[1:]] == ["'@risky"]


def test_an_export_past_the_limit_is_refused_with_the_reason(world, settings):
    settings.DAPI_AUDIT_EXPORT_MAX_ROWS = 3
    admin = world["msp_admin"]
    client = signed_in(admin)
    response = client.get(reverse("audit:log_export") + "?action=3", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("audit:log") + "?action=3")
    assert "an export holds at most 3: narrow the filters" in response.content.decode()
    assert not LogEntry.objects.filter(actor=admin).exclude(content_type__app_label="otp_totp").exists()
    assert client.get(reverse("audit:log_export") + f"?action=3&record={world['her'].reference}").status_code == 200


@pytest.mark.parametrize("username", ["commissioner", "provider-manager", "partner-support-worker"])
def test_only_administrators_export(world, cast, username):
    assert signed_in(cast[username]).get(reverse("audit:log_export")).status_code == 404
    assert signed_in(world["msp_admin"]).get(reverse("audit:log_export")).status_code == 200


def test_the_demo_has_a_provider_administrator_who_sees_its_staffs_work_and_reads(cast):
    from dapi.demo.cases import load_demo_cases
    from dapi.tests.demo_snapshot import loaded

    loaded(load_demo_cases)
    worker = cast["perpetrator-worker"]
    case = Case.objects.filter(assignments__worker=worker).order_by("pk").first()
    assert signed_in(worker).get(reverse("cases:case_detail", args=[case.pk])).status_code == 200
    html = page(cast["provider-administrator"], f"?action={LogEntry.Action.ACCESS}&record={case.reference}")
    assert "1 entry" in html and '<td class="govuk-table__cell">perpetrator-worker<' in html
    entries = log_entries_for(cast["provider-administrator"])
    assert entries.filter(actor=cast["provider-manager"], content_type__app_label="cases").exists()
    # The commissioners' administrator sees none of it (cases are counts to a commissioner's office).
    assert not log_entries_for(cast["administrator"]).filter(content_type__app_label="cases").exists()
