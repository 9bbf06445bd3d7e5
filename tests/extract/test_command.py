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


def test_a_folder_and_files_in_one_batch_one_json_each_and_a_bad_file_does_not_stop_it(tmp_path, capsys):
    folder = tmp_path / "bao-cao"
    (folder / "con").mkdir(parents=True)
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "con" / "b.md").write_text(REPORT.replace("94,1", "95,2"), encoding="utf-8")
    (folder / "hong.pdf").write_bytes(b"%PDF-1.4 not really a pdf")  # damaged: reported, skipped
    (folder / "ghi-chu.png").write_bytes(b"\x89PNG")  # not a report: not read at all
    extra = tmp_path / "c.txt"
    extra.write_text(REPORT.replace("94,1", "96,3"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(folder), str(extra), "-o", str(out)]) == 2  # one file failed
    err = capsys.readouterr().err
    assert "hong.pdf" in err and "Lỗi / Error" in err
    assert "3/4 tệp" in err
    values = {
        p.name: json.loads(p.read_text(encoding="utf-8"))["statements"][0]["value"]["low"]
        for p in out.glob("*.json")
    }
    assert values == {"a.txt.json": 94.1, "b.md.json": 95.2, "c.txt.json": 96.3}


def test_a_batch_with_no_bad_file_exits_zero(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out), "-q"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.txt.json", "b.txt.json"]
