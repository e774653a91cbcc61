"""The shared cast: the seed data and one user per role, built through the real loader."""

import os

import pytest

from dapi.accounts.models import User
from dapi.tests.browser import chromium_browser  # noqa: F401  (the browser tests' chromium, one per module)

# Fixtures through which a test reaches the database (pytest-django's, and the live server's).
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback",
                     "live_server"}


# Files whose tests take ten seconds or more each (`pytest --durations`): run first among their kind, so
# that pytest-xdist hands them out while every worker is busy, and no worker is left alone with a long test
# at the end. Transactional tests stay after all others, as pytest-django orders them: they empty every
# table when they end, the rows data migrations made (vocabularies) included.
LONG_FIRST = ("dapi/tests/test_access_matrix.py", "dapi/tests/test_api_fuzz.py", "dapi/tests/test_worker_fault.py",
              "dapi/tests/test_demo.py", "dapi/tests/test_serve.py", "dapi/accounts/tests/test_sign_in_hardening.py",
              "dapi/cases/tests/test_dash_numbering.py", "dapi/tests/test_database_only_run.py",
              "dapi/tests/test_browser_", "dapi/decisions/ingest/tests/test_browser")


def transactional(item) -> bool:
    """The test commits to the database, which is emptied after it (pytest-django's transactional tests)."""
    marker = item.get_closest_marker("django_db")
    committed = marker is not None and bool(marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
                                            or (marker.args and marker.args[0]))
    return committed or bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config, items):
    """The long tests first (LONG_FIRST), in their own order. With DAPI_TESTS_DATABASE_ONLY=1 (CI's second
    run, on PostgreSQL), only the tests that reach the database are run: the others (the engine, parsers,
    lint-like checks) would repeat the first run exactly."""
    items.sort(key=lambda item: (transactional(item), not item.nodeid.startswith(LONG_FIRST)))
    if os.environ.get("DAPI_TESTS_DATABASE_ONLY") != "1":
        return
    keep, drop = [], []
    for item in items:
        reaches = (item.get_closest_marker("django_db") or item.get_closest_marker("database")
                   or DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())))
        (keep if reaches else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def pytest_runtest_setup(item):
    """A test of an xdist_group that pytest-xdist did not tag with the group's name in a `--dist loadgroup`
    run fails: its group may have been split over the workers (pytest 9.2 broke the tagging; see the pin in
    pyproject.toml), which loads the volume demo once per worker."""
    if (getattr(item.config.option, "loadgroup", False) and item.get_closest_marker("xdist_group")
            and "@" not in item.nodeid):
        pytest.fail("pytest-xdist did not tag this test with its xdist_group, so --dist loadgroup may split "
                    "the group over the workers")


def pytest_terminal_summary(terminalreporter):
    """Says how many browser tests passed, which .ci/run reads to show that they ran (not skipped)."""
    passed = sum(1 for report in terminalreporter.stats.get("passed", ())
                 if report.when == "call" and "browser" in report.keywords)
    if passed:
        terminalreporter.write_line(f"{passed} browser tests passed")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The demo users' passwords are hashed on every load; the slow production hasher adds
    seconds per test and tests nothing here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def aggregates_counted_afresh(settings):
    """Commissioners' counts are counted on every request in tests: kept counts would outlive the
    test that made the data (dapi/lib/aggregates.py; tests of keeping them turn it back on)."""
    settings.DAPI_AGGREGATE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def tasks_run_immediately(settings):
    """Background tasks run inside the request in tests; production uses the database queue."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def uploads_in_a_temporary_directory(settings, tmp_path):
    """Uploaded files go to a directory of the test's own, never to var/."""
    storages = dict(settings.STORAGES)
    storages["default"] = {"BACKEND": "django.core.files.storage.FileSystemStorage",
                           "OPTIONS": {"location": tmp_path / "uploads"}}
    settings.STORAGES = storages
    return tmp_path / "uploads"


@pytest.fixture
def seeded(db):
    """The five seed documents and the demo users (one per role): loaded for real once per test
    process, copied in after that (dapi/tests/demo_snapshot.py)."""
    from dapi.demo.seeds import load_demo
    from dapi.tests.demo_snapshot import loaded

    loaded(load_demo)


@pytest.fixture
def cast(seeded) -> dict[str, User]:
    """Demo users by username: commissioner, finance-officer, provider-manager, perpetrator-worker,
    partner-support-worker, police-analyst, panel-member, evaluator, administrator."""
    return {u.username: u for u in User.objects.filter(is_demo=True)}


@pytest.fixture
def outsider(db) -> User:
    """A signed-in user with no membership anywhere."""
    return User.objects.create_user("outsider", password="outsider-password-123")


def pass_second_factor(client, user) -> None:
    """Mark the client's session as having passed the second factor with `user`'s authenticator (made
    if they have none), as the sign-in page does after a right code. Tests of the code step itself
    (accounts/tests/test_two_factor.py) sign in through the pages instead."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="Test authenticator", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def client_for(client):
    """`client_for(user)` returns the test client signed in as `user`, with the second factor passed
    where they need one (their role requires it, or they have enrolled one)."""

    def login(user):
        from dapi.accounts.two_factor import second_factor_needed

        client.force_login(user)
        if second_factor_needed(user):
            pass_second_factor(client, user)
        return client

    return login
