"""Uploads under load: a 20 MB report read in time and memory, and compression bombs refused.

    .venv/bin/python benchmarks/bench_upload.py [--size-mb 20] [--keep DIR]

Three cases, each through ``chitieu.extract.guarded.read_and_extract`` (the web upload's path:
a child process with the time and memory limits):

1. a 20 MB text made by repeating the seed reports (``../shared/seeds`` or
   ``$CHITIEU_SHARED/seeds``; the unseen test fixtures if absent): extracted in ≤ 30 s wall time
   with ≤ 500 MB peak RSS of the child;
2. a DOCX of 2.000.000 paragraphs (built here, ~0,5 MB on disk): refused in ≤ 5 s;
3. a PDF whose content stream inflates to 1 GiB of spaces (built here with streaming zlib,
   ~1 MB on disk): refused in ≤ 5 s.

Prints the figures and exits 1 if any goal is missed. Building the bombs takes ~15 s (not timed).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

from chitieu.extract import ExtractionError
from chitieu.extract.guarded import read_and_extract

GOAL_TEXT_SECONDS = 30.0
GOAL_TEXT_MB = 500.0
GOAL_BOMB_SECONDS = 5.0


def seeds_text() -> str:
    repo = Path(__file__).resolve().parents[1]
    seeds = Path(os.environ.get("CHITIEU_SHARED", repo / ".." / "shared")) / "seeds"
    files = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    files = [f for f in files if not f.name.startswith("README")]
    if not files:
        files = sorted((repo / "tests" / "extract" / "fixtures" / "unseen").glob("*.txt"))
    return "".join(f.read_text(encoding="utf-8") + "\n" for f in files)


def write_text(path: Path, size: int) -> None:
    seed = seeds_text().encode("utf-8")
    with open(path, "wb") as f:
        written = 0
        while written < size:
            f.write(seed)
            written += len(seed)


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def write_docx_bomb(path: Path, paragraphs: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>'.encode())
            block = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 10_000  # 68 MB of XML: the paragraph count refuses it
            for _ in range(paragraphs // 10_000):
                f.write(block)
            f.write(b"</w:body></w:document>")


def write_pdf_bomb(path: Path, inflated: int) -> None:
    offsets: list[int] = []
    with open(path, "wb") as f:

        def obj(body: bytes) -> None:
            offsets.append(f.tell())
            f.write(f"{len(offsets)} 0 obj\n".encode() + body + b"\nendobj\n")

        f.write(b"%PDF-1.4\n")
        obj(b"<< /Type /Catalog /Pages 2 0 R >>")
        obj(b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>")
        obj(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        offsets.append(f.tell())
        f.write(b"4 0 obj\n<< /Length 5 0 R /Filter /FlateDecode >>\nstream\n")
        start = f.tell()
        z = zlib.compressobj(9)
        f.write(z.compress(b"BT /F1 12 Tf 72 720 Td (Ty le ho ngheo) Tj ET\n"))
        block = b" " * (16 << 20)
        for _ in range(inflated // len(block)):
            f.write(z.compress(block))
        f.write(z.flush())
        length = f.tell() - start
        f.write(b"\nendstream\nendobj\n")
        obj(str(length).encode())
        obj(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>")
        xref = f.tell()
        f.write(f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode())
        for off in offsets:
            f.write(f"{off:010d} 00000 n \n".encode())
        f.write(f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())


def child_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=float, default=20.0, help="size of the text case in MB (default 20)")
    ap.add_argument("--keep", type=Path, help="build the files in this folder and keep them")
    args = ap.parse_args()
    failures = []
    with tempfile.TemporaryDirectory(prefix="chitieu-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)

        text = folder / "bao-cao-20mb.txt"
        write_text(text, int(args.size_mb * 1e6))
        start = time.perf_counter()
        document, statements = read_and_extract(text, timeout=600, memory=4 * 2**30)
        seconds = time.perf_counter() - start
        peak = child_peak_mb()
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = usage.ru_utime + usage.ru_stime  # the machine may be shared: CPU time says what wall time hides
        ok = seconds <= GOAL_TEXT_SECONDS and peak <= GOAL_TEXT_MB
        print(
            f"text {text.stat().st_size / 1e6:.1f} MB, {len(document.lines):,} lines: {len(statements):,} statements "
            f"in {seconds:.1f} s wall ({cpu:.1f} s CPU in the child), child peak RSS {peak:.0f} MB "
            f"(goal ≤ {GOAL_TEXT_SECONDS:.0f} s, ≤ {GOAL_TEXT_MB:.0f} MB): {'ok' if ok else 'FAILED'}",
            flush=True,
        )
        if not ok:
            failures.append("text")

        for label, path, build in (
            ("DOCX of 2.000.000 paragraphs", folder / "bomb.docx", lambda p: write_docx_bomb(p, 2_000_000)),
            ("PDF inflating to 1 GiB", folder / "bomb.pdf", lambda p: write_pdf_bomb(p, 2**30)),
        ):
            build(path)
            start = time.perf_counter()
            try:
                read_and_extract(path, timeout=120)
                outcome, message = "read (not refused)", ""
            except ExtractionError as exc:
                outcome, message = "refused", exc.vi
            seconds = time.perf_counter() - start
            ok = outcome == "refused" and seconds <= GOAL_BOMB_SECONDS
            print(
                f"{label} ({path.stat().st_size / 1e6:.2f} MB on disk): {outcome} in {seconds:.2f} s "
                f"(goal: refused ≤ {GOAL_BOMB_SECONDS:.0f} s): {'ok' if ok else 'FAILED'}\n    {message}",
                flush=True,
            )
            if not ok:
                failures.append(label)
    if failures:
        print("FAILED: " + ", ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
