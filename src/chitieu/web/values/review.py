"""What a reviewer reads: the queue (pending first, counts per town and per indicator, in a
fixed number of queries whatever the number of submissions) and, for one submission, each
value with its previous years, the change, the target, the verdict of the one evaluation
(``chitieu.core.evaluate``), the rule and outlier findings and the comments made on it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q

from chitieu.core.numbers import format_number
from chitieu.core.series import ValueStatus
from chitieu.web.access import unit_ids_with
from chitieu.web.evaluations.store import evaluated
from chitieu.web.units.models import AdministrativeUnit
from chitieu.web.values.models import Submission, Value, ValueComment, is_valid_number

PENDING_ORDER = {Submission.State.SUBMITTED: 0, Submission.State.APPROVED: 1, Submission.State.RETURNED: 2,
                 Submission.State.DRAFT: 3, Submission.State.ACCEPTED: 4}
PAST_YEARS = 3


PAGE_SIZE = 200  # submissions listed per page of the queue


@dataclass
class Queue:
    submissions: list  # the page shown, loaded with their units, plans and people
    by_town: list  # (town, pending, total)
    by_indicator: list  # (code, name, values awaiting review)
    pending: int
    ids: list = field(default_factory=list)  # every submission shown, in order (all pages)
    page: int = 1
    pages: int = 1


def queue(user, *, state: str = "", town_id: int | None = None, page: int = 1) -> Queue:
    """The submissions ``user`` reviews, pending first (submitted, then approved awaiting the
    province, then the rest), with the counts; ``page`` of ``PAGE_SIZE``. A fixed number of
    queries whatever the number of submissions: the counts and the order are read as plain rows
    (a province has thousands of reviews), only the page shown is loaded as objects."""
    ids = unit_ids_with(user, "review")
    qs = Submission.objects.order_by()
    if ids is not None:
        qs = qs.filter(unit_id__in=ids)
    every = list(qs.values_list("pk", "unit_id", "unit__parent_id", "unit__code", "year", "plan_id", "state"))
    pending_states = (Submission.State.SUBMITTED, Submission.State.APPROVED)
    counts: dict[int, list] = {}
    for _pk, unit_id, parent_id, _code, _year, _plan, st in every:
        entry = counts.setdefault(parent_id or unit_id, [0, 0])
        entry[1] += 1
        entry[0] += st in pending_states
    towns = AdministrativeUnit.objects.in_bulk(list(counts))
    by_town = sorted(([towns[pk], *n] for pk, n in counts.items() if pk in towns), key=lambda t: (-t[1], t[0].code))
    shown = [r for r in every if (not state or r[6] == state) and (town_id is None or (r[2] or r[1]) == town_id)]
    shown.sort(key=lambda r: (PENDING_ORDER.get(r[6], 9), r[3], -r[4], r[5]))
    order = [r[0] for r in shown]
    pages = max(1, -(-len(order) // PAGE_SIZE))
    page = min(max(1, page), pages)
    chosen = order[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]
    loaded = Submission.objects.select_related("unit", "unit__parent", "plan", "plan__unit", "approved_by",
                                               "accepted_by", "submitted_by").in_bulk(chosen)
    by_indicator = _awaiting_by_indicator([r for r in every if r[6] in pending_states])
    return Queue([loaded[pk] for pk in chosen if pk in loaded], by_town, by_indicator,
                 sum(1 for r in every if r[6] in pending_states), ids=order, page=page, pages=pages)


def _awaiting_by_indicator(pending: list) -> list[tuple[str, str, int]]:
    """(code, name, values awaiting review) per indicator over the ``pending`` submissions (rows
    of ``queue``: pk, unit id, parent id, unit code, year, plan id, state): the
    values of their unit and year on an indicator their plan has a target on (once, whatever the
    number of reviews holding it), most first.

    Counted once per (unit, year) and kept in the shared cache under the versions of that unit
    and of the plans of its pending reviews: those values cannot change without raising one of
    them (``evaluations.version``: a saved value, a submit, an approval, a reopen, a plan's
    targets), so a province's queue counts again only the years that changed since, not its
    75.000 values at every view."""
    from django.core.cache import cache

    from chitieu.web.catalog.models import Indicator
    from chitieu.web.evaluations.version import current_many

    if not pending:
        return []
    groups: dict[tuple[int, int], set] = {}
    for _pk, unit_id, _parent, _code, year, plan_id, _state in pending:
        groups.setdefault((unit_id, year), set()).add(plan_id)
    versions = current_many({(plan_id, unit_id) for (unit_id, _y), plans in groups.items() for plan_id in plans})
    keys = {}
    for (unit_id, year), plans in groups.items():
        plans = sorted(plans)
        stamp = "-".join(versions[(p, unit_id)].key for p in plans)
        keys[f"review-awaiting:1:{unit_id}:{year}:{stamp}"] = (unit_id, year)
    found = cache.get_many(list(keys))
    missing = [pair for key, pair in keys.items() if key not in found]
    if missing:
        units, years, wanted = {u for u, _y in missing}, {y for _u, y in missing}, set(missing)
        awaiting = Submission.objects.filter(unit_id=OuterRef("unit_id"), year=OuterRef("year"),
                                             state__in=(Submission.State.SUBMITTED, Submission.State.APPROVED),
                                             plan__targets__indicator_id=OuterRef("indicator_id"))
        counted: dict[tuple[int, int], dict[int, int]] = {pair: {} for pair in missing}
        for unit_id, year, indicator_id, n in (
                Value.objects.filter(unit_id__in=units, year__in=years).filter(Exists(awaiting)).order_by()
                .values_list("unit_id", "year", "indicator_id").annotate(n=Count("id"))):
            if (unit_id, year) in wanted:
                counted[(unit_id, year)][indicator_id] = n
        fresh = {key: counted[pair] for key, pair in keys.items() if pair in wanted}
        cache.set_many(fresh, timeout=24 * 3600)
        found.update(fresh)
    totals: dict[int, int] = {}
    for counts in found.values():
        for indicator_id, n in counts.items():
            totals[indicator_id] = totals.get(indicator_id, 0) + n
    names = {pk: (code, name) for pk, code, name in
             Indicator.objects.filter(pk__in=list(totals)).values_list("pk", "code", "name")}
    return sorted(((*names[pk], n) for pk, n in totals.items() if pk in names), key=lambda t: (-t[2], t[0]))


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
    # the one evaluation, read from the stored evaluations when current (a submit queues their refresh)
    done = evaluated(plan, unit, year, approved_only=False)
    verdicts = {ev.indicator.code: ev for ev in done.evaluations}
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
