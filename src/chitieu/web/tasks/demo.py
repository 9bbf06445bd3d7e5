"""Demo data of tasks and TTHC statistics (called by ``chitieu.web.demo.build.load_demo``).

- Thị xã Quảng Trị's Kế hoạch implementing a provincial Nghị quyết on administrative reform and
  work discipline, with the 8 task groups of the ward report this feature was built from
  (dissemination; administrative-procedure reform, the one-stop shop and digitisation; work
  discipline; training; pay and allowances; working rules; grassroots democracy and citizen
  reception; socio-economic, defence and security results), assigned to every ward of the town.
  Phường 2 has reported on most of them: some done on time, some late, one overdue, one not
  started; Phường 1 on a few. A few deadlines are set from the day the demo is loaded, so that
  "due in the next 30 days" and "overdue" show whatever the date.
- A year of TTHC figures for Phường 2 (15/12/2023 - 14/11/2024, examples/tthc-phuong-2-2024.xlsx),
  and Phường 2's administrative-reform plan for 2024 whose targets are the CCHC indicators, so the
  rates computed from the figures are stored as its values and approved.

Every document, number and figure here is invented demo data. Safe to load again: a document
or a TTHC window already there is left as it is.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from django.utils import timezone

from chitieu.web.catalog.models import Indicator
from chitieu.web.plans.actions import do_set_target
from chitieu.web.plans.models import Plan
from chitieu.web.tasks import actions
from chitieu.web.tasks.models import SourceDocument, TthcReport
from chitieu.web.tasks.tthc_files import read_file
from chitieu.web.values.actions import do_approve, do_submit

REPO = Path(__file__).resolve().parents[4]
TTHC_FILE = REPO / "examples" / "tthc-phuong-2-2024.xlsx"
PLAN_NUMBER = "25/KH-UBND"

# (group, [(task, lead unit, deadline: date | None | int days from today, product, indicator codes)])
GROUPS = [
    ("Công tác tuyên truyền, phổ biến, quán triệt", [
        ("Tổ chức quán triệt Nghị quyết đến cán bộ, công chức và Nhân dân", "Văn phòng HĐND và UBND",
         date(2024, 3, 31), "Hội nghị quán triệt", []),
        ("Tuyên truyền trên hệ thống truyền thanh và trang thông tin điện tử", "Văn phòng HĐND và UBND", None,
         "Tin, bài tuyên truyền", []),
    ]),
    ("Cải cách thủ tục hành chính, thực hiện cơ chế một cửa và số hóa hồ sơ", [
        ("Công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa", "Bộ phận Một cửa", date(2024, 2, 29),
         "Bảng niêm yết TTHC", ["CC01"]),
        ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Bộ phận Một cửa", date(2024, 10, 31),
         "Hồ sơ được số hóa trên hệ thống", ["CC02", "CC07"]),
        ("Giải quyết hồ sơ đúng hạn, không để tồn đọng, quá hạn", "Bộ phận Một cửa", None,
         "Báo cáo thống kê TTHC", ["CC04", "CC05", "CC06"]),
    ]),
    ("Siết chặt kỷ luật, kỷ cương hành chính", [
        ("Ban hành quy định kiểm tra việc chấp hành giờ giấc làm việc", "Chủ tịch UBND", date(2024, 4, 30),
         "Quyết định ban hành quy định", []),
    ]),
    ("Đào tạo, bồi dưỡng cán bộ, công chức", [
        ("Cử công chức tham gia bồi dưỡng kỹ năng chuyển đổi số", "Công chức Văn phòng - Thống kê",
         date(2024, 9, 30), "Danh sách công chức được cử đi học", []),
    ]),
    ("Thực hiện chế độ tiền lương, phụ cấp", [
        ("Rà soát, chi trả phụ cấp cho người hoạt động không chuyên trách theo quy định mới",
         "Công chức Tài chính - Kế toán", date(2024, 8, 31), "Bảng chi trả", []),
    ]),
    ("Xây dựng và thực hiện quy chế làm việc", [
        ("Sửa đổi Quy chế làm việc của UBND phường", "Chủ tịch UBND", date(2024, 6, 30), "Quy chế sửa đổi", []),
    ]),
    ("Thực hiện dân chủ ở cơ sở, tiếp công dân", [
        ("Tổ chức tiếp công dân định kỳ của Chủ tịch UBND", "Chủ tịch UBND", None, "Sổ tiếp công dân", []),
        ("Tổng kết thực hiện Luật Thực hiện dân chủ ở cơ sở", "Văn phòng HĐND và UBND", 20, "Báo cáo tổng kết", []),
    ]),
    ("Kết quả phát triển kinh tế - xã hội, quốc phòng, an ninh", [
        ("Hoàn thành chỉ tiêu thu ngân sách được giao", "Công chức Tài chính - Kế toán", date(2024, 12, 31),
         "Báo cáo thu ngân sách", ["KT05"]),
        ("Hoàn thành chỉ tiêu giao quân", "Ban Chỉ huy Quân sự", date(2024, 3, 15), "Báo cáo giao quân", ["QP01"]),
    ]),
]

# Phường 2's reports: task title → [(date, outcome, text, document number, figures)]
WARD2_REPORTS = {
    "Tổ chức quán triệt Nghị quyết đến cán bộ, công chức và Nhân dân": [
        (date(2024, 3, 20), "done", "Đã tổ chức hội nghị quán triệt cho 100% cán bộ, công chức và trưởng khu phố",
         "Kế hoạch số 12/KH-UBND", "45 cán bộ, công chức; 6 trưởng khu phố")],
    "Tuyên truyền trên hệ thống truyền thanh và trang thông tin điện tử": [
        (date(2024, 6, 30), "in_progress", "Phát 24 tin, bài trên hệ thống truyền thanh phường", "", "24 tin, bài")],
    "Công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa": [
        (date(2024, 2, 20), "done", "Niêm yết công khai đầy đủ các thủ tục hành chính thuộc thẩm quyền", "",
         "")],
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính": [
        (date(2024, 5, 15), "in_progress", "Số hóa hồ sơ tiếp nhận từ đầu năm", "", ""),
        (date(2024, 11, 14), "done", "Số hóa 2.571 hồ sơ trong kỳ", "",
         "2.571/2.650 hồ sơ tiếp nhận trong kỳ được số hóa (97,0%)")],
    "Giải quyết hồ sơ đúng hạn, không để tồn đọng, quá hạn": [
        (date(2024, 11, 14), "in_progress", "Giải quyết 2.642 hồ sơ, trong đó 8 hồ sơ trễ hạn", "",
         "Trước hạn 1.990; đúng hạn 644; trễ hạn 8")],
    "Ban hành quy định kiểm tra việc chấp hành giờ giấc làm việc": [
        (date(2024, 5, 10), "done", "Ban hành quy định kiểm tra giờ giấc làm việc", "Quyết định số 30/QĐ-UBND", "")],
    "Rà soát, chi trả phụ cấp cho người hoạt động không chuyên trách theo quy định mới": [
        (date(2024, 7, 1), "in_progress", "Đang rà soát danh sách người hoạt động không chuyên trách", "", "")],
    "Sửa đổi Quy chế làm việc của UBND phường": [
        (date(2024, 6, 25), "done", "Ban hành Quy chế làm việc sửa đổi", "Quyết định số 41/QĐ-UBND", "")],
    "Tổ chức tiếp công dân định kỳ của Chủ tịch UBND": [
        (date(2024, 10, 30), "in_progress", "Chủ tịch UBND tiếp công dân định kỳ 10 buổi", "", "10 buổi; 23 lượt")],
    "Hoàn thành chỉ tiêu giao quân": [
        (date(2024, 2, 20), "done", "Giao 12/12 thanh niên nhập ngũ", "", "12/12 thanh niên, đạt 100%")],
}
WARD1_REPORTS = {
    "Tổ chức quán triệt Nghị quyết đến cán bộ, công chức và Nhân dân": [
        (date(2024, 4, 5), "done", "Tổ chức hội nghị quán triệt", "Kế hoạch số 08/KH-UBND", "")],
}

CCHC_TARGETS = [("CC01", "đạt 50%"), ("CC02", "đạt 100%"), ("CC04", "đạt 70%"), ("CC05", ""),
                ("CC06", "dưới 2%"), ("CC07", "đạt 100%")]


def _deadline(value) -> date | None:
    if isinstance(value, int):
        return timezone.localdate() + timedelta(days=value)
    return value


def build_tasks_demo(u) -> SourceDocument:
    town, wards = u["464"], [u[c] for c in ("19501", "19502", "19503", "19504", "19505")]
    doc = SourceDocument.objects.filter(unit=town, number=PLAN_NUMBER).first()
    if doc is None:
        doc = actions.do_create_document(
            town, kind=SourceDocument.Kind.KE_HOACH, number=PLAN_NUMBER, issued=date(2024, 1, 10),
            issuer="UBND thị xã Quảng Trị",
            title="Thực hiện Nghị quyết của Tỉnh ủy về đẩy mạnh cải cách hành chính, siết chặt kỷ luật, kỷ "
                  "cương hành chính (số liệu minh họa)", acting_user=None)
        tasks = []
        for title, items in GROUPS:
            group = actions.do_add_group(doc, title=title, acting_user=None)
            for task_title, lead, deadline, product, codes in items:
                tasks.append(actions.do_add_task(group, title=task_title, lead_unit=lead, deadline=_deadline(deadline),
                                                 expected_product=product, indicator_codes=codes, acting_user=None))
        actions.do_assign(tasks, wards, acting_user=None)
        for unit, reports in ((u["19502"], WARD2_REPORTS), (u["19501"], WARD1_REPORTS)):
            for a in unit.task_assignments.filter(task__group__document=doc).select_related("task"):
                for on, outcome, text, number, figures in reports.get(a.task.title, []):
                    actions.do_report_progress(a, on=on, outcome=outcome, text=text, document_number=number,
                                               figures=figures, acting_user=None)
                if a.task.title in reports and a.task.deadline and a.task.deadline < date(2024, 6, 30):
                    actions.do_submit_assignment(a, acting_user=None)
                    actions.do_approve_assignment(a, acting_user=None, comment="Dữ liệu mẫu")
    build_tthc_demo(u)
    return doc


def build_tthc_demo(u) -> None:
    ward = u["19502"]
    plan, _created = Plan.objects.get_or_create(
        unit=ward, kind=Plan.Kind.YEAR, base_year=2023, final_year=2024,
        defaults={"source": "Kế hoạch cải cách hành chính năm 2024 của UBND Phường 2 (minh họa)",
                  "title": "Kế hoạch cải cách hành chính năm 2024"})
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=[c for c, _p in CCHC_TARGETS])}
    for order, (code, phrase) in enumerate(CCHC_TARGETS, 1):
        if not plan.targets.filter(indicator=indicators[code]).exists():
            do_set_target(plan, indicators[code], phrase, acting_user=None, order=order)
    sheet = read_file(TTHC_FILE.name, TTHC_FILE.read_bytes())
    start, end = sheet.window
    if TthcReport.objects.filter(unit=ward, start=start, end=end).exists():
        return
    actions.do_save_tthc(ward, start=start, end=end, rows=list(sheet.rows), total=sheet.total,
                         source=f"Hệ thống thông tin giải quyết TTHC tỉnh (minh họa); tệp {TTHC_FILE.name}",
                         acting_user=None)
    do_approve(do_submit(ward, plan, end.year, acting_user=None), acting_user=None, comment="Dữ liệu mẫu")
