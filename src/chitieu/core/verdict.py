"""Verdict types of an evaluation and the one rule that judges a number against a bound.

Owns: ``Status`` (vượt / đạt / không đạt / chưa đủ số liệu) and ``Progress`` (đạt / chưa
đạt tiến độ) with their labels; ``Figure`` (a computed number with its inputs, rule and the
decimals it is printed with); ``Reason`` (the clause and the verdict label as separate data,
so no caller has to split a sentence again); ``StatedCheck`` (a figure a document states,
compared with the one computed); ``Evaluation``; ``judge`` (and ``judge_at``: judged as
printed, rounded half-up first), whose rule is made once per bound by ``judging``, since a
national batch judges the same targets hundreds of thousands of times; and the summary line
"13/18 chỉ tiêu đạt và vượt".

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from chitieu.core.growth import EvaluationError
from chitieu.core.indicators import Direction, Indicator
from chitieu.core.numbers import format_number, round_half_up
from chitieu.core.stated import Agreement, Stated
from chitieu.core.targets import Bound, Form, Op, Target


class Status(StrEnum):
    VUOT = "vuot"
    DAT = "dat"
    KHONG_DAT = "khong_dat"
    CHUA_DU_SO_LIEU = "chua_du_so_lieu"


STATUS_LABELS: dict[Status, str] = {
    Status.VUOT: "Vượt",
    Status.DAT: "Đạt",
    Status.KHONG_DAT: "Không đạt",
    Status.CHUA_DU_SO_LIEU: "Chưa đủ số liệu",
}


class Progress(StrEnum):
    ON_TRACK = "dat_tien_do"
    OFF_TRACK = "chua_dat_tien_do"


PROGRESS_LABELS: dict[Progress, str] = {
    Progress.ON_TRACK: "Đạt tiến độ",
    Progress.OFF_TRACK: "Chưa đạt tiến độ",
}


@dataclass(frozen=True, slots=True, init=False)
class Figure:
    """A computed number with what it was computed from and how, for audit and explanation.

    ``key`` is stable for programs (``cagr``, ``index``, ``percent_of_plan``, ``multiple``,
    ``change``, ``points``, ``share:<part>``, ``required_rate``, ``projected``); ``label`` is
    the Vietnamese name; ``rule`` the formula in words; ``inputs`` the named numbers used;
    ``decimals`` how many decimals a report prints it with (None: as many as it needs).
    """

    key: str
    label: str
    value: float
    unit: str | None
    rule: str
    inputs: tuple[tuple[str, float], ...] = ()
    decimals: int | None = None

    def __init__(self, key, label, value, unit, rule, inputs=(), decimals=None) -> None:
        _set_figure(self, key, label, value, unit, rule, inputs, decimals)

    @property
    def printed(self) -> str:
        """The value as a report prints it ("117,08"), half-up at ``decimals``."""
        return format_number(self.value, self.decimals)


def _slot_setters(cls, names: str):
    """The slot descriptors' setters of a frozen slots dataclass: an ``__init__`` that sets
    through them skips the frozen ``__setattr__`` and costs a third less — and evaluations
    and their figures are created by the hundred thousand."""
    return tuple(getattr(cls, n).__set__ for n in names.split())


_FIGURE_SLOTS = _slot_setters(Figure, "key label value unit rule inputs decimals")


def _set_figure(obj, key, label, value, unit, rule, inputs, decimals, _s=_FIGURE_SLOTS) -> None:
    _s[0](obj, key)
    _s[1](obj, label)
    _s[2](obj, value)
    _s[3](obj, unit)
    _s[4](obj, rule)
    _s[5](obj, inputs)
    _s[6](obj, decimals)


@dataclass(frozen=True, slots=True)
class Forecast:
    """Where the indicator ends the term at the current pace."""

    year: int
    projected: float
    at_risk: bool
    required_rate: float | None  # % per year still needed in the remaining years (growth targets)
    sentence: str


class Reason(NamedTuple):
    """Why an evaluation came out as it did, as data: ``clause`` ("Bình quân 2021-2025 tăng
    17,08%/năm, trong khoảng chỉ tiêu 17-19%/năm") and ``verdict`` (the label it ends with:
    a status, or the progress of a term not yet over). ``str()`` is the one sentence.
    (A named tuple: built once per explained evaluation, it must be cheap.)"""

    clause: str
    verdict: str

    def __str__(self) -> str:
        return f"{self.clause}: {self.verdict}" if self.clause else ""


@dataclass(frozen=True, slots=True)
class StatedCheck:
    """A figure a source document states, checked against the one its own values give.

    ``subject`` names the row when it is a "Trong đó" part checked with its parent; ``noun``
    names the figure in Vietnamese ("chỉ số phát triển bình quân …"); ``computed`` is the
    central value, ``low``/``high`` the range the inputs' written precision allows;
    ``inputs_text`` says what it was computed from ("98,1 → 126").
    """

    key: str
    noun: str
    stated: Stated
    computed: float
    decimals: int
    agreement: Agreement
    inputs_text: str = ""
    low: float | None = None
    high: float | None = None
    subject: str = ""
    unit: str = ""  # "%" when the figure is a percentage

    @property
    def ok(self) -> bool:
        return self.agreement is Agreement.OK

    @property
    def sentence(self) -> str:
        """The check in one Vietnamese sentence (an error, or a warning for a truncation)."""
        lead = f"{self.subject}: " if self.subject else ""
        source = f"từ {self.inputs_text} " if self.inputs_text else ""
        stated = self.stated.printed() + self.unit
        computed = format_number(self.computed, self.decimals) + self.unit
        if self.agreement is Agreement.TRUNCATED:
            # One more decimal than written, so the cut digit shows (98,36 for "98,3").
            computed = format_number(self.computed, max(self.decimals, self.stated.decimals + 1)) + self.unit
            rounded = format_number(self.computed, self.stated.decimals) + self.unit
            return (
                f"{lead}Văn bản ghi {self.noun} là {stated}: số {source}tính được {computed} "
                f"bị cắt bớt chữ số, làm tròn đúng là {rounded}"
            )
        if self.agreement is Agreement.OK:
            return f"{lead}Văn bản ghi {self.noun} là {stated}, khớp với số {source}tính được {computed}"
        return f"{lead}Văn bản ghi {self.noun} là {stated}, nhưng {source}tính được {computed}"


def _no_explanation() -> tuple[Reason, tuple]:
    return Reason("", ""), ()


@dataclass(frozen=True, slots=True, eq=False, init=False)
class Evaluation:
    """The verdict on one indicator, with its reason and the figures behind it.

    ``reason`` and ``figures`` are produced by ``explain`` on first access and then kept.
    ``discrepancies`` are errors a source document makes against its own values;
    ``warnings`` what it writes imprecisely but not wrongly (a truncated figure), derived from
    ``checks``: the stated-figure comparisons behind both, as data.
    """

    indicator: Indicator
    target: Target
    status: Status
    progress: Progress | None = None  # set only for a term not yet over
    forecast: Forecast | None = None
    discrepancies: tuple[str, ...] = ()  # what a source document states that its values contradict
    explain: Callable[[], tuple[Reason, tuple[Figure, ...]]] = field(default=_no_explanation, repr=False)
    # The explanation once written (None before): no per-evaluation allocation, as a national
    # roll-up creates hundreds of thousands of evaluations and explains few of them.
    _explained: tuple | None = field(default=None, repr=False)
    checks: tuple[StatedCheck, ...] = ()
    # The assigned figures (core.assigned.Assigned: value, year, source document) a target
    # "đạt và vượt chỉ tiêu giao" was judged against, for the report to name them.
    assigned: tuple = ()

    def __init__(self, indicator, target, status, progress=None, forecast=None, discrepancies=(),
                 explain=_no_explanation, _explained=None, checks=(), assigned=()) -> None:
        _set_evaluation(self, indicator, target, status, progress, forecast, discrepancies, explain, _explained,
                        checks, assigned)

    def _explanation(self) -> tuple[Reason, tuple[Figure, ...]]:
        explained = self._explained
        if explained is None:
            explained = self.explain()
            object.__setattr__(self, "_explained", explained)  # a cache, not a change of value
        return explained

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the source document writes imprecisely but not wrongly (truncated figures)."""
        return tuple(c.sentence for c in self.checks if c.agreement is Agreement.TRUNCATED)

    @property
    def reason(self) -> str:
        """The verdict in one Vietnamese sentence."""
        return str(self._explanation()[0])

    @property
    def reason_parts(self) -> Reason:
        """The reason as data: the clause and the verdict label it ends with."""
        return self._explanation()[0]

    @property
    def clause(self) -> str:
        """The reason without its verdict label ("bình quân … thấp hơn chỉ tiêu 10-11%/năm")."""
        return self._explanation()[0].clause

    @property
    def figures(self) -> tuple[Figure, ...]:
        return self._explanation()[1]

    def figure(self, key: str) -> Figure | None:
        for f in self.figures:
            if f.key == key:
                return f
        return None

    @property
    def final(self) -> bool:
        """Whether ``status`` is the verdict of the target year's value. Before the target
        year it is only where the latest value stands; what is shown then is ``progress``."""
        return self.progress is None

    @property
    def state(self) -> str:
        """The one state every view shows: the status once final, else the progress
        ("dat_tien_do" / "chua_dat_tien_do")."""
        return str(self.status if self.progress is None else self.progress)

    @property
    def label(self) -> str:
        """The label of ``state``: "Đạt", "Không đạt"… once final, "Đạt tiến độ" /
        "Chưa đạt tiến độ" before the target year (never a final verdict too early)."""
        return STATUS_LABELS[self.status] if self.progress is None else PROGRESS_LABELS[self.progress]

    @property
    def met(self) -> bool:
        """Met as shown: Vượt or Đạt once final, on track before the target year."""
        if self.progress is not None:
            return self.progress is Progress.ON_TRACK
        return self.status in _MET


_MET = (Status.VUOT, Status.DAT)  # a tuple: ``in`` compares by identity first, an enum's hash is Python code
_EVALUATION_SLOTS = _slot_setters(
    Evaluation, "indicator target status progress forecast discrepancies explain _explained checks assigned"
)


def _set_evaluation(obj, indicator, target, status, progress, forecast, discrepancies, explain, explained, checks,
                    assigned=(), _s=_EVALUATION_SLOTS) -> None:
    _s[0](obj, indicator)
    _s[1](obj, target)
    _s[2](obj, status)
    _s[3](obj, progress)
    _s[4](obj, forecast)
    _s[5](obj, discrepancies)
    _s[6](obj, explain)
    _s[7](obj, explained)
    _s[8](obj, checks)
    _s[9](obj, assigned)


# The slot layout of ``Evaluation`` without its frozen ``__setattr__``: a batch
# (``core.evaluate.evaluate_many``) fills one in with plain attribute stores and then makes it
# an ``Evaluation`` (``__class__`` assignment between equal layouts), three times cheaper than
# the frozen constructor, for the hundreds of thousands of evaluations of a national batch.
_FreshEvaluation = type("_FreshEvaluation", (), {"__slots__": Evaluation.__slots__})


# ---------------------------------------------------------------------------------------
# Judging a number against a bound.
# ---------------------------------------------------------------------------------------


def higher_is_better(target: Target, indicator: Indicator) -> bool | None:
    """Which way is better for the number compared with the bound; None means keep a level."""
    if target.form in (Form.GROWTH, Form.CHANGE, Form.MULTIPLE):
        return True  # the bound is on the size of the growth, the change or the multiple
    if target.op in (Op.LT, Op.LE):
        return False
    if target.op in (Op.GT, Op.GE):
        return True
    if indicator.direction is Direction.LOWER_IS_BETTER:
        return False
    if indicator.direction is Direction.KEEP:
        return None
    return True


def judge(x: float, bound: Bound, higher_is_better: bool | None) -> Status:
    """Vượt / Đạt / Không đạt of ``x`` against ``bound``.

    A lower or upper bound ("trên 70%", "dưới 1%") is met (Đạt) when satisfied. An exact
    value or a range is exceeded (Vượt) beyond its better end; a level to keep is only Đạt
    or Không đạt.
    """
    return judging(bound, higher_is_better)(x)


def judge_at(x: float, decimals: int, bound: Bound, higher_is_better: bool | None) -> Status:
    """``judge`` of ``x`` as printed: rounded half-up at ``decimals`` (``core.numbers``) first."""
    return judging(bound, higher_is_better, decimals)(x)


# The rules, one per (bound, which way is better, decimals), made once per target: a national
# roll-up judges the same hundred targets hundreds of thousands of times. Keyed by identity
# (the bound is kept with its rule, so an id is never reused while its entry lives); bounded.
_RULES: dict[tuple, tuple] = {}
_RULES_MAX = 4096


def judging(bound: Bound, higher_is_better: bool | None, decimals: int | None = None) -> Callable[[float], Status]:
    """The rule ``x → judge(x, bound, higher_is_better)``; with ``decimals``, ``x`` is first
    rounded half-up at ``decimals`` as ``judge_at`` says."""
    key = (id(bound), higher_is_better, decimals)
    got = _RULES.get(key)
    if got is not None and got[0] is bound:
        return got[1]
    rule = _rule(bound, higher_is_better)
    if decimals is not None:
        rule = _rounded(rule, bound, decimals)
    if len(_RULES) >= _RULES_MAX:
        _RULES.clear()
    _RULES[key] = (bound, rule)
    return rule


def _rule(bound: Bound, higher_is_better: bool | None) -> Callable[[float], Status]:
    op, lo, hi = bound.op, bound.low, bound.high
    vuot, dat, khong = Status.VUOT, Status.DAT, Status.KHONG_DAT
    if op in (Op.GT, Op.GE, Op.LT, Op.LE):  # a lower or upper bound: met when satisfied (Bound.contains)
        op = Op(op)
        if op is Op.GT:
            return lambda x: dat if x > lo else khong
        if op is Op.GE:
            return lambda x: dat if x >= lo else khong
        if op is Op.LT:
            return lambda x: dat if x < hi else khong
        return lambda x: dat if x <= hi else khong
    if op is Op.EQ:
        lo = hi = bound.low
    elif op is not Op.RANGE:
        def refuse(x: float) -> Status:
            raise EvaluationError(f"cannot judge a number against {op}")
        return refuse
    # An exact value or a range: Đạt inside, Vượt beyond the better end, a level to keep
    # only Đạt (an exact level reached or passed) or Không đạt.
    if higher_is_better is None:
        if op is Op.EQ:
            return lambda x: dat if x >= lo else khong
        return lambda x: dat if lo <= x <= hi else khong
    if higher_is_better:
        return lambda x: vuot if x > hi else (dat if x >= lo else khong)
    return lambda x: vuot if x < lo else (dat if x <= hi else khong)


_ROUNDS_QUIETLY = 1e15  # round_half_up takes any number below this at 6 decimals or fewer


def _rounded(rule: Callable[[float], Status], bound: Bound, decimals: int) -> Callable[[float], Status]:
    """``rule`` of ``x`` rounded half-up at ``decimals``. Rounding moves a number by at most
    half a unit of its last decimal, so a number more than a whole unit away from every end of
    the bound is judged the same rounded or not, and only those nearer are rounded (most are
    not: rounding on the printed digits is the costly step)."""
    unit = 10.0 ** -decimals
    ends = [e for e in (bound.low, bound.high) if e is not None]
    if not ends or decimals > 6:
        return lambda x: rule(round_half_up(x, decimals))
    low, high = ends[0], ends[-1]

    def rounded(x: float) -> Status:
        # NaN, infinities and numbers too large to round at these decimals go to round_half_up
        # too, which refuses them as it always has
        if not -_ROUNDS_QUIETLY < x < _ROUNDS_QUIETLY or -unit <= x - low <= unit or -unit <= x - high <= unit:
            x = round_half_up(x, decimals)
        return rule(x)

    return rounded


_RELATION = {
    Status.VUOT: "vượt chỉ tiêu",
    Status.DAT: "đạt chỉ tiêu",
    Status.KHONG_DAT: "chưa đạt chỉ tiêu",
}


def relation(status: Status, bound: Bound) -> str:
    """How a result stands to its bound, in the words of a report ("trong khoảng chỉ tiêu")."""
    if status is Status.DAT and bound.op is Op.RANGE:
        return "trong khoảng chỉ tiêu"
    if status is Status.KHONG_DAT and bound.op is Op.RANGE:
        return "thấp hơn chỉ tiêu"
    return _RELATION[status]


# ---------------------------------------------------------------------------------------
# The summary of a plan.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Summary:
    met: int
    total: int
    not_met: tuple[str, ...]
    no_data: tuple[str, ...]

    @property
    def line(self) -> str:
        """ "13/18 chỉ tiêu đạt và vượt" (with the count lacking data when there is one)."""
        tail = f" ({len(self.no_data)} chỉ tiêu chưa đủ số liệu)" if self.no_data else ""
        return f"{self.met}/{self.total} chỉ tiêu đạt và vượt{tail}"


def summarize(evaluations: list[Evaluation]) -> Summary:
    met = 0
    not_met: list[str] = []
    no_data: list[str] = []
    none, on_track = Status.CHUA_DU_SO_LIEU, Progress.ON_TRACK
    for e in evaluations:  # one pass, ``Evaluation.met`` inlined: a national batch has hundreds of thousands
        progress, status = e.progress, e.status
        if (status in _MET) if progress is None else (progress is on_track):
            met += 1
        elif status is not none:
            not_met.append(e.indicator.name)
        if status is none:
            no_data.append(e.indicator.name)
    return Summary(met=met, total=len(evaluations), not_met=tuple(not_met), no_data=tuple(no_data))
