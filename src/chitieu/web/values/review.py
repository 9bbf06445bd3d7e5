"""What a reviewer reads: the queue (pending first, counts per town and per indicator, in a
fixed number of queries whatever the number of submissions) and, for one submission, each
value with its previous years, the change, the target, the verdict of the one evaluation
(``chitieu.core.evaluate``), the rule and outlier findings and the comments made on it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q

from chitieu.core.evaluate import evaluate_plan
from chitieu.core.numbers import format_number
from chitieu.core.series import ValueStatus
from chitieu.web.access import unit_ids_with
from chitieu.web.values.models import Submission, Value, ValueComment, is_valid_number

PENDING_ORDER = {Submission.State.SUBMITTED: 0, Submission.State.APPROVED: 1, Submission.State.RETURNED: 2,
                 Submission.State.DRAFT: 3, Submission.State.ACCEPTED: 4}
PAST_YEARS = 3


@dataclass
class Queue:
    submissions: list
    by_town: list  # (town, pending, total)
    by_indicator: list  # (code, name, values awaiting review)
    pending: int


def queue(user, *, state: str = "", town_id: int | None = None) -> Queue:
    """The submissions ``user`` reviews, pending first (submitted, then approved awaiting the
    province, then the rest), with the counts. Four queries plus the user's memberships."""
    ids = unit_ids_with(user, "review")
    qs = Submission.objects.select_related("unit", "unit__parent", "plan", "plan__unit", "approved_by",
                                           "accepted_by", "submitted_by")
    if ids is not None:
        qs = qs.filter(unit_id__in=ids)
    every = list(qs)
    pending_states = (Submission.State.SUBMITTED, Submission.State.APPROVED)
    towns: dict[int, list] = {}
    for s in every:
        town = s.unit.parent or s.unit
        entry = towns.setdefault(town.pk, [town, 0, 0])
        entry[2] += 1
        entry[1] += s.state in pending_states
    shown = [s for s in every if (not state or s.state == state)
             and (town_id is None or (s.unit.parent_id or s.unit_id) == town_id)]
    shown.sort(key=lambda s: (PENDING_ORDER.get(s.state, 9), s.unit.code, -s.year, s.plan_id))
    awaiting = Submission.objects.filter(unit_id=OuterRef("unit_id"), year=OuterRef("year"), state__in=pending_states,
                                         plan__targets__indicator_id=OuterRef("indicator_id"))
    values = Value.objects.filter(Exists(awaiting))
    if ids is not None:
        values = values.filter(unit_id__in=ids)
    by_indicator = list(values.values_list("indicator__code", "indicator__name")
                        .annotate(n=Count("id")).order_by("-n", "indicator__code"))
    return Queue(shown, sorted(towns.values(), key=lambda t: (-t[1], t[0].code)), by_indicator,
                 sum(1 for s in every if s.state in pending_states))


@dataclass
class ReviewRow:
    entry: object  # values.entry.EntryRow
    past: list = field(default_factory=list)  # (year, text)
    change: str = ""
    verdict: str = ""
    reason: str = ""
    findings: list = field(default_factory=list)  # rules.checking.Item
    comments: list = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return bool(self.findings)


def _best(values_by_status: dict) -> float | None:
    for status in (ValueStatus.OFFICIAL.value, ValueStatus.PRELIMINARY.value, ValueStatus.ESTIMATE.value):
        v = values_by_status.get(status)
        if v is not None:
            return v
    return None


def review_rows(submission) -> tuple[list[ReviewRow], object]:
    """Each value of the submission with its context; and the year's check (rules.checking)."""
    from chitieu.web.rules.checking import check_year
    from chitieu.web.values.entry import build_rows

    unit, plan, year = submission.unit, submission.plan, submission.year
    entries = build_rows(unit, plan, year)
    codes = [r.code for r in entries]
    stored: dict[str, dict[int, dict]] = {}
    for code, y, status, value in Value.objects.filter(
            unit=unit, indicator__code__in=codes, year__gte=year - PAST_YEARS, year__lte=year).exclude(
            status=ValueStatus.PLAN.value).values_list("indicator__code", "year", "status", "value"):
        if is_valid_number(value):
            stored.setdefault(code, {}).setdefault(y, {})[status] = float(value)
    core = plan.to_core(unit=unit, as_of=year, approved_only=False)
    verdicts = {ev.indicator.code: ev for ev in evaluate_plan(core, parts=True)}
    checked = check_year(unit, plan, year)
    comments: dict[str, list] = {}
    for c in ValueComment.objects.filter(submission=submission).select_related("indicator", "author"):
        comments.setdefault(c.indicator.code, []).append(c)
    rows = []
    for entry in entries:
        code = entry.code
        decimals = entry.indicator.decimals
        by_year = {y: _best(s) for y, s in stored.get(code, {}).items()}
        past = [(y, format_number(by_year[y], decimals)) for y in range(year - PAST_YEARS, year)
                if by_year.get(y) is not None]
        row = ReviewRow(entry=entry, past=past, findings=checked.for_indicator(code), comments=comments.get(code, []))
        now, before = by_year.get(year), by_year.get(year - 1)
        if now is not None and before not in (None, 0):
            if (entry.indicator.unit or "").strip() == "%":
                row.change = format_number(now - before, 1) + " điểm %"
            else:
                row.change = format_number((now - before) / abs(before) * 100, 1) + "%"
        ev = verdicts.get(code)
        if ev is not None:
            row.verdict, row.reason = ev.label, str(ev.reason)
        rows.append(row)
    return rows, checked


def returned_codes(submission) -> set[str]:
    """The codes returned for correction and not yet resubmitted."""
    return set(ValueComment.objects.filter(submission=submission, returned=True, resolved=False)
               .values_list("indicator__code", flat=True))


def pending_q():
    return Q(state__in=(Submission.State.SUBMITTED, Submission.State.APPROVED))
