"""Validation rules before a year is submitted (issue 15): a rule of the catalogue blocks the
submission naming the rule, an outlier needs a note, an empty year cannot be submitted, and
the entry page shows completeness and the findings before submit. Real ranges: Phường 2's
budget revenue in tỷ đồng, a poverty rate in %, a count of workers."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from chitieu.web.audit.models import AuditLog
from chitieu.web.errors import ActionError
from chitieu.web.rules.actions import do_save_rule
from chitieu.web.rules.checking import check_year
from chitieu.web.values.actions import do_save_values, do_submit
from chitieu.web.values.models import Submission


def _enter(places, plan, year, pairs, officer, note=""):
    do_save_values(places.ward2, plan, year, [{"indicator": c, "value": v, "note": note} for c, v in pairs],
                   acting_user=officer)


@pytest.fixture
def budget_rule(catalogue):
    return do_save_rule(acting_user=None, name="Thu ngân sách cấp xã dưới 5.000 tỷ đồng", kind="range",
                        codes=["KT05"], minimum=0, maximum=5000, tier="commune")


def test_an_empty_year_cannot_be_submitted(ward_plan, places, officer):
    with pytest.raises(ActionError) as err:
        do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
    assert "chưa có số liệu nào (0/7 chỉ tiêu)" in str(err.value)
    assert not Submission.objects.filter(state="submitted").exists()


def test_a_ward_budget_of_ten_million_ty_blocks_the_submission_naming_the_rule(
        ward_plan, places, officer, budget_rule):
    _enter(places, ward_plan, 2024, [("KT05", "10.000.000")], officer)
    with pytest.raises(ActionError) as err:
        do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
    assert "Quy tắc “Thu ngân sách cấp xã dưới 5.000 tỷ đồng”: KT05" in str(err.value)
    assert "lớn hơn mức tối đa 5.000" in str(err.value)
    _enter(places, ward_plan, 2024, [("KT05", "84")], officer)
    assert do_submit(places.ward2, ward_plan, 2024, acting_user=officer).state == "submitted"


def test_a_commune_rule_does_not_apply_to_the_town(town_plan, places, budget_rule):
    from chitieu.web.values.actions import do_save_values as save

    save(places.town, town_plan, 2024, [{"indicator": "KT01", "value": "7000"}], acting_user=None)
    assert check_year(places.town, town_plan, 2024).errors == []


def test_a_part_above_its_total_from_the_catalogue_blocks(ward_plan, places, officer):
    # KT01.1 is a "Trong đó" part of KT01 in the starter catalogue, in the same unit
    _enter(places, ward_plan, 2024, [("KT01", "318"), ("KT01.1", "400")], officer)
    with pytest.raises(ActionError) as err:
        do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
    assert "Phần không lớn hơn tổng" in str(err.value) and "KT01.1" in str(err.value)


def test_numerator_above_denominator_blocks(ward_plan, places, officer, catalogue):
    xh06 = catalogue["XH06"]
    assert xh06.numerator is not None and xh06.denominator is not None
    num, den = xh06.numerator.code, xh06.denominator.code
    do_save_rule(acting_user=None, name="Hộ nghèo không quá số hộ", kind="num_le_den", codes=[num, den])
    # the values of the numerator and denominator are entered through the ward's plan values too
    from chitieu.web.plans.models import PlanTarget

    for order, code in enumerate((num, den), 20):
        PlanTarget.objects.create(plan=ward_plan, indicator=catalogue[code], phrase="", order=order)
    _enter(places, ward_plan, 2024, [(num, "3700"), (den, "3600")], officer)
    checked = check_year(places.ward2, ward_plan, 2024)
    assert any("tử số" in e.message and num in e.message for e in checked.errors)


def test_shares_that_do_not_add_up_to_100_block(ward_plan, places, officer, catalogue):
    from chitieu.web.plans.models import PlanTarget

    codes = [c for c in catalogue if c.startswith("KT07.")][:3]
    assert len(codes) == 3
    for order, code in enumerate(codes, 30):
        PlanTarget.objects.create(plan=ward_plan, indicator=catalogue[code], phrase="", order=order)
    do_save_rule(acting_user=None, name="Cơ cấu kinh tế bằng 100%", kind="shares_sum", codes=codes, tolerance="0.5")
    _enter(places, ward_plan, 2024, list(zip(codes, ["2,6", "29,8", "76,6"], strict=True)), officer)
    with pytest.raises(ActionError) as err:
        do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
    assert "Quy tắc “Cơ cấu kinh tế bằng 100%”" in str(err.value) and "109" in str(err.value)


def test_an_outlier_needs_a_note_before_submission(ward_plan, places, officer):
    _enter(places, ward_plan, 2023, [("XH11", "92")], officer)
    _enter(places, ward_plan, 2024, [("XH11", "950")], officer)
    with pytest.raises(ActionError) as err:
        do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
    assert "Cảnh báo: XH11" in str(err.value) and "Cần ghi chú giải trình" in str(err.value)
    _enter(places, ward_plan, 2024, [("XH11", "950")], officer, note="Thêm khu công nghiệp Nam Đông Hà")
    assert do_submit(places.ward2, ward_plan, 2024, acting_user=officer).state == "submitted"


def test_a_rate_moving_a_fraction_of_a_point_is_not_an_outlier(ward_plan, places, officer):
    _enter(places, ward_plan, 2023, [("XH06", "1,1")], officer)
    _enter(places, ward_plan, 2024, [("XH06", "0,9")], officer)
    assert check_year(places.ward2, ward_plan, 2024).warnings == []


def test_the_entry_page_shows_completeness_and_findings_before_submit(ward_plan, places, officer, client_for,
                                                                      budget_rule):
    _enter(places, ward_plan, 2024, [("KT05", "10.000.000"), ("XH11", "96")], officer)
    html = client_for(officer).get(f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/entry/2024/").content.decode()
    box = html[html.index('data-testid="precheck"'):]
    assert "2/7 chỉ tiêu có số liệu" in box
    assert "Thu ngân sách cấp xã dưới 5.000 tỷ đồng" in box


def test_only_catalogue_editors_write_rules_and_each_write_is_audited(catalogue, places, officer, admin):
    with pytest.raises(PermissionDenied):
        do_save_rule(acting_user=officer, name="x", kind="range", codes=["KT05"], maximum=1)
    with pytest.raises(ActionError):
        do_save_rule(acting_user=admin, name="sai", kind="part_le_total", codes=["KT05"])
    with pytest.raises(ActionError):
        do_save_rule(acting_user=admin, name="sai", kind="range", codes=["KHONGCO"])
    rule = do_save_rule(acting_user=admin, name="Thu ngân sách", kind="range", codes=["KT05"], maximum=5000)
    assert AuditLog.objects.filter(action="rule.create", object_id=str(rule.pk), actor=admin).exists()
