"""``chitieu report PLAN_FILE -o OUT.docx [--pdf] [--template T.docx] [--date …] [--number …]
[--xlsx OUT.xlsx] [--signer …] [--sign-as tm|tm_kt|kt|q] [--kinh-gui …] [--noi-nhan … …]
[--variant auto|annual|mid-term|term|town] [--ward WARD_PLAN …] [--target-source CODE=DOCUMENT …]``: the
official report of a plan file, and its appendix as a spreadsheet.

Owns: the command line only; the work is ``chitieu.reports.document.build_report``. Files are
written only once everything has been built, so a failure leaves no half-written output, and
with the permissions of any file the user creates (0644 under the usual umask), not the 0600
of a temporary file.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from chitieu.reports.letterhead import SIGN_AS_LABELS as SIGN_AS_CHOICES


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ngày “{text}” không hợp lệ, cần dạng 2026-01-05 / invalid date, expected YYYY-MM-DD"
        ) from None


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "report",
        help="Tạo báo cáo (DOCX, PDF, XLSX) từ tệp kế hoạch",
        description="Tạo báo cáo kết quả thực hiện kế hoạch theo thể thức Nghị định 30/2020/NĐ-CP, "
        "kèm Phụ lục 1 (bảng chỉ tiêu).",
    )
    p.add_argument("plan", metavar="PLAN_FILE", help="tệp kế hoạch (.yaml, .json)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx", help="tệp báo cáo .docx cần tạo")
    p.add_argument("--pdf", action="store_true", help="tạo thêm tệp PDF cạnh tệp .docx (cần LibreOffice)")
    p.add_argument("--template", metavar="T.docx", help="mẫu báo cáo riêng của đơn vị (docxtpl)")
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="ngày ban hành (mặc định: hôm nay)")
    p.add_argument("--number", metavar="SỐ", help="số, ký hiệu văn bản, ví dụ 125/BC-UBND")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="xuất Phụ lục 1 ra tệp Excel")
    p.add_argument("--signer", metavar="HỌ TÊN", default="", help="họ và tên người ký")
    p.add_argument(
        "--sign-as", choices=sorted(SIGN_AS_CHOICES), default=None,
        help="thẩm quyền ký: " + "; ".join(f"{k} = {v}" for k, v in SIGN_AS_CHOICES.items()),
    )
    p.add_argument("--kinh-gui", metavar="NƠI", default="", help="dòng “Kính gửi” (mặc định: không có)")
    p.add_argument(
        "--noi-nhan", metavar="DÒNG", nargs="+", default=(),
        help="các dòng “Nơi nhận” thay cho danh sách mặc định, ví dụ: \"UBND tỉnh (b/c)\" \"Lưu: VT\"",
    )
    p.add_argument(
        "--variant", choices=("auto", "annual", "mid-term", "term", "town"), default="auto",
        help="loại báo cáo: annual (năm), mid-term (giữa kỳ), term (cả nhiệm kỳ), town (tổng hợp các xã, phường); "
        "mặc định chọn theo kế hoạch và ngày báo cáo",
    )
    p.add_argument(
        "--ward", metavar="PLAN_FILE", action="append", default=[],
        help="tệp kế hoạch của một xã, phường trực thuộc (lặp lại cho từng đơn vị): báo cáo tổng hợp toàn thị xã/huyện",
    )
    p.add_argument(
        "--target-source", metavar="MÃ=VĂN BẢN", action="append", default=[],
        help="văn bản giao chỉ tiêu của một chỉ tiêu, ví dụ \"KT05=Dự toán thu ngân sách năm 2025\" "
        "(câu đánh giá ghi “vượt dự toán” thay cho “vượt chỉ tiêu Nghị quyết”)",
    )
    p.set_defaults(func=run)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        # mkstemp makes the file 0600; the report is an ordinary document others may read.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def run(args) -> int:
    # Imported here so that `chitieu --help` and the other commands do not load matplotlib.
    from chitieu.planfile import PlanFileError, load_plan
    from chitieu.reports.data import ReportOptions, build_report_data, evaluate_plan
    from chitieu.reports.document import ReportError, build_report
    from chitieu.reports.letterhead import LetterParts
    from chitieu.reports.pdf import PdfConversionError, docx_to_pdf
    from chitieu.reports.xlsx import appendix_xlsx_bytes

    out = Path(args.output)
    if out.suffix.lower() != ".docx":
        print(
            f"Lỗi: tệp báo cáo phải có đuôi .docx: {out} / the output must be a .docx file", file=sys.stderr
        )
        return 2
    try:
        plan = load_plan(args.plan)
        # the plan file's letter: block gives the defaults; an option given on the command line wins
        saved = plan.letter
        parts = LetterParts(
            signer_name=args.signer or (saved.signer_name if saved else ""),
            sign_as=args.sign_as or (saved.sign_as if saved and saved.sign_as else "tm"),
            kinh_gui=args.kinh_gui or (saved.kinh_gui if saved else ""),
            recipients=tuple(args.noi_nhan) or (saved.recipients if saved else ()),
        )
        wards = tuple(load_plan(w) for w in args.ward)
        if args.variant == "town" and not wards:
            raise PlanFileError("Báo cáo tổng hợp (--variant town) cần tệp kế hoạch của các xã, phường (--ward) / "
                                "a town report needs the wards' plan files (--ward)")
        sources = {}
        for raw in args.target_source:
            code, sep, text = raw.partition("=")
            if not sep or not code.strip() or not text.strip():
                raise PlanFileError(f"--target-source “{raw}”: cần dạng MÃ=VĂN BẢN / expected CODE=DOCUMENT")
            sources[code.strip()] = text.strip()
        evaluations = None if wards else evaluate_plan(plan)
        doc = build_report(
            plan,
            template=args.template,
            issued=args.date,
            number=args.number,
            evaluations=evaluations,
            parts=parts,
            variant=args.variant,
            wards=wards,
            target_sources=sources,
        )
        buf = io.BytesIO()
        doc.save(buf)
        xlsx = None
        if args.xlsx:
            options = ReportOptions(variant=args.variant, issued=args.date, target_sources=sources, wards=wards)
            xlsx = appendix_xlsx_bytes(build_report_data(plan, evaluations, options).appendix)
    except (PlanFileError, ReportError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
    _write_atomically(out, buf.getvalue())
    print(out)
    if xlsx is not None:
        _write_atomically(Path(args.xlsx), xlsx)
        print(args.xlsx)
    if args.pdf:
        try:
            pdf = docx_to_pdf(out, out.with_suffix(".pdf"))
        except PdfConversionError as exc:
            print(f"Lỗi: {exc}", file=sys.stderr)
            return 1
        print(pdf)
    return 0
