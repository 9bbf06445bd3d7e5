"""The API of tasks and TTHC statistics (a django-ninja router mounted under /api/ by one line in
``chitieu.web.api``): read a unit's assignments with their status, a document with its groups
and tasks, report progress, submit, approve or return; read a unit's TTHC windows and save one.
Access through ``chitieu.web.access`` (404 to outsiders, 403 without the right); writes
through ``chitieu.web.tasks.actions``, so bad input is a 422 with the messages per field. The
lists come in pages (``chitieu.web.api_lists``), each page read with a fixed number of queries."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from ninja import Router, Schema
from ninja.pagination import paginate

from chitieu.core import tthc as core_tthc
from chitieu.web.access import get_unit_for_user, rights_on
from chitieu.web.api_lists import Paged, Rows
from chitieu.web.errors import ActionError
from chitieu.web.tasks import actions, queries
from chitieu.web.tasks.models import Assignment, ProgressReport, SourceDocument, TthcReport, today
from chitieu.web.tasks.views import document_rights

router = Router(tags=["tasks"])


class TaskOut(Schema):
    id: int
    group: str
    order: str
    title: str
    lead_unit: str
    coordinating_units: str
    deadline: date | None  # null: "thường xuyên"
    expected_product: str
    indicators: list[str]


class GroupOut(Schema):
    order: int
    title: str
    tasks: list[TaskOut]


class DocumentOut(Schema):
    id: int
    unit_code: str
    kind: str
    number: str
    issued: date
    issuer: str
    title: str
    groups: list[GroupOut]


class ProgressOut(Schema):
    id: int
    on: date
    outcome: str
    text: str
    document_number: str
    figures: str
    file_name: str


class AssignmentOut(Schema):
    id: int
    unit_code: str
    document_id: int
    task: TaskOut
    status: str
    status_label: str
    overdue: bool
    due_soon: bool
    state: str
    comment: str
    started: date | None
    completed: date | None
    not_done_reason: str
    reports: list[ProgressOut]


class ProgressIn(Schema):
    on: date
    text: str
    outcome: str = "in_progress"  # in_progress, done, not_done
    document_number: str = ""
    figures: str = ""
    reason: str = ""


class StateIn(Schema):
    action: str  # submit, approve, return, reopen
    comment: str = ""


class TthcRowIO(Schema):
    field: str
    online: int = 0
    in_person: int = 0
    carried_over: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    pending_within: int = 0
    pending_overdue: int = 0
    digitised: int = 0
    e_results: int = 0


class TthcOut(Schema):
    id: int
    unit_code: str
    start: date
    end: date
    source: str
    rows: list[TthcRowIO]
    received: int
    settled: int
    in_progress: int
    rates: dict[str, float | None]  # CCHC indicator code → %


class TthcIn(Schema):
    start: date
    end: date
    source: str
    rows: list[TthcRowIO]
    total: TthcRowIO | None = None  # the stated total, checked against the rows
    value_status: str = "chinh_thuc"


def _task(t) -> dict:
    return {"id": t.pk, "group": t.group.title, "order": f"{t.group.order}.{t.order}", "title": t.title,
            "lead_unit": t.lead_unit, "coordinating_units": t.coordinating_units, "deadline": t.deadline,
            "expected_product": t.expected_product, "indicators": sorted(i.code for i in t.indicators.all())}


def _assignment(row: queries.Row) -> dict:
    a = row.assignment
    return {"id": a.pk, "unit_code": a.unit.code, "document_id": a.task.group.document_id, "task": _task(a.task),
            "status": row.status.value, "status_label": row.status.label, "overdue": row.overdue,
            "due_soon": row.due_soon, "state": a.state, "comment": a.comment, "started": a.started,
            "completed": a.completed, "not_done_reason": a.not_done_reason,
            "reports": [{"id": r.pk, "on": r.on, "outcome": r.outcome, "text": r.text,
                         "document_number": r.document_number, "figures": r.figures, "file_name": r.file_name}
                        for r in a.reports.all()]}  # prefetched by _prefetch


def _prefetch(rows: list[queries.Row]) -> None:
    """The reports and the tasks' indicators of these assignments, in two queries for them all."""
    prefetch_related_objects([r.assignment for r in rows], "task__indicators",
                             Prefetch("reports", queryset=ProgressReport.objects.defer("file")))


def _one(a: Assignment) -> dict:
    rows = queries.rows_for([a], today())
    _prefetch(rows)
    return _assignment(rows[0])


def _get_assignment(request, assignment_id: int) -> tuple[Assignment, object]:
    try:
        a = Assignment.objects.select_related("task", "task__group", "unit").get(pk=assignment_id)
    except Assignment.DoesNotExist:
        raise Http404("assignment") from None
    rights = rights_on(request.user, a.unit)
    if not rights.see:
        raise Http404("assignment")
    return a, rights


@router.get("/units/{code}/tasks", response=list[AssignmentOut])
@paginate(Paged)
def unit_tasks(request, code: str):
    """The tasks given to the unit, overdue first, with their status today. The order needs every
    assignment's status (one query for them all); the reports are read for the page only."""
    unit, _rights = get_unit_for_user(request, code, by_code=True)
    assignments = queries.assignments_of(unit).order_by(*Assignment._meta.ordering, "pk")
    return Rows(queries.rows_for(assignments, today()), _assignment, prepare=_prefetch)


@router.get("/tasks/documents/{document_id}", response=DocumentOut)
def get_document(request, document_id: int):
    try:
        doc = SourceDocument.objects.select_related("unit").get(pk=document_id)
    except SourceDocument.DoesNotExist:
        raise Http404("document") from None
    if not document_rights(request.user, doc).see:
        raise Http404("document")
    return {"id": doc.pk, "unit_code": doc.unit.code, "kind": doc.kind, "number": doc.number, "issued": doc.issued,
            "issuer": doc.issuer, "title": doc.title,
            "groups": [{"order": g.order, "title": g.title, "tasks": [_task(t) for t in g.tasks.all()]}
                       for g in doc.groups.prefetch_related("tasks__indicators")]}


@router.get("/tasks/assignments/{assignment_id}", response=AssignmentOut)
def get_assignment(request, assignment_id: int):
    a, _rights = _get_assignment(request, assignment_id)
    return _one(a)


@router.post("/tasks/assignments/{assignment_id}/progress", response=AssignmentOut)
def report_progress(request, assignment_id: int, payload: ProgressIn):
    """A progress report (evidence files are uploaded on the page)."""
    a, rights = _get_assignment(request, assignment_id)
    if not rights.write:
        raise PermissionDenied
    actions.do_report_progress(a, acting_user=request.user, **payload.dict())
    return _one(a)


@router.post("/tasks/assignments/{assignment_id}/state", response=AssignmentOut)
def change_state(request, assignment_id: int, payload: StateIn):
    a, _rights = _get_assignment(request, assignment_id)
    if payload.action == "submit":
        actions.do_submit_assignment(a, acting_user=request.user)
    else:
        do = {"approve": actions.do_approve_assignment, "return": actions.do_return_assignment,
              "reopen": actions.do_reopen_assignment}.get(payload.action)
        if do is None:
            raise ActionError({"action": ["submit, approve, return, reopen"]})
        do(a, acting_user=request.user, comment=payload.comment)
    return _one(a)


def _tthc(report: TthcReport) -> dict:
    core = report.to_core()
    t = core_tthc.totals(core)
    return {"id": report.pk, "unit_code": report.unit.code, "start": report.start, "end": report.end,
            "source": report.source,
            "rows": [{"field": r.field, **{n: getattr(r, n) for n in core_tthc.COUNTS}} for r in report.rows.all()],
            "received": t.total_received, "settled": t.total_settled, "in_progress": t.total_pending,
            "rates": {core_tthc.RATE_INDICATORS[k]: v for k, v in core_tthc.rates(core).items()}}


@router.get("/units/{code}/tthc", response=list[TthcOut], tags=["tthc"])
@paginate(Paged)
def list_tthc(request, code: str):
    """The unit's TTHC windows, newest first."""
    unit, _rights = get_unit_for_user(request, code, by_code=True)
    return Rows(unit.tthc_reports.select_related("unit").prefetch_related("rows").order_by("-end", "-start"), _tthc)


@router.post("/units/{code}/tthc", response=TthcOut, tags=["tthc"])
def save_tthc(request, code: str, payload: TthcIn):
    """Save one window's figures, all or nothing (422 naming the row and the rule); the CCHC rates
    are stored as values of the plans that target them."""
    unit, rights = get_unit_for_user(request, code, by_code=True)
    if not rights.write:
        raise PermissionDenied
    rows = [core_tthc.TthcRow(line=n, **r.dict()) for n, r in enumerate(payload.rows, 1)]
    total = core_tthc.TthcRow(**payload.total.dict()) if payload.total else None
    saved = actions.do_save_tthc(unit, start=payload.start, end=payload.end, rows=rows, total=total,
                                 source=payload.source, value_status=payload.value_status, acting_user=request.user)
    return _tthc(saved.report)
