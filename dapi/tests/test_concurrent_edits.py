"""No lost updates: two people save the same agreement or case at the same moment, each from the
version they opened. Real threads, each with its own database connection, on PostgreSQL (CI runs
the suite there): the second UPDATE waits on the first's row lock, then finds the version moved on.
SQLite's in-memory test database locks whole tables across threads, so the race cannot be staged
there. Exactly one save wins; the other gets the conflict message and changes nothing."""

import threading
from datetime import date

import pytest
from django.db import connection

from dapi.accounts.models import User
from dapi.demo.cases import load_demo_cases
from dapi.cases.models import Case, CaseStatus, StatusChange
from dapi.cases.models.cases import ENDED, TRANSITIONS
from dapi.cases.services.cases import case_change_status
from dapi.demo.seeds import load_demo
from dapi.funding.models import Agreement
from dapi.funding.services import agreement_update
from dapi.lib.errors import ConflictError

ROUNDS = 4
pytestmark = pytest.mark.skipif(connection.vendor != "postgresql",
                                reason="threads racing on one row need PostgreSQL; SQLite's test database locks whole tables")


def race(*saves):
    """Run each save in its own thread, released together; returns what each returned or raised."""
    start = threading.Barrier(len(saves))
    outcomes = [None] * len(saves)

    def run(i, save):
        try:
            start.wait()
            outcomes[i] = save()
        except Exception as e:  # the outcome under test: kept, not swallowed
            outcomes[i] = e
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, save)) for i, save in enumerate(saves)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_saves_of_one_agreement_from_the_same_version_keep_one_and_refuse_the_other():
    load_demo()
    commissioner, finance = User.objects.get(username="commissioner"), User.objects.get(username="finance-officer")
    pk = Agreement.objects.filter(provider__name="Harbour Support Services").order_by("pk").first().pk
    for round_ in range(ROUNDS):
        opened = Agreement.objects.get(pk=pk).version

        def save(user, title, opened=opened):
            return lambda: agreement_update(agreement=Agreement.objects.get(pk=pk), by=user, version=opened,
                                            title=title)

        outcomes = race(save(commissioner, f"Round {round_}: commissioner"), save(finance, f"Round {round_}: finance"))
        won = [o for o in outcomes if isinstance(o, Agreement)]
        refused = [o for o in outcomes if isinstance(o, ConflictError)]
        assert (len(won), len(refused)) == (1, 1), outcomes
        assert "changed by someone else after you opened it" in str(refused[0])
        saved = Agreement.objects.get(pk=pk)
        assert (saved.title, saved.version) == (won[0].title, opened + 1)


@pytest.mark.django_db(transaction=True)
def test_two_status_changes_of_one_case_from_the_same_version_keep_one_and_refuse_the_other():
    load_demo()
    load_demo_cases()
    manager, worker = User.objects.get(username="provider-manager"), User.objects.get(username="perpetrator-worker")
    cases = Case.objects.filter(assignments__worker=worker).exclude(status__in=ENDED).order_by("pk")[:ROUNDS]
    assert len(cases) == ROUNDS
    for case in cases:
        opened = case.version
        to = CaseStatus.CLOSED if CaseStatus.CLOSED in TRANSITIONS[CaseStatus(case.status)] else \
            sorted(TRANSITIONS[CaseStatus(case.status)])[0]
        changes_before = StatusChange.objects.filter(case=case).count()

        def save(user, reason, case=case, to=to, opened=opened):
            return lambda: case_change_status(case=Case.objects.get(pk=case.pk), to=to, on=date(2024, 6, 1), by=user,
                                              version=opened, exit_reason="other", reason=reason)

        outcomes = race(save(manager, "Closed by the manager"), save(worker, "Closed by the worker"))
        won = [o for o in outcomes if isinstance(o, Case)]
        refused = [o for o in outcomes if isinstance(o, ConflictError)]
        assert (len(won), len(refused)) == (1, 1), outcomes
        assert "This case was changed by someone else after you opened it" in str(refused[0])
        assert Case.objects.get(pk=case.pk).version == opened + 1
        assert StatusChange.objects.filter(case=case).count() == changes_before + 1
