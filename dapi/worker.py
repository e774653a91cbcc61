"""The background task worker: who it is, and what it does about work a dead worker left running.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again, so a
worker killed half-way (power cut, OOM killer, `kill -9`) leaves its task RUNNING for ever. dapi's
workers name themselves `host:pid`, and a worker starting on a host first takes back every task
that a worker of the same host left RUNNING and that is no longer alive: the dead attempt is
recorded as failed, saying so, and the task is queued again with the same arguments.

That is safe because every dapi task is all-or-nothing (its writes are one transaction, so the
killed attempt left nothing behind) and can run again from the start (it replaces what an earlier
attempt wrote). A task that could not promise both must not be added to this project.
"""

import os
import socket
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult


class WorkerStopped(Exception):
    """Recorded as the failure of an attempt whose worker stopped before finishing."""


@dataclass(frozen=True)
class Recovered:
    task_id: str
    task_path: str
    worker_id: str
    requeued_as: str


def host_name() -> str:
    return socket.gethostname()[:40]


def worker_id_for(pid: int | None = None) -> str:
    """This process's worker id, `host:pid` (django-tasks-db allows 64 characters)."""
    return f"{host_name()}:{os.getpid() if pid is None else pid}"


def _process_alive(pid: int) -> bool:
    """Whether `pid` is a live task worker on this host. A pid since reused by another program (its
    command line does not mention db_worker) counts as dead."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists():
        try:
            return b"db_worker" in cmdline.read_bytes()
        except OSError:
            return False
    return True


def _dead_here(worker_id: str) -> bool:
    host, _, pid = worker_id.rpartition(":")
    return host == host_name() and pid.isdigit() and int(pid) != os.getpid() and not _process_alive(int(pid))


def recover_interrupted_tasks() -> list[Recovered]:
    """Fail and queue again every task left RUNNING by a dead worker of this host. Tasks of other
    hosts, and of live workers here, are left alone. Returns what was taken back."""
    recovered = []
    for result in DBTaskResult.objects.running().order_by("enqueued_at"):
        worker_id = result.worker_ids[-1] if result.worker_ids else ""
        if not _dead_here(worker_id):
            continue
        with transaction.atomic():
            # Conditional on the row still being RUNNING, so two workers starting at once cannot
            # both queue it again; failing it and queueing it again commit together or not at all.
            if not DBTaskResult.objects.filter(pk=result.pk, status=TaskResultStatus.RUNNING).update(
                    status=TaskResultStatus.FAILED):
                continue
            result.set_failed(WorkerStopped(f"worker {worker_id} stopped before the task finished; queued again"))
            again = result.task.using(priority=result.priority, queue_name=result.queue_name,
                                      backend=result.backend_name).enqueue(
                *result.args_kwargs["args"], **result.args_kwargs["kwargs"])
        recovered.append(Recovered(task_id=str(result.pk), task_path=result.task_path, worker_id=worker_id,
                                   requeued_as=str(again.id)))
    return recovered
