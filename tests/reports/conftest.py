"""Shared fixtures of the report tests: the Quảng Trị example plan (built from seed 002's
Phụ lục 1) and its report, generated once and reopened the way Word would read it."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from chitieu.planfile import load_plan
from chitieu.reports.document import report_bytes

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "quang-tri-2020-2025.yaml"
ISSUED = date(2026, 1, 5)
NUMBER = "125/BC-UBND"


@pytest.fixture(scope="session")
def plan():
    return load_plan(EXAMPLE)


@pytest.fixture(scope="session")
def report_docx(plan) -> bytes:
    return report_bytes(plan, issued=ISSUED, number=NUMBER)


@pytest.fixture()
def report(report_docx):
    return Document(io.BytesIO(report_docx))


def body_paragraphs(doc):
    """The paragraphs of the document body outside tables, in order."""
    return list(doc.paragraphs)


def paragraph_texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def appendix_table(doc):
    """Phụ lục 1's table: the first table headed "STT | CHỈ TIÊU" (the appendices after it,
    Phụ lục 2 and the calculations, follow in their own sections)."""
    for table in doc.tables:
        if len(table.columns) > 2 and table.rows[0].cells[1].text in ("CHỈ TIÊU", "Tên chỉ tiêu"):
            return table
    raise AssertionError("no Phụ lục 1 table")
