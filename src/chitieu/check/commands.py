"""``chitieu check FILE``: every figure of a draft report that contradicts itself.

``--json`` prints the JSON of ``contracts/checker.md``; without it a readable list, worst
first, each finding with its lines and the passage quoted. ``--plan PLAN.yaml`` also compares
the draft's figures with the plan file's values and evaluation. ``--docx-out NOTES.docx``
writes the draft with a Word comment at every finding. Unreadable input exits with code 2;
the exit code is 1 when an error was found, 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "check",
        help="kiểm tra số liệu tự mâu thuẫn trong dự thảo báo cáo / check a draft report's figures",
        description="Tìm các số liệu tự mâu thuẫn trong một dự thảo báo cáo .txt, .md, .docx hoặc .pdf "
        "(tỷ lệ, tổng, tăng trưởng, một chỉ tiêu hai số liệu, hai chỉ tiêu cho một kỳ, đánh giá, sai kỳ, "
        "số chỉ tiêu đạt). Quy tắc: docs/checker.md.",
    )
    p.add_argument("file", type=Path, help="tệp dự thảo / the draft report")
    p.add_argument("--plan", type=Path, help="tệp kế hoạch .yaml để đối chiếu số liệu / a plan file to compare with")
    p.add_argument("--json", action="store_true", help="in JSON theo hợp đồng / print the contract's JSON")
    p.add_argument("--docx-out", type=Path, help="ghi bản DOCX có nhận xét / write a DOCX with a comment per finding")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from chitieu.check import check_document
    from chitieu.check.finding import ERROR, ordered, to_json
    from chitieu.extract.document import ExtractionError
    from chitieu.extract.readers import read_document

    try:
        doc = read_document(args.file)
    except ExtractionError as exc:
        print(f"Lỗi / Error: {exc}", file=sys.stderr)
        return 2
    findings = check_document(doc)
    if args.plan:
        from chitieu.check.against_plan import compare_with_plan
        from chitieu.planfile import PlanFileError

        try:
            findings = ordered(findings + compare_with_plan(doc, args.plan))
        except (PlanFileError, OSError) as exc:
            print(f"Lỗi / Error: {exc}", file=sys.stderr)
            return 2
    if args.docx_out:
        from chitieu.check.docx_notes import write_notes

        n = write_notes(args.file, doc, findings, args.docx_out)
        print(f"{n} nhận xét → {args.docx_out}", file=sys.stderr)
    if args.json:
        sys.stdout.write(to_json(doc.name, findings))
    else:
        sys.stdout.write(readable(doc.name, findings))
    return 1 if any(f.severity == ERROR for f in findings) else 0


def readable(name: str, findings) -> str:
    from chitieu.check.finding import ERROR

    if not findings:
        return f"{name}: không thấy số liệu nào tự mâu thuẫn.\n"
    errors = sum(1 for f in findings if f.severity == ERROR)
    lines = [f"{name}: {errors} lỗi, {len(findings) - errors} lưu ý", ""]
    for f in findings:
        where = ", ".join(str(x) for x in f.lines)
        label = "LỖI " if f.severity == ERROR else "LƯU Ý"
        lines.append(f"{label} [{f.type}] dòng {where}: {f.message}")
        if f.quote:
            lines.append(f"      “{f.quote}”")
        lines.append("")
    return "\n".join(lines)

