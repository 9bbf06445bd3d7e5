"""Input that cannot be read gets a clear Vietnamese and English error and produces nothing."""

from __future__ import annotations

import pytest
from extract_fixtures import soffice_convert

from chitieu.cli import main
from chitieu.extract import ExtractionError, read_document


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "trong.txt"
    path.write_bytes(b"")
    with pytest.raises(ExtractionError, match="không có chữ nào.*no readable text"):
        read_document(path)


@pytest.mark.parametrize(
    "text",
    [
        "The ward reached 95% of its plan in 2020. Income per head rose to 85 million dong a year.",
        "La commune a atteint 95 % de son plan en 2020. Le revenu par habitant a augmenté de 10 % par an.",
    ],
)
def test_a_report_in_another_language_is_refused(tmp_path, text):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExtractionError, match="không phải tiếng Việt.*not Vietnamese"):
        read_document(path)


def test_a_corrupt_docx_is_refused(tmp_path):
    path = tmp_path / "hong.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip file")
    with pytest.raises(ExtractionError, match="DOCX bị hỏng.*damaged"):
        read_document(path)


def test_an_image_only_pdf_is_refused(tmp_path):
    from PIL import Image

    path = tmp_path / "ban-quet.pdf"
    Image.new("RGB", (200, 100), "white").save(path)
    with pytest.raises(ExtractionError, match="không có lớp chữ.*no text layer"):
        read_document(path)


def test_an_encrypted_pdf_is_refused(tmp_path):
    source = tmp_path / "mat.txt"
    source.write_text("Tỷ lệ hộ nghèo còn 0,58%.\n", encoding="utf-8")
    target = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"x"}}'
    path = soffice_convert(source, tmp_path, target)
    with pytest.raises(ExtractionError, match="mã hóa.*encrypted"):
        read_document(path)


def test_the_command_exits_non_zero_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "trong.txt"
    path.write_text("   \n\n", encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["extract", str(path), "--json", "-o", str(out)]) == 2
    assert not out.exists()
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Lỗi / Error" in captured.err
