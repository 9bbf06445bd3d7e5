"""The draft against the data: every figure it states for an indicator and year, compared
with a plan file's values and its evaluation.

Owns ``compare_with_plan`` (a plan file) and ``compare_with_core`` (a ``core.plan.Plan`` already
built, as the web app's ``Plan.to_core(unit=…)`` gives it with the stored values). A draft statement is matched to the plan indicator whose name (or
alias) it is most like (``extract.matching.similarity`` ≥ 0,6, the best one, unit equal up to
the money scale); then
- a level for a year is compared with the stored value of that year;
- an average rate per year ("tăng bình quân 14,1%/năm") with the evaluation's CAGR over the
  term: "văn bản ghi tăng bình quân 14,1%/năm; số liệu đã duyệt cho 13,6%";
- a stated verdict with the status the evaluation computes.
The printed digits decide, as everywhere in the checker (``core.stated``).
"""

from __future__ import annotations

from pathlib import Path

from chitieu.check.common import Context, fmt, fmt_like, severity_of
from chitieu.check.finding import ERROR, Finding
from chitieu.check.twovalues import _number
from chitieu.core.evaluate import evaluate_plan
from chitieu.core.numbers import unit_scale
from chitieu.core.verdict import STATUS_LABELS, Status
from chitieu.extract.document import Document
from chitieu.extract.matching import similarity
from chitieu.planfile import load_plan

MATCH = 0.6


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.children)


def _same_unit(a: str | None, b: str | None) -> float | None:
    """Factor from draft unit ``a`` to plan unit ``b`` (money scales), or None if they differ."""
    if not a or not b:
        return None
    if a == b:
        return 1.0
    ha, hb = a.split(" ")[-1], b.split(" ")[-1]
    if ha == hb and ("đồng" in ha):
        return 10.0 ** (unit_scale(a) - unit_scale(b))
    return None


def compare_with_plan(doc: Document, plan_path: Path) -> list[Finding]:
    return compare_with_core(doc, load_plan(plan_path))


def compare_with_core(doc: Document, plan, *, ctx: Context | None = None) -> list[Finding]:
    """The draft's figures against ``plan`` (a ``core.plan.Plan`` with its values)."""
    ctx = ctx or Context.of(doc)
    evaluations = {e.indicator.code: e for e in evaluate_plan(plan)}
    items = [it for it in _walk(plan.items)]
    out: list[Finding] = []
    for s in ctx.statements:
        if s.kind != "result" or s.op != "=" or s.low is None:
            continue
        scored = [
            (max(similarity(s.indicator, n) for n in (it.indicator.name, *it.indicator.aliases)), it)
            for it in items
        ]
        scored = [x for x in scored if x[0] >= MATCH]
        if not scored:
            continue
        _, item = max(scored, key=lambda x: x[0])
        ind = item.indicator
        n = _number(ctx, s.line, s.low, s.unit)
        if n is None:
            continue
        ev = evaluations.get(ind.code)
        name = ind.name
        if s.unit == "%" and s.per_year and ind.unit != "%" and ev is not None:
            cagr = next((f for f in ev.figures if f.key == "cagr"), None)
            if cagr is None:
                continue
            sev = severity_of(n.agrees(cagr.value))
            if sev:
                computed = fmt_like(cagr.value, n) + "%"
                out.append(Finding(
                    "growth", sev, (s.line,), (n.text,),
                    f"{name}: văn bản ghi tăng bình quân {n.text}; số liệu đã duyệt cho {computed}.", computed, s.quote[:300],
                ))
        elif n.role == "level" and s.year is not None:
            factor = _same_unit(s.unit, ind.unit)
            obs = item.series.get(s.year)
            if factor is None or obs is None:
                continue
            value = obs.value / factor
            agreement = n.agrees(value)
            sev = severity_of(agreement)
            if sev:
                computed = fmt(value)
                out.append(Finding(
                    "same-indicator-two-values", sev, (s.line,), (n.text,),
                    f"{name} năm {s.year}: văn bản ghi {n.text}; số liệu đã duyệt cho {computed} {s.unit or ''}".rstrip() + ".",
                    computed, s.quote[:300],
                ))
        if s.stated_status and ev is not None and ev.status is not Status.CHUA_DU_SO_LIEU:
            claimed_met = s.stated_status in ("dat", "vuot")
            if claimed_met != ev.met:
                label = {"dat": "đạt", "vuot": "vượt", "khong_dat": "không đạt"}[s.stated_status]
                out.append(Finding(
                    "verdict", ERROR, (s.line,), (n.text,),
                    f"{name}: văn bản ghi “{label}”; số liệu đã duyệt cho “{STATUS_LABELS[ev.status]}” ({ev.reason}).",
                    STATUS_LABELS[ev.status], s.quote[:300],
                ))
    return out

