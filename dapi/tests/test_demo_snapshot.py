"""The copy of the demo that most tests start from holds exactly the rows a real load writes."""

from datetime import datetime

from django.db import connection, transaction

from dapi.demo.cases import load_demo_cases
from dapi.demo.seeds import load_demo
from dapi.tests.demo_snapshot import table_rows, loaded

# Tables a fresh load fills differently every time: salted password hashes, authenticator keys, and the
# audit entries that record them. Their rows are still counted.
VOLATILE = {"accounts_user", "otp_totp_totpdevice", "auditlog_logentry"}


def comparable(value):
    """A value as both loads must agree on it: not the moment it was written, nor (PostgreSQL's
    sequences do not roll back, so a fresh load there takes new ids) a number that may be an id."""
    if isinstance(value, datetime) or (isinstance(value, str) and value[:2] == "20" and ":" in value):
        return "<time>"
    if isinstance(value, int) and not isinstance(value, bool):
        return "<int>"
    return value


def state():
    """Each table's rows, as sorted lists of comparable values."""
    with connection.cursor() as cursor:
        return {table: sorted((tuple(comparable(v) for v in row) for row in rows.values()), key=repr)
                for table, (_, rows) in table_rows(cursor).items() if rows}


def loaded_fresh_then_rolled_back() -> dict:
    with transaction.atomic():
        load_demo()
        load_demo_cases()
        fresh = state()
        transaction.set_rollback(True)
    return fresh


def test_a_copied_demo_holds_the_same_rows_as_a_real_load(db):
    fresh = loaded_fresh_then_rolled_back()
    for _ in range(2):  # the second time round is a copy, whatever ran before in this process
        with transaction.atomic():
            loaded(load_demo)
            loaded(load_demo_cases)
            copied = state()
            transaction.set_rollback(True)
    assert {t: len(rows) for t, rows in copied.items()} == {t: len(rows) for t, rows in fresh.items()}
    assert {t: rows for t, rows in copied.items() if t not in VOLATILE} == \
        {t: rows for t, rows in fresh.items() if t not in VOLATILE}
    assert len(fresh["cases_case"]) > 0 and len(fresh["funding_agreement"]) > 0
