"""Helpers for the extraction tests: where the seeds are, and small DOCX/PDF reports built on the spot."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from seeds import GOLD, SEED_000, SEED_002, SEED_004, SEEDS, SHARED, need_seeds  # noqa: F401  (re-exported)

_W = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def _p(text: str, footnote: int | None = None) -> str:
    ref = (
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{footnote}"/></w:r>'
        if footnote
        else ""
    )
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>{ref}</w:p>'


def _cell(text: str) -> str:
    return '<w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/></w:tcPr>' + _p(text) + "</w:tc>"


def build_docx(
    path: Path, paragraphs: list[tuple[str, int | None]], table: list[list[str]], footnotes: dict[int, str]
) -> Path:
    """A minimal Word file: paragraphs (with footnote references), one table, footnote bodies."""
    rows = "".join("<w:tr>" + "".join(_cell(c) for c in row) + "</w:tr>" for row in table)
    body = "".join(_p(t, f) for t, f in paragraphs[:2])
    grid = '<w:gridCol w:w="2400"/>' * len(table[0])
    body += f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>'
    body += "".join(_p(t, f) for t, f in paragraphs[2:])
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>{body}<w:sectPr/></w:body></w:document>'
    notes = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {escape(t)}</w:t></w:r></w:p></w:footnote>'
        for i, t in footnotes.items()
    )
    footnotes_xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {_W}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        f"{notes}</w:footnotes>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
        "</Relationships>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels", doc_rels)
        z.writestr("word/footnotes.xml", footnotes_xml)
    return path


REPORT_PARAGRAPHS = [
    ("1. Kết quả thực hiện các chỉ tiêu chủ yếu", None),
    ("Tỷ lệ người dân tham gia bảo hiểm y tế năm 2020 đạt 94,1% (chỉ tiêu trên 80%).", 1),
    ("Thu nhập bình quân đầu người năm 2020 đạt 71 triệu đồng/người/năm.", None),
]
REPORT_TABLE = [["Chỉ tiêu", "Đơn vị", "Kết quả"], ["Số hộ nghèo", "hộ", "13"]]
REPORT_FOOTNOTES = {1: "Năm 2016 có 34 hộ nghèo, năm 2020 còn 13 hộ nghèo."}


def soffice_convert(source: Path, outdir: Path, target: str = "pdf") -> Path:
    """Convert with LibreOffice (headless, private profile); skip the test when it is absent."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed: cannot make a PDF fixture")
    profile = outdir / "lo-profile"
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{profile}",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = outdir / (source.stem + "." + target.split(":")[0])
    assert out.exists(), f"soffice made no {out.suffix} from {source}"
    return out
