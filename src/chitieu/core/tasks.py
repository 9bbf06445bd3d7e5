"""The status of a plan's task (nhiệm vụ) as the Government Office's task tracking counts it,
computed from dates only, with ``today`` always passed in (so a test freezes the clock by
giving a date, and a page and a report computed on the same day agree).

Owns: ``TaskStatus`` and its Vietnamese labels; ``task_status`` (one task, from its deadline,
the date work was first reported, the completion date and a reason for not doing it);
``is_overdue`` and ``due_soon``; ``TaskSummary`` (the counts) and its sentence
"x/y nhiệm vụ đã hoàn thành (đúng hạn z)"; the order pages list tasks in (overdue first).

Rules (docs/tasks.md):
- a task whose deadline is "thường xuyên" (recurring, ``deadline=None``) is never overdue, and
  finishing it is always on time;
- the deadline day itself is within the deadline: done on the day is on time, overdue the day after;
- "không thực hiện" needs a reason, and wins over every date;
- done is done: a completion date decides between on time and late whatever ``today`` is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class TaskStatus(StrEnum):
    NOT_STARTED = "chua_thuc_hien"
    IN_PROGRESS = "dang_trong_han"
    IN_PROGRESS_LATE = "dang_qua_han"
    DONE_ON_TIME = "xong_dung_han"
    DONE_LATE = "xong_qua_han"
    NOT_DONE = "khong_thuc_hien"

    @property
    def label(self) -> str:
        return LABELS[self]

    @property
    def done(self) -> bool:
        return self in (TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE)


LABELS: dict[TaskStatus, str] = {
    TaskStatus.NOT_STARTED: "Chưa thực hiện",
    TaskStatus.IN_PROGRESS: "Đang thực hiện — trong hạn",
    TaskStatus.IN_PROGRESS_LATE: "Đang thực hiện — quá hạn",
    TaskStatus.DONE_ON_TIME: "Đã hoàn thành — đúng hạn",
    TaskStatus.DONE_LATE: "Đã hoàn thành — quá hạn",
    TaskStatus.NOT_DONE: "Không thực hiện",
}

RECURRING_LABEL = "Thường xuyên"


class TaskDateError(ValueError):
    """Dates that contradict each other; the message is in Vietnamese and English."""

    def __init__(self, vi: str, en: str) -> None:
        self.vi, self.en = vi, en
        super().__init__(f"{vi} / {en}")


def task_status(*, deadline: date | None, today: date, started: date | None = None,
                completed: date | None = None, not_done_reason: str = "") -> TaskStatus:
    """The status of one task on ``today``.

    ``deadline``: the date it is due, None for "thường xuyên"; ``started``: the date of the first
    progress report (None: nothing reported yet); ``completed``: the date it was reported done;
    ``not_done_reason``: why it will not be done (non-empty makes it "không thực hiện").
    """
    if not_done_reason.strip():
        return TaskStatus.NOT_DONE
    if completed is not None:
        if started is not None and completed < started:
            raise TaskDateError(
                f"Ngày hoàn thành {completed:%d/%m/%Y} trước ngày bắt đầu {started:%d/%m/%Y}",
                f"completed on {completed:%d/%m/%Y}, before it started on {started:%d/%m/%Y}",
            )
        if deadline is None or completed <= deadline:
            return TaskStatus.DONE_ON_TIME
        return TaskStatus.DONE_LATE
    if started is None:
        return TaskStatus.NOT_STARTED
    if deadline is not None and today > deadline:
        return TaskStatus.IN_PROGRESS_LATE
    return TaskStatus.IN_PROGRESS


def is_overdue(status: TaskStatus, deadline: date | None, today: date) -> bool:
    """Past its deadline and not finished: in progress late, or not even started after the deadline."""
    if status == TaskStatus.IN_PROGRESS_LATE:
        return True
    return status == TaskStatus.NOT_STARTED and deadline is not None and today > deadline


def due_soon(status: TaskStatus, deadline: date | None, today: date, days: int = 30) -> bool:
    """Not finished (nor given up) and due from today to ``days`` days ahead, both included."""
    if deadline is None or status.done or status == TaskStatus.NOT_DONE:
        return False
    return today <= deadline <= today + timedelta(days=days)


def days_overdue(deadline: date | None, today: date) -> int:
    return 0 if deadline is None else max(0, (today - deadline).days)


def sort_key(status: TaskStatus, deadline: date | None, today: date) -> tuple:
    """Overdue first (the longest overdue first), then the unfinished by deadline (recurring
    last among them), then the finished and the given up."""
    if is_overdue(status, deadline, today):
        return (0, deadline or date.max)
    if not status.done and status != TaskStatus.NOT_DONE:
        return (1, deadline or date.max)
    return (2, deadline or date.max)


def deadline_text(deadline: date | None) -> str:
    return RECURRING_LABEL if deadline is None else f"{deadline:%d/%m/%Y}"


@dataclass(frozen=True)
class TaskSummary:
    total: int = 0
    not_started: int = 0
    in_progress: int = 0
    in_progress_late: int = 0
    done_on_time: int = 0
    done_late: int = 0
    not_done: int = 0
    overdue: int = 0  # in progress late + not started past the deadline

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late

    def sentence(self) -> str:
        """"5/8 nhiệm vụ đã hoàn thành (đúng hạn 4)", with what is late or given up said after it."""
        text = f"{self.done}/{self.total} nhiệm vụ đã hoàn thành (đúng hạn {self.done_on_time})"
        more = []
        if self.overdue:
            more.append(f"{self.overdue} nhiệm vụ quá hạn chưa hoàn thành")
        if self.not_done:
            more.append(f"{self.not_done} nhiệm vụ không thực hiện")
        return text + ("; " + "; ".join(more) if more else "")

    def count(self, status: TaskStatus) -> int:
        return {
            TaskStatus.NOT_STARTED: self.not_started, TaskStatus.IN_PROGRESS: self.in_progress,
            TaskStatus.IN_PROGRESS_LATE: self.in_progress_late, TaskStatus.DONE_ON_TIME: self.done_on_time,
            TaskStatus.DONE_LATE: self.done_late, TaskStatus.NOT_DONE: self.not_done,
        }[status]


def summarise(items: Iterable[tuple[TaskStatus, date | None]], today: date) -> TaskSummary:
    """The counts of (status, deadline) pairs."""
    counts = dict.fromkeys(TaskStatus, 0)
    overdue = total = 0
    for status, deadline in items:
        total += 1
        counts[status] += 1
        overdue += is_overdue(status, deadline, today)
    return TaskSummary(
        total=total, not_started=counts[TaskStatus.NOT_STARTED], in_progress=counts[TaskStatus.IN_PROGRESS],
        in_progress_late=counts[TaskStatus.IN_PROGRESS_LATE], done_on_time=counts[TaskStatus.DONE_ON_TIME],
        done_late=counts[TaskStatus.DONE_LATE], not_done=counts[TaskStatus.NOT_DONE], overdue=overdue,
    )
