"""Plan files: the seed-built example reads into a Plan, and bad files say where and what."""

from pathlib import Path

import pytest

from chitieu.core.evaluate import Status, evaluate_plan, summarize
from chitieu.core.series import ValueStatus
from chitieu.core.targets import Form
from chitieu.planfile import PlanFileError, load_plan, plan_from_dict

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "quang-tri-2020-2025.yaml"


def test_the_quang_tri_example_reads_with_targets_values_and_children():
    plan = load_plan(EXAMPLE)
    assert (plan.unit_name, plan.base_year, plan.final_year) == ("Thị xã Quảng Trị", 2020, 2025)
    retail = plan.items[0]
    assert retail.target.form is Form.GROWTH
    assert (retail.target.bound.low, retail.target.bound.high) == (17, 19)
    assert retail.series.value(2020) == 2796
    assert retail.series.get(2025).status is ValueStatus.ESTIMATE
    assert [c.indicator.name for c in retail.children] == ["Doanh thu bán lẻ hàng hóa"]
    assert len(plan.next_targets) == 19


def test_the_example_evaluates_to_the_seeds_verdicts_and_flags_its_wrong_figures():
    plan = load_plan(EXAMPLE)
    by_code = {e.indicator.code: e for e in evaluate_plan(plan)}
    assert by_code["KT01"].status is Status.DAT
    assert by_code["KT02"].status is Status.KHONG_DAT
    assert by_code["KT03"].status is Status.KHONG_DAT
    assert by_code["KT04"].status is Status.DAT
    assert by_code["KT05"].status is Status.KHONG_DAT
    assert by_code["KT05"].discrepancies  # 106,46 printed, 105,13 computed
    assert by_code["KT03"].discrepancies  # 103,00 printed, 103,06 computed
    assert not by_code["KT01"].discrepancies
    assert summarize(list(by_code.values())).line == "8/11 chỉ tiêu đạt và vượt"


def minimal(**over):
    data = {
        "unit": {"name": "Phường 2"},
        "period": "2020-2025",
        "indicators": [{"code": "A", "name": "Tổng mức bán lẻ", "unit": "tỷ đồng", "kind": "flow",
                        "direction": "higher", "domain": "kinh_te", "aggregation": "sum",
                        "target": "tăng 19-21%/năm", "values": {2020: "1.234,5"}}],
    }
    data.update(over)
    return data


def test_vietnamese_numbers_in_values_are_read():
    plan = plan_from_dict(minimal())
    assert plan.items[0].series.value(2020) == 1234.5


def test_missing_direction_is_an_error_naming_the_indicator_never_a_default():
    data = minimal()
    del data["indicators"][0]["direction"]
    with pytest.raises(PlanFileError, match=r"\[A\].*direction"):
        plan_from_dict(data)


def test_a_value_that_is_not_a_number_names_the_indicator_and_year():
    data = minimal()
    data["indicators"][0]["values"] = {2021: "mười"}
    with pytest.raises(PlanFileError, match=r"\[A\], năm 2021.*mười"):
        plan_from_dict(data)


def test_an_unreadable_target_phrase_is_an_error_naming_the_phrase():
    data = minimal()
    data["indicators"][0]["target"] = "cố gắng hết sức"
    with pytest.raises(PlanFileError, match="cố gắng hết sức"):
        plan_from_dict(data)


def test_a_bad_period_is_explained():
    with pytest.raises(PlanFileError, match="period"):
        plan_from_dict(minimal(period="2025"))


def test_text_is_nfc_normalised():
    decomposed = "Phường 2".replace("ư", "u\u031b")
    plan = plan_from_dict(minimal(unit={"name": decomposed}))
    assert plan.unit_name == "Phường 2"


def test_missing_file_and_bad_syntax(tmp_path):
    with pytest.raises(PlanFileError, match="Không tìm thấy"):
        load_plan(tmp_path / "none.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("unit: [", encoding="utf-8")
    with pytest.raises(PlanFileError, match="cú pháp"):
        load_plan(bad)
