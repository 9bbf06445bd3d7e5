"""Demo data of issue 11 for Phường 2's 2021-2025 plan: its yes/no standards entered as "Đạt" /
"Chưa đạt" (they stayed "Chưa đủ số liệu" without them), its budget with the figures assigned
for 2023 and 2024 and their documents (demo numbers), so that "Đạt và vượt chỉ tiêu giao" is
judged. Called by ``chitieu.web.demo.build`` before Phường 2's years are approved; loading twice
changes nothing (approved years are not written again, assigned figures are replaced)."""

from __future__ import annotations

import datetime as dt

YES_NO = {  # seed 000: the ward keeps its standards; one school lost its standard in 2023 (demo)
    2020: {"XH14": "Đạt", "XH16": "Đạt", "XH17": "Đạt"},
    2023: {"XH14": "Đạt", "XH16": "Đạt", "XH17": "Chưa đạt"},
    2024: {"XH14": "Đạt", "XH16": "Đạt", "XH17": "Đạt"},
}
BUDGET = {2020: "15", 2023: "19,5", 2024: "21,97"}  # tỷ đồng (demo, seed 000's order of size)
ASSIGNED = {  # year → (tỷ đồng, number, date) of the town's decision assigning the budget (demo)
    2023: ("17,26", "4521/QĐ-UBND (demo)", dt.date(2022, 12, 20)),
    2024: ("20,5", "3980/QĐ-UBND (demo)", dt.date(2023, 12, 19)),
}
ISSUER = "UBND thị xã Quảng Trị"
SOURCE = "Dữ liệu mẫu (demo)"


def add_ward2_qualitative_and_assigned(unit, plan) -> None:
    from chitieu.web.demo.build import _save
    from chitieu.web.plans.actions import do_set_assigned

    by_year = {year: [{"indicator": c, "value": v, "source": SOURCE} for c, v in YES_NO[year].items()]
               for year in YES_NO}
    for year, value in BUDGET.items():
        by_year[year].append({"indicator": "KT05", "value": value, "source": SOURCE})
    _save(unit, plan, by_year)
    target = plan.targets.select_related("indicator", "plan__unit").get(indicator__code="KT05")
    for year, (value, number, date) in ASSIGNED.items():
        do_set_assigned(target, year, value, doc_number=number, doc_date=date, issuer=ISSUER, acting_user=None)
