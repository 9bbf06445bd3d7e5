"""``chitieu worker`` on the database queue (django-tasks-db's ``db_worker``), with what that worker
lacks: a job whose worker died in the middle of it (killed, out of memory, machine lost) is run
once more, and failed (``WorkerCrashed``) when it has crashed its worker twice — as the Redis queue
does (``redis_backend``).

django-tasks-db leaves such a job "running" for ever. Each ``chitieu worker`` therefore runs
under an id that says how to tell whether it is alive, and looks every few seconds for running
jobs whose worker is not:

- on PostgreSQL, the worker holds an advisory lock named after its id on a connection of its own
  for as long as its process lives; the server drops the lock when the process or its machine
  goes, so "can I take that lock?" answers "is that worker dead?" from any machine;
- on SQLite (one machine by nature), the id carries the host name and process id, and a process
  that no longer exists is a dead worker.

Jobs run by a worker started otherwise (``chitieu web db_worker``) are never touched: their ids
do not say how to check them.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import threading

from django.db import connection
from django.utils.crypto import get_random_string
from django_tasks import TaskResultStatus

logger = logging.getLogger("chitieu.jobs")

MAX_ATTEMPTS = 2  # the first run, and one more after a worker crash
RECOVER_EVERY = 5.0
MARK = "ctw"  # ids of our workers: ctw~host~pid~random


class WorkerCrashed(Exception):
    """Recorded as the error of a job whose worker died on its last allowed attempt."""


def new_worker_id() -> str:
    return "~".join((MARK, socket.gethostname()[:32], str(os.getpid()), get_random_string(8)))


def _parse(worker_id: str) -> tuple[str, int] | None:
    parts = worker_id.split("~")
    if len(parts) != 4 or parts[0] != MARK or not parts[2].isdigit():
        return None
    return parts[1], int(parts[2])


def _lock_key(worker_id: str) -> int:
    return int.from_bytes(hashlib.blake2b(worker_id.encode(), digest_size=8).digest(), "big", signed=True)


class Liveness:
    """Whether workers are alive; ``hold()`` makes this process's worker visibly alive."""

    def __init__(self, worker_id: str) -> None:
        self.worker_id = worker_id
        self._pg = None

    def hold(self) -> None:
        if connection.vendor != "postgresql":
            return
        import psycopg

        params = {k: v for k, v in connection.get_connection_params().items() if k not in ("cursor_factory", "context")}
        self._pg = psycopg.connect(**params, autocommit=True)
        self._pg.execute("SELECT pg_advisory_lock(%s)", (_lock_key(self.worker_id),))

    def release(self) -> None:
        if self._pg is not None:
            self._pg.close()
            self._pg = None

    def alive(self, worker_id: str) -> bool | None:
        """True or False, or None when it cannot be told (not one of our workers; another machine on SQLite)."""
        parsed = _parse(worker_id)
        if parsed is None:
            return None
        if worker_id == self.worker_id:
            return True
        if self._pg is not None:
            key = _lock_key(worker_id)
            if self._pg.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()[0]:
                self._pg.execute("SELECT pg_advisory_unlock(%s)", (key,))
                return False
            return True
        host, pid = parsed
        if host != socket.gethostname()[:32]:
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # exists, run by another user
            return True
        return True


def recover(liveness: Liveness, backend_name: str = "default") -> list[tuple[str, str]]:
    """Put back (or fail, on their last attempt) the running jobs whose worker is dead; returns
    (job id, "retried" or "failed") for each."""
    from django_tasks_db.models import DBTaskResult

    found = []
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, backend_name=backend_name)
    for job in running.only("id", "worker_ids", "status"):
        last = job.worker_ids[-1] if job.worker_ids else ""
        if liveness.alive(last) is not False:
            continue
        attempts = len(job.worker_ids)
        still = DBTaskResult.objects.filter(pk=job.pk, status=TaskResultStatus.RUNNING, worker_ids=job.worker_ids)
        if attempts < MAX_ATTEMPTS:
            if still.update(status=TaskResultStatus.READY):
                logger.warning("job %s: worker %s stopped during attempt %d; queued again", job.pk, last, attempts)
                found.append((str(job.pk), "retried"))
            continue
        if still.exists():
            crash = WorkerCrashed(f"worker {last} stopped during attempt {attempts} of {MAX_ATTEMPTS}")
            DBTaskResult.objects.get(pk=job.pk).set_failed(crash)
            logger.error("job %s: %s; not retried again", job.pk, crash)
            found.append((str(job.pk), "failed"))
    return found


def run_worker(options: dict) -> None:
    """django-tasks-db's worker under a checkable id, with a thread that recovers the jobs of dead
    workers every few seconds (and once before the first job is taken)."""
    from django.core.management import call_command
    from django.db import close_old_connections, connections

    worker_id = new_worker_id()
    liveness = Liveness(worker_id)
    liveness.hold()
    stop = threading.Event()

    def look() -> None:
        try:
            recover(liveness)
        except Exception:  # the next look tries again; the worker goes on either way
            logger.exception("looking for jobs of stopped workers failed")
        finally:
            close_old_connections()

    def loop() -> None:
        while not stop.wait(RECOVER_EVERY):
            look()
        connections.close_all()

    look()
    thread = threading.Thread(target=loop, daemon=True, name="chitieu-worker-recovery")
    thread.start()
    try:
        call_command("db_worker", worker_id=worker_id, **options)
    finally:
        stop.set()
        liveness.release()
