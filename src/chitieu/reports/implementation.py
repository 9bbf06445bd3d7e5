"""The implementation report (báo cáo kết quả thực hiện nhiệm vụ) as a DOCX in the form of
Nghị định 30/2020/NĐ-CP: a unit answers the request letter of the unit above about the tasks it
was given in a plan (Kế hoạch, Nghị quyết …), with the same template, letterhead and letter parts
as the official report (``chitieu.reports.document`` and ``letterhead``).

Owns: ``ImplementationData`` and its parts (what the web app reads from the database; pure
data here), ``implementation_letterhead``, ``build_implementation`` and ``implementation_bytes``,
and the wording: "Thực hiện Công văn số … của …, UBND phường … báo cáo kết quả thực hiện các
nhiệm vụ được giao tại Kế hoạch số … như sau:", one section per task group (each task with its
deadline, status, the officers' text, documents and figures), the summary "x/y nhiệm vụ đã hoàn
thành (đúng hạn z)", the tasks without any reported evidence listed by name, and the appendix
table of every task. Nothing is invented: a task with no report says so.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from docx.enum.section import WD_SECTION
from docx.shared import Pt

from chitieu.core import tasks as core_tasks
from chitieu.core.numbers import nfc
from chitieu.reports.appendix import _write
from chitieu.reports.document import (
    _keep_signature_together,
    _marker_paragraph,
    _move_before,
    _render_template,
    _set_properties,
)
from chitieu.reports.layout import (
    CENTER,
    LEFT,
    TABLE_PT,
    add_heading,
    add_placeholder,
    add_text,
    fix_column_widths,
    forbid_row_split,
    mark_header_row,
    page_setup,
    set_borders,
    set_cell_margins,
    text_width_cm,
)
from chitieu.reports.letterhead import (
    SIGN_AS,
    Letterhead,
    LetterParts,
    committee_name,
    normalise_number,
    place_name,
    recipient_lines,
)
from chitieu.reports.wording import full_date

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
         "XVI", "XVII", "XVIII", "XIX", "XX")


@dataclass(frozen=True)
class ProgressLine:
    on: date
    outcome: str  # "in_progress", "done", "not_done"
    text: str
    document_number: str = ""
    figures: str = ""
    file_name: str = ""

    @property
    def has_evidence(self) -> bool:
        return bool(self.document_number or self.figures or self.file_name)


@dataclass(frozen=True)
class TaskLine:
    title: str
    deadline: date | None
    status: core_tasks.TaskStatus
    lead_unit: str = ""
    reports: tuple[ProgressLine, ...] = ()
    not_done_reason: str = ""
    approved: bool = False

    @property
    def has_evidence(self) -> bool:
        return any(r.has_evidence for r in self.reports)


@dataclass(frozen=True)
class GroupLines:
    title: str
    tasks: tuple[TaskLine, ...]


@dataclass(frozen=True)
class DocumentRef:
    """A document as the letter cites it: "Kế hoạch số 125/KH-UBND ngày 10/01/2024 của UBND thị xã"."""

    kind: str  # "Kế hoạch", "Công văn", …
    number: str
    issued: date | None
    issuer: str
    title: str = ""

    def cite(self) -> str:
        text = f"{self.kind} số {self.number}"
        if self.issued:
            text += f" ngày {self.issued:%d/%m/%Y}"
        if self.issuer:
            text += f" của {self.issuer}"
        return text


@dataclass(frozen=True)
class ImplementationData:
    unit_name: str  # "Phường 2"
    parent_name: str  # "Thị xã Quảng Trị"
    plan: DocumentRef
    groups: tuple[GroupLines, ...]
    today: date  # the day statuses are computed for
    request: DocumentRef | None = None  # the request letter being answered


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def subject_for(data: ImplementationData) -> str:
    return f"Kết quả thực hiện các nhiệm vụ được giao tại {data.plan.kind} số {data.plan.number}"


def implementation_letterhead(data: ImplementationData, *, issued: date | None = None, number: str | None = None,
                              parts: LetterParts | None = None) -> Letterhead:
    """The letterhead: issued by the People's Committee of the unit, to the unit above."""
    parts = parts or LetterParts()
    unit_name = nfc(data.unit_name) or "Đơn vị"
    committee = committee_name(unit_name)
    subject = subject_for(data)
    if data.request is not None:
        opening = (f"Thực hiện {data.request.cite()}, {committee} báo cáo kết quả thực hiện các nhiệm vụ được giao "
                   f"tại {data.plan.cite()} như sau:")
    else:
        opening = f"{committee} báo cáo kết quả thực hiện các nhiệm vụ được giao tại {data.plan.cite()} như sau:"
    if parts.recipients:
        recipients = recipient_lines(parts.recipients)
    else:
        lines = [f"{committee_name(data.parent_name)} (b/c)"] if data.parent_name else []
        lines += [f"TT Đảng ủy, TT HĐND {committee[len('UBND '):]}", "Lưu: VT"]
        recipients = recipient_lines(lines)
    signing_for, signer_title = SIGN_AS[parts.sign_as]
    kinh_gui = parts.kinh_gui or (data.request.issuer if data.request and data.request.issuer else "")
    return Letterhead(
        authority="ỦY BAN NHÂN DÂN",
        unit=unit_name.upper(),
        number=normalise_number(number),
        place=place_name(unit_name),
        issued=issued or data.today,
        subject=subject,
        opening=opening,
        closing=f"Trên đây là báo cáo {_lower_first(subject)} của {committee}./.",
        recipients=recipients,
        committee=committee,
        signing_for=signing_for,
        signer_title=signer_title,
        signer_name=nfc(parts.signer_name).strip(),
        kinh_gui=nfc(kinh_gui).strip(),
    )


def summary(data: ImplementationData) -> core_tasks.TaskSummary:
    return core_tasks.summarise(((t.status, t.deadline) for g in data.groups for t in g.tasks), data.today)


def _status_words(task: TaskLine, today: date) -> str:
    words = task.status.label
    if core_tasks.is_overdue(task.status, task.deadline, today):
        words += f" (quá hạn {core_tasks.days_overdue(task.deadline, today)} ngày)"
    if task.status == core_tasks.TaskStatus.NOT_DONE and task.not_done_reason:
        words += f"; lý do: {task.not_done_reason.rstrip('.')}"
    return words


def _write_body(doc, data: ImplementationData) -> list[str]:
    """The sections; returns the titles of the tasks without any reported evidence."""
    s = summary(data)
    add_heading(doc, "I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ")
    add_text(doc, f"Tính đến {full_date(data.today)}: {s.sentence()}.")
    without: list[str] = []
    for n, group in enumerate(data.groups, 1):
        add_heading(doc, f"{n}. {group.title}")
        if not group.tasks:
            add_text(doc, "Không có nhiệm vụ nào của nhóm này được giao cho đơn vị.")
        for m, task in enumerate(group.tasks, 1):
            deadline = core_tasks.deadline_text(task.deadline)
            add_text(doc, f"{n}.{m}. {task.title.rstrip('.')} (thời hạn: {deadline}). "
                          f"Tình trạng: {_status_words(task, data.today)}.", italic=False, bold=False)
            if not task.reports:
                add_text(doc, "- Chưa có báo cáo thực hiện.")
            for r in task.reports:
                line = f"- Ngày {r.on:%d/%m/%Y}: {r.text.strip().rstrip('.')}."
                if r.document_number:
                    line += f" Văn bản: {r.document_number.strip().rstrip('.')}."
                if r.figures:
                    line += f" Số liệu: {r.figures.strip().rstrip('.')}."
                if r.file_name:
                    line += f" Tệp kèm theo: {r.file_name}."
                add_text(doc, line)
            if not task.has_evidence:
                without.append(f"{n}.{m}. {task.title.rstrip('.')}")
    add_heading(doc, "II. ĐÁNH GIÁ CHUNG")
    add_text(doc, f"Tổng số nhiệm vụ được giao: {s.total}; {s.sentence()}. Chi tiết tại Phụ lục kèm theo.")
    if without:
        add_text(doc, f"Các nhiệm vụ chưa có văn bản, số liệu hoặc tệp minh chứng ({len(without)}):")
        for line in without:
            add_text(doc, f"- {line}.")
    else:
        add_text(doc, "Tất cả nhiệm vụ đều có minh chứng kèm theo báo cáo.")
    add_heading(doc, "III. TỒN TẠI, HẠN CHẾ VÀ KIẾN NGHỊ")
    add_placeholder(doc, "tồn tại, hạn chế, nguyên nhân và kiến nghị, đề xuất")
    return without


APPENDIX_WIDTHS = (1.0, 8.0, 2.6, 3.2, 4.2, 2.6, 3.0)
APPENDIX_HEADERS = ("STT", "Nhiệm vụ", "Thời hạn", "Tình trạng", "Kết quả, minh chứng", "Ngày báo cáo",
                    "Trạng thái duyệt")


def _add_appendix(doc, data: ImplementationData, head: Letterhead) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    page_setup(section, landscape=True)
    add_text(doc, "PHỤ LỤC", bold=True, align=CENTER, indent=False, after=Pt(0))
    add_text(doc, "DANH SÁCH NHIỆM VỤ VÀ TÌNH TRẠNG THỰC HIỆN", bold=True, align=CENTER, indent=False, after=Pt(0))
    number = head.number or "       /BC-UBND"
    add_text(doc, f"(Kèm theo Báo cáo số {number} {full_date(head.issued)} của {head.committee})", italic=True,
             size=13, align=CENTER, indent=False, after=Pt(6))
    rows = [(g, t) for g in data.groups for t in g.tasks]
    table = doc.add_table(rows=1 + len(data.groups) + len(rows), cols=len(APPENDIX_HEADERS))
    set_borders(table, visible=True)
    set_cell_margins(table)
    available = text_width_cm(section) - 0.05
    total = sum(APPENDIX_WIDTHS)
    fix_column_widths(table, [w * available / total for w in APPENDIX_WIDTHS])
    mark_header_row(table.rows[0])
    for cell, text in zip(table.rows[0].cells, APPENDIX_HEADERS, strict=True):
        _write(cell, text, bold=True)
    r = 1
    for n, group in enumerate(data.groups, 1):
        cells = table.rows[r].cells
        _write(cells[0], ROMAN[n - 1] if n <= len(ROMAN) else str(n), bold=True)
        merged = cells[1].merge(cells[-1])
        _write(merged, group.title, bold=True, align=LEFT)
        r += 1
        for m, task in enumerate(group.tasks, 1):
            tr = table.rows[r]
            forbid_row_split(tr)
            last = task.reports[-1] if task.reports else None
            evidence = "; ".join(x for x in (
                *(p.document_number for p in task.reports if p.document_number),
                *(p.figures for p in task.reports if p.figures),
                *(p.file_name for p in task.reports if p.file_name)) if x) or "Chưa có minh chứng"
            values = (f"{n}.{m}", task.title, core_tasks.deadline_text(task.deadline),
                      _status_words(task, data.today), evidence, f"{last.on:%d/%m/%Y}" if last else "",
                      "Đã duyệt" if task.approved else "Chưa duyệt")
            for k, (cell, text) in enumerate(zip(tr.cells, values, strict=True)):
                _write(cell, text, align=LEFT if k in (1, 3, 4) else CENTER)
            r += 1
    s = summary(data)
    add_text(doc, f"Tổng cộng: {s.sentence()}.", size=TABLE_PT, italic=True, align=LEFT, indent=False, before=4)


def build_implementation(data: ImplementationData, *, template: str | Path | bytes | None = None,
                         issued: date | None = None, number: str | None = None, parts: LetterParts | None = None,
                         now: datetime | None = None):
    """The implementation report as a python-docx ``Document`` (template as ``build_report``'s)."""
    head = implementation_letterhead(data, issued=issued, number=number, parts=parts)
    doc = _render_template(template, head.context())
    _keep_signature_together(doc, head)
    marker = _marker_paragraph(doc)
    start = len(doc.element.body) - 1
    _write_body(doc, data)
    _move_before(doc, start, marker._p)
    marker._p.getparent().remove(marker._p)
    _add_appendix(doc, data, head)
    _set_properties(doc, head, now)
    return doc


def implementation_bytes(data: ImplementationData, **kwargs) -> bytes:
    buf = io.BytesIO()
    build_implementation(data, **kwargs).save(buf)
    return buf.getvalue()
