"""Administrative units: codes, the tree, and history through a merger."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from chitieu.web.units.models import AdministrativeUnit as U
from chitieu.web.units.models import LineageEvent


@pytest.fixture
def tran_phu(db):
    """Phường Trần Phú (Hà Tĩnh), formed on 1 July 2025 from four former units (seed 004)."""
    province = U.objects.create(code="42", name="Tỉnh Hà Tĩnh", level="tinh")
    city = U.objects.create(code="436", name="Thành phố Hà Tĩnh", level="thanh_pho_thuoc_tinh", parent=province,
                            valid_to=datetime.date(2025, 6, 30))
    old = [
        U.objects.create(code=code, name=name, level=level, parent=city, valid_to=datetime.date(2025, 6, 30))
        for code, name, level in [("18070", "Phường Thạch Hạ", "phuong"), ("18071", "Phường Thạch Trung", "phuong"),
                                  ("18072", "Phường Đồng Môn", "phuong"), ("18073", "Xã Hộ Độ", "xa")]
    ]
    new = U.objects.create(code="18080", name="Phường Trần Phú", level="phuong", parent=province,
                           valid_from=datetime.date(2025, 7, 1))
    event = LineageEvent.objects.create(kind="merge", date=datetime.date(2025, 7, 1))
    event.predecessors.set(old)
    event.successors.set([new])
    return new, old


def test_a_commune_code_has_five_digits_and_a_province_code_two(db):
    with pytest.raises(ValidationError) as err:
        U(code="123", name="Phường X", level="phuong").full_clean()
    assert "5" in str(err.value)
    U(code="12345", name="Phường X", level="phuong").full_clean()
    with pytest.raises(ValidationError):
        U(code="4", name="Tỉnh Y", level="tinh").full_clean()


def test_a_code_is_never_reused_even_after_the_unit_ended(tran_phu):
    _new, old = tran_phu
    with pytest.raises(Exception):  # noqa: B017 - the database refuses the duplicate
        U.objects.create(code=old[0].code, name="Phường mới", level="phuong")


def test_the_tree_knows_ancestors_and_descendants(places):
    assert places.ward2.ancestors() == [places.town, places.province]
    assert places.province.descendant_ids() == {places.town.pk, places.ward1.pk, places.ward2.pk}


def test_before_its_creation_a_merged_unit_stands_for_its_predecessors(tran_phu):
    new, old = tran_phu
    assert new.predecessors_for_year(2024) == sorted(old, key=lambda u: u.code)
    assert new.predecessors_for_year(2025) == [new]
    assert new.predecessors_for_year(2026) == [new]


def test_a_chain_of_mergers_is_followed_back(tran_phu):
    new, old = tran_phu
    older = U.objects.create(code="18060", name="Xã Thạch Hưng cũ", level="xa", valid_to=datetime.date(2019, 12, 31))
    old[0].valid_from = datetime.date(2020, 1, 1)
    old[0].save()
    event = LineageEvent.objects.create(kind="merge", date=datetime.date(2020, 1, 1))
    event.predecessors.set([older])
    event.successors.set([old[0]])
    assert older in new.predecessors_for_year(2019)
    assert old[0] not in new.predecessors_for_year(2019)
    assert old[0] in new.predecessors_for_year(2021)


def test_a_split_gives_no_history_to_combine(db):
    before = U.objects.create(code="11111", name="Xã cũ", level="xa", valid_to=datetime.date(2020, 12, 31))
    after = U.objects.create(code="11112", name="Xã mới", level="xa", valid_from=datetime.date(2021, 1, 1))
    event = LineageEvent.objects.create(kind="split", date=datetime.date(2021, 1, 1))
    event.predecessors.set([before])
    event.successors.set([after])
    assert after.predecessors_for_year(2020) == []


def _values(unit, catalogue, code, by_year, status="chinh_thuc"):
    from chitieu.web.values.models import Value

    for year, v in by_year.items():
        Value.objects.create(unit=unit, indicator=catalogue[code], year=year, status=status, value=v)


def test_a_merged_units_history_sums_its_predecessors_budgets(tran_phu, catalogue):
    from chitieu.web.values.history import series_for

    new, old = tran_phu
    for unit, amount in zip(old, [100, 80, 60, 40], strict=True):
        _values(unit, catalogue, "KT05", {2023: amount, 2024: amount + 10})
    _values(new, catalogue, "KT05", {2025: 300}, status="uoc")
    series = series_for(new, catalogue["KT05"])
    assert series.value(2023) == 280
    assert series.value(2024) == 320
    assert series.value(2025) == 300


def test_a_merged_units_rate_is_recomputed_from_numerators_and_denominators(tran_phu, catalogue):
    from chitieu.web.values.history import series_for

    new, old = tran_phu
    # BHYT: insured people / population; a plain mean of rates would say 85 %, the truth is 91 %
    for unit, (insured, people) in zip(old, [(9000, 10000), (900, 1000), (700, 1000), (700, 1000)], strict=True):
        _values(unit, catalogue, "XH09N", {2024: insured})
        _values(unit, catalogue, "DS01", {2024: people})
    assert series_for(new, catalogue["XH09"]).value(2024) == pytest.approx(100 * 11300 / 13000)


def test_the_wards_roll_up_into_the_town(places, catalogue):
    from chitieu.web.values.history import rollup

    _values(places.ward1, catalogue, "KT01", {2024: 1200.5})
    _values(places.ward2, catalogue, "KT01", {2024: 800})
    _values(places.ward1, catalogue, "KT04", {2024: 60})
    _values(places.ward2, catalogue, "KT04", {2024: 90})
    _values(places.ward1, catalogue, "DS01", {2024: 2000})
    _values(places.ward2, catalogue, "DS01", {2024: 1000})
    assert rollup(places.town, catalogue["KT01"]).value(2024) == pytest.approx(2000.5)
    assert rollup(places.town, catalogue["KT04"]).value(2024) == pytest.approx(70)  # weighted by population
    assert len(rollup(places.town, catalogue["KT06"])) == 0  # a growth rate does not add up


def test_the_unit_page_tells_the_merger(tran_phu, client_for):
    from django.contrib.auth import get_user_model

    from chitieu.web.accounts.models import Membership

    new, _old = tran_phu
    user = get_user_model().objects.create_user("canbo.tranphu", password="x-1234567")
    Membership.objects.create(user=user, unit=new, role="officer")
    body = client_for(user).get(f"/units/{new.pk}/").content.decode()
    assert "Sáp nhập 01/07/2025" in body
    assert "Phường Thạch Hạ, Phường Thạch Trung, Phường Đồng Môn, Xã Hộ Độ" in body
