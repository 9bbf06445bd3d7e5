"""The list of a unit's uploaded reports costs memory for its rows, not for the reports' text.

Reproduction (issue 10, item 4): the list counted statements with ``annotate(Count(...))``; on
SQLite the GROUP BY carried every column of the report, its whole text included, once per
statement: a 160 KiB report cost 365 MiB to list and a 320 KiB one ran out of memory. That
memory is SQLite's own (its sorter, in C), which ``tracemalloc`` does not see: the test reads the
process's resident-memory high-water mark (Linux) as well as the Python heap.
"""

from __future__ import annotations

import sys
import tracemalloc

from django.db import connection
from django.test.utils import CaptureQueriesContext

from chitieu.web.imports.models import ExtractedStatement, ImportedReport

LINE = "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tăng bình quân 19,5%/năm, vượt kế hoạch. "
MiB = 2**20


def _big_report(unit, officer, name, *, kib: int, statements: int) -> ImportedReport:
    n_lines = kib * 1024 // len(LINE.encode())
    report = ImportedReport.objects.create(
        unit=unit, uploaded_by=officer, file_name=name, file_format="txt", sha256=name.ljust(64, "0"),
        lines=[f"{i}. {LINE}" for i in range(n_lines)])
    ExtractedStatement.objects.bulk_create([
        ExtractedStatement(report=report, position=p, kind="result", indicator_text="Tổng mức bán lẻ", op="eq",
                           low=19.5, high=19.5, line=p % n_lines + 1, quote=LINE)
        for p in range(statements)
    ], batch_size=500)
    return report


def _resident_kib(key: str) -> int | None:
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith(key + ":"))
    except (OSError, StopIteration):
        return None


def _reset_high_water_mark() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as f:  # "5": reset the peak resident set size
            f.write("5")
    except OSError:
        return False
    return True


def test_a_report_of_a_megabyte_with_thousands_of_statements_lists_in_bounded_memory(
        places, officer, client_for):
    _big_report(places.ward2, officer, "bao-cao-lon.txt", kib=1024, statements=4000)
    _big_report(places.ward2, officer, "bao-cao-nho.txt", kib=16, statements=7)
    client = client_for(officer)
    client.get(f"/units/{places.ward2.pk}/reports/")  # warm up: templates, translations, sessions

    rss_measured = sys.platform == "linux" and _reset_high_water_mark()
    rss_before = _resident_kib("VmRSS")
    tracemalloc.start()
    try:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/units/{places.ward2.pk}/reports/")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    rss_growth_kib = (_resident_kib("VmHWM") or 0) - (rss_before or 0)

    assert response.status_code == 200
    counts = {r.file_name: r.n_statements for r in response.context["reports"]}
    assert counts == {"bao-cao-lon.txt": 4000, "bao-cao-nho.txt": 7}
    body = response.content.decode()
    assert '<td class="num">4000</td>' in body and '<td class="num">7</td>' in body
    # the cause itself: the list never reads the reports' text
    assert not [q["sql"] for q in queries.captured_queries if '"lines"' in q["sql"]]
    assert peak < 50 * MiB, f"the Python heap grew to {peak / MiB:.0f} MiB"
    if rss_measured and rss_before is not None:
        assert rss_growth_kib * 1024 < 50 * MiB, f"the process grew by {rss_growth_kib / 1024:.0f} MiB"
