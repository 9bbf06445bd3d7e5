"""Documents too large once decompressed are refused early, with the limit named; the extractor
is linear in its input; one document's reading has a time and a memory limit.

Each bomb here is small on disk and over one limit of ``chitieu.extract.limits`` (the upload
benchmark, ``benchmarks/bench_upload.py``, measures the full-size ones). Where a limit is large
(characters, decompressed PDF bytes) the test lowers it, so that a bomb just over it stays fast.
"""

from __future__ import annotations

import time
import zipfile
import zlib
from pathlib import Path

import pytest

from chitieu.extract import ExtractionError, extract, limits, read_document
from chitieu.extract.document import Document
from chitieu.extract.guarded import read_and_extract
from chitieu.extract.quantities import find_mentions
from chitieu.extract.sentences import sentence_spans

SENTENCE = "Tổng mức bán lẻ hàng hóa tăng 19-21%/năm. Tỷ lệ hộ nghèo còn dưới 1%."

# ---------------------------------------------------------------------------------------------
# Builders of real files.

_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def write_docx(path: Path, paragraphs: int, text: str = SENTENCE, extra_files: int = 0) -> Path:
    """A DOCX of ``paragraphs`` paragraphs (the first holds ``text``, the rest one letter each)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _DOCX_TYPES)
        z.writestr("_rels/.rels", _DOCX_RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>'.encode())
            f.write(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode())
            one = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
            left = paragraphs - 1
            while left > 0:
                n = min(left, 10_000)
                f.write(one * n)
                left -= n
            f.write(b"</w:body></w:document>")
        for i in range(extra_files):
            z.writestr(f"word/media/empty{i}.xml", "")
    return path


def write_pdf(path: Path, *, pages: int = 1, padding: int = 0, text: str = "Hello") -> Path:
    """A PDF whose pages share one Flate content stream: a line of ``text`` then ``padding``
    spaces, deflated while written (a bomb stays small on disk and in memory)."""
    offsets: list[int] = []
    with open(path, "wb") as f:

        def obj(body: bytes) -> None:
            offsets.append(f.tell())
            f.write(f"{len(offsets)} 0 obj\n".encode() + body + b"\nendobj\n")

        f.write(b"%PDF-1.4\n")
        first_page = 6
        kids = " ".join(f"{first_page + i} 0 R" for i in range(pages))
        obj(b"<< /Type /Catalog /Pages 2 0 R >>")
        obj(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
        obj(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        # 4: the content stream, its length in object 5
        offsets.append(f.tell())
        f.write(b"4 0 obj\n<< /Length 5 0 R /Filter /FlateDecode >>\nstream\n")
        start = f.tell()
        z = zlib.compressobj(9)
        f.write(z.compress(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET\n".encode("latin-1")))
        block = b" " * (16 << 20)
        left = padding
        while left > 0:
            n = min(left, len(block))
            f.write(z.compress(block[:n]))
            left -= n
        f.write(z.flush())
        length = f.tell() - start
        f.write(b"\nendstream\nendobj\n")
        obj(str(length).encode())
        for _ in range(pages):
            obj(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                b"/Resources << /Font << /F1 3 0 R >> >> >>")
        xref = f.tell()
        f.write(f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode())
        for off in offsets:
            f.write(f"{off:010d} 00000 n \n".encode())
        f.write(f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return path


def refused(path: Path, *words: str) -> str:
    with pytest.raises(ExtractionError) as err:
        read_document(path)
    message = str(err.value)
    for w in words:
        assert w in message, message
    return message


# ---------------------------------------------------------------------------------------------
# Limits after decompression.


def test_a_docx_of_more_paragraphs_than_the_limit_is_refused_before_it_is_parsed(tmp_path):
    path = write_docx(tmp_path / "bom.docx", limits.MAX_DOCX_PARAGRAPHS + 50_000)
    assert path.stat().st_size < 1_000_000  # small on disk
    start = time.perf_counter()
    message = refused(path, "số đoạn văn của DOCX", "hơn 200.000", "the number of paragraphs in the DOCX")
    assert time.perf_counter() - start < 5, message


def test_a_docx_just_under_the_paragraph_limit_is_read_as_before(tmp_path):
    path = write_docx(tmp_path / "ok.docx", 3)
    doc = read_document(path)
    assert doc.lines == (SENTENCE, "x", "x")
    assert [(s.indicator, s.low, s.high, s.unit) for s in extract(doc)] == [
        ("Tổng mức bán lẻ hàng hóa", 19, 21, "%"), ("Tỷ lệ hộ nghèo", None, 1, "%")
    ]


def test_a_docx_with_too_many_files_inside_is_refused(tmp_path):
    path = write_docx(tmp_path / "many.docx", 1, extra_files=limits.MAX_ZIP_ENTRIES)
    refused(path, "số tệp trong DOCX", f"{limits.MAX_ZIP_ENTRIES + 3:,}".replace(",", "."), "files inside the DOCX")


def test_a_pdf_whose_stream_inflates_past_the_limit_is_refused_without_inflating_it(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PDF_STREAM_BYTES", 8 * 2**20)
    path = write_pdf(tmp_path / "bomb.pdf", padding=64 * 2**20)
    assert path.stat().st_size < 200_000
    start = time.perf_counter()
    refused(path, "dữ liệu nén trong PDF khi giải nén", "hơn 8.388.608 byte", "the PDF's compressed streams inflated")
    assert time.perf_counter() - start < 5


def test_a_pdf_of_more_pages_than_the_limit_is_refused_before_any_page_is_read(tmp_path):
    path = write_pdf(tmp_path / "pages.pdf", pages=limits.MAX_PDF_PAGES + 1)
    refused(path, "số trang PDF", "hơn 3.000", "the number of PDF pages")


def test_a_pdf_within_the_limits_is_read(tmp_path):
    path = write_pdf(tmp_path / "ok.pdf", pages=2, padding=1000, text="Ty le ho ngheo")
    # Within every limit: read to the end (and refused only because the text is not Vietnamese).
    refused(path, "không phải tiếng Việt")


def test_text_of_more_lines_than_the_limit_is_refused(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text(SENTENCE + "\n" * limits.MAX_LINES + "x\n", encoding="utf-8")
    refused(path, "số dòng", "là 1.000.001", "the number of lines")


def test_text_of_more_characters_than_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_CHARS", 10_000)
    path = tmp_path / "long.txt"
    path.write_text((SENTENCE + "\n") * 200, encoding="utf-8")
    refused(path, "số ký tự", "giới hạn là 10.000", "the number of characters")


def test_a_file_bigger_than_any_text_of_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_CHARS", 1_000)
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 4_001)
    refused(path, "kích thước tệp văn bản", "4.001 byte")


# ---------------------------------------------------------------------------------------------
# Linear time.


def test_the_steps_that_were_quadratic_in_a_segment_are_linear():
    # Before: every number sliced the text before it (``_never_a_statement``) and every stop the
    # text after it (``sentence_spans``): a 2 MB paragraph took minutes (8 MiB: 202 s).
    numbers = "đạt 1 hộ, " * 100_000  # 1 MB, 100.000 numbers
    stops = "Đạt 5%. " * 150_000  # 1,2 MB, 150.000 stops
    start = time.process_time()
    mentions = find_mentions(numbers)
    spans = sentence_spans(stops)
    assert time.process_time() - start < 10
    assert len(mentions) == 100_000 and len(spans) == 150_000


def test_one_long_paragraph_of_figures_is_extracted_at_the_usual_speed():
    text = (SENTENCE + " Thu nhập bình quân đầu người đạt 85 triệu đồng, (1) tăng 5%; ") * 2_000
    start = time.process_time()
    statements = extract(Document("long.txt", "text", (text,)))
    assert time.process_time() - start < 10  # ~0,5 s
    assert len(statements) == 4 * 2_000


def test_markup_that_used_to_backtrack_is_cleaned_in_linear_time():
    # "<sup>" followed by spaces was cubic, "<a" with no ">" quadratic: seconds for 20 kB before.
    lines = ("Tỷ lệ hộ nghèo còn dưới 1%.", "<sup>" + " " * 200_000, "<a" * 100_000 + " Đạt 5%.")
    start = time.process_time()
    statements = extract(Document("markup.md", "text", lines))
    assert time.process_time() - start < 5
    assert [(s.indicator, s.high) for s in statements][:1] == [("Tỷ lệ hộ nghèo", 1)]


# ---------------------------------------------------------------------------------------------
# Time and memory per document.


def test_reading_in_a_child_process_gives_the_same_document_and_statements(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(SENTENCE + "\n", encoding="utf-8")
    document, statements = read_and_extract(path)
    assert document == read_document(path)
    assert [s.as_dict() for s in statements] == [s.as_dict() for s in extract(document)]


def test_a_document_that_takes_longer_than_the_time_limit_is_stopped_with_a_clear_error(tmp_path):
    path = tmp_path / "slow.txt"
    path.write_text((SENTENCE + "\n") * 60_000, encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(ExtractionError) as err:
        read_and_extract(path, timeout=0.5, name="slow.txt")
    assert time.perf_counter() - start < 5
    assert err.value.vi == "tài liệu quá lớn hoặc quá phức tạp để đọc trong 0.5 giây"
    assert err.value.path == "slow.txt"


def test_a_document_that_needs_more_memory_than_the_limit_is_stopped_with_a_clear_error(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text((SENTENCE + "\n") * 60_000, encoding="utf-8")
    with pytest.raises(ExtractionError) as err:
        read_and_extract(path, memory=40 * 2**20, name="big.txt")
    assert "quá lớn hoặc quá phức tạp để đọc" in err.value.vi
    assert "40 MB" in err.value.vi


def test_the_readers_own_errors_come_back_from_the_child_unchanged(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ExtractionError) as child:
        read_and_extract(path)
    with pytest.raises(ExtractionError) as here:
        read_document(path)
    assert (child.value.path, child.value.vi, child.value.en) == (here.value.path, here.value.vi, here.value.en)
