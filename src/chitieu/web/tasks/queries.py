"""What the tasks pages, the API and the implementation report read: a unit's assignments with
their status on a day (overdue first), the summary, the town's matrix of units × task groups,
and the tasks that serve an indicator. Reads only; statuses from ``chitieu.core.tasks``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _

from chitieu.core import tasks as core_tasks
from chitieu.web.tasks.models import Assignment, SourceDocument, Task

# The labels of chitieu.core.tasks (Vietnamese, as the reports write them), translatable on pages.
STATUS_LABELS = {
    core_tasks.TaskStatus.NOT_STARTED: _("Chưa thực hiện"),
    core_tasks.TaskStatus.IN_PROGRESS: _("Đang thực hiện — trong hạn"),
    core_tasks.TaskStatus.IN_PROGRESS_LATE: _("Đang thực hiện — quá hạn"),
    core_tasks.TaskStatus.DONE_ON_TIME: _("Đã hoàn thành — đúng hạn"),
    core_tasks.TaskStatus.DONE_LATE: _("Đã hoàn thành — quá hạn"),
    core_tasks.TaskStatus.NOT_DONE: _("Không thực hiện"),
}


@dataclass
class Row:
    assignment: Assignment
    status: core_tasks.TaskStatus
    overdue: bool
    due_soon: bool
    days_overdue: int

    @property
    def task(self) -> Task:
        return self.assignment.task

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def css(self) -> str:
        if self.overdue:
            return "qua-han"
        return {"xong_dung_han": "dat", "xong_qua_han": "xong-tre", "khong_thuc_hien": "khong-th"}.get(
            self.status.value, "dang")


def rows_for(assignments, today: date) -> list[Row]:
    rows = []
    for a in assignments:
        status = a.status(today)
        rows.append(Row(a, status, core_tasks.is_overdue(status, a.task.deadline, today),
                        core_tasks.due_soon(status, a.task.deadline, today),
                        core_tasks.days_overdue(a.task.deadline, today) if not status.done else 0))
    rows.sort(key=lambda r: (core_tasks.sort_key(r.status, r.task.deadline, today),
                             r.task.group.order, r.task.order))
    return rows


def assignments_of(unit, document: SourceDocument | None = None):
    qs = Assignment.objects.filter(unit=unit).select_related("task", "task__group", "task__group__document", "unit")
    if document is not None:
        qs = qs.filter(task__group__document=document)
    return qs


def summary_of(rows: list[Row], today: date) -> core_tasks.TaskSummary:
    return core_tasks.summarise(((r.status, r.task.deadline) for r in rows), today)


@dataclass
class Cell:
    total: int = 0
    done: int = 0
    overdue: int = 0

    @property
    def css(self) -> str:
        if not self.total:
            return ""
        if self.overdue:
            return "qua-han"
        return "dat" if self.done == self.total else "dang"


@dataclass
class MatrixRow:
    unit: object
    cells: list[Cell] = field(default_factory=list)
    summary: core_tasks.TaskSummary | None = None


def matrix(document: SourceDocument, today: date) -> tuple[list, list[MatrixRow]]:
    """Units given tasks of ``document`` × its groups: done/total and overdue per cell."""
    groups = list(document.groups.all())
    index = {g.pk: i for i, g in enumerate(groups)}
    by_unit: dict[int, MatrixRow] = {}
    pairs: dict[int, list] = {}
    qs = Assignment.objects.filter(task__group__document=document).select_related("unit", "task", "task__group")
    for a in qs.order_by("unit__code"):
        row = by_unit.setdefault(a.unit_id, MatrixRow(a.unit, [Cell() for _g in groups]))
        cell = row.cells[index[a.task.group_id]]
        status = a.status(today)
        cell.total += 1
        cell.done += status.done
        overdue = core_tasks.is_overdue(status, a.task.deadline, today)
        cell.overdue += overdue
        pairs.setdefault(a.unit_id, []).append((status, a.task.deadline))
    for unit_id, row in by_unit.items():
        row.summary = core_tasks.summarise(pairs[unit_id], today)
    return groups, list(by_unit.values())


def tasks_serving(unit, code: str, today: date) -> list[Row]:
    """The tasks given to ``unit`` (or issued by it) that serve the indicator ``code``."""
    qs = Assignment.objects.filter(task__indicators__code=code).select_related(
        "task", "task__group", "task__group__document", "unit")
    qs = qs.filter(unit=unit) | qs.filter(task__group__document__unit=unit)
    return rows_for(qs.distinct(), today)


def unfinished_by_domain(unit, today: date) -> dict[str, list[Row]]:
    """The tasks given to ``unit`` not yet done (nor given up), by the domain of the indicators
    they serve ("" for a task that serves none): what the official report lists per domain."""
    qs = assignments_of(unit).prefetch_related("task__indicators")
    out: dict[str, list[Row]] = {}
    for row in rows_for(qs, today):
        if row.status.done or row.status == core_tasks.TaskStatus.NOT_DONE:
            continue
        domains = sorted({i.domain for i in row.task.indicators.all()}) or [""]
        for domain in domains:
            out.setdefault(domain, []).append(row)
    return out
