"""A 70-page PDF report uploaded through the web page (issue 18): the upload request only stores
the bytes and queues the reading; the reading finishes in the job worker.

    .venv/bin/python benchmarks/bench_upload_accept.py [--uploads 20] [--pages 70] [--keep DIR]

1. Builds a PDF of about ``--pages`` pages with LibreOffice (``soffice --convert-to pdf``) from
   the seed reports (``../shared/seeds`` or ``$CHITIEU_SHARED/seeds``; the unseen test fixtures
   if absent); its pages are counted with pdfplumber (not timed). Each upload is the same PDF
   with a different comment after ``%%EOF`` (readers ignore it), so that no upload is the
   duplicate of another (a unit holds a given file once).
2. A migrated SQLite database with the demo (``load_demo``) and the database job queue (the
   default ``TASK_BACKEND``); an officer of the demo posts each file to the report list of its
   unit (``imports:list``) through Django's test client. Each request is timed in wall and this
   process's CPU time (``time.process_time``); the answer must be the redirect to the report,
   whose state is "reading".
3. ``chitieu worker --batch`` is run on that database and timed until it exits; then every
   report must be read ("draft", with its statements), none left "reading" or "failed".

Prints the figures; exits 1 when the accept p95 is 200 ms or more or a report is not read.

Measured on 6 December 2026 (SQLite, DEBUG off, 20 uploads of a 70-page PDF of 139 KB after
one warm-up; 2 cores shared with other sessions, load average 3-7):

    accept: wall p50 15,7 ms, p95 21,8 ms (max 26,7); CPU p50 6,8 ms, p95 8,4 ms; 13 queries
    worker (one ``chitieu worker --batch``): 21/21 reports read in 73,7 s, 3,5 s each, 10.857
    statements; none left "reading" or "failed"

The request was already only storing and queueing (issue 18's queue): before this benchmark it
measured p50 12,2 / p95 20,5 ms wall, 6,8 / 7,6 ms CPU (load 3,2). What it still did in excess:
reading the whole report back after storing it (``refresh_from_db``, the uploaded bytes
included); now only its state is read back. That is nothing at 139 KB but 35 ms of SQLite at
19 MB: a 19 MB upload (near the 20 MB limit) went from 124 to 99 ms CPU, ~330 ms wall through
the test client, whose multipart encoding and Django's parsing to a temporary file are most of
the rest. The fingerprint (sha256, 0,3 ms at 139 KB, ~35 ms at 19 MB) stays in the request: a
unit holds a file once (a unique constraint), and the page says at once that the file was
uploaded before.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOAL_ACCEPT_MS = 200.0


def seeds_text() -> str:
    seeds = Path(os.environ.get("CHITIEU_SHARED", REPO / ".." / "shared")) / "seeds"
    files = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    files = [f for f in files if not f.name.startswith("README")]
    if not files:
        files = sorted((REPO / "tests" / "extract" / "fixtures" / "unseen").glob("*.txt"))
    return "".join(f.read_text(encoding="utf-8") + "\n" for f in files)


def _soffice_pdf(text: str, workdir: Path) -> Path:
    from chitieu.reports.pdf import find_soffice

    soffice = find_soffice()
    if soffice is None:
        sys.exit("soffice (LibreOffice) is needed to build the PDF: apt-get install libreoffice-writer-nogui")
    src = workdir / "bao-cao-70-trang.txt"
    src.write_text(text, encoding="utf-8")
    out = workdir / "out"
    subprocess.run([soffice, f"-env:UserInstallation={(workdir / 'profile').as_uri()}", "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", str(out), str(src)],
                   check=True, capture_output=True, timeout=300)
    return out / "bao-cao-70-trang.pdf"


def _pages(pdf: Path) -> int:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


def build_pdf(pages: int, workdir: Path) -> tuple[bytes, int]:
    """A PDF of ``pages`` pages (or close) from the seed reports: converted, then the text cut or
    lengthened in proportion to the pages it made and converted again, at most four times."""
    kept = workdir / "out" / "bao-cao-70-trang.pdf"
    if kept.exists() and _pages(kept) == pages:  # --keep: built by an earlier run
        return kept.read_bytes(), pages
    seed = seeds_text().splitlines(keepends=True)
    lines = seed * 2
    pdf = _soffice_pdf("".join(lines), workdir)
    got = _pages(pdf)
    for _ in range(4):  # the text cut in proportion to the pages it made, until it makes ``pages``
        if got == pages:
            break
        want = max(1, round(len(lines) * (pages + (0.5 if got < pages else -0.5)) / got))
        while len(lines) < want:
            lines += seed
        lines = lines[:want]
        pdf = _soffice_pdf("".join(lines), workdir)
        got = _pages(pdf)
    return pdf.read_bytes(), got


def _setup(db: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("SECRET_KEY", "bench-upload-accept-" + "x" * 40)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chitieu.web.settings")
    os.environ["DEBUG"] = "false"
    os.environ["TASK_BACKEND"] = "database"
    import django
    from django.conf import settings

    django.setup()
    settings.ALLOWED_HOSTS = ["*"]
    import logging

    logging.getLogger("chitieu.request").setLevel(logging.WARNING)  # one line per request otherwise


def _officer():
    from django.core.management import call_command
    from django.test import Client

    from chitieu.web.accounts.models import Membership, Role
    from chitieu.web.demo.build import load_demo

    call_command("migrate", verbosity=0)
    load_demo(password="bench-upload-1")
    membership = Membership.objects.filter(role=Role.OFFICER).select_related("user", "unit").order_by("pk").first()
    client = Client(HTTP_ACCEPT_LANGUAGE="vi")
    client.force_login(membership.user)
    return client, membership.unit


def _p(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uploads", type=int, default=20)
    parser.add_argument("--pages", type=int, default=70)
    parser.add_argument("--keep", help="keep the PDF and the database in this directory")
    args = parser.parse_args()
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="chitieu-bench-accept-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        pdf, pages = build_pdf(args.pages, tmp)
        print(f"PDF: {pages} pages, {len(pdf) / 1024:.0f} KB (built in {time.perf_counter() - t:.0f} s)")
        db = tmp / "db.sqlite3"
        db.unlink(missing_ok=True)
        _setup(db)
        from django.core.files.uploadedfile import SimpleUploadedFile
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from chitieu.web.imports.models import ImportedReport

        client, unit = _officer()
        url = f"/units/{unit.pk}/reports/"
        print(f"load average: {os.getloadavg()[0]:.1f}; {args.uploads} uploads to {unit.name} ({url})")
        walls, cpus, queries = [], [], 0
        for n in range(args.uploads + 1):
            data = pdf + f"\n%chitieu-bench {n}\n".encode()
            upload = SimpleUploadedFile(f"bao-cao-{n}.pdf", data, content_type="application/pdf")
            w, c = time.perf_counter(), time.process_time()
            with CaptureQueriesContext(connection) as captured:
                response = client.post(url, {"file": upload})
            cpu, wall = time.process_time() - c, time.perf_counter() - w
            assert response.status_code == 302, (response.status_code, response.content[:500])
            if n:  # the first request warms the URL resolver, templates and translations
                walls.append(wall)
                cpus.append(cpu)
                queries = max(queries, len(captured))
        reading = ImportedReport.objects.filter(unit=unit, status=ImportedReport.State.READING).count()
        assert reading == args.uploads + 1, f"{reading} reports waiting to be read"
        print(f"accept: wall p50 {_p(walls, .5):.1f} ms, p95 {_p(walls, .95):.1f} ms, max {max(walls) * 1000:.1f} ms; "
              f"CPU p50 {_p(cpus, .5):.1f} ms, p95 {_p(cpus, .95):.1f} ms; {queries} queries per upload")
        connection.close()

        env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "TASK_BACKEND": "database"}
        chitieu = shutil.which("chitieu", path=str(Path(sys.executable).parent)) or "chitieu"
        w = time.perf_counter()
        done = subprocess.run([chitieu, "worker", "--batch"], env=env, capture_output=True, text=True,
                              timeout=3600)
        wall = time.perf_counter() - w
        if done.returncode != 0:
            print(done.stdout[-2000:], done.stderr[-2000:])
        from django.db.models import Count

        states = dict(ImportedReport.objects.filter(unit=unit).values_list("status").annotate(n=Count("pk"))
                      .values_list("status", "n"))
        statements = ImportedReport.objects.filter(unit=unit).aggregate(n=Count("statements"))["n"]
        read = states.get(ImportedReport.State.DRAFT, 0)
        print(f"worker: {read}/{args.uploads + 1} reports read in {wall:.1f} s wall "
              f"({wall / max(1, read):.1f} s each), {statements} statements; states {states}")
        ok = _p(walls, .95) < GOAL_ACCEPT_MS and read == args.uploads + 1
        print(f"accept p95 < {GOAL_ACCEPT_MS:.0f} ms and every report read: {'met' if ok else 'MISSED'}")
        return 0 if ok else 1
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
