"""The production shape, started as docs/deploy.md says: gunicorn with ``deploy/gunicorn.conf.py``
and ``chitieu worker`` on PostgreSQL (with the connection pool), Redis as the cache and JSON logs.
An officer logs in over HTTP, uploads a report, and the worker — not the web request — reads it;
then generates the ward's report with its PDF through the queue (the page's htmx request and
polling), and downloads the DOCX and the PDF over HTTP, both naming the ward and its figures.

Runs once, in the SQLite pass (it makes its own PostgreSQL database); skipped where PostgreSQL is
not reachable, except under CI.
"""

from __future__ import annotations

import io
import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pdfplumber
import psycopg
import pytest
import requests
from docx import Document
from openpyxl import load_workbook

from chitieu.core.numbers import format_number

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SERVER = os.environ.get("CHITIEU_TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test").rsplit("/", 1)[0]
DB_NAME = "chitieu_production_shape"
PASSWORD = "mat-khau-thu-2026"
REPORT = ("BÁO CÁO\nKết quả thực hiện năm 2024\n"
          "Tỷ lệ hộ nghèo còn 0,8%.\nThu nhập bình quân đầu người đạt 78,5 triệu đồng.\n").encode()


def _postgres() -> bool:
    try:
        psycopg.connect(SERVER.replace("postgres://", "postgresql://", 1) + "/postgres", connect_timeout=3).close()
        return True
    except psycopg.OperationalError:
        return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """One stack for the tests of this file (the demo load and the servers' start are the slow part)."""
    tmp_path = tmp_path_factory.mktemp("production-shape")
    if os.environ.get("DATABASE_URL"):
        pytest.skip("runs once, in the SQLite pass")
    if not _postgres():
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL at {SERVER} is not reachable")
        pytest.skip("PostgreSQL not reachable")
    admin = psycopg.connect(SERVER.replace("postgres://", "postgresql://", 1) + "/postgres", autocommit=True)
    admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
    admin.execute(f"CREATE DATABASE {DB_NAME}")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update({
        "DATABASE_URL": f"{SERVER}/{DB_NAME}", "DB_POOL": "true", "SECRET_KEY": "k" * 60, "DEBUG": "false",
        "LOG_FORMAT": "json", "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2",
        "CHITIEU_HOME": str(tmp_path), "TASK_BACKEND": "database",
    })
    if subprocess.run(["redis-cli", "-h", "127.0.0.1", "ping"], capture_output=True, text=True).stdout.strip() == "PONG":
        env["CACHE_URL"] = "redis://127.0.0.1:6379/14"
    setup = subprocess.run([str(BIN / "chitieu"), "demo", "--no-serve", "--password", PASSWORD],
                           env={**env, "DEBUG": "true"}, capture_output=True, text=True, timeout=300)
    assert setup.returncode == 0, setup.stderr[-3000:]
    web_log, worker_log = open(tmp_path / "web.log", "w+"), open(tmp_path / "worker.log", "w+")
    web = subprocess.Popen([str(BIN / "gunicorn"), "-c", str(ROOT / "deploy" / "gunicorn.conf.py")],
                           env=env, stdout=web_log, stderr=subprocess.STDOUT, cwd=tmp_path)
    worker = subprocess.Popen([str(BIN / "chitieu"), "worker"], env=env, stdout=worker_log,
                              stderr=subprocess.STDOUT, cwd=tmp_path)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if requests.get(base + "/healthz", timeout=10).status_code in (200, 503):
                    break
            except requests.RequestException:
                time.sleep(0.2)
        yield base, env, web_log
    finally:
        for process in (web, worker):
            process.terminate()
        for process in (web, worker):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        admin.close()


def _log_tail(log) -> str:
    log.flush()
    log.seek(0)
    return log.read()[-4000:]


def _login(base: str, username: str, log) -> requests.Session:
    session = requests.Session()
    session.get(base + "/accounts/login/", timeout=10)
    response = session.post(base + "/accounts/login/", timeout=10, headers={"Referer": base + "/accounts/login/"},
                            data={"username": username, "password": PASSWORD,
                                  "csrfmiddlewaretoken": session.cookies["csrftoken"]})
    assert response.status_code == 200 and "/accounts/logout/" in response.text, _log_tail(log)
    return session


def test_gunicorn_and_the_worker_serve_an_upload_through_the_queue(stack):
    base, env, web_log = stack
    health = requests.get(base + "/healthz", timeout=10).json()
    assert health["status"] == "ok" and health["database"]["vendor"] == "postgresql"
    if "CACHE_URL" in env:
        assert health["cache"]["backend"] == "RedisCache"

    with psycopg.connect(env["DATABASE_URL"].replace("postgres://", "postgresql://", 1)) as db:
        ward = db.execute("SELECT id FROM units_administrativeunit WHERE code = '19502'").fetchone()[0]
    session = _login(base, "canbo.phuong2", web_log)
    started = time.perf_counter()
    response = session.post(f"{base}/units/{ward}/reports/", timeout=30, allow_redirects=False,
                            files={"file": ("bao-cao.txt", REPORT, "text/plain")},
                            data={"csrfmiddlewaretoken": session.cookies["csrftoken"]},
                            headers={"Referer": f"{base}/units/{ward}/reports/"})
    answered_in = time.perf_counter() - started
    assert response.status_code == 302, response.text[:2000]
    review = base + response.headers["Location"]
    assert re.fullmatch(r".*/reports/\d+/", review)

    for _ in range(120):  # the worker polls the queue every second
        page = session.get(review, timeout=10).text
        if "Đang đọc tệp" not in page:
            break
        time.sleep(0.5)
    assert "Đang đọc tệp" not in page
    report = int(re.search(r"/reports/(\d+)/", review)[1])
    with psycopg.connect(env["DATABASE_URL"].replace("postgres://", "postgresql://", 1)) as db:
        lines = sorted(r[0] for r in db.execute(
            "SELECT line FROM imports_extractedstatement WHERE report_id = %s", (report,)))
        read_by = db.execute("SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'SUCCESSFUL' "
                             "AND task_path = 'chitieu.web.imports.tasks.read_report'").fetchone()[0]
    assert lines == [3, 4] and read_by == 1  # the two figures, read by the worker's job
    assert answered_in < 5

    web_log.flush()
    web_log.seek(0)
    lines = [json.loads(line) for line in web_log if line.startswith("{")]
    upload = [e for e in lines if e.get("logger") == "chitieu.request" and e.get("method") == "POST"
              and e.get("path") == f"/units/{ward}/reports/"]
    assert upload and upload[0]["status"] == 302 and upload[0]["queries"] > 0 and upload[0]["user_id"]


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])


def test_the_officer_generates_the_report_with_its_pdf_through_the_queue_and_downloads_it(stack):
    base, env, web_log = stack
    dsn = env["DATABASE_URL"].replace("postgres://", "postgresql://", 1)
    with psycopg.connect(dsn) as db:
        ward, town = db.execute("SELECT id, parent_id FROM units_administrativeunit WHERE code = '19502'").fetchone()
        plan = db.execute("SELECT id FROM plans_plan WHERE unit_id IN (%s, %s) ORDER BY unit_id = %s DESC, "
                          "final_year DESC LIMIT 1", (ward, town, ward)).fetchone()[0]
    session = _login(base, "canbo.phuong2", web_log)
    page_url = f"{base}/units/{ward}/plans/{plan}/report/"
    page = session.get(page_url, timeout=10).text
    assert "Báo cáo (Word .docx) · Phụ lục 1 (Excel .xlsx) · Báo cáo (PDF)" in page  # LibreOffice is there
    started = time.perf_counter()
    response = session.post(f"{page_url}jobs/", timeout=30, data={
        "number": "18", "issued": "2026-01-05", "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers={"Referer": page_url, "HX-Request": "true"})
    answered_in = time.perf_counter() - started
    assert response.status_code == 200, response.text[:2000]
    assert answered_in < 5 and 'data-status="queued"' in response.text  # queued, not built in the request
    job = re.search(r'hx-get="(/report-jobs/\d+/)"', response.text)[1]

    seen = set()
    for _ in range(360):  # the PDF takes LibreOffice a few seconds (more on a loaded machine)
        card = session.get(base + job, timeout=10).text
        seen.add(re.search(r'data-status="(\w+)"', card)[1])
        if "hx-trigger" not in card:
            break
        time.sleep(0.5)
    assert 'data-status="done"' in card, card + _log_tail(web_log)
    assert seen <= {"queued", "running", "done"}
    links = {fmt: href for href, fmt in re.findall(r'href="(/report-files/\d+/)" download data-format="(\w+)"', card)}
    assert set(links) == {"docx", "xlsx", "pdf"}

    docx = session.get(base + links["docx"], timeout=30)
    pdf = session.get(base + links["pdf"], timeout=30)
    xlsx = session.get(base + links["xlsx"], timeout=30)
    assert pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.headers["Content-Disposition"].endswith('.pdf"') and pdf.content.startswith(b"%PDF")
    docx_text = _docx_text(docx.content)
    with pdfplumber.open(io.BytesIO(pdf.content)) as document:
        pdf_text = "\n".join(p.extract_text() or "" for p in document.pages)
    assert "PHƯỜNG 2" in docx_text and "PHƯỜNG 2" in pdf_text
    # a figure of Phụ lục 1: the spreadsheet's number, at the decimals its cell shows, is written
    # Vietnamese-style (1.234,5) in both documents
    figures = [format_number(c.value, len(c.number_format.partition(".")[2]))
               for row in load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(min_col=5) for c in row
               if isinstance(c.value, float) and c.value != int(c.value) and c.number_format.startswith("#,##0.")]
    assert figures, "no decimal figure in Phụ lục 1"
    assert figures[0] in docx_text and figures[0] in pdf_text.replace("\n", " ")

    with psycopg.connect(dsn) as db:
        built = db.execute("SELECT status, attempts FROM reporting_generatedreport WHERE id = %s",
                           (int(job.strip("/").rsplit("/", 1)[1]),)).fetchone()
        by_worker = db.execute("SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'SUCCESSFUL' "
                               "AND task_path = 'chitieu.web.reporting.tasks.build_report'").fetchone()[0]
    assert built == ("done", 1) and by_worker == 1
    # the officer of the other ward cannot fetch it
    assert _login(base, "canbo.phuong1", web_log).get(base + links["pdf"], timeout=10).status_code == 404
