"""The changes of the import workflow: upload a report, review one statement, decide or flip the
kind of a whole group (a section or a table) at once, import the accepted ones. Each runs in one transaction with its audit row; the import creates targets and values only
through ``plans.actions.do_set_target`` and ``values.actions.do_save_values`` (which upsert by
their natural keys), all or nothing.
"""

from __future__ import annotations

import bisect
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from chitieu.core.numbers import NumberFormatError, nfc, parse_number
from chitieu.core.series import ValueStatus
from chitieu.extract import ExtractionError
from chitieu.extract.segments import segments
from chitieu.web.access import require, rights_on
from chitieu.web.audit.models import record
from chitieu.web.catalog.models import Indicator
from chitieu.web.errors import ActionError
from chitieu.web.imports import proposals
from chitieu.web.imports.models import ExtractedStatement, ImportedReport
from chitieu.web.imports.reading import check_name_and_size, read_upload, safe_name, sha256_of
from chitieu.web.plans.actions import check_phrase, do_set_target
from chitieu.web.plans.models import Plan
from chitieu.web.values.actions import do_save_values

Decision = ExtractedStatement.Decision


def catalogue_entries() -> list[tuple[str, str, tuple[str, ...]]]:
    return [(code, name, tuple(aliases or ())) for code, name, aliases in
            Indicator.objects.values_list("code", "name", "aliases")]


def do_upload_report(unit, file_name: str, content: bytes, *, acting_user) -> tuple[ImportedReport, bool]:
    """Store the report ``file_name`` of ``unit`` and queue it to be read (``imports.tasks``).

    Returns ``(report, created)``: a file this unit already uploaded (same sha256) is not read
    again; its existing import is returned (one that could not be read is tried again). A name or
    size the readers cannot take raises the extractor's ``ExtractionError`` and nothing is stored.
    The reading itself runs in the background: the report is "reading" until the worker is done.
    """
    from chitieu.web.imports.tasks import read_report

    require(acting_user, unit, "write")
    file_name = safe_name(file_name)
    check_name_and_size(file_name, len(content))
    digest = sha256_of(content)
    try:
        with transaction.atomic():
            existing = ImportedReport.objects.select_for_update().filter(unit=unit, sha256=digest).defer(
                "lines", "pending_file").first()
            if existing is not None and existing.status != ImportedReport.State.FAILED:
                return existing, False
            if existing is not None:
                record("report.retry", existing, actor=acting_user, unit=unit, old=existing.error, new=file_name)
                existing.delete()
            report = ImportedReport.objects.create(
                unit=unit, uploaded_by=acting_user if getattr(acting_user, "pk", None) else None,
                file_name=file_name, file_format=Path(file_name).suffix.lower().lstrip(".")[:8], sha256=digest,
                status=ImportedReport.State.READING, pending_file=content)
            record("report.upload", report, actor=acting_user, unit=unit, new=file_name, sha256=digest,
                   size=len(content))
            # queued in the same transaction: the worker sees the job only with its report
            read_report.enqueue(report.pk)
    except IntegrityError:  # the same file uploaded at the same moment by someone else
        return ImportedReport.objects.get(unit=unit, sha256=digest), False
    # what an immediate queue's reading may have changed already, but not the stored bytes: the
    # request would read back up to 20 MB it has just written (35 ms at 19 MB on SQLite)
    report.refresh_from_db(fields=["status", "file_format", "lines", "error", "error_en"])
    if report.status != ImportedReport.State.READING:
        report.pending_file = None  # dropped by the reading, as in the database
    return report, True


def do_read_report(report_id: int) -> ImportedReport | None:
    """Read a queued report (the background task): its text lines and the statements the
    extractor finds, stored in one transaction with their audit row. A file that cannot be read
    ends "failed" with the reader's reason; the uploaded bytes are dropped either way. Returns
    None when there is nothing to read (the report was deleted or already read)."""
    report = ImportedReport.objects.filter(pk=report_id, status=ImportedReport.State.READING).first()
    if report is None:
        return None
    content = bytes(report.pending_file or b"")
    try:
        document, statements = read_upload(report.file_name, content)
    except ExtractionError as exc:
        with transaction.atomic():
            failed = ImportedReport.objects.select_for_update().filter(
                pk=report.pk, status=ImportedReport.State.READING).first()
            if failed is None:
                return None
            failed.status = ImportedReport.State.FAILED
            failed.error, failed.error_en = exc.vi[:1000], exc.en[:1000]
            failed.pending_file = None
            failed.save(update_fields=["status", "error", "error_en", "pending_file"])
            record("report.read_failed", failed, actor=None, unit=failed.unit, new=exc.vi[:500])
        return failed
    rows = _statement_rows(statements, document, unit=report.unit, uploader=report.uploaded_by)
    with transaction.atomic():
        current = ImportedReport.objects.select_for_update().filter(
            pk=report.pk, status=ImportedReport.State.READING).first()
        if current is None:
            return None
        current.status = ImportedReport.State.DRAFT
        current.file_format = document.format
        current.lines = list(document.lines)
        current.pending_file = None
        current.save(update_fields=["status", "file_format", "lines", "pending_file"])
        for row in rows:
            row.report = current
        ExtractedStatement.objects.bulk_create(rows)
        record("report.read", current, actor=None, unit=current.unit, new=current.file_name,
               statements=len(rows), lines=len(document.lines))
    return current


def _sections(document) -> tuple[list[int], list[str], set[int]]:
    """The document's headings (their lines and texts, in order) and the lines of table rows,
    as the reader's segmenter sees them."""
    heading_lines: list[int] = []
    headings: list[str] = []
    table_lines: set[int] = set()
    for seg in segments(document):
        if not seg.line_numbers:
            continue
        if seg.is_heading:
            heading_lines.append(seg.line_numbers[0])
            headings.append(nfc(seg.text).strip()[:300])
        elif seg.table_years is not None or seg.cells is not None:
            table_lines.update(seg.line_numbers)
    return heading_lines, headings, table_lines


def _importable(plan, s, indicator, value, phrase, in_plan: set[int], may_set_targets: bool) -> bool:
    """Whether the statement would import into ``plan`` as it stands: accepted beforehand only then,
    so that a confident match never blocks the import of the rest."""
    if plan is None:
        return False
    if s.kind == ExtractedStatement.Kind.TARGET:
        if not may_set_targets or not phrase:
            return False
        try:
            check_phrase(phrase, indicator)
        except ActionError:
            return False
        return True
    if value is None or s.year not in plan.years or indicator.pk not in in_plan:
        return False
    try:
        proposals.convert(value, s.unit or "", indicator.unit)
    except proposals.UnitMismatch:
        return False
    return True


# The reader's evidence of a kind (``Statement.kind_evidence``) as the review page words it: the
# heading is worded with the section's own title, as in rows stored before the reader kept it.
_EVIDENCE_CODES = {"heading": "section", "table_column": "table", "default": "none"}


def _statement_rows(statements, document=None, *, unit=None, uploader=None) -> list[ExtractedStatement]:
    """The extractor's statements as rows to store, each with the catalogue's best suggestion,
    its section, why it matched, whether it is noise, and accepted already when the match is
    confident and the statement would import into the unit's first plan as it stands (the first
    such statement of an indicator, kind and year; targets only when the uploader may set them)."""
    plan = Plan.objects.followed_by(unit).first() if unit is not None else None
    may_set_targets = bool(plan and uploader is not None and plan.unit_id == unit.pk
                           and rights_on(uploader, unit).manage)
    in_plan = set(plan.targets.values_list("indicator_id", flat=True)) if plan else set()
    catalogue = catalogue_entries()
    names = {code: (name, *aliases) for code, name, aliases in catalogue}
    indicators = {i.code: i for i in Indicator.objects.all()}
    units = {code: i.unit for code, i in indicators.items()}
    heading_lines, headings, table_lines = _sections(document) if document is not None else ([], [], set())
    taken: set[tuple[str, str, int | None]] = set()
    rows = []
    for position, s in enumerate(statements, 1):
        found = proposals.suggest(s.indicator, s.quote, catalogue, kind=s.kind, unit=s.unit or "", units=units)
        indicator = indicators[found[0][0]] if found else None
        kind = indicator.kind if indicator else None
        score = found[0][1] if found else 0.0
        phrase = ""
        if s.kind == ExtractedStatement.Kind.TARGET:
            phrase = proposals.phrase_for(s.indicator, s.quote, s.bound, s.unit or "", s.per_year, kind)
        at = bisect.bisect_right(heading_lines, s.line) - 1
        section, section_line = (headings[at], heading_lines[at]) if at >= 0 else ("", 0)
        in_table = s.line in table_lines
        value = proposals.proposed_value(s.op, s.low, s.high) if s.kind == "result" else None
        noise = proposals.noise_of(bool(found), s.unit or "", s.op, score)
        decision = Decision.PENDING
        key = (indicator.code if indicator else "", s.kind, s.year)
        if (indicator is not None and not noise and score >= proposals.CONFIDENT and key not in taken
                and _importable(plan, s, indicator, value, phrase, in_plan, may_set_targets)):
            decision = Decision.ACCEPTED
            taken.add(key)
        rows.append(ExtractedStatement(
            position=position, kind=s.kind, indicator_text=nfc(s.indicator)[:500], domain=s.domain or "",
            op=s.op, low=s.low, high=s.high, unit=(s.unit or "")[:80], per_year=s.per_year, year=s.year,
            period=s.period or "", compared_target=s.compared_target, stated_status=s.stated_status or "",
            line=s.line, quote=nfc(s.quote),
            suggestions=[[code, score] for code, score in found], indicator=indicator,
            value=value, value_unit=(s.unit or "")[:80], value_year=s.year, phrase=phrase[:500],
            decision=decision, section=section, section_line=section_line, in_table=in_table,
            read_kind=s.kind, evidence=_EVIDENCE_CODES.get(s.kind_evidence, s.kind_evidence),
            matched_words=proposals.matched_words(s.indicator or s.quote, names[indicator.code]) if indicator else [],
            noise=noise,
        ))
    return rows


def do_delete_report(report: ImportedReport, *, acting_user) -> None:
    """Remove an upload that was not imported (one that could not be read, or a wrong file)."""
    require(acting_user, report.unit, "write")
    with transaction.atomic():
        current = ImportedReport.objects.select_for_update().defer("lines", "pending_file").get(pk=report.pk)
        if current.status == ImportedReport.State.IMPORTED:
            raise ActionError(_("Báo cáo đã được nhập vào kế hoạch, không xóa được."))
        record("report.delete", current, actor=acting_user, unit=current.unit, old=current.file_name)
        current.delete()


def _decimal(text: str) -> Decimal | None:
    text = nfc(text or "").strip()
    if not text:
        return None
    return Decimal(repr(parse_number(text, "vi")))


def do_review_statement(statement: ExtractedStatement, data: dict, *, acting_user) -> ExtractedStatement:
    """Change what the reviewer decided for one statement. ``data`` holds any of ``indicator``
    (a catalogue code, "" for none), ``value`` (typed "1.234,5"), ``value_unit``, ``value_year``,
    ``value_status``, ``phrase`` and ``decision``. Bad fields raise ``ActionError`` keyed by
    field; nothing is saved then."""
    report = statement.report
    require(acting_user, report.unit, "write")
    errors: dict[str, list[str]] = {}
    changes: dict[str, object] = {}
    if "indicator" in data:
        code = nfc(str(data["indicator"] or "")).strip()
        indicator = None
        if code:
            indicator = Indicator.objects.filter(code=code).first()
            if indicator is None:
                errors["indicator"] = [_("Không có chỉ tiêu “%(code)s” trong danh mục.") % {"code": code}]
        changes["indicator"] = indicator
    if "value" in data:
        try:
            changes["value"] = _decimal(str(data["value"] or ""))
        except (NumberFormatError, InvalidOperation):
            errors["value"] = [_("“%(text)s” không phải là số (viết như 1.234,5).") % {"text": data["value"]}]
    if "value_unit" in data:
        changes["value_unit"] = nfc(str(data["value_unit"] or "")).strip()[:80]
    if "value_year" in data:
        text = str(data["value_year"] or "").strip()
        if not text:
            changes["value_year"] = None
        elif text.isdigit() and 1900 <= int(text) <= 2100:
            changes["value_year"] = int(text)
        else:
            errors["value_year"] = [_("Năm “%(year)s” không hợp lệ.") % {"year": text}]
    if "value_status" in data:
        status = str(data["value_status"] or "")
        if status and status not in {s.value for s in ValueStatus}:
            errors["value_status"] = [_("Trạng thái số liệu “%(s)s” không hợp lệ.") % {"s": status}]
        changes["value_status"] = status
    if "phrase" in data:
        changes["phrase"] = nfc(str(data["phrase"] or "")).strip()[:500]
    if "decision" in data:
        if data["decision"] not in Decision.values:
            errors["decision"] = [_("Quyết định không hợp lệ.")]
        changes["decision"] = data["decision"]
    if errors:
        raise ActionError(errors)
    with transaction.atomic():
        current = ExtractedStatement.objects.select_for_update(of=("self",)).select_related("indicator").get(pk=statement.pk)
        diffs = {}
        for field, new in changes.items():
            old = getattr(current, field)
            if old != new:
                diffs[field] = (old, new)
                setattr(current, field, new)
        if current.decision == Decision.ACCEPTED and current.indicator is None:
            raise ActionError({"indicator": [NO_INDICATOR % {"where": _where(current)}]})
        if diffs:
            current.save()
            record("report.review", current, actor=acting_user, unit=report.unit, field=",".join(diffs),
                   old="; ".join(f"{f}={_show(o)}" for f, (o, n) in diffs.items()),
                   new="; ".join(f"{f}={_show(n)}" for f, (o, n) in diffs.items()), report=report.pk)
    return current


NO_INDICATOR = _lazy("%(where)s: chưa chọn chỉ tiêu trong danh mục nên chưa nhận được; hãy chọn chỉ tiêu "
                     "rồi bấm “Nhận”, hoặc bấm “Bỏ”.")


def group_statements(report: ImportedReport, group: str):
    """The statements of one group (``ExtractedStatement.group_key``: "<heading line>-<0|1 table>")."""
    line, _sep, table = str(group).partition("-")
    if not line.isdigit() or table not in ("0", "1"):
        raise ActionError(_("Nhóm “%(group)s” không có trong báo cáo.") % {"group": group})
    return report.statements.filter(section_line=int(line), in_table=table == "1")


def do_decide_group(report: ImportedReport, group: str, decision: str, *, acting_user) -> dict:
    """Accept or skip every statement of a group in one action, its audit rows in the same
    transaction. Accepting takes only the statements with a catalogue indicator; the others stay
    as they are and are counted (``left``), never accepted without one."""
    require(acting_user, report.unit, "write")
    if decision not in (Decision.ACCEPTED, Decision.REJECTED):
        raise ActionError({"decision": [_("Quyết định không hợp lệ.")]})
    with transaction.atomic():
        rows = list(group_statements(report, group).select_for_update().order_by("position"))
        if not rows:
            raise ActionError(_("Nhóm “%(group)s” không có trong báo cáo.") % {"group": group})
        changed, left = [], 0
        for s in rows:
            if decision == Decision.ACCEPTED and s.indicator_id is None:
                left += 1
                continue
            if s.decision != decision:
                changed.append(s)
        for s in changed:
            old = s.decision
            s.decision = decision
            s.report = report  # its audit row names it by the report's file name
            record("report.review", s, actor=acting_user, unit=report.unit, field="decision",
                   old=f"decision={old}", new=f"decision={decision}", report=report.pk, group=group)
        ExtractedStatement.objects.bulk_update(changed, ["decision"])
        record("report.review_group", report, actor=acting_user, unit=report.unit, field="decision",
               new=decision, group=group, changed=len(changed), left=left)
    return {"changed": len(changed), "left": left}


def do_reject_statements(report: ImportedReport, ids, *, acting_user) -> int:
    """Skip the given statements of ``report`` in one action (the ones an import refused), each
    with its audit row, in one transaction. Returns how many changed."""
    require(acting_user, report.unit, "write")
    wanted = {int(i) for i in ids if str(i).isdigit()}
    with transaction.atomic():
        rows = list(report.statements.filter(pk__in=wanted).exclude(decision=Decision.REJECTED)
                    .select_for_update().order_by("position"))
        for s in rows:
            old = s.decision
            s.decision = Decision.REJECTED
            s.report = report
            record("report.review", s, actor=acting_user, unit=report.unit, field="decision",
                   old=f"decision={old}", new=f"decision={Decision.REJECTED}", report=report.pk)
        ExtractedStatement.objects.bulk_update(rows, ["decision"])
    return len(rows)


def _flipped(s: ExtractedStatement, kind: str) -> None:
    """Set the statement's kind, proposing the phrase or value the other kind needs."""
    s.kind = kind
    if kind == ExtractedStatement.Kind.TARGET and not s.phrase:
        s.phrase = proposals.phrase_for(s.indicator_text, s.quote, s.bound, s.unit, s.per_year,
                                        s.indicator.kind if s.indicator_id else None)[:500]
    if kind == ExtractedStatement.Kind.RESULT and s.value is None:
        s.value = proposals.proposed_value(s.op, s.low, s.high)


def do_flip_kind(report: ImportedReport, *, acting_user, statement_id: int | None = None, group: str | None = None,
                 kind: str | None = None) -> int:
    """Turn one statement (``statement_id``) or a whole group into the other kind (or into
    ``kind``): a target read as a result, or the reverse. One audit row per statement changed,
    in the same transaction. Returns how many changed."""
    require(acting_user, report.unit, "write")
    if kind is not None and kind not in ExtractedStatement.Kind.values:
        raise ActionError({"kind": [_("Loại chỉ tiêu không hợp lệ.")]})
    with transaction.atomic():
        if statement_id is not None:
            qs = report.statements.filter(pk=statement_id)
        else:
            qs = group_statements(report, group)
        rows = list(qs.select_for_update(of=("self",)).select_related("indicator").order_by("position"))
        if not rows:
            raise ActionError(_("Không có chỉ tiêu nào để đổi loại."))
        if kind is None:  # one statement flips; a group turns into the kind most of it is not
            targets = sum(1 for s in rows if s.kind == ExtractedStatement.Kind.TARGET)
            kind = (ExtractedStatement.Kind.RESULT if targets * 2 >= len(rows) else ExtractedStatement.Kind.TARGET)
            if statement_id is not None:
                kind = (ExtractedStatement.Kind.RESULT if rows[0].kind == ExtractedStatement.Kind.TARGET
                        else ExtractedStatement.Kind.TARGET)
        changed = []
        for s in rows:
            if s.kind == kind:
                continue
            old = s.kind
            s.report = report
            _flipped(s, kind)
            changed.append(s)
            record("report.flip_kind", s, actor=acting_user, unit=report.unit, field="kind", old=old, new=kind,
                   report=report.pk, group=group or "")
        ExtractedStatement.objects.bulk_update(changed, ["kind", "phrase", "value"])
    return len(changed)


def _show(x) -> str:
    if x is None:
        return ""
    if isinstance(x, Indicator):
        return x.code
    return str(x)


def source_of(report: ImportedReport, statement: ExtractedStatement) -> str:
    """Where a value came from; stored with the value (data, so always in Vietnamese)."""
    return f"Báo cáo {report.file_name}, dòng {statement.line}"[:300]


def _where(statement: ExtractedStatement) -> str:
    name = statement.indicator_text or statement.quote
    if len(name) > 60:
        name = name[:57] + "…"
    return _("Dòng %(line)d (“%(name)s”)") % {"line": statement.line, "name": name}


def do_import_report(report: ImportedReport, plan, *, acting_user, default_year: int | None = None) -> dict:
    """Import the accepted statements of ``report`` into ``plan`` for the report's unit, all or nothing.

    Targets become the plan's targets (``do_set_target``); results become values of the unit
    (``do_save_values``, one call per year) with the status chosen on the statement, else
    ước thực hiện for the current year and chính thức for earlier years; a rating read from a table
    ("xếp loại Khá") becomes its option of an option indicator, a rank ("hạng") a position of a
    rank indicator, as if typed. Importing again changes
    nothing that is already equal (targets and values are upserted by their natural keys).
    Raises ``ActionError`` listing every statement that cannot be imported and why.
    """
    unit = report.unit
    require(acting_user, unit, "write")
    rights = rights_on(acting_user, unit) if acting_user is not None else None
    if plan is None or not Plan.objects.covers(plan, unit):
        raise ActionError({"plan": [_("Hãy chọn một kế hoạch của %(unit)s.") % {"unit": unit.name}]})
    statements = list(report.statements.filter(decision=Decision.ACCEPTED).select_related("indicator"))
    if not statements:
        raise ActionError(_("Chưa nhận chỉ tiêu nào: hãy bấm “Nhận” ở những chỉ tiêu cần nhập."))
    current_year = timezone.localdate().year
    errors: list[str] = []
    bad: list[int] = []

    def fail(s: ExtractedStatement, message: str) -> None:
        errors.append(message)
        bad.append(s.pk)

    targets: list[tuple[ExtractedStatement, Indicator, str]] = []
    target_by_indicator: dict[int, ExtractedStatement] = {}
    for s in (x for x in statements if x.kind == ExtractedStatement.Kind.TARGET):
        if s.indicator is None:
            fail(s, _("%(where)s: chưa chọn chỉ tiêu trong danh mục.") % {"where": _where(s)})
            continue
        if plan.unit_id != unit.pk:
            fail(s, _("%(where)s: chỉ tiêu kế hoạch chỉ nhập được vào kế hoạch của chính %(unit)s.") % {
                "where": _where(s), "unit": unit.name})
            continue
        if rights is not None and not rights.manage:
            fail(s, _("%(where)s: chỉ người quản trị đơn vị mới được đặt chỉ tiêu kế hoạch; hãy bỏ dòng này "
                            "hoặc nhờ quản trị nhập.") % {"where": _where(s)})
            continue
        if not s.phrase:
            fail(s, _("%(where)s: chưa có nội dung chỉ tiêu kế hoạch.") % {"where": _where(s)})
            continue
        try:
            phrase = check_phrase(s.phrase, s.indicator)
        except ActionError as exc:
            fail(s, f"{_where(s)}: {' '.join(exc.for_field('phrase'))}")
            continue
        other = target_by_indicator.get(s.indicator_id)
        if other is not None:
            fail(s, _("%(where)s: chỉ tiêu %(code)s đã được đặt ở dòng %(other)d; chỉ nhận một dòng.") % {
                "where": _where(s), "code": s.indicator.code, "other": other.line})
            continue
        target_by_indicator[s.indicator_id] = s
        targets.append((s, s.indicator, phrase))

    in_plan = set(plan.targets.values_list("indicator_id", flat=True)) | set(target_by_indicator)
    by_year: dict[int, list[tuple[ExtractedStatement, dict]]] = {}
    seen: dict[tuple[int, int, str], ExtractedStatement] = {}
    for s in (x for x in statements if x.kind == ExtractedStatement.Kind.RESULT):
        where = _where(s)
        indicator = s.indicator
        if indicator is None:
            fail(s, _("%(where)s: chưa chọn chỉ tiêu trong danh mục.") % {"where": where})
            continue
        number = s.value
        if number is None and s.op == "qualitative" and indicator.kind == "boolean":
            number = Decimal(0 if s.stated_status == "khong_dat" else 1)
        rating = s.value_unit or s.unit or ""
        if number is None and s.op == "qualitative" and indicator.kind == "option" and rating.startswith("xếp loại"):
            number = rating  # "xếp loại Tốt": the values action reads the option's rank, as when typed
        if number is None:
            fail(s, _("%(where)s: không có số để nhập; hãy ghi giá trị hoặc bỏ dòng này.") % {"where": where})
            continue
        year = s.value_year or default_year
        if year is None:
            fail(s, _("%(where)s: chưa rõ năm của số liệu.") % {"where": where})
            continue
        if year not in plan.years:
            fail(s, _("%(where)s: năm %(year)d nằm ngoài kế hoạch %(first)d-%(last)d.") % {
                "where": where, "year": year, "first": plan.base_year, "last": plan.final_year})
            continue
        try:
            if not isinstance(number, str):
                number = proposals.convert(Decimal(number), s.value_unit, indicator.unit)
            if indicator.kind == "rank" and number == number.to_integral_value():
                number = str(int(number))  # "thứ 5": a position, read by the values action as typed
        except proposals.UnitMismatch:
            fail(s, _("%(where)s: đơn vị “%(given)s” không khớp đơn vị “%(wanted)s” của chỉ tiêu %(code)s.") % {
                "where": where, "given": s.value_unit, "wanted": indicator.unit, "code": indicator.code})
            continue
        if indicator.pk not in in_plan:
            fail(s, _("%(where)s: chỉ tiêu %(code)s chưa có trong kế hoạch %(period)s.") % {
                "where": where, "code": indicator.code, "period": plan.period})
            continue
        status = s.value_status or proposals.default_status(year, current_year)
        key = (indicator.pk, year, status)
        if key in seen:
            fail(s, _("%(where)s: chỉ tiêu %(code)s năm %(year)d đã có ở dòng %(other)d; chỉ nhận một dòng.") % {
                "where": where, "code": indicator.code, "year": year, "other": seen[key].line})
            continue
        seen[key] = s
        by_year.setdefault(year, []).append((s, {
            "indicator": indicator.code, "value": number, "status": status,
            "source": source_of(report, s), "note": "",
        }))
    if errors:
        exc = ActionError({"__all__": errors})
        exc.statements = bad  # the statements that cannot be imported, for "skip these" in one click
        raise exc

    changed_values = 0
    with transaction.atomic():
        for _s, indicator, phrase in targets:
            do_set_target(plan, indicator, phrase, acting_user=acting_user)
        for year in sorted(by_year):
            rows = by_year[year]
            try:
                changed_values += len(do_save_values(unit, plan, year, [r for _s, r in rows], acting_user=acting_user))
            except ActionError as exc:
                raise ActionError({"__all__": _explain(exc, rows, year)}) from exc
        report.status = ImportedReport.State.IMPORTED
        report.plan = plan
        report.imported_at = timezone.now()
        report.imported_by = acting_user if getattr(acting_user, "pk", None) else None
        report.save(update_fields=["status", "plan", "imported_at", "imported_by"])
        record("report.import", report, actor=acting_user, unit=unit, new=plan.period, plan=plan.pk,
               targets=len(targets), values=sum(len(r) for r in by_year.values()), changed_values=changed_values)
    return {"targets": len(targets), "values": sum(len(r) for r in by_year.values()), "changed": changed_values}


def _explain(exc: ActionError, rows, year: int) -> list[str]:
    """The values action's messages (keyed "<code>.<field>") said of the statements they concern."""
    by_code = {r["indicator"]: s for s, r in rows}
    out = []
    for key, messages in exc.errors.items():
        s = by_code.get(key.split(".", 1)[0])
        if s is not None:
            prefix = _where(s)
        else:
            prefix = _("Năm %(year)d (dòng %(lines)s)") % {
                "year": year, "lines": ", ".join(str(st.line) for st, _r in rows)}
        out.extend(f"{prefix}: {m}" for m in messages)
    return out
