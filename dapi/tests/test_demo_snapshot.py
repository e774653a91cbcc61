"""The copy of the demo that most tests start from holds exactly the rows a real load writes."""

from datetime import datetime

from django.db import connection, transaction

from dapi.demo.cases import load_demo_cases
from dapi.demo.seeds import load_demo
from dapi.tests.demo_snapshot import table_rows, loaded

# Tables a fresh load fills differently every time: salted password hashes, authenticator keys, and the
# audit entries that record them. Their rows' keys are still compared; so is every other value, but
# the moments rows were written.
VOLATILE = {"accounts_user", "otp_totp_totpdevice", "auditlog_logentry"}


def timeless(row: tuple) -> tuple:
    return tuple("<time>" if isinstance(v, datetime) or (isinstance(v, str) and v[:2] == "20" and ":" in v) else v
                 for v in row)


def state():
    with connection.cursor() as cursor:
        return {table: {key: timeless(row) for key, row in rows.items()}
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
    assert {t: sorted(rows, key=str) for t, rows in copied.items()} == {t: sorted(rows, key=str) for t, rows in fresh.items()}
    assert {t: rows for t, rows in copied.items() if t not in VOLATILE} == \
        {t: rows for t, rows in fresh.items() if t not in VOLATILE}
    assert len(fresh["cases_case"]) > 0 and len(fresh["funding_agreement"]) > 0
