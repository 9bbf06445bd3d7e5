"""Fixtures for the extraction tests: small DOCX and PDF reports built on the spot."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_fixtures import REPORT_FOOTNOTES, REPORT_PARAGRAPHS, REPORT_TABLE, build_docx, soffice_convert


@pytest.fixture
def report_docx(tmp_path: Path) -> Path:
    return build_docx(tmp_path / "bao-cao.docx", REPORT_PARAGRAPHS, REPORT_TABLE, REPORT_FOOTNOTES)


@pytest.fixture
def report_pdf(report_docx: Path, tmp_path: Path) -> Path:
    return soffice_convert(report_docx, tmp_path / "pdf")
