"""The official report as a DOCX: the template's letterhead filled in (docxtpl), the generated
body put where the template says ``{{ noi_dung }}``, and Phụ lục 1 as a landscape section.

Owns: ``build_report`` (the Python API the CLI and the web app call), ``report_bytes``, and the
order and wording of the body: Phần thứ nhất (summary, one sentence per evaluated indicator by
domain, charts, the indicators not met), Phần thứ hai (the next plan's key targets by domain),
and the highlighted paragraphs left for the unit to write.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from docx import Document
from docx.shared import Cm
from docxtpl import DocxTemplate
from jinja2 import TemplateError
from jinja2.sandbox import SecurityError

from chitieu.core.evaluate import Evaluation
from chitieu.core.plan import Plan
from chitieu.reports import charts
from chitieu.reports.appendix import add_appendix
from chitieu.reports.data import ReportData, build_report_data
from chitieu.reports.errors import ReportError
from chitieu.reports.layout import (
    CENTER,
    add_heading,
    add_placeholder,
    add_text,
    format_paragraph,
    text_width_cm,
)
from chitieu.reports.letterhead import CONTENT_MARKER, Letterhead, default_letterhead
from chitieu.reports.make_default_template import DEFAULT_TEMPLATE
from chitieu.reports.safe_template import (
    ReportEnvironment,
    TemplateRefused,
    check_size,
    check_template,
)
from chitieu.reports.wording import count_label


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


def _write_body(doc, data: ReportData) -> None:
    """Phần thứ nhất and Phần thứ hai, appended at the end of ``doc`` (moved into place later)."""
    width = text_width_cm(doc.sections[-1])
    add_heading(doc, "Phần thứ nhất", center=True, before=6)
    years = data.final_year - data.base_year
    add_heading(
        doc,
        f"ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI {years} NĂM {data.period}",
        center=True,
        before=0,
    )
    add_heading(doc, "I. BỐI CẢNH THỰC HIỆN")
    add_placeholder(doc, "bối cảnh, thuận lợi, khó khăn trong thực hiện kế hoạch")
    add_heading(doc, "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU")
    add_text(doc, data.summary)
    figure_no = 0
    for n, section in enumerate(data.sections, 1):
        add_heading(doc, f"{n}. {section.label}")
        for sentence in section.sentences:
            add_text(doc, sentence)
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
    add_heading(doc, "III. TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN VÀ BÀI HỌC KINH NGHIỆM")
    add_heading(doc, "1. Các chỉ tiêu chưa đạt", italic=True, before=0)
    if data.not_met:
        add_text(doc, f"Có {len(data.not_met)}/{data.evaluated} chỉ tiêu không đạt {data.basis}:")
        for line in data.not_met:
            add_text(doc, f"- {line}")
    elif not data.evaluated:
        add_text(doc, "Không có chỉ tiêu nào được đánh giá.")
    elif data.missing_data:
        add_text(doc, f"Không có chỉ tiêu nào không đạt {data.basis}.")
    else:
        add_text(doc, f"Tất cả {data.evaluated} chỉ tiêu được đánh giá đều đạt và vượt {data.basis}.")
    if data.missing_data:
        add_text(doc, "Chưa đủ số liệu để đánh giá: " + "; ".join(data.missing_data) + ".")
    add_heading(doc, "2. Tồn tại, hạn chế và nguyên nhân", italic=True, before=0)
    add_placeholder(doc, "tồn tại, hạn chế; nguyên nhân khách quan, chủ quan")
    add_heading(doc, "3. Bài học kinh nghiệm", italic=True, before=0)
    add_placeholder(doc, "bài học kinh nghiệm")

    if data.next_period:
        a, _, b = data.next_period.partition("-")
        span = int(b) - int(a) if a.isdigit() and b.isdigit() else years
        add_heading(doc, "Phần thứ hai", center=True, before=12)
        add_heading(
            doc, f"KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI {span} NĂM {data.next_period}", center=True, before=0
        )
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
):
    """The report of ``plan`` as a python-docx ``Document``.

    ``template``: a .docx (path or bytes) with docxtpl variables; the default ships with chitieu.
    It may use only the letterhead's variables (``letterhead.TEMPLATE_VARIABLES`` and the
    ``extra`` ones) and the subset ``chitieu.reports.safe_template`` allows; it is rendered in
    Jinja2's sandbox. Anything else raises ``ReportError`` naming it, before any of it runs.
    ``evaluations`` by indicator code default to evaluating every item that has a target.
    ``letterhead`` overrides the defaults derived from the plan (``issued`` and ``number`` are
    shortcuts for its date and number).
    """
    data = build_report_data(plan, evaluations)
    head = letterhead or default_letterhead(plan, issued=issued, number=number)
    doc = _render_template(template, head.context())
    marker = _marker_paragraph(doc)
    start = len(doc.element.body) - 1  # python-docx appends before the final sectPr, at this index
    _write_body(doc, data)
    _move_before(doc, start, marker._p)
    marker._p.getparent().remove(marker._p)
    add_appendix(doc, data.appendix, head)
    return doc


def report_bytes(plan: Plan, **kwargs) -> bytes:
    """``build_report`` saved as the bytes of a .docx file (what the web app sends)."""
    buf = io.BytesIO()
    build_report(plan, **kwargs).save(buf)
    return buf.getvalue()
