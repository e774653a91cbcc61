"""The demo at the volume of the seeds' real programmes, loaded once for a test module.

The three modules that read it (test_demo_volume, test_demo_evidence, test_demo_assessments) used to load
or copy it for each of their 29 tests: a copy of tens of thousands of rows took seconds per test, more on
PostgreSQL. Here it is loaded once per module inside a transaction that is rolled back when the module
ends; each test runs inside that transaction in a savepoint of its own (pytest-django's `db`), so what a
test changes is undone before the next, as before. The settings the suite's own autouse fixtures give
each test (dapi/conftest.py) are given to the load too: tasks run at once, uploads go to a temporary
directory, never to var/. The modules are one xdist group, so one worker loads the volume for all three.

`demo_cases_loaded` does the same for the seeds' demo with its synthetic cases, for modules whose tests start from
them (the navigation, page access, dashboard and pack tests): copied in once per module rather than once per test.
Measured with `pytest -n 0` on those five modules (65 tests): 107 s before, 72 s after on SQLite; 207 s before, 115 s
after on PostgreSQL (this 2-core machine, with one other job running).
"""

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings

from dapi.demo.cases import load_demo_cases
from dapi.demo.seeds import load_demo
from dapi.demo.volume import load_demo_volume
from dapi.lib.clock import DEMONSTRATION_DATE
from dapi.tests.demo_snapshot import loaded

# The three modules that read the volume run on one pytest-xdist worker (`--dist loadgroup`).
GROUP = pytest.mark.xdist_group("demo-volume")


def as_in_a_test(tmp_path_factory) -> override_settings:
    """The settings dapi/conftest.py's autouse fixtures give each test, for a load made once for a module."""
    storages = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tmp_path_factory.mktemp("module-load") / "uploads"}}}
    return override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"], DAPI_AGGREGATE_CACHE_SECONDS=0,
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}, STORAGES=storages)


@pytest.fixture(scope="module")
def volume_loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    overrides = as_in_a_test(tmp_path_factory)
    with pytest.MonkeyPatch.context() as env, overrides, django_db_blocker.unblock(), transaction.atomic():
        env.setenv("DAPI_TODAY", DEMONSTRATION_DATE.isoformat())
        loaded(load_demo)
        made = loaded(load_demo_volume)
        yield made
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def demo_cases_loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The seeds' demo and its synthetic cases, loaded once for a module that only reads them, the same way as the
    volume above: each test runs in a savepoint of the module's transaction, rolled back when the module ends."""
    with as_in_a_test(tmp_path_factory), django_db_blocker.unblock(), transaction.atomic():
        loaded(load_demo)
        loaded(load_demo_cases)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def volume(volume_loaded, db):
    """What `load_demo_volume` made; the rows are in the database for the test, which runs in a savepoint."""
    return volume_loaded
