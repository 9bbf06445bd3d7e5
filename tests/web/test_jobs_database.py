"""The database queue's crash recovery (``chitieu.web.jobs.db_queue``): a job left "running" by a
worker that died is queued again once, and failed when it has crashed its worker twice; a job of
a live worker, or of a worker started without ``chitieu worker``, is left alone. Real processes:
a dead worker is a process that has exited (SQLite) or holds no lock any more (PostgreSQL).

The last test kills a real ``chitieu worker`` in the middle of a job and lets the next one run
it; it needs a database two processes share, so it runs in the PostgreSQL pass.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult
from test_jobs_redis import add, crash

from chitieu.web.jobs.db_queue import Liveness, new_worker_id, recover

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent


def _dead_worker_id() -> str:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return f"ctw~{socket.gethostname()[:32]}~{process.pid}~deadbeef"


@pytest.fixture
def liveness():
    mine = Liveness(new_worker_id())
    mine.hold()
    yield mine
    mine.release()


@pytest.mark.django_db(transaction=True)
def test_a_job_of_a_dead_worker_runs_once_more_then_is_failed(database_queue, liveness):
    job = add.enqueue(1, 2)
    row = DBTaskResult.objects.get(pk=job.id)
    first = _dead_worker_id()
    row.claim(first)  # as the worker does when it takes the job; then the worker died

    assert recover(liveness) == [(job.id, "retried")]
    row.refresh_from_db()
    assert row.status == "READY" and row.worker_ids == [first]
    assert DBTaskResult.objects.ready().filter(pk=job.id).exists()  # the next worker takes it

    row.claim(second := _dead_worker_id())
    assert recover(liveness) == [(job.id, "failed")]
    row.refresh_from_db()
    assert row.status == "FAILED" and row.worker_ids == [first, second]
    assert row.exception_class_path == "chitieu.web.jobs.db_queue.WorkerCrashed"
    assert f"worker {second} stopped during attempt 2 of 2" in row.traceback
    assert recover(liveness) == []


@pytest.mark.django_db(transaction=True)
def test_jobs_of_live_workers_and_of_other_workers_are_left_alone(database_queue, liveness):
    other = Liveness(new_worker_id())  # another live worker (this process, its own lock)
    other.hold()
    try:
        for worker_id in (other.worker_id, liveness.worker_id, "x7Gk2mQ9pL4vB8nR1tY6wE3sD5fA0hJc"):
            DBTaskResult.objects.get(pk=add.enqueue(1, 1).id).claim(worker_id)
        assert recover(liveness) == []
        assert DBTaskResult.objects.filter(status="RUNNING").count() == 3
    finally:
        other.release()


def test_a_worker_id_says_how_to_check_it():
    worker_id = new_worker_id()
    marker, host, pid, rest = worker_id.split("~")
    assert (marker, host, int(pid), len(rest)) == ("ctw", socket.gethostname()[:32], os.getpid(), 8)
    assert len(worker_id) <= 64  # django-tasks-db's limit
    assert Liveness(worker_id).alive("ctw~another-machine~12~abcdefgh") is None  # SQLite: cannot tell
    assert Liveness(worker_id).alive(_dead_worker_id()) is False


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_in_the_middle_of_a_job_is_replaced_and_the_job_runs_again(database_queue, tmp_path):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("worker processes need a database they can share: the PostgreSQL pass")
    db = connection.settings_dict
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update({"DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
                "TASK_BACKEND": "database", "SECRET_KEY": "k" * 60, "CHITIEU_HOME": str(tmp_path),
                "PYTHONPATH": os.pathsep.join([str(HERE), env.get("PYTHONPATH", "")])})
    markers = tmp_path / "attempts"
    markers.mkdir()
    job = crash.enqueue(str(markers), 1)
    log = (tmp_path / "worker.log").open("a")
    first = subprocess.Popen([str(BIN / "chitieu"), "worker"], env=env, stdout=log, stderr=subprocess.STDOUT)
    assert first.wait(timeout=120) == -signal.SIGKILL
    assert DBTaskResult.objects.get(pk=job.id).status == "RUNNING"  # as django-tasks-db leaves it

    second = subprocess.Popen([str(BIN / "chitieu"), "worker"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            row = DBTaskResult.objects.get(pk=job.id)
            if row.status in ("SUCCESSFUL", "FAILED"):
                break
            time.sleep(0.2)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=60)
    assert row.status == "SUCCESSFUL" and row.return_value == 2, (tmp_path / "worker.log").read_text()[-3000:]
    assert len(row.worker_ids) == 2 and sorted(os.listdir(markers)) == ["attempt-1", "attempt-2"]
    assert "stopped during attempt 1; queued again" in (tmp_path / "worker.log").read_text()
