"""The official report as a DOCX: the template's letterhead filled in (docxtpl), the generated
body put where the template says ``{{ noi_dung }}``, and Phụ lục 1 as a landscape section.

Owns: ``build_report`` (the Python API the CLI and the web app call), ``report_bytes``, and the
order and wording of the body: Phần thứ nhất (summary, one sentence per evaluated indicator by
domain, charts, the indicators not met), Phần thứ hai (the next plan's key targets by domain),
and the highlighted paragraphs left for the unit to write.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from jinja2 import TemplateError
from jinja2.sandbox import SecurityError

from chitieu.core.evaluate import Evaluation
from chitieu.core.plan import Plan
from chitieu.reports import charts
from chitieu.reports.appendix import add_appendix
from chitieu.reports.data import ReportData, ReportOptions, build_report_data
from chitieu.reports.errors import ReportError
from chitieu.reports.layout import (
    CENTER,
    add_heading,
    add_placeholder,
    add_text,
    format_paragraph,
    keep_together,
    text_width_cm,
    text_width_pt,
)
from chitieu.reports.letterhead import CONTENT_MARKER, Letterhead, LetterParts, default_letterhead
from chitieu.reports.make_default_template import DEFAULT_TEMPLATE
from chitieu.reports.safe_template import (
    ReportEnvironment,
    TemplateRefused,
    check_size,
    check_template,
)
from chitieu.reports.tables import add_footnote, add_table_appendix
from chitieu.reports.variants import Variant
from chitieu.reports.wording import count_label, next_period_years, plan_period_phrase, span_text


def _template_bytes(template: str | Path | bytes | None) -> bytes:
    if isinstance(template, bytes):
        return template
    path = Path(DEFAULT_TEMPLATE if template is None else template)
    if not path.is_file():
        raise ReportError(f"Không tìm thấy mẫu báo cáo {path}", f"template not found: {path}")
    check_size(path.stat().st_size)  # before reading it into memory
    return path.read_bytes()


def _render_template(template: str | Path | bytes | None, context: dict):
    """The template rendered with ``context``: checked first (``safe_template.check_template``:
    size, zip bounds, only the context's variables and the allowed subset), then rendered in the
    sandbox, which checks every source again as Jinja2 parses it."""
    data = _template_bytes(template)
    check_template(data, context)
    try:
        tpl = DocxTemplate(io.BytesIO(data))
        tpl.render(context, jinja_env=ReportEnvironment(context), autoescape=True)
    except TemplateRefused as exc:
        raise ReportError(exc.vi, exc.en) from exc
    except SecurityError as exc:
        raise ReportError(f"Mẫu báo cáo bị chặn vì dùng thao tác không an toàn ({exc})",
                          f"the template was stopped: it uses an unsafe operation ({exc})") from exc
    except TemplateError as exc:  # syntax errors were reported by the check; this is a runtime failure
        raise ReportError(f"Mẫu báo cáo không điền được: {exc}", f"the template could not be filled in: {exc}") from exc
    except Exception as exc:  # a file that is not a .docx at all (zipfile, KeyError of missing parts)
        raise ReportError(f"Tệp mẫu không phải là tệp Word (.docx) hợp lệ: {exc}",
                          "not a valid .docx template") from exc
    buf = io.BytesIO()
    tpl.save(buf)
    buf.seek(0)
    return Document(buf)


def _marker_paragraph(doc):
    for p in doc.paragraphs:
        if CONTENT_MARKER in p.text:
            return p
    raise ReportError(
        "Mẫu báo cáo thiếu đoạn {{ noi_dung }} (nơi đặt nội dung báo cáo)",
        "the template has no {{ noi_dung }} paragraph for the report body",
    )


def _write_body(doc, data: ReportData, *, as_of: int | None = None) -> None:
    """Phần thứ nhất and Phần thứ hai, appended at the end of ``doc`` (moved into place later)."""
    width = text_width_cm(doc.sections[-1])
    add_heading(doc, "Phần thứ nhất", center=True, before=6)
    period = plan_period_phrase(data.base_year + 1, data.final_year)
    title = f"ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI {period.upper()}"
    if data.variant == Variant.MID_TERM:
        upto = as_of or data.final_year
        title = (f"ĐÁNH GIÁ GIỮA KỲ KẾT QUẢ THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI {period.upper()} "
                 f"(GIAI ĐOẠN {span_text(data.base_year + 1, upto)})")
    add_heading(doc, title, center=True, before=0)
    add_heading(doc, "I. BỐI CẢNH THỰC HIỆN")
    add_placeholder(doc, "bối cảnh, thuận lợi, khó khăn trong thực hiện kế hoạch")
    add_heading(doc, "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU")
    summary = add_text(doc, data.summary)
    if data.value_note:
        add_footnote(doc, summary, data.value_note)
    if data.missing_line:
        add_text(doc, data.missing_line)
    if data.ward_line:
        add_text(doc, data.ward_line)
    figure_no = 0
    for n, section in enumerate(data.sections, 1):
        add_heading(doc, f"{n}. {section.label}")
        notes = section.notes or ("",) * len(section.sentences)
        for sentence, note in zip(section.sentences, notes, strict=True):
            p = add_text(doc, sentence)
            if note:  # the figure's breakdown, from the data (the seeds' footnotes)
                add_footnote(doc, p, note)
        if section.pending:
            add_text(doc, section.pending)
        add_placeholder(doc, f"đánh giá kết quả nổi bật, nguyên nhân trong lĩnh vực {section.label.lower()}")
        if n == 1:
            for png, caption in charts.report_charts(data):
                figure_no += 1
                p = doc.add_paragraph()
                format_paragraph(p, align=CENTER, indent=False, before=6, keep_with_next=True)
                p.add_run().add_picture(io.BytesIO(png), width=Cm(min(15.0, width)))
                add_text(
                    doc, f"Biểu đồ {figure_no}. {caption}", size=12, italic=True, align=CENTER, indent=False
                )
    if data.other_pending:
        add_text(doc, data.other_pending)
    add_heading(doc, "III. TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN VÀ BÀI HỌC KINH NGHIỆM")
    add_heading(doc, "1. Các chỉ tiêu chưa đạt", italic=True, before=0)
    if data.not_met:
        word = "chưa đạt tiến độ" if data.variant == Variant.MID_TERM else "không đạt"
        add_text(doc, f"Có {len(data.not_met)}/{data.evaluated} chỉ tiêu {word} {data.basis}:")
        for line in data.not_met:
            add_text(doc, f"- {line}")
    elif not data.evaluated:
        add_text(doc, "Không có chỉ tiêu nào được đánh giá.")
    else:
        add_text(doc, f"Tất cả {data.evaluated} chỉ tiêu được đánh giá đều đạt và vượt {data.basis}.")
    add_heading(doc, "2. Tồn tại, hạn chế và nguyên nhân", italic=True, before=0)
    add_placeholder(doc, "tồn tại, hạn chế; nguyên nhân khách quan, chủ quan")
    add_heading(doc, "3. Bài học kinh nghiệm", italic=True, before=0)
    add_placeholder(doc, "bài học kinh nghiệm")

    if data.next_period:
        span = next_period_years(data.final_year, data.next_period)
        words = plan_period_phrase(*span) if span else data.next_period
        add_heading(doc, "Phần thứ hai", center=True, before=12)
        add_heading(doc, f"KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI {words.upper()}", center=True, before=0)
        add_heading(doc, "I. MỤC TIÊU TỔNG QUÁT")
        add_placeholder(doc, "mục tiêu tổng quát của kế hoạch")
        add_heading(doc, "II. CÁC CHỈ TIÊU CHỦ YẾU")
        number = 0
        for label, texts in data.next_groups:
            add_heading(doc, f"* Về {label.lower()} ({count_label(len(texts))})", before=0)
            for text in texts:
                number += 1
                end = "" if text.rstrip().endswith((".", ";")) else "."
                add_text(doc, f"({number}) {text.strip()}{end}")
        if data.next_table_line:
            add_text(doc, data.next_table_line)
        add_heading(doc, "III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU")
        add_placeholder(doc, "nhiệm vụ, giải pháp chủ yếu")


def _move_before(doc, start_index: int, anchor) -> None:
    """Move the body elements added since ``start_index`` to just before ``anchor``."""
    body = doc.element.body
    added = [el for el in list(body)[start_index:] if not el.tag.endswith("}sectPr")]
    for el in added:
        anchor.addprevious(el)


def build_report(
    plan: Plan,
    *,
    template: str | Path | bytes | None = None,
    issued: date | None = None,
    number: str | None = None,
    evaluations: dict[str, Evaluation] | None = None,
    letterhead: Letterhead | None = None,
    parts: LetterParts | None = None,
    now: datetime | None = None,
    variant: str = "auto",
    target_sources: dict[str, str] | None = None,
    unapproved: frozenset | None = None,
    wards=(),
    pending_tasks=None,
):
    """The report of ``plan`` as a python-docx ``Document``.

    ``template``: a .docx (path or bytes) with docxtpl variables; the default ships with chitieu.
    It may use only the letterhead's variables (``letterhead.TEMPLATE_VARIABLES`` and the
    ``extra`` ones) and the subset ``chitieu.reports.safe_template`` allows; it is rendered in
    Jinja2's sandbox. Anything else raises ``ReportError`` naming it, before any of it runs.
    ``evaluations`` by indicator code default to evaluating every item that has a target.
    ``letterhead`` overrides the defaults derived from the plan (``issued`` and ``number`` are
    shortcuts for its date and number; the number is checked as Nghị định 30 writes it and a
    bad one raises ``ReportError``); ``parts`` are the office's letter parts (signer, TM./KT./Q.,
    Kính gửi, Nơi nhận). ``now`` is the generation time written in the file's properties.
    ``variant`` ("auto", "annual", "mid-term", "term", "town"; ``variants.choose_variant``),
    ``target_sources`` (indicator code → the document that set its target), ``unapproved``
    ((code, year) of values not yet approved, when built from the latest values) and ``wards``
    (the wards' plans of a town roll-up) and ``pending_tasks`` (domain → the tasks given to the
    unit not yet done, ``data.PendingTask``) are ``data.ReportOptions``.
    """
    options = ReportOptions(variant=variant, issued=issued or (letterhead.issued if letterhead else None),
                            target_sources=target_sources or {}, unapproved=unapproved, wards=tuple(wards),
                            pending_tasks=pending_tasks or {})
    data = build_report_data(plan, evaluations, options)
    head = letterhead or default_letterhead(plan, issued=issued, number=number, parts=parts, variant=data.variant)
    doc = _render_template(template, head.context())
    _keep_signature_together(doc, head)
    _fit_place_date(doc, head)
    marker = _marker_paragraph(doc)
    start = len(doc.element.body) - 1  # python-docx appends before the final sectPr, at this index
    _write_body(doc, data, as_of=plan.as_of)
    _move_before(doc, start, marker._p)
    marker._p.getparent().remove(marker._p)
    tables = list(data.tables)
    if data.variant == Variant.ANNUAL and tables:
        add_table_appendix(doc, tables.pop(0), 1, head)  # the annual table is this report's Phụ lục 1
    else:
        add_appendix(doc, data.appendix, head)
    number = 1
    for table in tables:
        number += 1
        add_table_appendix(doc, table, number, head)
    if data.calculations is not None:
        add_table_appendix(doc, data.calculations, number + 1, head, lines=data.discrepancies,
                           lines_title="Số liệu văn bản nguồn ghi chưa khớp với số tính được (cần rà soát):")
    _set_properties(doc, head, now)
    return doc


def _keep_signature_together(doc, head: Letterhead) -> None:
    """Whatever the template, the table holding the signature never splits across pages, and
    the paragraph before it (the closing sentence) stays with it."""
    first_line = head.signing_for.split("\n")[0]
    for table in doc.tables:
        if any(first_line in cell.text for row in table.rows for cell in row.cells):
            keep_together(table)
            previous = table._tbl.getprevious()
            if previous is not None and previous.tag == qn("w:p"):
                Paragraph(previous, doc._body).paragraph_format.keep_with_next = True


def _fit_place_date(doc, head: Letterhead) -> None:
    """A place and date too long for their cell ("Phường Nguyễn Thị Minh Khai, ngày 05 tháng 01
    năm 2026") break after the place, never inside the date ("… tháng 01 / năm 2026")."""
    from docx.shared import Pt

    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    if p.text != head.place_date or cell.width is None:
                        continue
                    size = next((r.font.size.pt for r in p.runs if r.font.size is not None), None)
                    size = size or (p.style.font.size.pt if p.style.font.size is not None else 14)
                    room = cell.width / Pt(1) - 2 * 5.4 - 2  # minus the cell's margins (0,19 cm each)
                    if text_width_pt(head.place_date, size) <= room:
                        return
                    for run in p.runs:
                        if ", ngày " in run.text:
                            run.text = run.text.replace(", ngày ", ",\nngày ", 1)
                            return
                    return


def _set_properties(doc, head: Letterhead, now: datetime | None) -> None:
    """The file's properties say who made it and when (not python-docx's template of 2013)."""
    when = (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None, microsecond=0)
    props = doc.core_properties
    props.author = head.committee or "chitieu"
    props.last_modified_by = "chitieu"
    props.title = f"Báo cáo {head.subject[:1].lower()}{head.subject[1:]}"
    props.subject = head.subject
    props.comments = ""
    props.keywords = ""
    props.category = "Báo cáo"
    props.created = props.modified = when
    printed = props._element.find(qn("cp:lastPrinted"))
    if printed is not None:  # a template's "last printed" is not this file's
        props._element.remove(printed)
    props.revision = 1


def report_bytes(plan: Plan, **kwargs) -> bytes:
    """``build_report`` saved as the bytes of a .docx file (what the web app sends)."""
    buf = io.BytesIO()
    build_report(plan, **kwargs).save(buf)
    return buf.getvalue()
