"""The demo data, built from the seeds; safe to load again (it updates instead of duplicating).

- Thị xã Quảng Trị with Phường 1, 2, 3, An Đôn and xã Hải Lệ; the town's 2020-2025 plan and
  values from examples/quang-tri-2020-2025.yaml (seed 002, Phụ lục 1); Phường 2's 2021-2025
  plan with its 16 targets (seed 000) and a few values.
- Phường Trần Phú (Hà Tĩnh), formed on 1 July 2025 by merging Thạch Hạ, Thạch Trung, Đồng Môn
  and Hộ Độ; the predecessors' values for 2020-2024 are invented splits of the totals that
  seed 004 states (marked as demo data in their source); the 2026-2030 plan with its 21 targets.

Unit codes here are demo codes of the right length, not the official ones.
Everything is written through the actions, as a user's changes would be.
"""

from __future__ import annotations

import datetime
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from chitieu.planfile import load_plan
from chitieu.web.accounts.models import Membership, Role
from chitieu.web.catalog.actions import do_import_indicators
from chitieu.web.catalog.files import starter_rows
from chitieu.web.catalog.models import Indicator
from chitieu.web.plans.actions import do_set_target
from chitieu.web.plans.demo import add_ward2_qualitative_and_assigned
from chitieu.web.plans.models import Plan
from chitieu.web.tasks.demo import build_tasks_demo
from chitieu.web.units.models import AdministrativeUnit, LineageEvent
from chitieu.web.values.actions import do_approve, do_save_values, do_submit
from chitieu.web.values.demo import build_review_demo
from chitieu.web.values.models import Submission

REPO = Path(__file__).resolve().parents[4]
TOWN_PLAN_FILE = REPO / "examples" / "quang-tri-2020-2025.yaml"
DEMO_SOURCE = "Số liệu minh họa (demo) — không phải số liệu chính thức"

WARD2_TARGETS = [  # seed 000, "Một số chỉ tiêu chủ yếu" of the 2021-2025 plan
    ("KT01", "tăng 19 - 21%/năm"),
    ("KT12", "tăng 18 - 20%/năm"),
    ("KT03.1", "hằng năm tăng từ 2 - 4%/năm"),
    ("KT05", "Đạt và vượt chỉ tiêu giao"),
    ("KT04", "Đạt 85 triệu/người/năm"),
    ("XH16", "Duy trì phường đạt chuẩn phổ cập Giáo dục các bậc học"),
    ("XH17", "Duy trì trường Mầm non Thành Cổ và trường TH&THCS Lý Tự Trọng đạt chuẩn quốc gia"),
    ("XH14", "Giữ vững phường đạt chuẩn quốc gia về y tế"),
    ("XH13", "100%"),
    ("XH04", "năm 2025 còn dưới 6%"),
    ("XH05", "đến năm 2025 xuống dưới 13%"),
    ("XH01", "đến năm 2025 có 99%"),
    ("XH06", "dưới 1,0%"),
    ("XH11", "hàng năm: 80- 100 lao động"),
    ("QP01", "giao quân đạt chỉ tiêu trên giao"),
    ("QP03", "Giữ vững ANCT – TTATXH, phấn đấu không có tai nạn, tệ nạn xã hội nghiêm trọng xảy ra trên địa bàn"),
]
WARD2_VALUES = {  # year → code → value (demo)
    2020: {"KT01": 150.0, "KT12": 42.0, "KT03.1": 6.1, "KT04": 55.0, "XH06": 1.8, "XH11": 85},
    2023: {"KT01": 262.0, "KT12": 70.5, "KT03.1": 6.6, "KT04": 72.0, "XH06": 1.1, "XH11": 92},
    2024: {"KT01": 318.0, "KT12": 84.0, "KT03.1": 6.8, "KT04": 78.5, "XH06": 0.9, "XH11": 96},
}

TRAN_PHU_TARGETS = [  # seed 004, "MỤC TIÊU CHỦ YẾU" 2026-2030
    ("KT06", "bình quân đạt trên 11%"),
    ("KT07", "Nông nghiệp, lâm nghiệp và thủy sản chiếm 2,6%, công nghiệp - xây dựng chiếm 29,8%, "
             "thương mại dịch vụ chiếm 67,6%"),
    ("KT05", "đến năm 2030 đạt 700 tỷ đồng (cả nhiệm kỳ đạt 2.800 tỷ đồng)"),
    ("KT08", "500 doanh nghiệp"),
    ("KT04", "88 triệu đồng/người"),
    ("KT09", "120 triệu đồng/ha"),
    ("KT10", "tăng thêm đến cuối nhiệm kỳ: 10 ha"),
    ("XH15", "Phấn đấu xây dựng phường đạt chuẩn đô thị văn minh"),
    ("XH01", "98%"),
    ("XH02", "100%"),
    ("XH03", "90,9%"),
    ("XH09", "đạt 97%"),
    ("XH12", "đạt 40%"),
    ("XH07", "bình quân giai đoạn 2026 - 2030 đạt từ 0,4% trở lên"),
    ("MT01", "100%"),
    ("MT02", "100%"),
    ("MT03", "30%"),
    ("CC01", "đạt 100%"),
    ("CC02", "đạt 100%"),
    ("CC03", "đạt 75%"),
    ("QP02", "Duy trì chuẩn “Phường đạt tiêu chí an toàn về an ninh, trật tự”"),
    ("QP01", "Hàng năm, hoàn thành 100% chỉ tiêu tuyển giao quân"),
]
# Shares of the four former units in the totals of seed 004 (demo split): budget revenue of
# 2021-2025 ≈ 1.440 tỷ đồng; income per head 65 triệu in 2025, 1,5 times the start of the term.
PREDECESSORS = [  # code, name, level, population, households, budget share, income 2020
    ("18070", "Phường Thạch Hạ", "phuong", 13200, 3600, 0.38, 46.0),
    ("18071", "Phường Thạch Trung", "phuong", 11800, 3250, 0.30, 44.0),
    ("18072", "Phường Đồng Môn", "phuong", 6400, 1750, 0.17, 41.0),
    ("18073", "Xã Hộ Độ", "xa", 9100, 2500, 0.15, 40.0),
]
BUDGET = {2020: 230.0, 2021: 250.0, 2022: 280.0, 2023: 290.0, 2024: 300.0}  # tỷ đồng, the four together
INCOME_GROWTH = 1.085  # a year: 43,3 → ~65 triệu over 2020-2025
ENTERPRISES = {2020: 300, 2021: 318, 2022: 345, 2023: 380, 2024: 420}

USERS = [  # username, full name, unit code, role
    ("canbo.phuong2", "Cán bộ Phường 2", "19502", Role.OFFICER),
    ("canbo.phuong1", "Cán bộ Phường 1", "19501", Role.OFFICER),
    ("kiemtra.thixa", "Kiểm tra thị xã Quảng Trị", "464", Role.REVIEWER),
    ("xem", "Người xem thị xã Quảng Trị", "464", Role.VIEWER),
    ("canbo.tranphu", "Cán bộ phường Trần Phú", "18080", Role.OFFICER),
    ("quantri", "Quản trị", "45", Role.ADMIN),
]


def _unit(code, name, level, parent=None, valid_from=None, valid_to=None) -> AdministrativeUnit:
    unit, _created = AdministrativeUnit.objects.update_or_create(code=code, defaults={
        "name": name, "level": level, "parent": parent, "valid_from": valid_from, "valid_to": valid_to})
    return unit


def build_units() -> dict[str, AdministrativeUnit]:
    u = {}
    u["45"] = _unit("45", "Tỉnh Quảng Trị", "tinh")
    u["464"] = _unit("464", "Thị xã Quảng Trị", "thi_xa", u["45"])
    for code, name, level in [("19501", "Phường 1", "phuong"), ("19502", "Phường 2", "phuong"),
                              ("19503", "Phường 3", "phuong"), ("19504", "Phường An Đôn", "phuong"),
                              ("19505", "Xã Hải Lệ", "xa")]:
        u[code] = _unit(code, name, level, u["464"])
    end, start = datetime.date(2025, 6, 30), datetime.date(2025, 7, 1)
    u["42"] = _unit("42", "Tỉnh Hà Tĩnh", "tinh")
    u["436"] = _unit("436", "Thành phố Hà Tĩnh", "thanh_pho_thuoc_tinh", u["42"], valid_to=end)
    u["443"] = _unit("443", "Huyện Lộc Hà", "huyen", u["42"], valid_to=end)
    for code, name, level, *_rest in PREDECESSORS:
        u[code] = _unit(code, name, level, u["443"] if level == "xa" else u["436"], valid_to=end)
    u["18080"] = _unit("18080", "Phường Trần Phú", "phuong", u["42"], valid_from=start)
    event = LineageEvent.objects.filter(kind="merge", date=start, successors=u["18080"]).first()
    if event is None:
        event = LineageEvent.objects.create(kind="merge", date=start,
                                            decision="Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp "
                                                     "đơn vị hành chính cấp xã tỉnh Hà Tĩnh năm 2025")
    event.predecessors.set([u[p[0]] for p in PREDECESSORS])
    event.successors.set([u["18080"]])
    return u


def _plan(unit, base, final, source, title="") -> Plan:
    plan, _created = Plan.objects.get_or_create(unit=unit, base_year=base, final_year=final,
                                                defaults={"source": source, "title": title})
    return plan


def _targets(plan, pairs) -> None:
    indicators = {i.code: i for i in Indicator.objects.all()}
    for order, (code, phrase, *value_is) in enumerate(pairs, 1):
        do_set_target(plan, indicators[code], phrase, acting_user=None, order=order,
                      value_is=value_is[0] if value_is else None)


def _save(unit, plan, by_year: dict[int, list[dict]]) -> None:
    for year, rows in sorted(by_year.items()):
        submission = Submission.objects.filter(unit=unit, plan=plan, year=year).first()
        if submission is None or submission.editable:
            do_save_values(unit, plan, year, rows, acting_user=None)


def _approve(unit, plan, years) -> None:
    for year in years:
        s = Submission.objects.filter(unit=unit, plan=plan, year=year).first()
        if s is not None and s.state in (Submission.State.DRAFT, Submission.State.RETURNED):
            s = do_submit(unit, plan, year, acting_user=None)
        if s is not None and s.state == Submission.State.SUBMITTED:
            do_approve(s, acting_user=None, comment="Dữ liệu mẫu")


def build_town(u) -> Plan:
    core = load_plan(TOWN_PLAN_FILE)
    plan = _plan(u["464"], core.base_year, core.final_year, core.source, "Kế hoạch phát triển KT-XH 5 năm 2021-2025")
    pairs, by_year = [], {}
    for item, _depth in core.walk():
        pairs.append((item.indicator.code, item.target.phrase if item.target else "", item.value_is or ""))
        for obs in item.series:
            by_year.setdefault(obs.year, []).append({
                "indicator": item.indicator.code, "value": obs.value, "status": str(obs.status),
                "source": "Báo cáo chính trị Đại hội Đảng bộ thị xã, Phụ lục 1"})
    _targets(plan, pairs)
    _save(u["464"], plan, by_year)
    _approve(u["464"], plan, [y for y in by_year if y < core.final_year])
    return plan


def build_ward2(u) -> Plan:
    plan = _plan(u["19502"], 2020, 2025, "Nghị quyết Đại hội Đảng bộ Phường 2 nhiệm kỳ 2020-2025",
                 "Kế hoạch phát triển KT-XH 5 năm 2021-2025")
    _targets(plan, WARD2_TARGETS)
    _save(u["19502"], plan, {
        year: [{"indicator": c, "value": v, "source": DEMO_SOURCE} for c, v in values.items()]
        for year, values in WARD2_VALUES.items()})
    add_ward2_qualitative_and_assigned(u["19502"], plan)  # issue 11: yes/no values, assigned figures
    _approve(u["19502"], plan, [2020, 2023])
    return plan


def build_tran_phu(u) -> Plan:
    plan = _plan(u["18080"], 2025, 2030, "Kế hoạch phát triển kinh tế - xã hội 5 năm 2026-2030 phường Trần Phú",
                 "Kế hoạch phát triển KT-XH 5 năm 2026-2030")
    _targets(plan, TRAN_PHU_TARGETS)
    # The former units had a 2021-2025 plan of their own; their values are entered against a
    # yearly plan per unit (the plan only carries the indicators of the values).
    codes = ["KT05", "KT04", "KT08", "DS01", "DS02", "XH09", "XH09N", "XH06", "XH06N"]
    population_total = sum(p[3] for p in PREDECESSORS)
    for i, (code, name, _level, people, households, share, income0) in enumerate(PREDECESSORS):
        unit = u[code]
        old = _plan(unit, 2020, 2025, f"Nghị quyết Đại hội Đảng bộ {name} nhiệm kỳ 2020-2025 (demo)")
        _targets(old, [(c, "") for c in codes])
        by_year = {}
        for year in range(2020, 2025):
            n = year - 2020
            insured = round(people * (0.88 + 0.015 * n + 0.005 * i))
            poor = round(households * (0.045 - 0.008 * n + 0.002 * i))
            by_year[year] = [{"indicator": c, "value": v, "source": DEMO_SOURCE} for c, v in [
                ("KT05", round(BUDGET[year] * share, 1)),
                ("KT04", round(income0 * INCOME_GROWTH ** n, 1)),
                ("KT08", round(ENTERPRISES[year] * people / population_total)),
                ("DS01", people + 120 * n), ("DS02", households + 40 * n),
                ("XH09N", insured), ("XH09", round(100 * insured / (people + 120 * n), 1)),
                ("XH06N", poor), ("XH06", round(100 * poor / (households + 40 * n), 2)),
            ]]
        _save(unit, old, by_year)
        _approve(unit, old, range(2020, 2025))
    _save(u["18080"], plan, {2025: [
        {"indicator": "KT05", "value": 320, "status": "uoc", "source": "Báo cáo phường Trần Phú (ước 2025)"},
        {"indicator": "KT04", "value": 65, "status": "uoc", "source": "Báo cáo phường Trần Phú (ước 2025)"},
    ]})
    return plan


def build_users(u, password: str | None) -> dict[str, str]:
    """The demo users with their passwords (a fresh random one each load unless given)."""
    User = get_user_model()
    out = {}
    for username, full_name, unit_code, role in USERS:
        user, _created = User.objects.get_or_create(username=username)
        user.first_name = full_name
        user.is_staff = user.is_superuser = role == Role.ADMIN
        pw = password or secrets.token_urlsafe(9)
        user.set_password(pw)
        user.save()
        Membership.objects.update_or_create(user=user, unit=u[unit_code], defaults={"role": role})
        if role == Role.ADMIN:
            Membership.objects.update_or_create(user=user, unit=u["42"], defaults={"role": role})
        out[username] = pw
    return out


def load_demo(password: str | None = None) -> dict[str, str]:
    """Load everything; returns username → password."""
    with transaction.atomic():
        do_import_indicators(starter_rows(), acting_user=None)
        u = build_units()
        build_town(u)
        build_ward2(u)
        build_tran_phu(u)
        build_tasks_demo(u)  # the town's plan tasks and Phường 2's TTHC figures
        return {**build_users(u, password), **build_review_demo(u, password)}  # + the review season
