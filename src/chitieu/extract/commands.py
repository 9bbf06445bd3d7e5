"""``chitieu extract FILE…``: read reports and print (or write) their indicator statements.

One file: ``--json`` prints the contract's JSON (``-o OUT.json`` writes it to a file); without it a
readable table. ``--lines`` prints the document's numbered lines (the line numbers the statements
refer to, for DOCX and PDF).

Several files or a folder (its .txt/.md/.docx/.pdf files, sub-folders included): ``-o DIR`` writes
one ``<file name>.json`` per report (each all or nothing), with a progress bar on stderr; without
``-o`` each report's JSON or table is printed in turn. A file that cannot be read never stops the
others: its error is printed (``Lỗi / Error: FILE: …``), the rest go on, and the exit code is 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SUFFIXES = {".txt", ".md", ".docx", ".pdf"}


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "extract",
        help="đọc báo cáo (txt/md/docx/pdf), trích chỉ tiêu và kết quả / read a report's targets and results",
        description="Trích các chỉ tiêu (kế hoạch) và kết quả thực hiện từ báo cáo .txt, .md, .docx hoặc .pdf "
        "(một hay nhiều tệp, hoặc một thư mục).",
    )
    p.add_argument(
        "file", type=Path, nargs="+", help="tệp báo cáo hoặc thư mục / report files or a folder"
    )
    p.add_argument(
        "--json", action="store_true", help="in JSON theo hợp đồng trích xuất / print the contract's JSON"
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help="ghi JSON ra tệp này (một báo cáo) hoặc thư mục này (nhiều báo cáo) / "
        "write the JSON to this file (one report) or this folder (several)",
    )
    p.add_argument(
        "--lines", action="store_true", help="in các dòng văn bản đã đánh số / print the numbered lines"
    )
    p.add_argument(
        "-q", "--quiet", action="store_true", help="không in tiến độ / print no progress"
    )
    p.set_defaults(func=run)


def _inputs(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            out.append(path)
    return out


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)  # all or nothing: no half-written file


def _read(path: Path):
    """The document and its statements, or the error message (never raises)."""
    from chitieu.extract.document import ExtractionError
    from chitieu.extract.extractor import extract
    from chitieu.extract.readers import read_document

    try:
        doc = read_document(path)
        return doc, extract(doc), None
    except ExtractionError as exc:
        return None, None, str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
        return None, None, f"lỗi không mong đợi khi đọc tệp / unexpected error reading the file ({type(exc).__name__}: {exc})"


def run(args: argparse.Namespace) -> int:
    from chitieu.extract.export import to_json, to_table

    files = _inputs(args.file)
    if not files:
        print("Lỗi / Error: không có tệp báo cáo nào / no report file given", file=sys.stderr)
        return 2
    several = len(files) > 1 or any(p.is_dir() for p in args.file)
    if args.lines:
        from chitieu.extract.document import ExtractionError
        from chitieu.extract.readers import read_document

        failed = 0
        for path in files:
            try:
                doc = read_document(path)
            except ExtractionError as exc:
                print(f"Lỗi / Error: {path}: {exc}" if several else f"Lỗi / Error: {exc}", file=sys.stderr)
                failed += 1
                continue
            print(doc.numbered())
        return 2 if failed else 0
    if not several:
        doc, statements, error = _read(files[0])
        if error is not None:
            print(f"Lỗi / Error: {error}", file=sys.stderr)
            return 2
        if args.output and not args.output.is_dir():
            _write(args.output, to_json(doc, statements))
            if not args.quiet:
                print(f"{len(statements)} chỉ tiêu → {args.output}", file=sys.stderr)
            if not args.json:
                return 0
        elif args.output:
            _write(args.output / f"{files[0].name}.json", to_json(doc, statements))
            return 0
        sys.stdout.write(to_json(doc, statements) if args.json else to_table(doc, statements))
        return 0
    return _batch(files, args, to_json, to_table)


def _batch(files: list[Path], args, to_json, to_table) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    if args.output:
        args.output.mkdir(parents=True, exist_ok=True)
    failed = 0
    total = 0
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),  # stdout stays for the reports' JSON or tables
        disable=args.quiet or not args.output,
        transient=True,
    )
    with progress:
        task = progress.add_task("Đọc báo cáo / reading", total=len(files))
        for path in files:
            progress.update(task, description=path.name[:40])
            doc, statements, error = _read(path)
            if error is not None:
                failed += 1
                progress.console.print(f"Lỗi / Error: {path}: {error}", style="red", highlight=False, markup=False)
            elif args.output:
                _write(args.output / f"{path.name}.json", to_json(doc, statements))
                total += len(statements)
            else:
                sys.stdout.write(to_json(doc, statements) if args.json else to_table(doc, statements))
                total += len(statements)
            progress.advance(task)
    if not args.quiet:
        print(
            f"{len(files) - failed}/{len(files)} tệp, {total} chỉ tiêu"
            + (f" → {args.output}" if args.output else "")
            + (f"; {failed} tệp lỗi / files failed" if failed else ""),
            file=sys.stderr,
        )
    return 2 if failed else 0
