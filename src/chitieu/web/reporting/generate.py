"""Making the report files of a unit and plan from the database: the core plan with the values as
stored (the best-known status per year), then the same builders the ``chitieu report`` command
uses — ``chitieu.reports.document.build_report`` (DOCX), ``reports.xlsx`` (Phụ lục 1) and
``reports.pdf`` (LibreOffice).

Owns: ``core_plan_for``, ``Output`` (bytes, content type, file name), ``build_output``, the
download file name, and whether PDF can be offered. Writes nothing to the database.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import models
from django.utils.translation import gettext_lazy as _

from chitieu.core.plan import Plan as CorePlan


class Format(models.TextChoices):
    DOCX = "docx", _("Báo cáo (Word .docx)")
    XLSX = "xlsx", _("Phụ lục 1 (Excel .xlsx)")
    PDF = "pdf", _("Báo cáo (PDF)")


CONTENT_TYPES = {
    Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Format.PDF: "application/pdf",
}


def pdf_available() -> bool:
    """PDF is offered only where LibreOffice is installed."""
    from chitieu.reports.pdf import find_soffice

    return find_soffice() is not None


def core_plan_for(plan, unit, *, latest: bool = False) -> CorePlan:
    """The plan as the report generator sees it, with ``unit``'s values (merger-aware):
    approved values, or with ``latest`` the latest values entered."""
    return plan.to_core(unit=unit, approved_only=not latest)


def unapproved_values(latest: CorePlan, approved: CorePlan) -> frozenset:
    """(indicator code, year) of every value the latest plan uses that is not the approved one
    (no approved value for that year, or another value or status): the report's footnote lists
    them as "chưa duyệt"."""
    approved_by_code = {item.indicator.code: item.series for item, _depth in approved.walk()}
    out = set()
    for item, _depth in latest.walk():
        other = approved_by_code.get(item.indicator.code)
        for obs in item.series:
            mine = other.get(obs.year) if other is not None else None
            if mine is None or mine.value != obs.value or mine.status != obs.status:
                out.add((item.indicator.code, obs.year))
    return frozenset(out)


def ward_plans(plan, unit, year: int, *, latest: bool = False) -> tuple[CorePlan, ...]:
    """The plans of ``unit``'s wards and communes in ``year`` (those in force then, so a ward
    merged away before it is not counted twice), each with its own values through
    ``core_plan_for`` (merger-aware), for the town roll-up."""
    children = [c for c in unit.children.order_by("name") if c.is_active_in(year)]
    return tuple(core_plan_for(plan, c, latest=latest) for c in children)


def slug(text: str) -> str:
    """"Phường Đông Lễ" → "phuong-dong-le": ASCII, safe in any browser's download."""
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "don-vi"


def file_name(unit_name: str, period: str, fmt: str) -> str:
    """bao-cao-phuong-2-2021-2025.docx; phu-luc-1-phuong-2-2021-2025.xlsx."""
    stem = "phu-luc-1" if fmt == Format.XLSX else "bao-cao"
    return f"{stem}-{slug(unit_name)}-{slug(period)}.{fmt}"


@dataclass(frozen=True)
class Output:
    data: bytes
    content_type: str
    file_name: str


def pending_tasks_of(unit, on: date | None) -> dict:
    """The tasks given to ``unit`` not yet done on ``on`` (default: today), by domain, as the
    report lists them (``chitieu.reports.data.PendingTask``)."""
    from chitieu.reports.data import PendingTask
    from chitieu.web.tasks.models import today
    from chitieu.web.tasks.queries import unfinished_by_domain

    return {domain: tuple(PendingTask(r.task.title, r.status.label, r.task.deadline, r.days_overdue) for r in rows)
            for domain, rows in unfinished_by_domain(unit, on or today()).items()}


def build_output(core: CorePlan, fmt: str, *, issued: date | None, number: str | None,
                 template: bytes | None, parts=None, variant: str = "auto", unapproved: frozenset | None = None,
                 wards: tuple = (), pending_tasks=None) -> Output:
    """The report file in ``fmt``. Raises ``chitieu.reports.document.ReportError`` for a bad
    template and ``chitieu.reports.pdf.PdfConversionError`` when LibreOffice fails. ``parts`` are
    the letter parts (``chitieu.reports.letterhead.LetterParts``); ``variant``, ``unapproved``
    and ``wards`` are ``chitieu.reports.data.ReportOptions``."""
    # Imported here: matplotlib and python-docx are loaded on the first report, not at start-up.
    from chitieu.reports.data import ReportOptions, build_report_data, evaluate_plan
    from chitieu.reports.document import report_bytes
    from chitieu.reports.xlsx import appendix_xlsx_bytes

    evaluations = None if wards else evaluate_plan(core)
    name = file_name(core.unit_name, core.period, fmt)
    if fmt == Format.XLSX:
        options = ReportOptions(variant=variant, issued=issued, unapproved=unapproved, wards=wards)
        data = appendix_xlsx_bytes(build_report_data(core, evaluations, options).appendix)
        return Output(data, CONTENT_TYPES[Format.XLSX], name)
    docx = report_bytes(core, template=template, issued=issued, number=number, evaluations=evaluations,
                        parts=parts, variant=variant, unapproved=unapproved, wards=wards,
                        pending_tasks=pending_tasks)
    if fmt == Format.PDF:
        return Output(_to_pdf(docx, name), CONTENT_TYPES[Format.PDF], name)
    return Output(docx, CONTENT_TYPES[Format.DOCX], name)


def pdf_output(docx: Output) -> Output:
    """The PDF of a DOCX output (LibreOffice), under the same name with .pdf."""
    name = str(Path(docx.file_name).with_suffix(".pdf"))
    return Output(_to_pdf(docx.data, name), CONTENT_TYPES[Format.PDF], name)


def check_template(core: CorePlan, template: bytes, *, issued: date | None, number: str | None) -> bytes:
    """The report built with ``template`` (the reports package's own check: a template that
    does not render, or has no ``{{ noi_dung }}`` paragraph, raises ``ReportError``)."""
    from chitieu.reports.document import report_bytes

    return report_bytes(core, template=template, issued=issued, number=number)


def _to_pdf(docx: bytes, name: str) -> bytes:
    from chitieu.reports.pdf import docx_to_pdf

    with tempfile.TemporaryDirectory(prefix="chitieu-report-") as tmp:
        src = Path(tmp, Path(name).with_suffix(".docx").name)
        src.write_bytes(docx)
        return docx_to_pdf(src, src.with_suffix(".pdf")).read_bytes()
