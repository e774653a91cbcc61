"""`dapi demo` loads the seeds faithfully and loading twice changes nothing."""

import os
from datetime import date

from auditlog.models import LogEntry
from django.apps import apps
from django.core.management import call_command

from dapi.accounts.models import User
from dapi.demo.seeds import load_demo
from dapi.cases.models import Case, Referral
from dapi.funding.models import Programme
from dapi.identification.models import CaseOutcome, ImportStatus, IncidentImport


def row_counts():
    return {m._meta.label: m.objects.count() for m in apps.get_models()
            if m._meta.app_label in {"accounts", "funding", "decisions", "auditlog"}}


def test_loading_the_demo_twice_changes_nothing(seeded):
    before = row_counts()
    assert load_demo()["created"] == []
    assert row_counts() == before


def test_programme_names_carry_the_words_others_search_for(seeded):
    names = list(Programme.objects.values_list("name", flat=True))

    def one(*words):
        found = [n for n in names if all(w in n for w in words)]
        assert len(found) == 1, (words, found)

    one("Jenkins Centre")
    one("Cleveland")
    one("Greater Manchester", "CARA")
    assert len([n for n in names if "Greater Manchester" in n and "CARA" not in n]) == 1
    one("Hampshire", "perpetrator")
    one("Hampshire", "victim")


def test_there_is_one_synthetic_labelled_user_per_role(seeded):
    demo = User.objects.filter(is_demo=True)
    assert sorted(demo.values_list("username", flat=True)) == sorted([
        "commissioner", "finance-officer", "provider-manager", "perpetrator-worker", "partner-support-worker",
        "police-analyst", "panel-member", "evaluator", "administrator", "provider-administrator"])
    assert all("synthetic" in u.last_name for u in demo)
    assert all(u.memberships.exists() for u in demo)


def test_every_seed_write_is_audited(seeded):
    assert LogEntry.objects.filter(content_type__app_label="funding").count() > 20


def test_demo_command_without_serving_prints_the_logins_and_which_need_a_code(db, capsys, monkeypatch):
    monkeypatch.delenv("DAPI_TODAY", raising=False)
    call_command("demo", "--no-serve")
    out = capsys.readouterr().out
    assert "commissioner" in out and "partner-support-worker" in out and "password" in out
    assert Programme.objects.count() == 6
    # Loaded as of the demonstration date, which it names with how to change it, and left unpinned after.
    assert "Demonstration date: 15 Mar 2024 (change it with `dapi demo --today YYYY-MM-DD`)." in out
    assert "DAPI_TODAY" not in os.environ
    assert Referral.objects.latest("received_on").received_on <= date(2024, 3, 15)
    assert Case.objects.count() >= 600
    assert IncidentImport.objects.filter(status=ImportStatus.DONE).count() == 3
    assert f"{CaseOutcome.objects.count()} case outcomes computed" in out
    # The logins that need a second factor say where the code comes from (one load of the demo serves both).
    logins = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ")}
    for username in ("commissioner", "finance-officer", "perpetrator-worker", "administrator"):
        assert f"code from `dapi totp_code {username}`" in logins[username]
    assert "totp_code" not in logins["panel-member"]


def test_demo_command_today_overrides_the_demonstration_date(db, capsys, monkeypatch):
    monkeypatch.delenv("DAPI_TODAY", raising=False)
    call_command("demo", "--no-serve", "--today", "2022-01-31")
    out = capsys.readouterr().out
    assert "Demonstration date: 31 Jan 2022" in out
    assert Referral.objects.latest("received_on").received_on <= date(2022, 1, 31)
    assert not Case.objects.filter(programme__slug="greater-manchester-cara").exists()  # CARA starts April 2023


def test_serve_refuses_to_start_with_demo_users_present(seeded):
    import pytest
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Demo users exist"):
        call_command("serve")
