"""One-stop-shop figures: the consistency rules, each naming its row and rule, and the CCHC rates."""

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from chitieu.core.tthc import TthcReport, TthcRow, check, percent, rates, totals

START, END = date(2023, 12, 15), date(2024, 11, 14)


def _row(field, line=None, **kw):
    base = dict(online=30, in_person=60, carried_over=10, early=50, on_time=40, late=5, pending_within=4,
                pending_overdue=1, digitised=80, e_results=70)
    base.update(kw)
    return TthcRow(field=field, line=line, **base)


def test_consistent_rows_pass_and_are_totalled():
    report = TthcReport(START, END, (_row("Hộ tịch", 5), _row("Chứng thực", 6, online=0, in_person=90)))
    assert check(report) == []
    t = totals(report)
    assert (t.total_received, t.total_settled, t.total_pending, t.online) == (200, 190, 10, 30)


def test_received_must_equal_settled_plus_in_progress_and_the_row_is_named():
    (problem,) = check(TthcReport(START, END, (_row("Hộ tịch", 7, late=6),)))
    assert problem.rule == "received_settled_pending" and problem.line == 7
    assert problem.vi == ("Dòng 7 (lĩnh vực “Hộ tịch”): số tiếp nhận 100 khác số đã giải quyết 96 + đang giải quyết 5 "
                          "= 101")
    assert problem.en.startswith("Row 7 (field “Hộ tịch”): received 100 differs")


def test_stated_totals_must_equal_their_parts():
    problems = check(TthcReport(START, END, (_row("Hộ tịch", 3, received=99, settled=96, pending=5),)))
    rules = {p.rule for p in problems}
    assert {"received_by_channel", "settled_parts"} <= rules
    assert any("trước hạn 50 + đúng hạn 40 + trễ hạn 5 = 95" in p.vi for p in problems)


def test_the_total_row_must_equal_the_sum_by_field():
    rows = (_row("Hộ tịch", 3), _row("Chứng thực", 4))
    good = _row("Tổng cộng", 5, online=60, in_person=120, carried_over=20, early=100, on_time=80, late=10,
                pending_within=8, pending_overdue=2, digitised=160, e_results=140, received=200)
    assert check(TthcReport(START, END, rows, good)) == []
    bad = _row("Tổng cộng", 5, online=61, in_person=119, carried_over=20, early=100, on_time=80, late=10,
               pending_within=8, pending_overdue=2, digitised=160, e_results=140, received=200)
    problems = check(TthcReport(START, END, rows, bad))
    assert [p.rule for p in problems] == ["total_by_field", "total_by_field"]
    assert problems[0].vi == "Dòng 5 (dòng tổng cộng): tiếp nhận trực tuyến 61 khác tổng của các lĩnh vực 60"


def test_one_window_per_report():
    (problem,) = check(TthcReport(START, END, (_row("Hộ tịch", 9, start=START, end=date(2024, 12, 14)),)))
    assert problem.rule == "window" and "15/12/2023-14/12/2024" in problem.vi and "15/12/2023-14/11/2024" in problem.vi
    assert check(TthcReport(END, START, (_row("Hộ tịch"),)))[0].rule == "window_order"


def test_digitised_and_electronic_results_are_bounded_and_negatives_refused():
    rules = [p.rule for p in check(TthcReport(START, END, (_row("A", 1, digitised=91, e_results=96),)))]
    assert rules == ["digitised", "e_results"]
    assert [p.rule for p in check(TthcReport(START, END, (_row("A", 1, late=-1),)))] == ["negative"]
    dup = check(TthcReport(START, END, (_row("Hộ tịch", 1), _row("hộ tịch", 2))))
    assert dup[0].rule == "duplicate_field" and "dòng 1" in dup[0].vi


def test_rates_use_their_bases_and_round_half_up():
    report = TthcReport(START, END, (_row("Hộ tịch", early=1, on_time=6, late=1, pending_within=92,
                                          pending_overdue=0, online=1, in_person=7, carried_over=92,
                                          digitised=3, e_results=5),))
    assert check(report) == []
    r = rates(report)
    # 1/8 = 12,5% exactly; 6/8 = 75%; online 1 of the 8 received in the window; 3/8 = 37,5%
    assert r == {"early": 12.5, "on_time": 75.0, "late": 12.5, "online": 12.5, "digitised": 37.5, "e_results": 62.5}
    assert percent(1, 16) == 6.3  # 6,25 → 6,3 (half-up, not to even)
    assert percent(5, 0) is None


@given(st.integers(0, 10**6), st.integers(1, 10**6))
def test_percent_is_within_0_and_100_for_a_part_of_the_whole(part, whole):
    part = min(part, whole)
    assert 0 <= percent(part, whole) <= 100


@st.composite
def consistent_rows(draw):
    n = draw(st.integers(1, 6))
    rows = []
    for i in range(n):
        c = {k: draw(st.integers(0, 5000)) for k in ("early", "on_time", "late", "pending_within", "pending_overdue")}
        received = sum(c.values())
        carried = draw(st.integers(0, received))
        online = draw(st.integers(0, received - carried))
        in_person = received - carried - online
        digitised = draw(st.integers(0, online + in_person))
        e_results = draw(st.integers(0, c["early"] + c["on_time"] + c["late"]))
        rows.append(TthcRow(field=f"Lĩnh vực {i}", line=i + 1, online=online, in_person=in_person,
                            carried_over=carried, digitised=digitised, e_results=e_results, **c))
    return tuple(rows)


@given(consistent_rows())
def test_consistent_rows_always_pass_with_their_total_and_the_rates_are_percentages(rows):
    report = TthcReport(START, END, rows)
    t = totals(report)
    stated = TthcRow(field="Tổng cộng", **{k: getattr(t, k) for k in (
        "online", "in_person", "carried_over", "early", "on_time", "late", "pending_within", "pending_overdue",
        "digitised", "e_results")}, received=t.total_received, settled=t.total_settled, pending=t.total_pending)
    assert check(TthcReport(START, END, rows, stated)) == []
    r = rates(report)
    assert all(v is None or 0 <= v <= 100 for v in r.values())
    if t.total_settled:
        # three shares of one whole, each rounded to 0,1: their sum is 100 within the rounding
        assert abs(r["early"] + r["on_time"] + r["late"] - 100) <= 0.15 + 1e-9


@given(consistent_rows(), st.integers(0, 5), st.integers(1, 50))
def test_one_changed_count_is_always_caught_and_named(rows, which, delta):
    row = rows[which % len(rows)]
    broken = replace(row, late=row.late + delta)
    problems = check(TthcReport(START, END, tuple(broken if r is row else r for r in rows)))
    assert any(p.rule == "received_settled_pending" and p.line == row.line for p in problems)
