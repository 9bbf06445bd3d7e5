"""``chitieu extract FILE``: JSON to stdout or a file, a readable table, numbered lines."""

from __future__ import annotations

import json

from chitieu.cli import main

REPORT = (
    "1. Kết quả thực hiện\nTỷ lệ người dân tham gia bảo hiểm y tế năm 2020 đạt 94,1% (chỉ tiêu trên 80%).\n"
)


def test_json_goes_to_the_output_file(tmp_path):
    src = tmp_path / "bc.txt"
    src.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "bc.json"
    assert main(["extract", str(src), "-o", str(out)]) == 0
    payload = json.loads(out.read_text(encoding="utf-8"))
    (s,) = payload["statements"]
    assert (payload["document"], s["line"], s["value"], s["compared_target"]) == (
        "bc.txt",
        2,
        {"op": "=", "low": 94.1, "high": 94.1},
        {"op": ">", "low": 80, "high": None},
    )


def test_json_goes_to_stdout(tmp_path, capsys):
    src = tmp_path / "bc.txt"
    src.write_text(REPORT, encoding="utf-8")
    assert main(["extract", str(src), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["statements"][0]["year"] == 2020


def test_without_json_a_table_in_vietnamese_number_style(tmp_path, capsys):
    src = tmp_path / "bc.txt"
    src.write_text(REPORT, encoding="utf-8")
    assert main(["extract", str(src)]) == 0
    table = capsys.readouterr().out
    assert "94,1%" in table and "trên 80%" in table and "1 chỉ tiêu" in table


def test_lines_prints_the_numbered_text(tmp_path, capsys):
    src = tmp_path / "bc.txt"
    src.write_text(REPORT, encoding="utf-8")
    assert main(["extract", str(src), "--lines"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("2  Tỷ lệ người dân")
