"""Helpers of the tests that run background jobs for real: the database queue's worker run once
over what is queued, and a filled collection workbook to upload."""

from __future__ import annotations

import io

from django.core.management import call_command
from openpyxl import load_workbook

from chitieu.web.exchange.collect import template


def run_jobs() -> None:
    """Run every job queued in the database queue (``db_worker --batch``), committing for real."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def filled_workbook(plan, unit, cells: dict[str, object], year=2024) -> bytes:
    """The collection workbook of ``unit``'s ``year`` with ``cells`` ({"E5": 262, …}) typed in."""
    buf = io.BytesIO()
    template(buf, plan, unit, year)
    wb = load_workbook(io.BytesIO(buf.getvalue()))
    for ref, value in cells.items():
        wb[unit.name][ref] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
