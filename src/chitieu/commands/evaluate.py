"""``chitieu evaluate FILE``: evaluate a plan file and print the result as a table or JSON.

The JSON carries each evaluation as data: status, the reason and its parts (clause and
verdict), the figures with the decimals they print with, and the stated-figure checks
(discrepancies are errors, warnings truncations)."""

from __future__ import annotations

import json
import sys

from chitieu.core.evaluate import (
    GROWTH_DECIMALS,
    Evaluation,
    Status,
    evaluate_plan,
    summarize,
)
from chitieu.core.numbers import format_number
from chitieu.planfile import PlanFileError, load_plan


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "evaluate",
        help="đánh giá kết quả thực hiện một kế hoạch (tệp YAML/JSON)",
        description="Đánh giá kết quả thực hiện các chỉ tiêu của một kế hoạch. Định dạng tệp: docs/plan-file.md.",
    )
    p.add_argument("file", help="tệp kế hoạch .yaml/.yml/.json")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON cho máy đọc")
    p.set_defaults(func=run)


def evaluation_as_dict(e: Evaluation) -> dict:
    return {
        "code": e.indicator.code,
        "part_of": e.indicator.parent,  # the key indicator a "Trong đó" part belongs to, else None
        "indicator": e.indicator.name,
        "unit": e.indicator.unit,
        "target": e.target.phrase,
        # What every view shows: the status once final, the progress ("dat_tien_do" /
        # "chua_dat_tien_do") before the target year; "final" says which. "current_status" is
        # where the latest value stands against the target, kept as data, never a verdict.
        "status": e.state,
        "status_label": e.label,
        "final": e.final,
        "current_status": str(e.status),
        "reason": e.reason,
        "clause": e.clause,
        "verdict": e.reason_parts.verdict,
        "progress": str(e.progress) if e.progress else None,
        "figures": [
            {"key": f.key, "label": f.label, "value": f.value, "unit": f.unit, "rule": f.rule,
             "inputs": dict(f.inputs), "decimals": f.decimals, "printed": f.printed}
            for f in e.figures
        ],
        "forecast": None if e.forecast is None else {
            "year": e.forecast.year, "projected": e.forecast.projected, "at_risk": e.forecast.at_risk,
            "required_rate": e.forecast.required_rate, "sentence": e.forecast.sentence,
        },
        # The assigned figures (chỉ tiêu giao) a target "đạt và vượt chỉ tiêu giao" was judged
        # against, each with its document ("Quyết định số 123/QĐ-UBND ngày 10/01/2024 của UBND thị xã").
        "assigned": [a.as_dict() for a in e.assigned],
        "discrepancies": list(e.discrepancies),
        "warnings": list(e.warnings),
        "checks": [
            {"key": c.key, "subject": c.subject, "stated": c.stated.text, "stated_value": c.stated.value,
             "stated_decimals": c.stated.decimals, "interval": list(c.stated.interval()), "computed": c.computed,
             "low": c.low, "high": c.high, "agreement": str(c.agreement), "sentence": c.sentence}
            for c in e.checks
        ],
    }


_COLOURS = {Status.VUOT: "bold green", Status.DAT: "green", Status.KHONG_DAT: "red", Status.CHUA_DU_SO_LIEU: "yellow"}


def run(args) -> int:
    try:
        plan = load_plan(args.file)
    except PlanFileError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    # every indicator with a target, parts included (as the scorecard, the API and the report);
    # only key indicators count in the summary
    evaluations = evaluate_plan(plan, parts=True)
    key_codes = {item.indicator.code for item in plan.items}
    summary = summarize([e for e in evaluations if e.indicator.code in key_codes])
    if args.json:
        out = {
            "unit": plan.unit_name,
            "period": f"{plan.base_year}-{plan.final_year}",
            "source": plan.source,
            "summary": {"met": summary.met, "total": summary.total, "line": summary.line,
                        "not_met": list(summary.not_met), "no_data": list(summary.no_data)},
            "evaluations": [evaluation_as_dict(e) for e in evaluations],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=f"{plan.unit_name} — kế hoạch {plan.base_year}-{plan.final_year}", show_lines=True)
    for col in ("Mã", "Chỉ tiêu", "Chỉ tiêu kế hoạch", "Chỉ số BQ", "Đánh giá", "Lý do"):
        table.add_column(col)
    for e in evaluations:
        idx = e.figure("index")
        label = e.label
        reason = e.reason + "".join(f"\n⚠ {d}" for d in e.discrepancies)
        reason += "".join(f"\n· {w}" for w in e.warnings)
        if e.forecast:
            reason += f"\n→ {e.forecast.sentence}"
        table.add_row(
            e.indicator.code, e.indicator.name, e.target.phrase,
            format_number(idx.value, GROWTH_DECIMALS) if idx else "",
            f"[{_COLOURS[e.status] if e.final else ('green' if e.met else 'red')}]{label}[/]", reason,
        )
    console.print(table)
    if plan.source:
        console.print(f"Nguồn chỉ tiêu: {plan.source}")
    console.print(f"[bold]{summary.line}[/bold]")
    if summary.not_met:
        console.print("Chỉ tiêu không đạt: " + "; ".join(summary.not_met))
    return 0
