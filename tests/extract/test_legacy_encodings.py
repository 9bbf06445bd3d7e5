"""Old reports in legacy Vietnamese encodings are read as Unicode, not refused as "not Vietnamese".

A .txt in Windows-1258, TCVN3 or VNI bytes; a DOCX whose runs are in ``.VnTime``, ``.VnTimeH``
or ``VNI-Times`` (the text Word keeps is the fonts' mojibake). The statements are the ones the
Unicode report gives.
"""

from __future__ import annotations

import docx
import pytest

from chitieu.extract import extract, read_document
from legacy_texts import SENTENCES, TCVN3, VNI, cp1258_bytes

HEADING = "I. KẾT QUẢ THỰC HIỆN NĂM 2024"
# In a .VnTimeH run the text holds the lower-case codes (ế = Õ, ả = ¶, ự = ù, ệ = Ö, ă = ¨);
# the font draws them as capitals.
TCVN3_HEADING = "i. kÕt qu¶ thùc hiÖn n¨m 2024"


def _statements(doc):
    return [(s.indicator, s.op, s.low, s.high, s.unit) for s in extract(doc)]


@pytest.mark.parametrize("encoding", ["cp1258", "tcvn3", "vni"])
def test_a_text_file_in_a_legacy_encoding_reads_like_its_unicode_twin(tmp_path, encoding):
    twin = tmp_path / "unicode.txt"
    twin.write_text("".join(f"- {s}.\n" for s in SENTENCES), encoding="utf-8")
    if encoding == "cp1258":
        data = cp1258_bytes("".join(f"- {s}.\n" for s in SENTENCES))
    elif encoding == "tcvn3":
        data = bytes(ord(c) for c in "".join(f"- {s}.\n" for s in TCVN3))
    else:
        data = "".join(f"- {s}.\n" for s in VNI).encode("cp1252")
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(data)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = read_document(path)
    assert doc.lines == read_document(twin).lines == tuple(f"- {s}." for s in SENTENCES)
    assert _statements(doc) == _statements(read_document(twin))
    assert [s[0] for s in _statements(doc)] == ["Tổng mức bán lẻ hàng hóa", "Tỷ lệ hộ nghèo",
                                                  "Thu nhập bình quân đầu người"]


def test_utf8_text_pasted_from_a_vntime_document_is_converted(tmp_path):
    path = tmp_path / "pasted.txt"
    path.write_text("".join(f"- {s}.\n" for s in TCVN3), encoding="utf-8")
    assert read_document(path).lines == tuple(f"- {s}." for s in SENTENCES)


def test_a_docx_in_vntime_fonts_reads_as_unicode(tmp_path):
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run(TCVN3_HEADING).font.name = ".VnTimeH"
    for s in TCVN3:
        p = d.add_paragraph()
        p.add_run("- ").font.name = ".VnTime"
        p.add_run(s + ".").font.name = ".VnTime"
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].paragraphs[0].add_run(TCVN3[1]).font.name = ".VnTime"
    table.rows[0].cells[1].paragraphs[0].add_run("Unicode: Tổng mức").font.name = "Times New Roman"
    path = tmp_path / "vntime.docx"
    d.save(path)
    doc = read_document(path)
    assert doc.lines == (HEADING,) + tuple(f"- {s}." for s in SENTENCES) + (f"{SENTENCES[1]} | Unicode: Tổng mức",)
    assert [s.indicator for s in extract(doc)][:3] == ["Tổng mức bán lẻ hàng hóa", "Tỷ lệ hộ nghèo",
                                                         "Thu nhập bình quân đầu người"]


def test_a_docx_in_vni_fonts_and_one_whose_font_was_lost_read_as_unicode(tmp_path):
    d = docx.Document()
    for s in VNI:
        d.add_paragraph().add_run(s).font.name = "VNI-Times"
    path = tmp_path / "vni.docx"
    d.save(path)
    assert read_document(path).lines == tuple(SENTENCES)
    d = docx.Document()
    for s in TCVN3:
        d.add_paragraph(s)  # no font named: the document as a whole reads as TCVN3
    path = tmp_path / "lost.docx"
    d.save(path)
    assert read_document(path).lines == tuple(SENTENCES)


def test_a_unicode_docx_is_read_as_before(tmp_path):
    d = docx.Document()
    for s in SENTENCES:
        d.add_paragraph().add_run(s).font.name = "Times New Roman"
    path = tmp_path / "u.docx"
    d.save(path)
    assert read_document(path).lines == tuple(SENTENCES)
