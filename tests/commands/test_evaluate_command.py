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
