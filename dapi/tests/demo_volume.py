"""The demo at the volume of the seeds' real programmes, loaded once for a test module.

The three modules that read it (test_demo_volume, test_demo_evidence, test_demo_assessments) used to load
or copy it for each of their 29 tests: a copy of tens of thousands of rows took seconds per test, more on
PostgreSQL. Here it is loaded once per module inside a transaction that is rolled back when the module
ends; each test runs inside that transaction in a savepoint of its own (pytest-django's `db`), so what a
test changes is undone before the next, as before. The settings the suite's own autouse fixtures give
each test (dapi/conftest.py) are given to the load too: tasks run at once, uploads go to a temporary
directory, never to var/. The modules are one xdist group, so one worker loads the volume for all three.
"""

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings

from dapi.demo.seeds import load_demo
from dapi.demo.volume import load_demo_volume
from dapi.lib.clock import DEMONSTRATION_DATE
from dapi.tests.demo_snapshot import loaded

# The three modules that read the volume run on one pytest-xdist worker (`--dist loadgroup`).
GROUP = pytest.mark.xdist_group("demo-volume")


@pytest.fixture(scope="module")
def volume_loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    storages = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tmp_path_factory.mktemp("volume") / "uploads"}}}
    overrides = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"], DAPI_AGGREGATE_CACHE_SECONDS=0,
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}, STORAGES=storages)
    with pytest.MonkeyPatch.context() as env, overrides, django_db_blocker.unblock(), transaction.atomic():
        env.setenv("DAPI_TODAY", DEMONSTRATION_DATE.isoformat())
        loaded(load_demo)
        made = loaded(load_demo_volume)
        yield made
        transaction.set_rollback(True)


@pytest.fixture
def volume(volume_loaded, db):
    """What `load_demo_volume` made; the rows are in the database for the test, which runs in a savepoint."""
    return volume_loaded
