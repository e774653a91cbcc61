"""CI's second run, on PostgreSQL, runs only the tests that reach a database (DAPI_TESTS_DATABASE_ONLY=1):
the rest would repeat the first run exactly. The selection must keep every test that reaches one."""

import os
import subprocess
import sys

from django.conf import settings

FILES = ["dapi/lib/tests/test_money.py", "dapi/tests/test_worker_fault.py", "dapi/tests/test_demo.py"]


def collected(**env) -> set[str]:
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
                             "-p", "no:xdist", *FILES], env={**os.environ, **env}, capture_output=True, text=True,
                            cwd=settings.BASE_DIR, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return {line.split("::")[0] + "::" + line.split("::")[1] for line in result.stdout.splitlines() if "::" in line}


def test_the_database_only_run_keeps_the_tests_that_reach_a_database_and_leaves_out_the_others():
    every, database_only = collected(DAPI_TESTS_DATABASE_ONLY="0"), collected(DAPI_TESTS_DATABASE_ONLY="1")
    money = {t for t in every if t.startswith("dapi/lib/tests/test_money.py")}
    assert money and not money & database_only  # no database: left out
    assert {t for t in every if t.startswith("dapi/tests/test_demo.py")} <= database_only  # pytest-django's db
    fault = {t for t in database_only if t.startswith("dapi/tests/test_worker_fault.py")}
    assert fault == {  # their own database through DATABASE_URL, marked `database`; the third needs none
        "dapi/tests/test_worker_fault.py::test_a_worker_killed_mid_ranking_leaves_nothing_and_the_next_worker_ranks_the_file_once",
        "dapi/tests/test_worker_fault.py::test_a_worker_stopped_mid_ranking_marks_the_import_failed_and_an_analyst_runs_it_again",
    }
    assert database_only < every
