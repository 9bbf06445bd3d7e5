"""The data-entry sheet of one unit, plan and year: its rows as the template shows them.

Kept out of the view so that the view stays a few lines and the API can share the row reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chitieu.core.numbers import format_number
from chitieu.core.series import ValueStatus
from chitieu.web.values.models import STATUS_CHOICES, Value

_PREFERENCE = [ValueStatus.OFFICIAL, ValueStatus.PRELIMINARY, ValueStatus.ESTIMATE, ValueStatus.PLAN]


@dataclass
class EntryRow:
    indicator: object
    depth: int
    target: object
    value: str = ""
    status: str = ValueStatus.OFFICIAL.value
    source: str = ""
    note: str = ""
    value_id: int | None = None
    others: list[tuple[str, str]] = field(default_factory=list)  # (status label, value) of the other statuses
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.indicator.code


def _ordered_targets(plan):
    targets = list(plan.targets.select_related("indicator").order_by("order", "indicator__code"))
    ids = {t.indicator_id for t in targets}
    out = []

    def walk(t, depth):
        out.append((t, depth))
        for c in targets:
            if c.indicator.parent_id == t.indicator_id:
                walk(c, depth + 1)

    for t in targets:
        if t.indicator.parent_id not in ids:
            walk(t, 0)
    return out


def default_status(year: int, plan) -> str:
    """The final year of a running plan is usually an estimate; earlier years are official."""
    return ValueStatus.ESTIMATE.value if year >= plan.final_year else ValueStatus.OFFICIAL.value


def build_rows(unit, plan, year: int, posted: dict[str, dict] | None = None, errors: dict | None = None) -> list[EntryRow]:
    """One row per plan target; ``posted`` (code → typed fields) overrides stored values so that a
    refused form comes back as the user typed it, with ``errors`` beside the fields."""
    stored: dict[str, dict[str, Value]] = {}
    for v in Value.objects.filter(unit=unit, year=year, indicator__plan_targets__plan=plan).select_related("indicator"):
        stored.setdefault(v.indicator.code, {})[v.status] = v
    labels = dict(STATUS_CHOICES)
    rows = []
    for t, depth in _ordered_targets(plan):
        ind = t.indicator
        row = EntryRow(indicator=ind, depth=depth, target=t, status=default_status(year, plan))
        have = stored.get(ind.code, {})
        for st in _PREFERENCE:
            if st.value in have:
                v = have[st.value]
                row.value, row.status, row.source, row.note, row.value_id = (
                    format_number(float(v.value)), v.status, v.source, v.note, v.pk)
                break
        row.others = [(labels[s], format_number(float(v.value))) for s, v in have.items() if s != row.status]
        if posted and ind.code in posted:
            p = posted[ind.code]
            row.value, row.status, row.source, row.note = p["value"], p["status"], p["source"], p["note"]
        if errors:
            row.errors = {f: errors[f"{ind.code}.{f}"] for f in ("value", "status") if f"{ind.code}.{f}" in errors}
        rows.append(row)
    return rows


def rows_from_post(post, codes) -> dict[str, dict]:
    """The typed fields of each row present in the form: ``v-<code>``, ``s-<code>``, ``src-<code>``, ``n-<code>``."""
    out = {}
    for code in codes:
        if f"v-{code}" not in post:
            continue
        out[code] = {
            "indicator": code,
            "value": post.get(f"v-{code}", ""),
            "status": post.get(f"s-{code}", ""),
            "source": post.get(f"src-{code}", ""),
            "note": post.get(f"n-{code}", ""),
        }
    return out
