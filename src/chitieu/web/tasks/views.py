"""The tasks and TTHC pages. Thin: access through ``chitieu.web.access`` (404 to outsiders;
``Rights`` decide the forms shown and the posts accepted), changes through ``actions``, reads
through ``queries``.

- ``home``: the units the user works for, with their tasks' summary;
- ``unit_tasks``: a unit's tasks by status, overdue first, those due in the next 30 days, and
  the documents it issued (with the form to add one);
- ``document``: a document's groups and tasks, the forms to add them and to assign tasks to units;
- ``matrix``: units × task groups of a document;
- ``assignment``: one unit's task: its reports, the report form, submit, review;
- ``evidence``: an evidence file; ``implementation_report``: the DOCX;
- ``tthc``: a unit's TTHC windows, the form, the import and the column mapping; ``tthc_detail``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from chitieu.core import tthc as core_tthc
from chitieu.core.numbers import format_number
from chitieu.web.access import Rights, get_unit_for_user, rights_on, visible_unit_ids, visible_units
from chitieu.web.catalog.models import Indicator
from chitieu.web.errors import ActionError
from chitieu.web.tasks import actions, forms, queries, tthc_files
from chitieu.web.tasks.models import (
    Assignment,
    ProgressReport,
    SourceDocument,
    Task,
    TthcMapping,
    TthcReport,
    today,
)
from chitieu.web.tasks.report import DOCX_TYPE, do_generate_implementation, file_name, request_ref
from chitieu.web.units.models import AdministrativeUnit


def get_document_for_user(request, document_id):
    try:
        document = SourceDocument.objects.select_related("unit").get(pk=document_id)
    except (SourceDocument.DoesNotExist, ValueError, TypeError):
        raise Http404("document") from None
    rights = document_rights(request.user, document)
    if not rights.see:
        raise Http404("document")
    return document, rights


def document_rights(user, document) -> Rights:
    """The user's rights on the issuing unit; members of a unit the document gives tasks to read
    it too (as a ward reads its town's plan), nothing more."""
    rights = rights_on(user, document.unit)
    if rights.see:
        return rights
    ids = visible_unit_ids(user)
    given = Assignment.objects.filter(task__group__document=document)
    if ids is not None and not given.filter(unit_id__in=ids).exists():
        return rights
    return Rights(see=True)


def get_assignment_for_user(request, assignment_id):
    try:
        assignment = Assignment.objects.select_related("task", "task__group", "task__group__document",
                                                       "task__group__document__unit", "unit").get(pk=assignment_id)
    except (Assignment.DoesNotExist, ValueError, TypeError):
        raise Http404("assignment") from None
    rights = rights_on(request.user, assignment.unit)
    if not rights.see:
        raise Http404("assignment")
    return assignment, rights


def _errors(exc: ActionError) -> list[str]:
    return [m for msgs in exc.errors.values() for m in msgs]


@require_GET
@login_required
def home(request):
    on = today()
    cards = []
    for unit in visible_units(request.user).order_by("code"):
        rows = queries.rows_for(queries.assignments_of(unit), on)
        issued = unit.task_documents.count()
        if rows or issued:
            cards.append({"unit": unit, "summary": queries.summary_of(rows, on), "issued": issued})
    return render(request, "tasks/home.html", {"cards": cards, "today": on})


@login_required
def unit_tasks(request, unit_id: int):
    unit, rights = get_unit_for_user(request, unit_id)
    form = forms.DocumentForm()
    if request.method == "POST":
        if not rights.write:
            raise Http404("unit")
        form = forms.DocumentForm(request.POST)
        if form.is_valid():
            try:
                doc = actions.do_create_document(unit, acting_user=request.user, **form.cleaned_data)
            except ActionError as exc:
                for key, msgs in exc.errors.items():
                    for m in msgs:
                        form.add_error(key if key in form.fields else None, m)
            else:
                messages.success(request, _("Đã tạo văn bản %(doc)s.") % {"doc": doc.number})
                return redirect("tasks:document", doc.pk)
    on = today()
    rows = queries.rows_for(queries.assignments_of(unit), on)
    return render(request, "tasks/unit.html", {
        "unit": unit, "rights": rights, "rows": rows, "summary": queries.summary_of(rows, on), "today": on,
        "due_soon": [r for r in rows if r.due_soon], "overdue": [r for r in rows if r.overdue],
        "documents": unit.task_documents.all(), "form": form,
        "reportable": SourceDocument.objects.filter(groups__tasks__assignments__unit=unit).distinct(),
        "status_on": on,
    }, status=400 if form.errors else 200)


@login_required
def document(request, document_id: int):
    doc, rights = get_document_for_user(request, document_id)
    group_form, task_form = forms.GroupForm(prefix="g"), forms.TaskForm(prefix="t")
    if request.method == "POST":
        if not rights.write:
            raise Http404("document")
        what = request.POST.get("what")
        try:
            if what == "group":
                group_form = forms.GroupForm(request.POST, prefix="g")
                if group_form.is_valid():
                    actions.do_add_group(doc, title=group_form.cleaned_data["title"], acting_user=request.user)
                    messages.success(request, _("Đã thêm nhóm nhiệm vụ."))
                    return redirect("tasks:document", doc.pk)
            elif what == "task":
                task_form = forms.TaskForm(request.POST, prefix="t")
                if task_form.is_valid():
                    data = task_form.cleaned_data
                    group = doc.groups.filter(pk=data.pop("group")).first()
                    if group is None:
                        raise Http404("group")
                    codes = [c.strip() for c in data.pop("indicators").split(",") if c.strip()]
                    actions.do_add_task(group, indicator_codes=codes, acting_user=request.user, **data)
                    messages.success(request, _("Đã thêm nhiệm vụ."))
                    return redirect("tasks:document", doc.pk)
            elif what == "assign":
                tasks = list(Task.objects.filter(group__document=doc, pk__in=request.POST.getlist("task")))
                units = list(AdministrativeUnit.objects.filter(pk__in=request.POST.getlist("unit")))
                made = actions.do_assign(tasks, units, acting_user=request.user)
                messages.success(request, _("Đã giao %(n)d nhiệm vụ.") % {"n": len(made)})
                return redirect("tasks:document", doc.pk)
            else:
                raise PermissionDenied
        except ActionError as exc:
            for m in _errors(exc):
                messages.error(request, m)
    groups = list(doc.groups.prefetch_related("tasks__indicators", "tasks__assignments__unit"))
    below = AdministrativeUnit.objects.filter(parent=doc.unit).order_by("code")
    return render(request, "tasks/document.html", {
        "document": doc, "rights": rights, "groups": groups, "units": below, "group_form": group_form,
        "task_form": task_form, "unit": doc.unit,
    }, status=400 if (group_form.errors or task_form.errors) else 200)


@require_GET
@login_required
def matrix(request, document_id: int):
    doc, rights = get_document_for_user(request, document_id)
    if not rights_on(request.user, doc.unit).see:
        raise Http404("document")  # every unit's progress: for the issuing unit's members only
    on = today()
    groups, rows = queries.matrix(doc, on)
    return render(request, "tasks/matrix.html", {"document": doc, "groups": groups, "rows": rows, "today": on,
                                                 "unit": doc.unit})


@login_required
def assignment(request, assignment_id: int):
    a, rights = get_assignment_for_user(request, assignment_id)
    form = forms.ProgressForm()
    if request.method == "POST":
        what = request.POST.get("what")
        try:
            if what == "report":
                if not rights.write:
                    raise Http404("assignment")
                form = forms.ProgressForm(request.POST, request.FILES)
                if form.is_valid():
                    data = form.cleaned_data
                    upload = data.pop("file")
                    evidence = None
                    if upload:
                        if upload.size > actions.MAX_EVIDENCE_BYTES:
                            raise ActionError({"file": [_("Tệp minh chứng quá lớn (tối đa %(max)d MB).") % {
                                "max": actions.MAX_EVIDENCE_BYTES // 1048576}]})
                        evidence = actions.Evidence(upload.name, upload.read())
                    actions.do_report_progress(a, evidence=evidence, acting_user=request.user, **data)
                    messages.success(request, _("Đã lưu báo cáo tiến độ."))
                    return redirect("tasks:assignment", a.pk)
            elif what == "submit":
                if not rights.write:
                    raise Http404("assignment")
                actions.do_submit_assignment(a, acting_user=request.user)
                messages.success(request, _("Đã gửi báo cáo nhiệm vụ để kiểm tra."))
                return redirect("tasks:assignment", a.pk)
            elif what in ("approve", "return", "reopen"):
                if not rights.review:
                    raise PermissionDenied
                do = {"approve": actions.do_approve_assignment, "return": actions.do_return_assignment,
                      "reopen": actions.do_reopen_assignment}[what]
                do(a, acting_user=request.user, comment=request.POST.get("comment", ""))
                messages.success(request, _("Đã cập nhật trạng thái: %(state)s.") % {"state": a.get_state_display()})
                return redirect("tasks:assignment", a.pk)
            else:
                raise PermissionDenied
        except ActionError as exc:
            for key, msgs in exc.errors.items():
                for m in msgs:
                    if key in form.fields and form.is_bound:
                        form.add_error(key, m)
                    else:
                        messages.error(request, m)
    on = today()
    (row,) = queries.rows_for([a], on)
    return render(request, "tasks/assignment.html", {
        "a": a, "row": row, "rights": rights, "form": form, "reports": a.reports.defer("file"), "unit": a.unit,
        "today": on,
    }, status=400 if form.errors else 200)


@require_GET
@login_required
def evidence(request, report_id: int):
    try:
        report = ProgressReport.objects.select_related("assignment", "assignment__unit").get(pk=report_id)
    except (ProgressReport.DoesNotExist, ValueError):
        raise Http404("report") from None
    if not rights_on(request.user, report.assignment.unit).see or not report.file_name:
        raise Http404("report")
    response = HttpResponse(bytes(report.file), content_type="application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(True, report.file_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def implementation_report(request, unit_id: int):
    unit, rights = get_unit_for_user(request, unit_id)
    if not rights.generate:
        raise PermissionDenied
    documents = SourceDocument.objects.filter(groups__tasks__assignments__unit=unit).distinct()
    form = forms.ImplementationReportForm(request.POST or None, documents=documents)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            data = do_generate_implementation(
                unit, d["document"], acting_user=request.user, issued=d["issued"], number=d["number"],
                signer_name=d["signer_name"], kinh_gui=d["kinh_gui"],
                request=request_ref(d["request_number"], d["request_date"], d["request_issuer"]))
        except ActionError as exc:
            for m in _errors(exc):
                form.add_error(None, m)
        else:
            response = HttpResponse(data, content_type=DOCX_TYPE)
            response["Content-Disposition"] = content_disposition_header(True, file_name(unit, d["document"]))
            return response
    return render(request, "tasks/report.html", {"unit": unit, "form": form},
                  status=400 if form.errors else 200)


def _mapping_for(unit) -> dict[str, str]:
    stored = TthcMapping.objects.filter(unit=unit).first()
    return {**tthc_files.DEFAULT_MAPPING, **stored.columns} if stored else dict(tthc_files.DEFAULT_MAPPING)


FORM_ROWS = 12


def _rows_from_post(post) -> tuple[list[core_tthc.TthcRow], list[str]]:
    rows, problems = [], []
    for i in range(FORM_ROWS):
        label = post.get(f"r{i}-field", "").strip()
        raw = {name: post.get(f"r{i}-{name}", "").strip() for name in core_tthc.COUNTS}
        if not label and not any(raw.values()):
            continue
        counts = {}
        for name, text in raw.items():
            try:
                counts[name] = int(text.replace(".", "")) if text else 0
            except ValueError:
                problems.append(_("Dòng %(n)d (%(field)s), %(what)s: “%(text)s” không phải là số nguyên.") % {
                    "n": i + 1, "field": label, "what": core_tthc.LABELS_VI[name], "text": text})
                counts[name] = 0
        rows.append(core_tthc.TthcRow(field=label, line=i + 1, **counts))
    return rows, problems


@login_required
def tthc(request, unit_id: int):
    unit, rights = get_unit_for_user(request, unit_id)
    mapping = _mapping_for(unit)
    entry = forms.WindowForm(prefix="e")
    upload = forms.TthcImportForm(prefix="i")
    mapping_form = forms.MappingForm(prefix="m", initial={"columns": tthc_files.mapping_text(mapping)})
    problems: list[str] = []
    if request.method == "POST":
        if not rights.write:
            raise Http404("unit")
        what = request.POST.get("what")
        try:
            if what == "mapping":
                mapping_form = forms.MappingForm(request.POST, prefix="m")
                if mapping_form.is_valid():
                    columns = tthc_files.parse_mapping(mapping_form.cleaned_data["columns"])
                    actions.do_set_tthc_mapping(unit, columns, acting_user=request.user)
                    messages.success(request, _("Đã lưu ánh xạ cột."))
                    return redirect("tasks:tthc", unit.pk)
            elif what in ("entry", "import"):
                form = forms.WindowForm(request.POST, prefix="e") if what == "entry" else \
                    forms.TthcImportForm(request.POST, request.FILES, prefix="i")
                if what == "entry":
                    entry = form
                else:
                    upload = form
                if form.is_valid():
                    d = form.cleaned_data
                    total = None
                    if what == "entry":
                        rows, bad = _rows_from_post(request.POST)
                        if bad:
                            raise ActionError({"rows": bad})
                        source = d["source"]
                    else:
                        f = d["file"]
                        sheet = tthc_files.read_file(f.name, f.read(), mapping)
                        if sheet.window and sheet.window != (d["start"], d["end"]):
                            s, e = sheet.window
                            raise ActionError({"rows": [_(
                                "Tệp ghi kỳ số liệu %(file)s, khác kỳ đã chọn %(chosen)s; mọi số liệu của một báo "
                                "cáo phải cùng một kỳ.") % {"file": f"{s:%d/%m/%Y}-{e:%d/%m/%Y}",
                                                             "chosen": f"{d['start']:%d/%m/%Y}-{d['end']:%d/%m/%Y}"}]})
                        rows, total = list(sheet.rows), sheet.total
                        source = f"{d['source']}; tệp {f.name}"
                    saved = actions.do_save_tthc(unit, start=d["start"], end=d["end"], rows=rows, total=total,
                                                 source=source, acting_user=request.user)
                    messages.success(request, _("Đã lưu thống kê TTHC kỳ %(w)s; %(n)d chỉ tiêu CCHC được cập nhật.") % {
                        "w": saved.report.window, "n": len(saved.values)})
                    if saved.not_in_plan:
                        messages.warning(request, _(
                            "Các chỉ tiêu %(codes)s không có trong kế hoạch nào của đơn vị cho năm %(year)d nên "
                            "chưa lưu thành số liệu.") % {"codes": ", ".join(saved.not_in_plan), "year": d["end"].year})
                    return redirect("tasks:tthc_detail", saved.report.pk)
            else:
                raise PermissionDenied
        except tthc_files.FileProblems as exc:
            problems = exc.in_language(get_language())
        except ActionError as exc:
            problems = _errors(exc)
    reports = unit.tthc_reports.all()
    return render(request, "tasks/tthc.html", {
        "unit": unit, "rights": rights, "entry": entry, "upload": upload, "mapping_form": mapping_form,
        "problems": problems, "reports": reports, "form_rows": range(FORM_ROWS), "counts": core_tthc.COUNTS,
        "labels": core_tthc.LABELS_VI,
    }, status=400 if problems or entry.errors or upload.errors or mapping_form.errors else 200)


@require_GET
@login_required
def tthc_detail(request, report_id: int):
    try:
        report = TthcReport.objects.select_related("unit").get(pk=report_id)
    except (TthcReport.DoesNotExist, ValueError):
        raise Http404("tthc") from None
    if not rights_on(request.user, report.unit).see:
        raise Http404("tthc")
    core = report.to_core()
    totals = core_tthc.totals(core)
    rates = core_tthc.rates(core)
    names = dict(Indicator.objects.filter(code__in=core_tthc.RATE_INDICATORS.values()).values_list("code", "name"))
    rate_rows = [(code, names.get(code, code), "—" if v is None else format_number(v, 1))
                 for k, v in rates.items() for code in [core_tthc.RATE_INDICATORS[k]]]
    return render(request, "tasks/tthc_detail.html", {
        "report": report, "unit": report.unit, "rows": report.rows.all(), "totals": totals, "rates": rate_rows,
        "counts": core_tthc.COUNTS, "labels": core_tthc.LABELS_VI,
    })
