"""``chitieu extract FILE``: read a report and print its indicator statements.

``--json`` prints the contract's JSON (``-o OUT.json`` writes it to a file); without it a
readable table. ``--lines`` prints the document's numbered lines (the line numbers the
statements refer to, for DOCX and PDF). Unreadable input exits with code 2 and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "extract",
        help="đọc báo cáo (txt/md/docx/pdf), trích chỉ tiêu và kết quả / read a report's targets and results",
        description="Trích các chỉ tiêu (kế hoạch) và kết quả thực hiện từ một báo cáo .txt, .md, .docx hoặc .pdf.",
    )
    p.add_argument("file", type=Path, help="tệp báo cáo / the report file")
    p.add_argument(
        "--json", action="store_true", help="in JSON theo hợp đồng trích xuất / print the contract's JSON"
    )
    p.add_argument("-o", "--output", type=Path, help="ghi JSON ra tệp này / write the JSON to this file")
    p.add_argument(
        "--lines", action="store_true", help="in các dòng văn bản đã đánh số / print the numbered lines"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from chitieu.extract.document import ExtractionError
    from chitieu.extract.export import to_json, to_table
    from chitieu.extract.extractor import extract
    from chitieu.extract.readers import read_document

    try:
        doc = read_document(args.file)
    except ExtractionError as exc:
        print(f"Lỗi / Error: {exc}", file=sys.stderr)
        return 2
    if args.lines:
        print(doc.numbered())
        return 0
    statements = extract(doc)
    if args.output:
        text = to_json(doc, statements)
        tmp = args.output.with_name(args.output.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(args.output)  # all or nothing: no half-written file
        print(f"{len(statements)} chỉ tiêu → {args.output}", file=sys.stderr)
        if not args.json:
            return 0
    if args.json:
        sys.stdout.write(to_json(doc, statements))
    else:
        sys.stdout.write(to_table(doc, statements))
    return 0
