"""`dapi serve` stops its task worker when it is stopped (issue 16, item 12): SIGTERM or SIGINT to the
`dapi serve` process stops gunicorn and `dapi db_worker` alike, where the worker used to keep running
on its own. Real processes, on a SQLite database of the test's own, on a free port."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

# Its tests share module-scoped fixtures that take seconds to make: kept on one pytest-xdist worker (`--dist
# loadgroup`), they are made once per run rather than once per worker.
pytestmark = pytest.mark.xdist_group("serve")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def descendants(pid: int) -> set[int]:
    """Every process below `pid`, from /proc (each process's parent is field 4 of its stat)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def ours(pid: int, data_dir: str) -> bool:
    try:
        return f"DAPI_DATA_DIR={data_dir}".encode() in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except OSError:
        return False


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """A migrated data directory, shared by the tests here (each starts and stops its own server on it)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "dapi.settings",
           "DAPI_DATA_DIR": str(tmp_path_factory.mktemp("serve") / "data"),
           "PYTHONUNBUFFERED": "1"}
    for name in ("DATABASE_URL", "DAPI_TASKS_BACKEND"):
        env.pop(name, None)  # SQLite under the data directory; tasks through the database queue
    subprocess.run([sys.executable, "-m", "dapi.cli", "migrate", "--verbosity", "0"], env=env, check=True,
                   timeout=300)
    return env


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_stopping_dapi_serve_stops_gunicorn_and_the_task_worker(scratch, tmp_path, signum):
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    serve = subprocess.Popen([sys.executable, "-m", "dapi.cli", "serve", "--bind", f"127.0.0.1:{port}",
                              "--workers", "1"], env=scratch, stdout=log, stderr=subprocess.STDOUT)
    below: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while True:
            below = descendants(serve.pid)
            if any("db_worker" in command_line(p) for p in below):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    pass
            assert serve.poll() is None and time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            time.sleep(0.2)
        below = descendants(serve.pid)
        workers = [p for p in below if "db_worker" in command_line(p)]
        assert workers and len(below) >= 2  # the task worker and gunicorn (its master, or its worker under it)

        os.kill(serve.pid, signum)
        serve.wait(timeout=15)
        deadline = time.monotonic() + 10
        while any(alive(p) for p in below) and time.monotonic() < deadline:
            time.sleep(0.2)
        left = {p: command_line(p) for p in below if alive(p)}
        assert left == {}, f"still running after {signal.Signals(signum).name}: {left}"
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
    finally:
        # Whatever is left of this test's processes (on a failure), known by its data directory, so
        # that a pid reused by another program is never touched.
        for pid in {serve.pid, *below, *descendants(serve.pid)}:
            if alive(pid) and ours(pid, scratch["DAPI_DATA_DIR"]):
                os.kill(pid, signal.SIGKILL)
        log.close()
