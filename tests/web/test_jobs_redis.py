"""The Redis queue (``TASK_BACKEND=redis``), against the Redis server on 127.0.0.1:6379 — no mock:
a job enqueued by one process (the web server, which then stops) is run by a ``chitieu worker``
process and its result read by a third; a job whose worker is killed is run once more by the
next worker, and a job that kills its worker twice is failed, not run a third time; a job enqueued
in a transaction is queued only when it commits; a task that raises is failed at once.

The tasks below are the jobs; the worker processes import them from this file (PYTHONPATH).
Each test has its own key prefix, removed afterwards. Skipped where no Redis answers, except in CI.
The tests with worker processes are marked slow (SQLite pass only: they use no database), except
the report built by a worker process, which needs the PostgreSQL pass (a database two processes
can share).
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
import redis
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task, task_backends

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
URL = "redis://127.0.0.1:6379/0"


@task()
def add(a: int, b: int) -> int:
    return a + b


@task()
def crash(marker_dir: str, crashes: int) -> int:
    """Counts its attempts in ``marker_dir``; kills its own worker process (as the kernel's OOM
    killer or a power cut would) on the first ``crashes`` of them."""
    attempt = len(os.listdir(marker_dir)) + 1
    Path(marker_dir, f"attempt-{attempt}").write_text(str(os.getpid()))
    if attempt <= crashes:
        os.kill(os.getpid(), signal.SIGKILL)
    return attempt


@task()
def fail(reason: str) -> None:
    raise ValueError(reason)


def _redis_up() -> bool:
    try:
        return redis.Redis.from_url(URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


@pytest.fixture
def queue(settings, tmp_path):
    """This process's settings on a Redis queue of its own; the environment for other processes."""
    if not _redis_up():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis at {URL} is not reachable")
        pytest.skip("Redis not reachable")
    prefix = f"chitieu-test-{uuid.uuid4().hex[:10]}"
    settings.TASKS = {"default": {"BACKEND": "chitieu.web.jobs.redis_backend.RedisBackend",
                                  "OPTIONS": {"URL": URL, "PREFIX": prefix, "WORKER_TIMEOUT": 2}}}
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update({"TASK_BACKEND": "redis", "TASK_REDIS_URL": URL, "TASK_REDIS_PREFIX": prefix,
                "TASK_WORKER_TIMEOUT": "2", "SECRET_KEY": "k" * 60, "CHITIEU_HOME": str(tmp_path),
                "PYTHONPATH": os.pathsep.join([str(HERE), env.get("PYTHONPATH", "")]),
                "DJANGO_SETTINGS_MODULE": "chitieu.web.settings"})
    env.pop("DATABASE_URL", None)
    yield env
    client = redis.Redis.from_url(URL)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def _backend():
    return task_backends["default"]


def _worker(env, log: Path) -> subprocess.Popen:
    return subprocess.Popen([str(BIN / "chitieu"), "worker"], env=env, stdout=log.open("a"), stderr=subprocess.STDOUT)


def _wait(result_id: str, statuses, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = _backend().get_result(result_id)
        if result.status in statuses:
            return result
        time.sleep(0.1)
    raise AssertionError(f"job {result_id} still {result.status}")


def _stop(process: subprocess.Popen) -> int:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    return process.wait(timeout=30)


@pytest.mark.slow  # worker processes: run once, in the SQLite pass (they use no database)
def test_a_job_enqueued_by_a_web_process_that_then_stops_is_run_by_the_worker(queue, tmp_path):
    web = subprocess.run(  # "the web server": enqueues, answers, and is gone before any worker starts
        [sys.executable, "-c", "import django; django.setup(); from test_jobs_redis import add; "
                               "print(add.enqueue(2, 3).id)"],
        env=queue, capture_output=True, text=True, timeout=120)
    assert web.returncode == 0, web.stderr[-2000:]
    job_id = web.stdout.strip().splitlines()[-1]
    assert _backend().get_result(job_id).status == TaskResultStatus.READY
    assert _backend().queue_lengths() == {"default": 1}
    time.sleep(1.1)
    assert _backend().oldest_waiting_seconds() >= 1  # no worker yet: the queue grows old

    worker = _worker(queue, tmp_path / "worker.log")
    try:
        result = _wait(job_id, {TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED})
    finally:
        assert _stop(worker) == 0  # SIGTERM while idle: a clean stop
    assert result.status == TaskResultStatus.SUCCESSFUL and result.return_value == 5
    assert result.attempts == 1 and result.task.func is add.func and result.args == [2, 3]
    assert result.started_at >= result.enqueued_at and result.finished_at >= result.started_at
    assert _backend().queue_lengths() == {"default": 0} and _backend().oldest_waiting_seconds() == 0
    log = (tmp_path / "worker.log").read_text()
    assert f"Task id={job_id} path=test_jobs_redis.add state=SUCCESSFUL" in log


@pytest.mark.slow  # worker processes: run once, in the SQLite pass (they use no database)
def test_a_job_whose_worker_is_killed_runs_once_more_on_the_next_worker(queue, tmp_path):
    markers = tmp_path / "attempts"
    markers.mkdir()
    job = crash.enqueue(str(markers), 1)
    first = _worker(queue, tmp_path / "worker.log")
    assert first.wait(timeout=60) == -signal.SIGKILL  # died inside the job
    assert _backend().get_result(job.id).status == TaskResultStatus.RUNNING  # as it was left

    second = _worker(queue, tmp_path / "worker.log")
    try:
        result = _wait(job.id, {TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED})
    finally:
        _stop(second)
    assert result.status == TaskResultStatus.SUCCESSFUL and result.return_value == 2
    assert sorted(os.listdir(markers)) == ["attempt-1", "attempt-2"]
    assert result.attempts == 2 and len(set(result.worker_ids)) == 2
    assert "stopped during attempt 1; queued again" in (tmp_path / "worker.log").read_text()


@pytest.mark.slow  # worker processes: run once, in the SQLite pass (they use no database)
def test_a_job_that_kills_its_worker_twice_is_failed_and_not_run_a_third_time(queue, tmp_path):
    markers = tmp_path / "attempts"
    markers.mkdir()
    job = crash.enqueue(str(markers), 5)
    for _ in range(2):
        assert _worker(queue, tmp_path / "worker.log").wait(timeout=60) == -signal.SIGKILL
    third = _worker(queue, tmp_path / "worker.log")
    try:
        result = _wait(job.id, {TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED})
        time.sleep(1)  # the third worker would have taken it again by now
    finally:
        assert _stop(third) == 0
    assert result.status == TaskResultStatus.FAILED and result.attempts == 2
    assert sorted(os.listdir(markers)) == ["attempt-1", "attempt-2"]
    assert result.errors[-1].exception_class_path == "chitieu.web.jobs.redis_backend.WorkerCrashed"
    assert "stopped during attempt 2 of 2" in result.errors[-1].traceback


@pytest.mark.django_db(transaction=True)
def test_a_job_is_queued_when_its_transaction_commits_and_never_when_it_rolls_back(queue):
    backend = _backend()
    with transaction.atomic():
        kept = add.enqueue(1, 1)
        assert backend.queue_lengths() == {"default": 0}  # the worker cannot see it yet
    assert backend.queue_lengths() == {"default": 1}
    with pytest.raises(RuntimeError), transaction.atomic():
        add.enqueue(40, 2)
        raise RuntimeError("the request failed")
    assert backend.queue_lengths() == {"default": 1}

    backend.worker(batch=True).run(handle_signals=False)
    assert backend.get_result(kept.id).return_value == 2
    assert backend.queue_lengths() == {"default": 0}


@pytest.mark.django_db(transaction=True)
def test_a_task_that_raises_is_failed_at_once_with_its_error(queue):
    job = fail.enqueue("số liệu thiếu")
    _backend().worker(batch=True).run(handle_signals=False)
    result = _backend().get_result(job.id)
    assert result.status == TaskResultStatus.FAILED and result.attempts == 1
    assert result.errors[0].exception_class_path == "builtins.ValueError"
    assert "ValueError: số liệu thiếu" in result.errors[0].traceback
    with pytest.raises(ValueError):
        result.return_value  # noqa: B018


def test_the_settings_refuse_a_redis_url_that_is_not_one(tmp_path):
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}, "TASK_BACKEND": "redis",
           "TASK_REDIS_URL": "127.0.0.1:6379", "SECRET_KEY": "k" * 60, "CHITIEU_HOME": str(tmp_path)}
    run = subprocess.run([str(BIN / "chitieu"), "worker", "--batch"], env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 2 and "TASK_REDIS_URL='127.0.0.1:6379': expected redis://host:port/db" in run.stderr


@pytest.mark.django_db(transaction=True)
def test_a_report_asked_for_on_the_page_is_built_by_a_worker_process_on_redis(
        queue, tmp_path, monkeypatch, ward_plan, places, officer, client_for):
    """The whole path on PostgreSQL (the worker process reads the test database, which SQLite's
    in-memory test database does not allow): the page queues, a ``chitieu worker`` on Redis builds,
    the page's card shows the links, the file downloads."""
    from django.db import connection

    from chitieu.web.reporting.models import GeneratedReport

    if connection.vendor != "postgresql":
        pytest.skip("a worker process needs a database it can reach: the PostgreSQL pass")
    db = connection.settings_dict
    queue["DATABASE_URL"] = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    monkeypatch.setenv("PATH", str(tmp_path))  # this process offers no PDF: the job makes DOCX and XLSX
    client = client_for(officer)
    card = client.post(f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/report/jobs/",
                       {"number": "7", "issued": "2026-01-05"}, HTTP_HX_REQUEST="true").content.decode()
    report = GeneratedReport.objects.get()
    assert 'data-status="queued"' in card and _backend().queue_lengths() == {"default": 1}

    worker = _worker(queue, tmp_path / "worker.log")
    try:
        for _ in range(240):
            card = client.get(f"/report-jobs/{report.pk}/").content.decode()
            if "hx-trigger" not in card:
                break
            time.sleep(0.25)
    finally:
        assert _stop(worker) == 0
    assert 'data-status="done"' in card, (tmp_path / "worker.log").read_text()[-3000:]
    assert _backend().get_result(report.task_id).return_value == "done"
    href = card.split('href="', 2)[1].split('"', 1)[0]
    response = client.get(href)
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-phuong-2-2021-2025.docx"'
    from docx import Document

    assert "PHƯỜNG 2" in Document(io.BytesIO(response.content)).tables[0].cell(0, 0).text


def test_the_health_check_reports_a_redis_queue_whose_oldest_job_waits_too_long(queue, transactional_db, client, settings):
    """No worker on the Redis queue: ``/healthz`` says how long the oldest job has waited, and 503
    past ``HEALTH_QUEUE_MAX_AGE``."""
    settings.HEALTH_QUEUE_MAX_AGE = 300
    result = add.enqueue(1, 2)
    body = client.get("/healthz").json()
    assert body["queue"]["ok"] and body["queue"]["oldest_waiting_seconds"] < 60
    backend = _backend()
    backend.redis.hset(backend.key("result", result.id), "enqueued_at",
                       (timezone.now() - timedelta(minutes=10)).isoformat())
    response = client.get("/healthz")
    assert response.status_code == 503
    part = response.json()["queue"]
    assert part["ok"] is False and part["limit_seconds"] == 300 and 590 <= part["oldest_waiting_seconds"] <= 700
