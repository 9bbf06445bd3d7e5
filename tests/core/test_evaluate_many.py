"""The batch (``evaluate_many``) gives the evaluations ``evaluate`` gives one by one, field for
field and word for word — on thousands of random cells of every target form (gaps, missing
base years, terms not yet over, values that cannot be computed with) and on the real plans
under examples/ — and the parts it stands on: the judging rules made once per target, and
series kept as columns."""

import pickle
import random
from pathlib import Path
from types import MethodType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu.core.evaluate import Status, Summary, evaluate, evaluate_many, summarize
from chitieu.core.fit import TargetUnitError, fit_target
from chitieu.core.indicators import Aggregation, Direction, Domain, Indicator, Kind
from chitieu.core.numbers import round_half_up
from chitieu.core.series import Observation, Series, ValueStatus
from chitieu.core.targets import Bound, Form, Horizon, Op, Target, parse_target
from chitieu.core.verdict import judge, judge_at, judging
from chitieu.planfile import load_plan

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


def the_same(batch, alone) -> None:
    """Every field of two evaluations, the lazy ones (reason, figures) included."""
    assert batch.indicator is alone.indicator and batch.target is alone.target
    assert (batch.status, batch.progress, batch.forecast, batch.discrepancies, batch.checks, batch.assigned) == (
        alone.status, alone.progress, alone.forecast, alone.discrepancies, alone.checks, alone.assigned)
    assert batch.reason_parts == alone.reason_parts
    assert batch.reason == alone.reason
    assert batch.figures == alone.figures
    assert (batch.state, batch.label, batch.met, batch.final) == (alone.state, alone.label, alone.met, alone.final)


def one_by_one(jobs, **term):
    return [evaluate(i, t, s, **term) for i, t, s in jobs]


def computable(jobs, **term):
    """The jobs ``evaluate`` can evaluate; any it refuses with an exception must raise the same
    exception in a batch."""
    kept = []
    for job in jobs:
        try:
            evaluate(*job, **term)
        except Exception as exc:  # noqa: BLE001 - compared with the batch's
            with pytest.raises(type(exc)):
                evaluate_many([job], **term)
            continue
        kept.append(job)
    return kept


# --- random cells of every form ----------------------------------------------------------------

KINDS = [
    (Kind.FLOW, "tỷ đồng"), (Kind.LEVEL, "triệu đồng"), (Kind.RATE, "%"), (Kind.COUNT, "hộ"),
    (Kind.GROWTH_RATE, "%"), (Kind.RATE, "‰"),
]
BOUNDS = [
    Bound.between(17, 19), Bound.between(1.4, 1.5), Bound(Op.GT, 70), Bound(Op.GE, 5), Bound(Op.LT, None, 1),
    Bound(Op.LE, None, 3.5), Bound.exact(100), Bound.exact(2), Bound.between(12, 15), Bound.between(-2, 2),
]


def random_target(rng: random.Random, unit: str) -> Target:
    form = rng.choice([Form.GROWTH, Form.MULTIPLE, Form.LEVEL, Form.LEVEL, Form.CHANGE])
    bound = rng.choice(BOUNDS)
    horizon = rng.choice([Horizon.END_OF_TERM, Horizon.EACH_YEAR, Horizon.AVERAGE, Horizon.CUMULATIVE])
    return Target(
        f"chỉ tiêu {form} {bound}", form, bound, {"GROWTH": "%", "MULTIPLE": "lần"}.get(form.name, unit), horizon,
        decrease=rng.random() < 0.3, points=rng.random() < 0.2,
        year=rng.choice([None, None, None, 2023, 2025]),
        base_year=rng.choice([None, None, None, 2020, 2021]),
    )


def random_series(rng: random.Random, unit: str) -> Series:
    years = [y for y in range(2019, 2027) if rng.random() < 0.8]
    start = rng.choice([0.0, -5.0, 0.5, 50, 3000]) if rng.random() < 0.1 else rng.uniform(0.5, 5000)
    growth = rng.uniform(-0.1, 0.3)
    obs = []
    for k, year in enumerate(years):
        value = start * (1 + growth) ** k
        if unit == "%":
            value = min(value, 100)  # an int at the cap, as entered data can be
        if rng.random() < 0.1:
            value = round(value, rng.choice([0, 1, 2]))
        if rng.random() < 0.05:
            value = int(value)
        status = rng.choice(list(ValueStatus))
        obs.append(Observation(year, value, status))
        if rng.random() < 0.2:  # a second value for the year: the best-known one wins
            obs.append(Observation(year, value * rng.uniform(0.9, 1.1), rng.choice(list(ValueStatus))))
    return Series(obs)


@pytest.mark.parametrize("as_of", [None, 2022, 2023, 2025, 2026])
def test_the_batch_gives_what_evaluate_gives_one_by_one_on_random_cells(as_of):
    rng = random.Random(18 + (as_of or 0))
    indicators = []
    for n in range(60):
        kind, unit = rng.choice(KINDS)
        direction = rng.choice(list(Direction))
        indicators.append(Indicator(f"R{n}", f"Chỉ tiêu {n}", unit, kind, direction, Domain.KINH_TE,
                                    Aggregation.NONE))
    pairs = [(ind, random_target(rng, ind.unit)) for ind in indicators]
    pairs += [(ind, random_target(rng, ind.unit)) for ind in indicators[:5]]  # an indicator with two targets
    jobs = []
    for _unit in range(55):  # every pair over many units' series, as a province's batch
        for ind, target in pairs:
            jobs.append((ind, target, random_series(rng, ind.unit)))
    term = {"base_year": 2020, "final_year": 2025, "as_of": as_of}
    jobs = computable(jobs, **term)
    batch, alone = evaluate_many(iter(jobs), **term), one_by_one(jobs, **term)  # any iterable of jobs
    assert len(batch) == len(alone) > 3500
    for b, a in zip(batch, alone, strict=True):
        the_same(b, a)
    assert summarize(batch) == summarize(alone) == Summary(
        sum(e.met for e in alone), len(alone),
        tuple(e.indicator.name for e in alone if not e.met and e.status is not Status.CHUA_DU_SO_LIEU),
        tuple(e.indicator.name for e in alone if e.status is Status.CHUA_DU_SO_LIEU))
    assert len({e.status for e in batch}) == 4  # every verdict occurs
    judged_from_columns = sum(isinstance(e.explain, MethodType) for e in batch)
    if as_of is None or as_of >= 2025:  # else every term is not yet over: each cell goes through evaluate
        assert judged_from_columns > 400
    else:
        assert judged_from_columns == 0


def test_the_batch_of_the_benchmark_targets_on_every_verdict():
    """The six forms of benchmarks/bench_evaluate.py over 2.000 random units."""
    rng = random.Random(7)
    catalogue = [
        (Kind.FLOW, "tỷ đồng", Target("tăng 17-19%/năm", Form.GROWTH, Bound.between(17, 19), "%", Horizon.AVERAGE)),
        (Kind.LEVEL, "triệu đồng", Target("1,4-1,5 lần", Form.MULTIPLE, Bound.between(1.4, 1.5), "lần")),
        (Kind.RATE, "%", Target("trên 70%", Form.LEVEL, Bound(Op.GT, 70), "%")),
        (Kind.RATE, "%", Target("dưới 1%", Form.LEVEL, Bound(Op.LT, None, 1), "%")),
        (Kind.COUNT, "hộ", Target("giảm 12-15 hộ/năm", Form.CHANGE, Bound.between(12, 15), "hộ", Horizon.AVERAGE,
                                  decrease=True)),
        (Kind.RATE, "%", Target("hằng năm 100%", Form.LEVEL, Bound.exact(100), "%", Horizon.EACH_YEAR)),
    ]
    pairs = [(Indicator(f"B{i}", f"Chỉ tiêu {i}", unit, kind, Direction.HIGHER_IS_BETTER, Domain.KINH_TE,
                        Aggregation.NONE), target) for i, (kind, unit, target) in enumerate(catalogue)]
    jobs = []
    for _ in range(2000):
        for ind, target in pairs:
            base = rng.uniform(50, 100) if ind.unit == "%" else rng.uniform(10, 5000)
            g = rng.uniform(-0.05, 0.25)
            values = {2020 + k: min(base * (1 + g) ** k, 100.0) if ind.unit == "%" else base * (1 + g) ** k
                      for k in range(6)}
            jobs.append((ind, target, Series.of(values)))
    batch, alone = evaluate_many(jobs, base_year=2020, final_year=2025), one_by_one(jobs, base_year=2020,
                                                                                   final_year=2025)
    for b, a in zip(batch, alone, strict=True):
        the_same(b, a)
    assert {e.status for e in batch} == {Status.VUOT, Status.DAT, Status.KHONG_DAT}
    assert all(isinstance(e.explain, MethodType) for e in batch)  # each judged from its columns


def test_a_series_of_other_numbers_is_evaluated_as_evaluate_does_it():
    """Ints, or a Decimal that a float bound cannot be compared with as evaluate compares it:
    the batch hands such a series to ``evaluate``."""
    from decimal import Decimal

    ind = Indicator("D", "Doanh thu", "tỷ đồng", Kind.FLOW, Direction.HIGHER_IS_BETTER, Domain.KINH_TE,
                    Aggregation.NONE)
    target = Target("1,4-1,5 lần", Form.MULTIPLE, Bound.between(1.4, 1.5), "lần")
    ints = Series.of({2020: 100, 2025: 145})
    batch = evaluate_many([(ind, target, ints)], base_year=2020, final_year=2025)
    the_same(batch[0], evaluate(ind, target, ints, base_year=2020, final_year=2025))
    assert batch[0].status is Status.DAT and not isinstance(batch[0].explain, MethodType)
    decimals = Series.of({2020: Decimal("100"), 2025: Decimal("145")})
    with pytest.raises(ValueError):
        evaluate(ind, target, decimals, base_year=2020, final_year=2025)
    with pytest.raises(ValueError):
        evaluate_many([(ind, target, decimals)], base_year=2020, final_year=2025)


# --- the real plan and real target phrases --------------------------------------------------------


def fitted_jobs(plan):
    jobs = []
    for item, _depth in plan.walk():
        if item.target is None or item.target.form is Form.STRUCTURE:
            continue
        try:
            target = fit_target(item.target, item.indicator)
        except TargetUnitError:
            continue
        jobs.append((item.indicator, target, item.series))
    return jobs


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("as_of", [None, 2021, 2022, 2023, 2024, 2025])
def test_the_batch_gives_what_evaluate_gives_on_the_example_plans(example, as_of):
    plan = load_plan(example)
    jobs = fitted_jobs(plan)
    assert len(jobs) >= 5
    term = {"base_year": plan.base_year, "final_year": plan.final_year, "as_of": as_of}
    batch = evaluate_many(jobs * 3, **term)  # the same indicators met again, as in a province
    alone = one_by_one(jobs * 3, **term)
    for b, a in zip(batch, alone, strict=True):
        the_same(b, a)
    if as_of is None:
        assert summarize(batch[: len(jobs)]) == summarize(alone[: len(jobs)])
        assert all(e.reason for e in batch)  # words, written when read


PHRASES = [
    ("Tổng mức bán lẻ hàng hóa tăng 19 - 21%/năm", Kind.FLOW, "tỷ đồng"),
    ("Thu ngân sách tăng bình quân trên 8%/năm", Kind.FLOW, "tỷ đồng"),
    ("Thu nhập bình quân đầu người đến năm 2025 tăng 1,4 - 1,5 lần", Kind.LEVEL, "triệu đồng"),
    ("Tỷ lệ hộ nghèo giảm 0,5%/năm", Kind.RATE, "%"),
    ("Tỷ lệ lao động qua đào tạo đạt trên 70%", Kind.RATE, "%"),
    ("Tỷ lệ tham gia bảo hiểm y tế đạt 95% trở lên", Kind.RATE, "%"),
    ("Tỷ lệ hộ nghèo dưới 1%", Kind.RATE, "%"),
    ("Số hộ nghèo giảm 12 - 15 hộ/năm", Kind.COUNT, "hộ"),
    ("Hằng năm tỷ lệ thu gom rác thải đạt 100%", Kind.RATE, "%"),
    ("Giải quyết việc làm 350 - 400 người/năm", Kind.COUNT, "người"),
    ("Tổng vốn đầu tư giai đoạn 2021-2025 đạt 550 - 600 tỷ đồng", Kind.FLOW, "tỷ đồng"),
    ("Tốc độ tăng trưởng kinh tế bình quân 10 - 11%/năm", Kind.GROWTH_RATE, "%"),
]


@pytest.mark.parametrize("as_of", [None, 2023])
def test_the_batch_gives_what_evaluate_gives_on_parsed_target_phrases(as_of):
    rng = random.Random(2025)
    jobs = []
    for n, (phrase, kind, unit) in enumerate(PHRASES):
        target = parse_target(phrase, indicator_kind=str(kind))
        ind = Indicator(f"P{n}", phrase, unit, kind, Direction.HIGHER_IS_BETTER, Domain.KINH_TE, Aggregation.NONE)
        try:
            target = fit_target(target, ind)
        except TargetUnitError:
            continue
        for _ in range(150):
            jobs.append((ind, target, random_series(rng, unit)))
    term = {"base_year": 2020, "final_year": 2025, "as_of": as_of}
    jobs = computable(jobs, **term)
    for b, a in zip(evaluate_many(jobs, **term), one_by_one(jobs, **term), strict=True):
        the_same(b, a)


# --- the parts: judging rules, series as columns --------------------------------------------------


EDGES = sorted({e for b in BOUNDS for e in (b.low, b.high) if e is not None})
NEAR_EDGES = st.builds(lambda e, k, tiny: e + k * 0.0005 + tiny, st.sampled_from(EDGES), st.integers(-30, 30),
                       st.sampled_from([0.0, 1e-12, -1e-12, 1e-9, -1e-9]))


@given(
    x=st.floats(-1e6, 1e6) | NEAR_EDGES | st.sampled_from([16.995, 17.005, 18.995, 19.005, 0.995, 1.005, 100.0]),
    decimals=st.integers(0, 3),
    bound=st.sampled_from(BOUNDS),
    better=st.sampled_from([True, False, None]),
)
def test_judging_at_printed_decimals_is_judging_the_rounded_number(x, decimals, bound, better):
    assert judge_at(x, decimals, bound, better) is judge(round_half_up(x, decimals), bound, better)
    assert judging(bound, better, decimals)(x) is judge(round_half_up(x, decimals), bound, better)


@pytest.mark.parametrize(("x", "bound", "better", "status"), [
    (18, Bound.between(17, 19), True, Status.DAT), (19.01, Bound.between(17, 19), True, Status.VUOT),
    (16.99, Bound.between(17, 19), True, Status.KHONG_DAT), (16.99, Bound.between(17, 19), False, Status.VUOT),
    (19.01, Bound.between(17, 19), False, Status.KHONG_DAT), (19.01, Bound.between(17, 19), None, Status.KHONG_DAT),
    (100, Bound.exact(100), True, Status.DAT), (101, Bound.exact(100), True, Status.VUOT),
    (101, Bound.exact(100), None, Status.DAT), (99, Bound.exact(100), None, Status.KHONG_DAT),
    (70, Bound(Op.GT, 70), True, Status.KHONG_DAT), (70, Bound(Op.GE, 70), True, Status.DAT),
    (1, Bound(Op.LT, None, 1), False, Status.KHONG_DAT), (1, Bound(Op.LE, None, 1), False, Status.DAT),
    (float("nan"), Bound.between(17, 19), True, Status.KHONG_DAT),
])
def test_the_judging_rule_of_each_bound(x, bound, better, status):
    assert judge(x, bound, better) is status


def test_a_number_that_cannot_be_printed_is_refused_when_judged_at_printed_decimals():
    for x in (float("nan"), float("inf"), -float("inf"), 1e30):
        with pytest.raises(ValueError):
            round_half_up(x, 2)
        with pytest.raises(ValueError):
            judge_at(x, 2, Bound.between(17, 19), True)
    assert judge_at(1e14, 2, Bound.between(17, 19), True) is Status.VUOT


def test_a_series_keeps_the_best_known_value_per_year_as_columns():
    s = Series([Observation(2021, 5.0, ValueStatus.ESTIMATE), Observation(2021, 6.0, ValueStatus.OFFICIAL),
                Observation(2020, 4, ValueStatus.OFFICIAL), Observation(2022, 9.0, ValueStatus.PLAN),
                Observation(2023, 7.5, ValueStatus.PRELIMINARY)])
    assert s.years() == [2020, 2021, 2023]
    assert list(s) == [Observation(2020, 4), Observation(2021, 6.0), Observation(2023, 7.5, ValueStatus.PRELIMINARY)]
    assert s.get(2021) == Observation(2021, 6.0) and s.get(2022) is None
    assert type(s.value(2020)) is int  # a value keeps its type
    assert s.latest() == Observation(2023, 7.5, ValueStatus.PRELIMINARY)
    assert s.latest(2022) == Observation(2021, 6.0) and s.latest(2019) is None
    assert len(s) == 3 and len(Series()) == 0 and Series().latest() is None
    back = pickle.loads(pickle.dumps(s))
    assert list(back) == list(s) and back._years is s._years  # the years column shared again


def test_series_of_the_same_years_share_their_columns():
    a = Series.of({2020: 1.5, 2021: 2.5})
    b = Series.of({2020: 7.25, 2021: 8.0})
    assert a._years is b._years and a._statuses is b._statuses
    assert a.value(2021) == 2.5 and b.value(2021) == 8.0
