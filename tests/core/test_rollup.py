"""Roll-up across units: a town from its wards, a merged ward from its former units."""

import pytest

from chitieu.core.indicators import Aggregation, Direction, Domain, Indicator, Kind
from chitieu.core.rollup import RollupError, combine, history_through_merger
from chitieu.core.series import Observation, Series, ValueStatus


def ind(code, agg, unit="tỷ đồng", **kw):
    kind = Kind.RATE if agg is Aggregation.RATIO else Kind.FLOW
    return Indicator(code, code, unit, kind, Direction.HIGHER_IS_BETTER, Domain.KINH_TE, agg, **kw)


REVENUE = ind("THU", Aggregation.SUM)
BHYT = ind("BHYT", Aggregation.RATIO, "%", numerator="BHYT_N", denominator="DANSO")
INCOME = ind("TNBQ", Aggregation.WEIGHTED_MEAN, "triệu đồng", weight="DANSO")
GROWTH = ind("TOCDO", Aggregation.NONE, "%")

# The four former units of phường Trần Phú (values illustrative).
THACH_HA = {"THU": Series.of({2023: 40, 2024: 45}), "BHYT_N": Series.of({2024: 9000}),
            "DANSO": Series.of({2023: 9800, 2024: 10000}), "TNBQ": Series.of({2023: 60, 2024: 64})}
THACH_TRUNG = {"THU": Series.of({2023: 30, 2024: 33}), "BHYT_N": Series.of({2024: 7600}),
               "DANSO": Series.of({2023: 7900, 2024: 8000}), "TNBQ": Series.of({2023: 58, 2024: 61})}
DONG_MON = {"THU": Series.of({2024: 20}), "BHYT_N": Series.of({2024: 4700}),
            "DANSO": Series.of({2023: 4900, 2024: 5000}), "TNBQ": Series.of({2023: 50, 2024: 55})}
HO_DO = {"THU": Series.of({2023: 12, 2024: 14}), "BHYT_N": Series.of({2024: 6650}),
         "DANSO": Series.of({2023: 6900, 2024: 7000}), "TNBQ": Series.of({2023: 52, 2024: 56})}
FORMER = [THACH_HA, THACH_TRUNG, DONG_MON, HO_DO]


def test_flows_add_up_only_in_years_every_member_reported():
    s = combine(REVENUE, FORMER)
    assert s.years() == [2024]  # Đồng Môn has no 2023 revenue: a 2023 total would be wrong
    assert s.value(2024) == 45 + 33 + 20 + 14


def test_rates_are_recomputed_from_numerators_and_denominators_not_averaged():
    s = combine(BHYT, FORMER)
    expected = 100 * (9000 + 7600 + 4700 + 6650) / (10000 + 8000 + 5000 + 7000)
    assert s.value(2024) == pytest.approx(expected)
    naive_mean = (90 + 95 + 94 + 95) / 4
    assert s.value(2024) != pytest.approx(naive_mean)


def test_income_is_weighted_by_population():
    s = combine(INCOME, FORMER)
    expected = (64 * 10000 + 61 * 8000 + 55 * 5000 + 56 * 7000) / 30000
    assert s.value(2024) == pytest.approx(expected)
    assert s.years() == [2023, 2024]


def test_growth_rates_are_not_aggregatable():
    assert len(combine(GROWTH, [{"TOCDO": Series.of({2024: 10})}])) == 0


def test_a_total_is_only_as_final_as_its_least_final_part():
    a = {"THU": Series([Observation(2025, 10, ValueStatus.OFFICIAL)])}
    b = {"THU": Series([Observation(2025, 5, ValueStatus.ESTIMATE)])}
    assert combine(REVENUE, [a, b]).get(2025).status is ValueStatus.ESTIMATE


def test_a_ratio_without_its_denominator_is_refused_with_a_clear_error():
    with pytest.raises(RollupError, match="DANSO"):
        combine(BHYT, [{"BHYT_N": Series.of({2024: 1})}])


def test_merged_ward_history_is_its_predecessors_before_the_merger_and_its_own_after():
    own = {"THU": Series.of({2025: 130})}
    s = history_through_merger(REVENUE, own, FORMER, merged_in=2025)
    assert s.value(2024) == 112
    assert s.value(2025) == 130
