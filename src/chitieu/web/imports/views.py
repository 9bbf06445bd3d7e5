"""Reading existing reports: the unit's uploaded reports with the upload form, the review screen
(statements grouped by section and table; each group decided, flipped or opened with htmx, its
cards loaded only when opened, 25 at a time, as light cards whose full form opens on "Sửa"; each
statement saved on its own) and the import."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from chitieu.core.numbers import format_number
from chitieu.core.targets import TargetParseError, parse_target
from chitieu.extract import ExtractionError
from chitieu.web.access import get_unit_for_user, rights_on
from chitieu.web.catalog.models import Indicator
from chitieu.web.errors import ActionError
from chitieu.web.imports import actions, proposals
from chitieu.web.imports.forms import ImportForm, UploadForm
from chitieu.web.imports.models import ExtractedStatement, ImportedReport
from chitieu.web.imports.reading import check_name_and_size, safe_name
from chitieu.web.plans.models import Plan
from chitieu.web.values.models import STATUS_CHOICES

STATUS_LABELS = dict(STATUS_CHOICES)
STATED = {"dat": gettext_lazy("đạt"), "vuot": gettext_lazy("vượt"), "khong_dat": gettext_lazy("không đạt")}


def get_report_for_user(request, report_id, *, with_text: bool = True):
    """The report if the user may see its unit, with their rights; 404 to anyone else.
    ``with_text=False`` leaves the text lines (up to megabytes) unread until used."""
    qs = ImportedReport.objects.select_related("unit", "unit__parent", "plan")
    try:
        report = (qs.defer("pending_file") if with_text else qs.defer("lines", "pending_file")).get(pk=report_id)
    except (ImportedReport.DoesNotExist, ValueError):
        raise Http404("report") from None
    rights = rights_on(request.user, report.unit)
    if not rights.see:
        raise Http404("report")
    return report, rights


def _plans_for(unit):
    return Plan.objects.followed_by(unit)


def _error_text(exc: ExtractionError) -> str:
    return exc.en if (get_language() or "vi").startswith("en") else exc.vi


# Counted per report in a subquery: a join with GROUP BY makes SQLite sort every column of the
# report once per statement, its whole text included (a 1 MB report with 4000 statements: 6.8 GB).
_statement_count = (ExtractedStatement.objects.filter(report=OuterRef("pk")).order_by().values("report")
                    .annotate(n=Count("pk")).values("n"))


@login_required
def report_list(request, unit_id: int):
    unit, rights = get_unit_for_user(request, unit_id)
    form = UploadForm()
    status = 200
    if request.method == "POST":
        if not rights.write:
            raise PermissionDenied
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid() and len(form.cleaned_data["file"]) > 1:
            return _upload_several(request, unit, rights, form)
        if form.is_valid():
            upload = form.cleaned_data["file"][0]
            try:
                check_name_and_size(safe_name(upload.name), upload.size)  # before reading a huge file
                content = upload.read()
                report, created = actions.do_upload_report(unit, upload.name, content, acting_user=request.user)
            except ExtractionError as exc:
                form.add_error("file", _error_text(exc))
            else:
                if created and report.status == ImportedReport.State.FAILED:
                    # the queue ran the reading at once (an immediate backend) and it failed
                    form.add_error("file", report.error_en if _english() else report.error)
                    return _list_page(request, unit, rights, form, status=400)
                if created and report.status == ImportedReport.State.READING:
                    messages.info(request, _("Đã nhận “%(name)s”; đang đọc tệp. Trang sẽ tự cập nhật khi đọc xong.") % {
                        "name": report.file_name})
                elif created:
                    messages.success(request, _("Đã đọc %(n)d chỉ tiêu từ “%(name)s”. Hãy xem lại từng dòng rồi nhập.") % {
                        "n": report.statements.count(), "name": report.file_name})
                else:
                    messages.info(request, _("Tệp này đã được tải lên ngày %(date)s; đây là lần tải lên đó, không tạo bản mới.") % {
                        "date": timezone.localtime(report.uploaded_at).strftime("%d/%m/%Y %H:%M")})
                return redirect("imports:review", report.pk)
        status = 400
    return _list_page(request, unit, rights, form, status=status)


def _upload_several(request, unit, rights, form):
    """Several files in one upload, all or nothing: every name and size is checked before any is
    read, and a file refused rolls the others back, naming it. Each stored file is read by the
    worker as a single upload is; the list page shows them "reading"."""
    uploads = form.cleaned_data["file"]
    name = ""
    try:
        for upload in uploads:
            name = safe_name(upload.name)
            check_name_and_size(name, upload.size)  # before reading a huge file
        with transaction.atomic():
            results = []
            for upload in uploads:
                name = safe_name(upload.name)
                results.append(actions.do_upload_report(unit, upload.name, upload.read(), acting_user=request.user))
    except ExtractionError as exc:
        form.add_error("file", _("Tệp “%(name)s”: %(error)s Không tệp nào được lưu.") % {
            "name": name, "error": _error_text(exc)})
        return _list_page(request, unit, rights, form, status=400)
    new = [report.file_name for report, created in results if created]
    again = [report.file_name for report, created in results if not created]
    if new:
        messages.info(request, _("Đã nhận %(n)d tệp (%(names)s); đang đọc. Trang sẽ tự cập nhật khi đọc xong.") % {
            "n": len(new), "names": ", ".join(new)})
    if again:
        messages.info(request, _("Đã tải lên trước đây, không tạo bản mới: %(names)s.") % {"names": ", ".join(again)})
    return redirect("imports:list", unit.pk)


def _english() -> bool:
    return (get_language() or "vi").startswith("en")


def _list_page(request, unit, rights, form, *, status: int = 200):
    reports = unit.imported_reports.select_related("uploaded_by").defer("lines", "pending_file").annotate(
        n_statements=Coalesce(Subquery(_statement_count), Value(0), output_field=IntegerField()))
    return render(request, "imports/list.html", {"unit": unit, "rights": rights, "form": form, "reports": reports},
                  status=status)


@dataclass
class Card:
    """One statement as the review screen shows it."""

    s: ExtractedStatement
    reading: str  # what the extractor read, in words
    compared: str
    stated: str
    understood: str  # for a target: what the parser understood of the phrase
    phrase_error: str
    default_status: str
    default_status_label: str
    value_text: str
    suggested: list  # [(Indicator, score)]
    chosen_is_suggested: bool
    evidence: str = ""
    confidence: str = ""  # "confident", "low", "none"


def _reading(s: ExtractedStatement) -> str:
    if s.op == "qualitative":
        return _("(định tính)")
    return proposals.written_bound(s.op, s.low, s.high, s.unit, s.per_year)


def _card(s: ExtractedStatement, indicators: dict[str, Indicator], current_year: int, default_year=None, *,
          light: bool = False) -> Card:
    """The card of one statement; ``light`` leaves out what only the full form shows (what the
    parser understood of a target's phrase)."""
    understood = phrase_error = ""
    if s.kind == ExtractedStatement.Kind.TARGET and s.phrase and not light:
        try:
            understood = parse_target(s.phrase, indicator_kind=s.indicator.kind if s.indicator else None).describe()
        except (TargetParseError, ValueError) as exc:
            phrase_error = str(exc)
    compared = ""
    if s.compared_target:
        t = s.compared_target
        compared = proposals.written_bound(t.get("op", ""), t.get("low"), t.get("high"), s.unit, False)
    year = s.value_year or default_year or current_year
    suggested = [(indicators[c], score) for c, score in s.suggestions if c in indicators]
    default_status = s.value_status or proposals.default_status(year, current_year)
    return Card(
        s=s, reading=_reading(s), compared=compared, stated=STATED.get(s.stated_status, ""),
        understood=understood, phrase_error=phrase_error,
        default_status=default_status, default_status_label=str(STATUS_LABELS[default_status]),
        value_text="" if s.value is None else format_number(float(s.value)),
        suggested=suggested, chosen_is_suggested=any(i.pk == s.indicator_id for i, _score in suggested),
        evidence=_evidence(s), confidence=_confidence(s),
    )


EVIDENCE = {
    "plan_words": gettext_lazy("lời văn kế hoạch trong câu (phấn đấu, đề ra, đến năm …)"),
    "report_words": gettext_lazy("lời văn báo cáo kết quả trong câu (đạt, ước thực hiện, so với cùng kỳ …)"),
    "table": gettext_lazy("cột của bảng"),
    "none": gettext_lazy("câu không nói rõ; theo văn bản"),
    "list": gettext_lazy("mục của danh sách chỉ tiêu (đề ra các chỉ tiêu chủ yếu: …)"),
    "document_date": gettext_lazy("năm so với ngày văn bản (sau: kế hoạch; trước: kết quả)"),
    "yearly_range": gettext_lazy("khoảng tốc độ hằng năm, cách viết kế hoạch (8-9%/năm)"),
    "section": gettext_lazy("đề mục phía trên"),
}


def _evidence(s: ExtractedStatement) -> str:
    if s.evidence == "section" and s.section:
        return _("mục “%(section)s”") % {"section": s.section[:120]}
    return str(EVIDENCE.get(s.evidence, ""))


def _confidence(s: ExtractedStatement) -> str:
    if s.indicator_id is None:
        return "none"
    score = s.score if s.suggestions and s.suggestions[0][0] == (s.indicator.code if s.indicator else "") else 1.0
    return "confident" if score >= proposals.CONFIDENT else ("low" if score < proposals.LOW else "")


@dataclass
class Group:
    """One section or table of the report, as the review screen shows it before it is opened."""

    key: str
    section: str
    line: int
    in_table: bool
    total: int = 0
    accepted: int = 0
    rejected: int = 0
    pending: int = 0
    targets: int = 0
    noise: int = 0
    unmatched: int = 0

    @property
    def all_noise(self) -> bool:
        return self.noise == self.total


def _groups(report) -> list[Group]:
    """The report's groups with their counts, from one aggregate query."""
    rows = (report.statements.order_by().values("section_line", "section", "in_table", "decision", "kind", "noise")
            .annotate(n=Count("pk"), unmatched=Count("pk", filter=Q(indicator__isnull=True))))
    groups: dict[str, Group] = {}
    for r in rows:
        key = f"{r['section_line']}-{int(r['in_table'])}"
        g = groups.setdefault(key, Group(key, r["section"], r["section_line"], r["in_table"]))
        g.total += r["n"]
        setattr(g, r["decision"], getattr(g, r["decision"]) + r["n"])
        g.targets += r["n"] if r["kind"] == ExtractedStatement.Kind.TARGET else 0
        g.noise += r["n"] if r["noise"] else 0
        g.unmatched += r["unmatched"]
    return sorted(groups.values(), key=lambda g: (g.line, g.in_table))


def _initial_plan(report, plans):
    return report.plan or (plans[0] if plans else None)


def _review_context(report, rights, *, import_form=None, import_errors=None, refused=()):
    plans = _plans_for(report.unit)
    plan = _initial_plan(report, plans)
    allowed = set(plan.years) if plan else None
    years = [y for y in report.statements.filter(kind=ExtractedStatement.Kind.RESULT, value_year__isnull=False)
             .values_list("value_year", flat=True) if allowed is None or y in allowed]
    usual_year = max(sorted(set(years)), key=years.count) if years else None
    if import_form is None:
        import_form = ImportForm(plans=plans, initial={"plan": plan.pk if plan else None, "default_year": usual_year})
    groups = _groups(report)
    counts = {d: sum(getattr(g, d) for g in groups) for d in ExtractedStatement.Decision.values}
    return {
        "report": report, "unit": report.unit, "rights": rights, "groups": groups,
        "total": sum(g.total for g in groups), "import_form": import_form,
        "import_errors": import_errors or [], "has_plans": bool(plans), "counts": counts,
        "catalogue": Indicator.objects.only("code", "name").order_by("code"), "refused": list(refused),
    }


# Cards of an opened group shown at once; "Xem thêm" brings the next ones (a long section of
# seed 000 holds 35 statements: 100 KB as full cards, a third of that as 25 light ones).
PAGE = 25


def _group_context(report, rights, group: str, *, message: str = "", errors=None, part: str = "main",
                   page: int = 1):
    """An opened group: its counts and one page of its cards, the statements read as statements
    (``part="main"``) or the noise folded away (``part="noise"``, loaded when unfolded)."""
    statements = list(actions.group_statements(report, group).select_related("indicator"))
    g = next((x for x in _groups_of(statements, group)), None)
    chosen = [s for s in statements if bool(s.noise) == (part == "noise")]
    start = (page - 1) * PAGE
    shown = chosen[start : start + PAGE]
    codes = {c for s in shown for c, _score in s.suggestions[:1]}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=codes)} if codes else {}
    current_year = timezone.localdate().year
    remaining = max(0, len(chosen) - start - PAGE)
    return {"report": report, "rights": rights, "g": g, "cards": [_card(s, indicators, current_year, light=True)
                                                                  for s in shown],
            "part": part, "next_page": page + 1 if remaining else None, "remaining": remaining,
            "noise_count": sum(1 for s in statements if s.noise), "message": message,
            "group_errors": errors or [], "open": True}


def _groups_of(statements, key: str) -> list[Group]:
    if not statements:
        return []
    first = statements[0]
    g = Group(key, first.section, first.section_line, first.in_table)
    for s in statements:
        g.total += 1
        setattr(g, s.decision, getattr(g, s.decision) + 1)
        g.targets += s.kind == ExtractedStatement.Kind.TARGET
        g.noise += bool(s.noise)
        g.unmatched += s.indicator_id is None
    return [g]


@login_required
def review(request, report_id: int):
    report, rights = get_report_for_user(request, report_id)
    if report.status in (ImportedReport.State.READING, ImportedReport.State.FAILED):
        return _reading_page(request, report, rights)
    return render(request, "imports/review.html", _review_context(report, rights))


@login_required
def group(request, report_id: int, group: str):
    """One group opened (htmx): its header and first cards; with ``?page=N`` or ``?part=noise``
    only those cards and the button for the next ones ("Xem thêm")."""
    report, rights = get_report_for_user(request, report_id, with_text=False)
    part = "noise" if request.GET.get("part") == "noise" else "main"
    page = request.GET.get("page", "1")
    page = int(page) if page.isdigit() and 0 < int(page) < 10_000 else 1
    try:
        context = _group_context(report, rights, group, part=part, page=page)
    except ActionError:
        raise Http404("group") from None
    if context["g"] is None:
        raise Http404("group")
    if part == "main" and page == 1:
        return render(request, "imports/review.html#group", context)
    return render(request, "imports/review.html#cards-page", context)


@login_required
@require_POST
def group_action(request, report_id: int, group: str):
    """Accept, skip or flip the kind of a whole group in one action; htmx swaps the opened group."""
    report, rights = get_report_for_user(request, report_id, with_text=False)
    if not rights.write:
        raise PermissionDenied
    message, errors = "", []
    try:
        if request.POST.get("do") == "flip":
            n = actions.do_flip_kind(report, group=group, acting_user=request.user)
            message = _("Đã đổi loại %(n)d chỉ tiêu.") % {"n": n}
        else:
            done = actions.do_decide_group(report, group, request.POST.get("decision", ""), acting_user=request.user)
            message = _("Đã cập nhật %(n)d chỉ tiêu.") % {"n": done["changed"]}
            if done["left"]:
                message += " " + _("%(n)d chỉ tiêu chưa có chỉ tiêu trong danh mục nên chưa nhận.") % {"n": done["left"]}
    except ActionError as exc:
        errors = [m for msgs in exc.errors.values() for m in msgs]
    if not request.htmx:
        for m in errors:
            messages.error(request, m)
        if message:
            messages.success(request, message)
        return redirect(f"{_review_url(report)}#g-{group}")
    return render(request, "imports/review.html#group", _group_context(report, rights, group, message=message,
                                                                       errors=errors),
                  status=400 if errors else 200)


@login_required
@require_POST
def skip(request, report_id: int):
    """Skip, in one action, the statements an import refused (their ids posted back)."""
    report, rights = get_report_for_user(request, report_id, with_text=False)
    if not rights.write:
        raise PermissionDenied
    n = actions.do_reject_statements(report, request.POST.getlist("statement"), acting_user=request.user)
    messages.success(request, _("Đã bỏ %(n)d dòng không nhập được; hãy nhập lại.") % {"n": n})
    return redirect("imports:review", report.pk)


def _light(request) -> bool:
    """The request came from a light card, which a light card answers."""
    return request.POST.get("light") == "1"


@login_required
@require_POST
def flip(request, report_id: int, statement_id: int):
    """Flip the kind of one statement (htmx swaps its card)."""
    report, rights = get_report_for_user(request, report_id, with_text=False)
    if not rights.write:
        raise PermissionDenied
    if not report.statements.filter(pk=statement_id).exists():
        raise Http404("statement")
    actions.do_flip_kind(report, statement_id=statement_id, acting_user=request.user)
    if not request.htmx:
        return redirect(f"{_review_url(report)}#st-{statement_id}")
    return _card_response(request, report, rights, report.statements.select_related("indicator").get(pk=statement_id),
                          light=_light(request))


def _card_response(request, report, rights, s, errors=None, *, light: bool = False):
    """One card: light (as in the group's list) or with its full form (to edit, or to show errors)."""
    light = light and not errors
    codes = [c for c, _score in s.suggestions[:1 if light else None]]
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=codes)}
    return render(request, "imports/review.html#" + ("statement-light" if light else "statement-card"), {
        "card": _card(s, indicators, timezone.localdate().year, light=light), "report": report, "rights": rights,
        "statuses": STATUS_CHOICES, "errors": errors or {},
    }, status=400 if errors else 200)


def _reading_page(request, report, rights):
    error = (report.error_en if _english() else report.error) if report.status == ImportedReport.State.FAILED else ""
    return render(request, "imports/reading.html", {"report": report, "unit": report.unit, "rights": rights,
                                                    "error": error})


@login_required
def reading_state(request, report_id: int):
    """Polled by the "reading" page (htmx, every few seconds): 204 while the worker reads; once
    it is done, ``HX-Refresh`` reloads the page, which then shows the statements or the reason."""
    report, _rights = get_report_for_user(request, report_id, with_text=False)
    if report.status == ImportedReport.State.READING:
        return HttpResponse(status=204)
    response = HttpResponse(status=200)
    response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def delete_report(request, report_id: int):
    report, rights = get_report_for_user(request, report_id, with_text=False)
    if not rights.write:
        raise PermissionDenied
    try:
        actions.do_delete_report(report, acting_user=request.user)
    except ActionError as exc:
        for msgs in exc.errors.values():
            for m in msgs:
                messages.error(request, m)
        return redirect("imports:review", report.pk)
    messages.success(request, _("Đã xóa “%(name)s”.") % {"name": report.file_name})
    return redirect("imports:list", report.unit_id)


@login_required
@require_http_methods(["GET", "POST"])
def statement(request, report_id: int, statement_id: int):
    """Save one statement's review (htmx swaps the card; without htmx, back to the review page).
    GET gives its card with the full form ("Sửa" on a light card)."""
    report, rights = get_report_for_user(request, report_id, with_text=False)
    try:
        s = report.statements.select_related("indicator").get(pk=statement_id)
    except (ExtractedStatement.DoesNotExist, ValueError):
        raise Http404("statement") from None
    if request.method == "GET":
        if not request.htmx:
            return redirect(f"{_review_url(report)}#st-{s.pk}")
        return _card_response(request, report, rights, s)
    if not rights.write:
        raise PermissionDenied
    fields = ("indicator", "value", "value_unit", "value_year", "value_status", "phrase", "decision")
    data = {f: request.POST[f] for f in fields if f in request.POST}
    other = request.POST.get("indicator_other", "").strip()
    if other:  # typed or picked from the whole catalogue: "XH09" or "XH09 — Tỷ lệ …"
        data["indicator"] = other.split("—", 1)[0].strip()
    errors: dict[str, list[str]] = {}
    try:
        s = actions.do_review_statement(s, data, acting_user=request.user)
    except ActionError as exc:
        errors = exc.errors
    if not request.htmx:
        for msgs in errors.values():
            for m in msgs:
                messages.error(request, m)
        return redirect(f"{_review_url(report)}#st-{s.pk}")
    return _card_response(request, report, rights, s, errors, light=_light(request))


def _review_url(report) -> str:
    return reverse("imports:review", args=[report.pk])


@login_required
@require_POST
def import_report(request, report_id: int):
    report, rights = get_report_for_user(request, report_id)
    if not rights.write:
        raise PermissionDenied
    form = ImportForm(request.POST, plans=_plans_for(report.unit))
    if not form.is_valid():
        return render(request, "imports/review.html", _review_context(report, rights, import_form=form), status=400)
    try:
        done = actions.do_import_report(report, form.cleaned_data["plan"], acting_user=request.user,
                                        default_year=form.cleaned_data["default_year"])
    except ActionError as exc:
        problems = [m for msgs in exc.errors.values() for m in msgs]
        return render(request, "imports/review.html",
                      _review_context(report, rights, import_form=form, import_errors=problems,
                                      refused=getattr(exc, "statements", ())), status=400)
    messages.success(request, _("Đã nhập %(t)d chỉ tiêu kế hoạch và %(v)d số liệu (%(c)d số liệu mới hoặc thay đổi).") % {
        "t": done["targets"], "v": done["values"], "c": done["changed"]})
    return redirect("imports:review", report.pk)
