"""``chitieu check``: the contract's JSON, the readable list, Word comments, the plan comparison."""

from __future__ import annotations

import json

import docx

from chitieu.cli import main

DRAFT = """I. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2021-2025
- Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tăng bình quân 19,1%/năm, đạt chỉ tiêu.

- Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ năm 2025 đạt 6.250 tỷ đồng.

- Có 03/20 cán bộ nữ, chiếm 25%.
"""

PLAN = """unit: {code: "P2", name: Phường 2, level: phuong}
period: 2020-2025
as_of: 2025
indicators:
  - code: KT01
    name: Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ
    unit: tỷ đồng
    kind: flow
    direction: higher
    domain: kinh_te
    aggregation: sum
    price_basis: current
    target: tăng 17-19%/năm
    values: {2020: 2796, 2024: 5164, 2025: 6150}
"""


def test_json_follows_the_contract(tmp_path, capsys):
    f = tmp_path / "draft.txt"
    f.write_text(DRAFT, encoding="utf-8")
    assert main(["check", str(f), "--json"]) == 1  # an error was found
    data = json.loads(capsys.readouterr().out)
    assert data["document"] == "draft.txt"
    [finding] = data["findings"]
    assert finding == {
        "type": "ratio", "severity": "error", "lines": [6], "figures": ["25%", "03/20 cán bộ"],
        "message": "Tỷ lệ: 03/20 cán bộ = 15,0%, văn bản ghi 25%.", "computed": "15,0%",
    }


def test_readable_list_quotes_the_passage(tmp_path, capsys):
    f = tmp_path / "draft.txt"
    f.write_text(DRAFT, encoding="utf-8")
    main(["check", str(f)])
    out = capsys.readouterr().out
    assert "LỖI  [ratio] dòng 6: Tỷ lệ: 03/20 cán bộ = 15,0%, văn bản ghi 25%." in out
    assert "“- Có 03/20 cán bộ nữ, chiếm 25%.”" in out


def test_plan_comparison_names_the_approved_figure(tmp_path, capsys):
    f = tmp_path / "draft.txt"
    f.write_text(DRAFT, encoding="utf-8")
    p = tmp_path / "plan.yaml"
    p.write_text(PLAN, encoding="utf-8")
    main(["check", str(f), "--plan", str(p), "--json"])
    messages = [x["message"] for x in json.loads(capsys.readouterr().out)["findings"]]
    assert ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ: văn bản ghi tăng bình quân 19,1%/năm; "
            "số liệu đã duyệt cho 17,08%.") in messages
    assert ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ năm 2025: văn bản ghi 6.250 tỷ đồng; "
            "số liệu đã duyệt cho 6.150 tỷ đồng.") in messages


def _comments(path) -> list[str]:
    d = docx.Document(str(path))
    return [c.text for c in d.comments]


def test_docx_out_for_a_text_draft_has_one_comment_per_finding(tmp_path):
    f = tmp_path / "draft.txt"
    f.write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "notes.docx"
    main(["check", str(f), "--docx-out", str(out)])
    [c] = _comments(out)
    assert c.startswith("[LỖI · ratio] Tỷ lệ: 03/20 cán bộ = 15,0%")


def test_docx_out_comments_the_draft_itself(tmp_path):
    src = tmp_path / "draft.docx"
    d = docx.Document()
    d.add_paragraph("I. KẾT QUẢ THỰC HIỆN NĂM 2024")
    d.add_paragraph("Tổng thu ngân sách đạt 4.639.287.000đ/3.525.000.000đ, đạt 136% kế hoạch.")
    d.save(str(src))
    out = tmp_path / "notes.docx"
    main(["check", str(src), "--docx-out", str(out)])
    notes = docx.Document(str(out))
    [c] = list(notes.comments)
    assert "131,6%" in c.text
    assert notes.paragraphs[1].text.startswith("Tổng thu ngân sách")  # the draft's own text, commented


def test_unreadable_input_exits_2(tmp_path, capsys):
    f = tmp_path / "empty.txt"
    f.write_text("", encoding="utf-8")
    assert main(["check", str(f)]) == 2
    assert "Lỗi / Error" in capsys.readouterr().err
