"""Completeness of a plan's year across the units below, and the partial roll-up.

``matrix(parent, plan, year)``: each child unit active in the year, its review status
(chưa nhập / đang nhập / đã gửi / đã duyệt / đã chấp nhận / trả lại), how many of the plan's
indicators it has entered, and the reporting rate (units whose data was sent or further).
``partial_rollups``: the roll-up of each indicator over the units that reported it, always
with "x/y đơn vị" beside the figure — a total over 1 of 2 wards is a figure about that one
ward, never the town's. A fixed number of queries whatever the number of units and submissions.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from chitieu.core.numbers import format_number
from chitieu.core.rollup import RollupError, combine
from chitieu.core.series import Observation, Series, ValueStatus
from chitieu.web.values.models import APPROVED_STATES, Submission, Value, is_valid_number

NOT_STARTED = "not_started"
REPORTED_STATES = (Submission.State.SUBMITTED, *APPROVED_STATES)


def status_label(state: str, entered: int) -> str:
    if state == NOT_STARTED or (state == Submission.State.DRAFT and entered == 0):
        return _("Chưa nhập") if entered == 0 else _("Đang nhập")
    return {Submission.State.DRAFT: _("Đang nhập"), Submission.State.SUBMITTED: _("Đã gửi"),
            Submission.State.APPROVED: _("Đã duyệt"), Submission.State.ACCEPTED: _("Đã chấp nhận"),
            Submission.State.RETURNED: _("Trả lại")}[state]


@dataclass
class UnitRow:
    unit: object
    state: str
    label: str
    entered: int
    total: int
    submission_id: int | None
    cells: list  # per indicator: True when entered

    @property
    def css(self) -> str:
        return "not_started" if self.entered == 0 and self.state in (NOT_STARTED, "draft") else self.state


@dataclass
class Matrix:
    rows: list
    indicators: list
    reported: int  # sent or further
    approved: int
    total: int

    @property
    def rate(self) -> str:
        return format_number(self.reported * 100 / self.total, 0) + "%" if self.total else "—"


def active_children(parent, year: int) -> list:
    return [c for c in parent.children.order_by("code") if c.is_active_in(year)]


def matrix(parent, plan, year: int) -> Matrix:
    children = active_children(parent, year)
    ids = [c.pk for c in children]
    targets = list(plan.targets.select_related("indicator").order_by("order", "indicator__code"))
    indicator_ids = [t.indicator_id for t in targets]
    entered: dict[int, set] = {}
    for unit_id, ind_id in (Value.objects.filter(unit_id__in=ids, year=year, indicator_id__in=indicator_ids)
                            .exclude(status=ValueStatus.PLAN.value).values_list("unit_id", "indicator_id").distinct()):
        entered.setdefault(unit_id, set()).add(ind_id)
    subs = {s[0]: s[1:] for s in Submission.objects.filter(unit_id__in=ids, plan=plan, year=year)
            .values_list("unit_id", "state", "pk")}
    rows = []
    for c in children:
        state, pk = subs.get(c.pk, (NOT_STARTED, None))
        got = entered.get(c.pk, set())
        rows.append(UnitRow(c, state, str(status_label(state, len(got))), len(got), len(indicator_ids), pk,
                            [i in got for i in indicator_ids]))
    return Matrix(rows, [t.indicator for t in targets],
                  reported=sum(r.state in REPORTED_STATES for r in rows),
                  approved=sum(r.state in APPROVED_STATES for r in rows), total=len(rows))


@dataclass
class PartialTotal:
    indicator: object
    value: float | None
    reported: int
    total: int
    note: str = ""

    @property
    def text(self) -> str:
        return "—" if self.value is None else format_number(self.value, self.indicator.decimals)

    @property
    def units_text(self) -> str:
        return _("%(x)d/%(y)d đơn vị") % {"x": self.reported, "y": self.total}

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.reported == self.total


def partial_rollups(parent, indicators, year: int, *, approved_only: bool = True) -> list[PartialTotal]:
    """For each of ``indicators`` (web Indicators with numerator/denominator/weight loaded), the
    combination by its aggregation rule over the active children that have the value (and what
    it is computed from) in ``year``; approved values only unless told otherwise. Two queries."""
    from chitieu.web.values.history import approved_values

    children = active_children(parent, year)
    codes = set()
    for ind in indicators:
        codes.add(ind.code)
        codes.update(x.code for x in (ind.numerator, ind.denominator, ind.weight) if x is not None)
    qs = Value.objects.filter(unit__in=children, year=year, indicator__code__in=codes).exclude(
        status=ValueStatus.PLAN.value)
    if approved_only:
        qs = approved_values(qs)
    have: dict[int, dict[str, list]] = {}
    for unit_id, code, status, value in qs.values_list("unit_id", "indicator__code", "status", "value"):
        if is_valid_number(value):
            have.setdefault(unit_id, {}).setdefault(code, []).append(Observation(year, float(value), ValueStatus(status)))
    out = []
    for ind in indicators:
        core = ind.to_core()
        needed = [ind.code] if ind.aggregation == "sum" else [
            x.code for x in (ind.numerator, ind.denominator, ind.weight) if x is not None] or [ind.code]
        if ind.aggregation == "weighted_mean":
            needed.append(ind.code)
        members = [{c: Series(have[u.pk].get(c, [])) for c in needed} for u in children
                   if u.pk in have and all(have[u.pk].get(c) for c in needed)]
        value, note = None, ""
        if members:
            try:
                obs = combine(core, members).get(year)
                value = obs.value if obs else None
            except RollupError as exc:
                note = str(exc)
        if ind.aggregation == "none":
            note = _("Không cộng gộp được (%(rule)s).") % {"rule": ind.get_aggregation_display()}
        out.append(PartialTotal(ind, value, len(members), len(children), note))
    return out


def reported_units(parent, plan, year: int) -> tuple[int, int]:
    """(approved at some level, active children) for the plan's year: the "x/y đơn vị" of a
    leader's scorecard. Two queries."""
    children = active_children(parent, year)
    # under any plan the ward follows (its own or the town's): the year's data is approved
    approved = (Submission.objects.filter(unit__in=children, year=year, state__in=APPROVED_STATES)
                .values("unit_id").distinct().count())
    return approved, len(children)
