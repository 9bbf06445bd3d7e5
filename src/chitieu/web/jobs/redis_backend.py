"""A django-tasks backend on Redis (``TASK_BACKEND=redis``, ``TASK_REDIS_URL``), and its worker,
run by ``chitieu worker``: for large installations where job polling should not load the database.

Why our own and not django-tasks-rq: that one brings four more packages (django-rq, rq,
rq-scheduler and theirs) and leaves a job whose worker died marked failed; ours is the "reliable
queue" pattern on redis-py, which the project already uses, in one file:

- ``enqueue`` writes the job's record (a hash: task, arguments, status, attempts, errors, return
  value) and pushes its id on the queue's list *when the enqueuing transaction commits*, as the
  database queue does: a worker never sees a job whose rows are not yet committed, and a job
  enqueued in a transaction that rolls back never runs.
- a worker moves the id atomically from the queue to its own "processing" list (LMOVE), runs the
  task, records the outcome, and removes the id. While alive it refreshes a heartbeat key that
  expires ``WORKER_TIMEOUT`` seconds after its last refresh.
- a worker whose heartbeat expired (killed, machine lost) leaves its job in its processing list;
  the next worker to look (every few seconds, and at start) puts the job back at the head of the
  queue — once: a job already attempted ``MAX_ATTEMPTS`` times is marked failed (``WorkerCrashed``)
  instead of crashing worker after worker.
- the web server holds no job state: a job survives a restart of the web server (and of the
  worker); only a flush of Redis loses queued jobs. Records expire ``RESULT_DAYS`` after they
  were last written.

A task that raises is failed at once, not retried (its error is usually not passing): retry is
for crashes only.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import sys
import threading
import time
from datetime import datetime

import redis
from django.core.exceptions import SuspiciousOperation
from django.db import close_old_connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskContext, TaskError, TaskResult, TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist
from django_tasks.signals import task_enqueued, task_finished, task_started
from django_tasks.utils import get_exception_traceback, get_module_path, get_random_id, normalize_json

logger = logging.getLogger("chitieu.jobs")

MAX_ATTEMPTS = 2  # the first run, and one more after a worker crash
RESULT_DAYS = 7
RECOVER_EVERY = 5.0  # seconds between two looks for jobs of dead workers


class WorkerCrashed(Exception):
    """Recorded as the error of a job whose worker died on its last allowed attempt."""


def _now() -> str:
    return timezone.now().isoformat()


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class RedisBackend(BaseTaskBackend):
    supports_get_result = True

    def __init__(self, alias: str, params: dict) -> None:
        super().__init__(alias, params)
        self.url = self.options.get("URL", "redis://127.0.0.1:6379/0")
        self.prefix = f"{self.options.get('PREFIX', 'chitieu')}:tasks"
        self.worker_timeout = int(self.options.get("WORKER_TIMEOUT", 30))
        self._redis: redis.Redis | None = None

    @property
    def redis(self) -> redis.Redis:
        if self._redis is None:
            self._redis = redis.Redis.from_url(self.url, decode_responses=True, health_check_interval=30)
        return self._redis

    def key(self, *parts: str) -> str:
        return ":".join((self.prefix, *parts))

    def enqueue(self, task: Task, args, kwargs) -> TaskResult:
        self.validate_task(task)
        result = TaskResult(task=task, id=get_random_id(), status=TaskResultStatus.READY, enqueued_at=timezone.now(),
                            started_at=None, finished_at=None, last_attempted_at=None, args=args, kwargs=kwargs,
                            backend=self.alias, errors=[], worker_ids=[])
        record = {"task": task.module_path, "queue": task.queue_name, "args": json.dumps(result.args),
                  "kwargs": json.dumps(result.kwargs), "status": TaskResultStatus.READY.value,
                  "enqueued_at": result.enqueued_at.isoformat(), "worker_ids": "[]", "errors": "[]"}
        with self.redis.pipeline() as pipe:
            pipe.hset(self.key("result", result.id), mapping=record)
            pipe.expire(self.key("result", result.id), RESULT_DAYS * 86400)
            pipe.execute()
        queue = self.key("queue", task.queue_name)
        if transaction.get_connection().in_atomic_block:  # when (and only if) the transaction commits
            transaction.on_commit(lambda: self.redis.lpush(queue, result.id), robust=False)
        else:
            self.redis.lpush(queue, result.id)
        task_enqueued.send(type(self), task_result=result)
        return result

    def get_result(self, result_id: str) -> TaskResult:
        data = self.redis.hgetall(self.key("result", result_id))
        if not data:
            raise TaskResultDoesNotExist(result_id)
        return self._result(result_id, data)

    def _result(self, result_id: str, data: dict[str, str]) -> TaskResult:
        task = import_string(data["task"])
        if not isinstance(task, Task):  # a record written by someone else: run only our tasks
            raise SuspiciousOperation(f"job {result_id} does not name a task ({data['task']})")
        result = TaskResult(
            task=task.using(queue_name=data["queue"], backend=self.alias), id=result_id,
            status=TaskResultStatus(data["status"]), enqueued_at=_time(data.get("enqueued_at")),
            started_at=_time(data.get("started_at")), finished_at=_time(data.get("finished_at")),
            last_attempted_at=_time(data.get("last_attempted_at")), args=json.loads(data["args"]),
            kwargs=json.loads(data["kwargs"]), backend=self.alias,
            errors=[TaskError(**e) for e in json.loads(data.get("errors") or "[]")],
            worker_ids=json.loads(data.get("worker_ids") or "[]"))
        if "return_value" in data:
            object.__setattr__(result, "_return_value", json.loads(data["return_value"]))
        return result

    def queue_lengths(self) -> dict[str, int]:
        """Jobs waiting, per queue."""
        return {name: self.redis.llen(self.key("queue", name)) for name in sorted(self.queues)}

    def oldest_waiting_seconds(self) -> int:
        """How long the oldest job ready to run has waited (0 when none): a queue without a
        worker grows old (for a health check, as ``/healthz`` does for the database queue)."""
        ages = [0.0]
        for name in self.queues:
            job_id = self.redis.lindex(self.key("queue", name), -1)  # the next to be taken
            enqueued = _time(self.redis.hget(self.key("result", job_id), "enqueued_at")) if job_id else None
            if enqueued is not None:
                ages.append((timezone.now() - enqueued).total_seconds())
        return int(max(ages))

    def worker(self, queues: list[str] | None = None, *, batch: bool = False, interval: float = 0.5) -> Worker:
        names = sorted(self.queues) if not queues or "*" in queues else queues
        return Worker(self, names, batch=batch, interval=interval)


class Worker:
    """Takes jobs from the queues ``queue_names`` one at a time until stopped (SIGTERM, SIGINT:
    the current job is finished first; a second signal stops at once, and the job is retried
    like a crashed one), or with ``batch`` until the queues are empty."""

    def __init__(self, backend: RedisBackend, queue_names: list[str], *, batch: bool, interval: float) -> None:
        self.backend, self.r = backend, backend.redis
        self.queue_names = queue_names
        self.batch, self.interval = batch, interval
        self.id = f"{socket.gethostname()}-{os.getpid()}-{get_random_id()[:8]}"
        self.processing = backend.key("processing", self.id)
        self.running, self.busy = True, False
        self._stop = threading.Event()

    # --- liveness ---------------------------------------------------------------------------------
    def _beat(self) -> None:
        self.r.set(self.backend.key("worker", self.id), _now(), ex=self.backend.worker_timeout)

    def _heartbeat(self) -> None:
        while not self._stop.wait(max(self.backend.worker_timeout / 3, 0.2)):
            try:
                self._beat()
            except redis.RedisError:  # Redis briefly away: the next beat tries again
                logger.warning("worker %s: heartbeat failed", self.id)

    def _shutdown(self, signum, _frame) -> None:
        if not self.running or not self.busy:
            sys.exit(0 if not self.busy else 1)
        logger.warning("worker %s: %s, stopping after the current job", self.id, signal.strsignal(signum))
        self.running = False

    # --- the loop ---------------------------------------------------------------------------------
    def run(self, *, handle_signals: bool = True) -> None:
        if handle_signals:
            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, self._shutdown)
        tasks_logger = logging.getLogger("django_tasks")  # one line per job, as db_worker writes
        if tasks_logger.level == logging.NOTSET:
            tasks_logger.setLevel(logging.INFO)
        self._beat()
        self.r.sadd(self.backend.key("workers"), self.id)
        beat = threading.Thread(target=self._heartbeat, daemon=True, name="chitieu-worker-heartbeat")
        beat.start()
        logger.info("worker %s: started on %s (queues %s)", self.id, self.backend.url.rsplit("@", 1)[-1],
                    ",".join(self.queue_names))
        last_recovery = 0.0
        try:
            while self.running:
                if time.monotonic() - last_recovery >= RECOVER_EVERY:
                    self.recover()
                    last_recovery = time.monotonic()
                job_id = self.take()
                if job_id is not None:
                    self.run_job(job_id)
                elif self.batch:
                    return
                else:
                    time.sleep(self.interval)
        finally:
            self._stop.set()
            if not self.r.llen(self.processing):  # nothing left half done: leave the register
                with self.r.pipeline() as pipe:
                    pipe.srem(self.backend.key("workers"), self.id)
                    pipe.delete(self.backend.key("worker", self.id))
                    pipe.execute()

    def take(self) -> str | None:
        for name in self.queue_names:
            job_id = self.r.lmove(self.backend.key("queue", name), self.processing, "RIGHT", "LEFT")
            if job_id is not None:
                return job_id
        return None

    def run_job(self, job_id: str) -> None:
        key = self.backend.key("result", job_id)
        data = self.r.hgetall(key)
        if not data or data.get("status") != TaskResultStatus.READY:  # expired, or finished already
            self.r.lrem(self.processing, 1, job_id)
            return
        now = _now()
        workers = [*json.loads(data.get("worker_ids") or "[]"), self.id]
        started = {"status": TaskResultStatus.RUNNING.value, "last_attempted_at": now,
                   "worker_ids": json.dumps(workers), "started_at": data.get("started_at") or now}
        self.r.hset(key, mapping=started)
        try:
            result = self.backend._result(job_id, {**data, **started})
        except (ImportError, SuspiciousOperation) as exc:
            self._finish(job_id, key, None, error=exc)
            return
        backend_type = type(self.backend)
        self.busy = True
        close_old_connections()
        try:
            task_started.send(sender=backend_type, task_result=result)
            task = result.task
            if task.takes_context:
                value = task.call(TaskContext(task_result=result), *result.args, **result.kwargs)
            else:
                value = task.call(*result.args, **result.kwargs)
            value = json.dumps(normalize_json(value))
        except Exception as exc:  # the task failed: recorded, not retried
            self._finish(job_id, key, result, error=exc)
        else:
            self._finish(job_id, key, result, value=value)
        finally:
            # SystemExit / KeyboardInterrupt (a forced stop) leave the job in the processing list:
            # retried by the next worker, as after a crash
            close_old_connections()
            self.busy = False

    def _finish(self, job_id: str, key: str, result: TaskResult | None, *, value: str | None = None,
                error: BaseException | None = None) -> None:
        done = {"finished_at": _now()}
        if error is None:
            done.update(status=TaskResultStatus.SUCCESSFUL.value, return_value=value)
        else:
            errors = json.loads(self.r.hget(key, "errors") or "[]")
            errors.append({"exception_class_path": get_module_path(type(error)),
                           "traceback": get_exception_traceback(error)})
            done.update(status=TaskResultStatus.FAILED.value, errors=json.dumps(errors))
        with self.r.pipeline() as pipe:
            pipe.hset(key, mapping=done)
            pipe.expire(key, RESULT_DAYS * 86400)
            pipe.lrem(self.processing, 1, job_id)
            pipe.execute()
        if result is not None:
            task_finished.send(sender=type(self.backend), task_result=self.backend.get_result(job_id))

    # --- crashed workers ----------------------------------------------------------------------------
    def recover(self) -> list[tuple[str, str]]:
        """Put back the jobs of workers whose heartbeat expired; returns (job id, "retried" or
        "failed") for each job found."""
        found = []
        for worker_id in self.r.smembers(self.backend.key("workers")):
            if worker_id == self.id or self.r.exists(self.backend.key("worker", worker_id)):
                continue
            processing = self.backend.key("processing", worker_id)
            while (job_id := self.r.lpop(processing)) is not None:  # atomic: one recoverer per job
                outcome = self._retry_or_fail(job_id, worker_id)
                if outcome:
                    found.append((job_id, outcome))
            self.r.srem(self.backend.key("workers"), worker_id)
        return found

    def _retry_or_fail(self, job_id: str, dead: str) -> str:
        key = self.backend.key("result", job_id)
        data = self.r.hgetall(key)
        if not data or data.get("status") in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED):
            return ""
        attempts = len(json.loads(data.get("worker_ids") or "[]"))
        if attempts < MAX_ATTEMPTS:
            with self.r.pipeline() as pipe:
                pipe.hset(key, "status", TaskResultStatus.READY.value)
                pipe.rpush(self.backend.key("queue", data["queue"]), job_id)  # taken next
                pipe.execute()
            logger.warning("job %s: worker %s stopped during attempt %d; queued again", job_id, dead, attempts)
            return "retried"
        crash = WorkerCrashed(f"worker {dead} stopped during attempt {attempts} of {MAX_ATTEMPTS}")
        errors = [*json.loads(data.get("errors") or "[]"),
                  {"exception_class_path": get_module_path(WorkerCrashed), "traceback": f"WorkerCrashed: {crash}"}]
        self.r.hset(key, mapping={"status": TaskResultStatus.FAILED.value, "finished_at": _now(),
                                  "errors": json.dumps(errors)})
        logger.error("job %s: %s; not retried again", job_id, crash)
        try:
            task_finished.send(sender=type(self.backend), task_result=self.backend.get_result(job_id))
        except (ImportError, SuspiciousOperation):
            pass
        return "failed"

