"""`chitieu evaluate FILE`: a terminal table for people, JSON for machines, clear errors."""

import json
from pathlib import Path

from chitieu.cli import main

EXAMPLE = str(Path(__file__).resolve().parents[2] / "examples" / "quang-tri-2020-2025.yaml")


def test_json_output_carries_verdicts_reasons_and_figures(capsys):
    assert main(["evaluate", EXAMPLE, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["summary"]["line"] == "8/11 chỉ tiêu đạt và vượt"
    retail = out["evaluations"][0]
    assert retail["status"] == "dat"
    assert retail["reason"] == "Bình quân 2021-2025 tăng 17,08%/năm, trong khoảng chỉ tiêu 17-19%/năm: Đạt"
    index = next(f for f in retail["figures"] if f["key"] == "index")
    assert round(index["value"], 2) == 117.08
    assert index["inputs"] == {"V0": 2796.0, "Vn": 6150.0, "n": 5}


def test_table_output_names_the_indicators_not_met(capsys):
    assert main(["evaluate", EXAMPLE]) == 0
    out = capsys.readouterr().out
    assert "8/11 chỉ tiêu đạt và vượt" in out
    assert "Chỉ tiêu không đạt: Giá trị sản xuất Công nghiệp - Xây dựng" in out.replace("\n", " ")


def test_a_bad_file_exits_2_with_a_vietnamese_message(tmp_path, capsys):
    bad = tmp_path / "plan.yaml"
    bad.write_text("period: 2020-2025\nindicators: []\n", encoding="utf-8")
    assert main(["evaluate", str(bad)]) == 2
    assert "không có chỉ tiêu nào" in capsys.readouterr().err


def test_json_carries_the_reason_parts_the_printed_figures_and_the_stated_checks_as_data(capsys):
    assert main(["evaluate", EXAMPLE, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    budget = next(e for e in out["evaluations"] if e["code"] == "KT05")
    assert (budget["clause"], budget["verdict"]) == (
        "Bình quân 2021-2025 tăng 5,13%/năm, thấp hơn chỉ tiêu 8-9%/năm", "Không đạt")
    index = next(f for f in budget["figures"] if f["key"] == "index")
    assert (index["decimals"], index["printed"]) == (2, "105,13")
    checks = {(c["subject"], c["stated"]): c for c in budget["checks"]}
    # Phụ lục 1 of seed 002: the total's 106,46 and its two "Trong đó" rows are all contradicted.
    assert {k: c["agreement"] for k, c in checks.items()} == {
        ("", "106.46"): "wrong",
        ("Thu từ thuế, phí, lệ phí", "101.5"): "wrong",
        ("Thu từ khai thác quỹ đất", "109.80"): "wrong",
    }
    assert checks[("Thu từ khai thác quỹ đất", "109.80")]["interval"] == [109.795, 109.805]
    assert budget["warnings"] == []
    assert len(budget["discrepancies"]) == 3


def test_the_table_shows_a_truncated_figure_as_a_warning_not_an_error(tmp_path, capsys):
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "unit: {name: Phường 2}\nperiod: 2024-2025\nindicators:\n"
        "  - {code: A, name: Thu ngân sách, unit: tỷ đồng, kind: flow, direction: higher, domain: kinh_te,\n"
        "     aggregation: sum, target: 100 tỷ đồng, values: {2024: 90, 2025: 137.46},\n"
        "     stated: {percent_of_plan: '137,4'}}\n",
        encoding="utf-8",
    )
    assert main(["evaluate", str(plan)]) == 0
    table = capsys.readouterr().out
    assert "⚠" not in table and "·" in table  # a warning line, not a discrepancy
    assert main(["evaluate", str(plan), "--json"]) == 0
    evaluation = json.loads(capsys.readouterr().out)["evaluations"][0]
    assert evaluation["discrepancies"] == []
    assert evaluation["warnings"] == [
        "Văn bản ghi tỷ lệ thực hiện so với chỉ tiêu là 137,4%: số từ 137,46 / 100 tính được 137,46% "
        "bị cắt bớt chữ số, làm tròn đúng là 137,5%"
    ]
