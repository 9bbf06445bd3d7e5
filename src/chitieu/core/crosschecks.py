"""Document cross-checks: what a source document states, against what its own values give.

Owns: the check of stated figures (growth index, average rate, growth, multiple, % of plan,
x/y shares) by the tolerance their written digits allow (``core.stated``), widened by the
precision their inputs are written to; the check of a stated verdict; the stated figures of
"Trong đó" parts without a target of their own (checked with their parent); and a total
against the sum of its breakdown. A truncated figure is a warning, a contradiction an error
(a discrepancy).

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from chitieu.core.growth import (
    GROWTH_DECIMALS,
    MULTIPLE_DECIMALS,
    SHARE_DECIMALS,
    EvaluationError,
    growth_index,
    half_unit,
)
from chitieu.core.numbers import format_number, round_half_up
from chitieu.core.series import Series
from chitieu.core.stated import Agreement, Stated, StatedError
from chitieu.core.verdict import STATUS_LABELS, Evaluation, Figure, StatedCheck, Status

# Stated keys that name a figure, and how that figure follows from its inputs (used to widen
# it by the inputs' precision). Every function rises with its first input and falls with its
# second, so the extremes come from opposite ends of the two inputs' intervals.
_FROM_INPUTS: dict[str, tuple[tuple[str, str], Callable[[float, float, int], float]]] = {
    "index": (("Vn", "V0"), lambda vn, v0, n: growth_index(v0, vn, n)),
    "cagr": (("Vn", "V0"), lambda vn, v0, n: growth_index(v0, vn, n) - 100.0),
    "multiple": (("Vn", "V0"), lambda vn, v0, n: vn / v0),
    "growth": (("Vn", "V0"), lambda vn, v0, n: 100.0 * (vn / v0 - 1.0)),
    "percent_of_plan": (("V", "chỉ tiêu"), lambda v, plan, n: 100.0 * v / plan),
    "share": (("x", "y"), lambda x, y, n: 100.0 * x / y),
}
STATED_FIGURE_KEYS = frozenset(_FROM_INPUTS)
STATED_KEYS = STATED_FIGURE_KEYS | {"status"}

_DEFAULT_DECIMALS = {
    "index": GROWTH_DECIMALS,
    "cagr": GROWTH_DECIMALS,
    "growth": GROWTH_DECIMALS,
    "multiple": MULTIPLE_DECIMALS,
    "percent_of_plan": 1,
    "share": SHARE_DECIMALS,
}
_NOUNS = {"percent_of_plan": "tỷ lệ thực hiện so với chỉ tiêu", "share": "tỷ lệ"}
_PERCENT_KEYS = {"cagr", "growth", "percent_of_plan", "share"}
# Inputs known exactly: a target as set, a count of years, the x and y of an x/y count.
_EXACT_INPUTS = {"chỉ tiêu", "n", "x", "y"}


def _fmt(x: float, decimals: int | None = None) -> str:
    return format_number(x, decimals)


def check_figure(fig: Figure, stated: Stated, *, subject: str = "") -> StatedCheck:
    """Compare a stated figure with a computed one of the same ``fig.key``."""
    inputs = dict(fig.inputs)
    low = high = None
    inputs_text = ""
    rule = _FROM_INPUTS.get(fig.key.split(":", 1)[0])
    if rule is not None:
        (up, down), f = rule
        if up in inputs and down in inputs:
            a, b, n = inputs[up], inputs[down], int(inputs.get("n", 1))
            da = 0.0 if up in _EXACT_INPUTS else half_unit(a)
            db = 0.0 if down in _EXACT_INPUTS else half_unit(b)
            try:
                low, high = f(a - da, b + db, n), f(a + da, b - db, n)
            except (EvaluationError, ZeroDivisionError):
                low = high = None
            inputs_text = {
                "V0": f"{_fmt(b)} → {_fmt(a)}",
                "chỉ tiêu": f"{_fmt(a)} / {_fmt(b)}",
                "y": f"{_fmt(a)}/{_fmt(b)}",
            }[down]
    key = fig.key.split(":", 1)[0]
    decimals = max(fig.decimals if fig.decimals is not None else _DEFAULT_DECIMALS.get(key, 2), stated.decimals)
    return StatedCheck(
        key=fig.key,
        noun=_NOUNS.get(key, fig.label[:1].lower() + fig.label[1:]),
        stated=stated,
        computed=fig.value,
        decimals=decimals,
        agreement=stated.agrees(fig.value, low=low, high=high),
        inputs_text=inputs_text,
        low=low,
        high=high,
        subject=subject,
        unit="%" if key in _PERCENT_KEYS else "",
    )


def stated_figure_checks(
    figures: tuple[Figure, ...], stated: Mapping[str, object], *, subject: str = ""
) -> list[StatedCheck]:
    """The stated figures (every key but ``status``) that the computed ``figures`` can check."""
    by_key = {f.key: f for f in figures}
    out = []
    for key, written in stated.items():
        if key == "status" or key not in STATED_FIGURE_KEYS or key not in by_key:
            continue
        try:
            claim = Stated.parse(written)
        except StatedError:
            continue  # plan files refuse these when read; a caller's bad claim is not ours to judge
        out.append(check_figure(by_key[key], claim, subject=subject))
    return out


def _status_note(ev: Evaluation, claimed) -> str | None:
    try:
        claimed_status = Status(str(claimed))
    except ValueError:
        return None
    claimed_met = claimed_status in (Status.DAT, Status.VUOT)
    if ev.status is Status.CHUA_DU_SO_LIEU or claimed_met == ev.met:
        return None
    return f"Văn bản ghi “{STATUS_LABELS[claimed_status]}” nhưng số liệu cho “{STATUS_LABELS[ev.status]}”"


def with_checks(ev: Evaluation, checks: list[StatedCheck], notes: list[str] = ()) -> Evaluation:
    """``ev`` with ``checks`` added: wrong figures (and ``notes``) become discrepancies, truncated
    ones warnings; an evaluation with nothing to add is returned as it is."""
    errors = [c.sentence for c in checks if c.agreement is Agreement.WRONG]
    if not (notes or checks):
        return ev
    return replace(
        ev,
        discrepancies=ev.discrepancies + tuple(notes) + tuple(errors),
        checks=ev.checks + tuple(checks),
        _explained=ev._explained,
    )


def check_stated(ev: Evaluation, stated: Mapping[str, object]) -> Evaluation:
    """Compare what a document claims with what its own values give.

    A stated figure is wrong only if no inputs within the precision they are written to
    (±half a unit of their last decimal) give a value that rounds to its written digits:
    101,00 from 83,8 → 88,1 (101,01) passes, 106,46 from 98,1 → 126,0 (105,13) does not,
    "35" for 35,15 passes. A figure whose digits are cut rather than rounded (35,4 for 35,46)
    is a warning.
    """
    notes: list[str] = []
    checks: list[StatedCheck] = []
    for key, written in stated.items():  # in the document's order
        if key == "status":
            note = _status_note(ev, written)
            if note:
                notes.append(note)
            continue
        if key not in STATED_FIGURE_KEYS:
            continue
        for check in stated_figure_checks(ev.figures, {key: written}):
            checks.append(check)
            if check.agreement is Agreement.WRONG:
                notes.append(check.sentence)
    if not (notes or checks):
        return ev
    return replace(
        ev,
        discrepancies=ev.discrepancies + tuple(notes),
        checks=ev.checks + tuple(checks),
        _explained=ev._explained,
    )


def span_figures(series: Series, base_year: int, as_of: int | None) -> tuple[Figure, ...]:
    """The figures a table states for a row without a target: the average growth index and
    rate and the multiple from ``base_year`` to the latest year ≤ ``as_of``."""
    v0 = series.get(base_year)
    last = series.latest(as_of)
    if v0 is None or last is None or last.year <= base_year or v0.value <= 0 or last.value < 0:
        return ()
    n = last.year - base_year
    inputs = (("V0", v0.value), ("Vn", last.value), ("n", n))
    span = f"{base_year + 1}-{last.year}" if n > 1 else str(last.year)
    index = growth_index(v0.value, last.value, n)
    return (
        Figure("index", f"Chỉ số phát triển bình quân giai đoạn {span} (năm trước = 100)", index, None,
               "100 × (Vn / V0)^(1/n)", inputs, GROWTH_DECIMALS),
        Figure("cagr", "Tốc độ tăng bình quân", index - 100.0, "%", "(Vn / V0)^(1/n) − 1", inputs,
               GROWTH_DECIMALS),
        Figure("multiple", f"Gấp (lần) năm {base_year}", last.value / v0.value, "lần", "Vn / V0", inputs[:2],
               MULTIPLE_DECIMALS),
    )


def part_checks(children, *, base_year: int, as_of: int | None) -> list[StatedCheck]:
    """Stated figures of "Trong đó" parts that have no target of their own (their own
    evaluation checks the others), each named by its part: seed 002's "Thu từ thuế, phí, lệ
    phí … 101,5" where 42,5 → 45,0 give 101,15."""
    out: list[StatedCheck] = []
    stack = list(children)
    while stack:
        child = stack.pop(0)
        stack[:0] = list(child.children)
        if child.target is not None or not (STATED_FIGURE_KEYS & child.stated.keys()):
            continue
        figures = span_figures(child.series, base_year, as_of)
        out.extend(stated_figure_checks(figures, child.stated, subject=child.indicator.name))
    return out


def share_of(part: float, whole: float, *, label: str = "Tỷ lệ") -> Figure:
    """An x/y count as a percentage, recomputed from its parts ("1495/1520 hộ" → 98,36%)."""
    if whole <= 0:
        raise EvaluationError("mẫu số phải dương / the denominator must be positive")
    return Figure("share", label, 100.0 * part / whole, "%", "100 × x / y", (("x", part), ("y", whole)),
                  SHARE_DECIMALS)


def check_share(stated_percent: object, part: float, whole: float) -> StatedCheck | None:
    """A stated percentage against its own count ("98,3% (1495/1520)"): None when it follows,
    else the check (``agreement`` TRUNCATED is a warning, WRONG an error)."""
    check = check_figure(share_of(part, whole), Stated.parse(stated_percent))
    return None if check.agreement is Agreement.OK else check


def check_breakdown(total: Series, parts: list[Series], *, name: str = "") -> list[str]:
    """Years in which a total disagrees with the sum of its breakdown ("Trong đó" parts that
    make up the whole), beyond the precision the numbers are written to."""
    notes = []
    for obs in total:
        values = [p.value(obs.year) for p in parts]
        if any(v is None for v in values):
            continue
        summed = sum(values)
        slack = half_unit(obs.value) + sum(half_unit(v) for v in values)
        if abs(summed - obs.value) > slack + 1e-9:
            notes.append(
                f"{name + ' ' if name else ''}năm {obs.year}: tổng ghi {_fmt(obs.value)} nhưng các thành phần "
                f"cộng lại {_fmt(round_half_up(summed, 6))}"
            )
    return notes
