"""A report template cannot run code: it may use only the documented variables, ``{% if %}``,
``{% for %}`` and a few filters; anything else is refused, naming the offending piece, before any
of it runs; rendering happens in Jinja2's sandbox; and a template file is bounded in size before
anything opens it. Written from the reproduction of issue 10, finding 1."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from jinja2 import Environment
from jinja2.sandbox import SecurityError

from chitieu.cli import main
from chitieu.reports.document import ReportError, build_report, report_bytes
from chitieu.reports.letterhead import TEMPLATE_VARIABLES, Letterhead
from chitieu.reports.make_default_template import DEFAULT_TEMPLATE
from chitieu.reports.safe_template import (
    MAX_ENTRIES,
    MAX_TAGS,
    ReportEnvironment,
    check_template,
)

ISSUED = date(2026, 1, 5)
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "quang-tri-2020-2025.yaml"
RCE = "{{ cycler.__init__.__globals__.os.popen('id').read() }}"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "report.md"


def _template(*paragraphs: str) -> bytes:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _with_body(body_xml: bytes) -> bytes:
    """A blank Word document with ``body_xml`` written straight into its body (python-docx is
    slow at adding thousands of paragraphs)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_template())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + body_xml)
            z.writestr(info.filename, data)
    return out.getvalue()


def _refusal(plan, template: bytes) -> ReportError:
    with pytest.raises(ReportError) as caught:
        build_report(plan, template=template, issued=ISSUED)
    return caught.value


def _all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_the_reproduction_is_refused_naming_cycler_and_runs_nothing(plan, tmp_path, monkeypatch):
    marker = tmp_path / "ran"
    payload = "{{ cycler.__init__.__globals__.os.popen('touch " + str(marker) + "').read() }}"
    for source in (RCE, payload):
        error = _refusal(plan, _template("{{ don_vi }}", source, "{{ noi_dung }}"))
        assert error.in_language("vi").startswith(
            "Mẫu báo cáo dùng biến “cycler” không có trong danh sách biến được phép (co_quan, don_vi,")
        assert "in the paragraph “{{ cycler.__init__" in error.in_language("en")
    assert not marker.exists()


@pytest.mark.parametrize("source, named", [
    ("{{ ''.__class__.__mro__ }}", "thuộc tính “.__class__”"),
    ("{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}", "thuộc tính “.__class__”"),
    ("{{ lipsum }}", "biến “lipsum”"),
    ("{{ self }}", "biến “self”"),
    ("{{ config }}", "biến “config”"),
    ("{{ request }}", "biến “request”"),
    ("{{ range(10) }}", "biến “range”"),
    ("{{ noi_nhan.append('x') }}", "thuộc tính “.append”"),
    ("{{ noi_nhan[0] }}", "phép lấy phần tử “[…]”"),
    ("{{ don_vi|attr('__class__') }}", "bộ lọc “|attr”"),
    ("{{ don_vi|format('%s') }}", "bộ lọc “|format”"),
    ("{{ noi_nhan|join(attribute='__class__') }}", "tham số có tên trong “join(…)”"),
    ("{% if don_vi is callable %}x{% endif %}", "phép thử “is callable”"),
    ("{% set x = don_vi %}", "thẻ “{% set %}”"),
    ("{% include 'a.docx' %}", "thẻ “{% include %}”"),
    ("{% import 'a' as b %}", "thẻ “{% import %}”"),
    ("{% extends 'a' %}", "thẻ “{% extends %}”"),
    ("{% macro m() %}x{% endmacro %}", "thẻ “{% macro %}”"),
    ("{% autoescape false %}{{ don_vi }}{% endautoescape %}", "thẻ “{% autoescape %}”"),
    ("{% with x = 1 %}{% endwith %}", "thẻ “{% with %}”"),
    ("{{ 'a' * 100000000 }}", "phép tính số học"),
    ("{{ don_vi ~ [1, 2] }}", "danh sách viết trực tiếp"),
])
def test_anything_outside_the_documented_placeholders_is_refused_by_name(plan, source, named):
    error = _refusal(plan, _template(source, "{{ noi_dung }}"))
    assert error.in_language("vi").startswith("Mẫu báo cáo dùng "), error.vi
    assert named in error.vi, error.vi
    assert error.en.startswith("the template uses ")


def test_the_same_check_applies_to_headers_footers_and_file_properties(plan):
    doc = Document(str(DEFAULT_TEMPLATE))
    doc.sections[0].first_page_footer.paragraphs[0].text = "{{ lipsum }}"
    buf = io.BytesIO()
    doc.save(buf)
    error = _refusal(plan, buf.getvalue())
    assert "biến “lipsum”" in error.vi and error.vi.endswith("— trong chân trang")

    doc = Document(str(DEFAULT_TEMPLATE))
    doc.core_properties.title = RCE  # docxtpl renders the title, subject, comments… too
    buf = io.BytesIO()
    doc.save(buf)
    error = _refusal(plan, buf.getvalue())
    assert "biến “cycler”" in error.vi and "thuộc tính tệp" in error.vi


def test_an_unclosed_block_says_which_tag_and_where(plan):
    error = _refusal(plan, _template("{{ noi_dung }}", "{% for r in noi_nhan %}", "{{ r }}"))
    assert error.vi == ("Mẫu báo cáo có lỗi cú pháp: khối {% for %} chưa được đóng (thiếu {% endfor %}) "
                        "(ở đoạn “{% for r in noi_nhan %}”)")
    error = _refusal(plan, _template("{{ noi_dung }}", "Trước", "{% endif %}"))
    assert error.vi == "Mẫu báo cáo có lỗi cú pháp: thẻ {% endif %} không có khối mở tương ứng (ở đoạn “{% endif %}”)"
    error = _refusal(plan, _template("{{ noi_dung }}", "Kính gửi {{ don_vi }", "{{ so }}"))
    assert error.vi == ("Mẫu báo cáo có lỗi cú pháp: “{{” chưa được đóng bằng “}}” trước thẻ tiếp theo "
                        "(ở đoạn “Kính gửi {{ don_vi }”)")
    assert error.en == ("template syntax error: “{{” is not closed by “}}” before the next tag "
                        "(in the paragraph “Kính gửi {{ don_vi }”)")


def test_documented_placeholders_loops_conditions_and_filters_render(plan):
    template = _template(
        "{{ so or 'Số: chưa có' }} · {{ don_vi|title }} · {{ uy_ban }}",
        "{% if so %}có số{% else %}chưa có số{% endif %} · {{ ngay if ngay is defined else '' }}",
        "{% for r in noi_nhan %}{{ loop.index }}){{ r|trim }}{% if not loop.last %} | {% endif %}{% endfor %}",
        "{{ noi_dung }}",
    )
    doc = build_report(plan, template=template, issued=ISSUED)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "Số: chưa có · Thị Xã Quảng Trị · UBND thị xã Quảng Trị"
    assert texts[1] == "chưa có số · ngày 05 tháng 01 năm 2026"
    assert texts[2].startswith("1)- UBND tỉnh Quảng Trị (b/c); | 2)- TT Cấp ủy") and texts[2].endswith("5)- Lưu: VT, TCKH.")


def test_text_from_the_data_is_escaped_not_read_as_word_xml(plan):
    head = Letterhead(authority="<w:p>ỦY BAN</w:p> & co", unit="X", number="", place="P", issued=ISSUED,
                      subject="S", opening="O", closing="C", recipients=("a",))
    doc = build_report(plan, template=_template("{{ co_quan }}", "{{ noi_dung }}"), letterhead=head)
    assert doc.paragraphs[0].text == "<w:p>ỦY BAN</w:p> & co"


def test_a_customised_template_renders_the_same_report_as_the_default(plan):
    """A unit's copy of the default template with the number line moved under the title."""
    doc = Document(str(DEFAULT_TEMPLATE))
    letterhead_left = doc.tables[0].cell(1, 0)
    number = next(p for p in letterhead_left.paragraphs if "so_ky_hieu" in p.text)
    number.text = ""
    title = next(p for p in doc.paragraphs if p.text == "BÁO CÁO")
    title.insert_paragraph_before("{{ so_ky_hieu }}")
    buf = io.BytesIO()
    doc.save(buf)
    default = Document(io.BytesIO(report_bytes(plan, issued=ISSUED, number="125/BC-UBND")))
    own = Document(io.BytesIO(report_bytes(plan, template=buf.getvalue(), issued=ISSUED, number="125/BC-UBND")))
    default_texts = [p.text for p in default.paragraphs]
    own_texts = [p.text for p in own.paragraphs]
    assert own_texts[own_texts.index("BÁO CÁO") - 1] == "Số: 125/BC-UBND"
    assert [t for t in own_texts if t != "Số: 125/BC-UBND"] == default_texts
    assert "Số: 125/BC-UBND" not in own.tables[0].cell(1, 0).text


def test_the_default_template_uses_only_documented_variables_and_they_are_all_in_the_docs(plan):
    check_template(DEFAULT_TEMPLATE.read_bytes(), TEMPLATE_VARIABLES)  # does not raise
    head = Letterhead(authority="", unit="", number="", place="", issued=ISSUED, subject="", opening="",
                      closing="", recipients=())
    assert tuple(head.context()) == TEMPLATE_VARIABLES
    docs = DOCS.read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_]+)`", docs.split("## Templates")[1].split("## Spreadsheet")[0]))
    assert set(TEMPLATE_VARIABLES) <= documented


def test_the_sandbox_stops_what_the_check_would_have_let_through():
    """Second line: a template that somehow skipped the check still reaches no Python internals."""
    env = ReportEnvironment(TEMPLATE_VARIABLES)
    for source in ("{{ noi_nhan.__class__.__mro__ }}", "{{ so.__class__.__base__.__subclasses__() }}"):
        unchecked = Environment().parse(source)  # compiled as is: ReportEnvironment's parse check is skipped
        with pytest.raises(SecurityError):
            env.from_string(unchecked).render(noi_nhan=["a"], so="1")
    assert env.globals == {}  # no cycler, lipsum, range, namespace…
    with pytest.raises(SecurityError):  # an undefined "cycler" has no reachable __init__ either
        env.from_string(Environment().parse(RCE)).render()


def test_a_template_file_is_bounded_before_anything_opens_it(plan, tmp_path):
    ok = _template("{{ noi_dung }}")
    with zipfile.ZipFile(io.BytesIO(ok)) as src:
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}

    bomb = io.BytesIO()  # 30 MB of zeros compress to about 30 KB
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
        z.writestr("word/media/zeros.bin", b"\0" * (30 * 1024 * 1024))
    assert len(bomb.getvalue()) < 100_000
    error = _refusal(plan, bomb.getvalue())
    assert error.vi.startswith("Tệp mẫu khi giải nén lớn 30,") and "tối đa 20 MB" in error.vi

    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
        for k in range(MAX_ENTRIES):
            z.writestr(f"customXml/extra{k}.xml", b"<a/>")
    assert "quá nhiều (tối đa 500)" in _refusal(plan, many.getvalue()).vi

    big_xml = _with_body(b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 40_000)
    assert "Phần “word/document.xml” của tệp mẫu lớn 1,3 MB, quá lớn (tối đa 1 MB)" in _refusal(plan, big_xml).vi

    huge = tmp_path / "mau.docx"
    huge.write_bytes(b"PK" + b"\0" * (6 * 1024 * 1024))
    assert _refusal(plan, huge.read_bytes()).vi.startswith("Tệp mẫu quá lớn (6,0 MB; tối đa 5 MB)")
    with pytest.raises(ReportError, match="Tệp mẫu quá lớn"):
        build_report(plan, template=huge, issued=ISSUED)


def test_thousands_of_unclosed_tags_are_refused_in_linear_time(plan):
    import time

    template = _with_body(b"<w:p><w:r><w:t>{{ a</w:t></w:r></w:p>" * 20_000)
    started = time.perf_counter()
    error = _refusal(plan, template)
    assert time.perf_counter() - started < 5  # docxtpl alone takes minutes on this
    assert "“{{” chưa được đóng" in error.vi
    many = _with_body(b"<w:p><w:r><w:t>{{ so }}</w:t></w:r></w:p>" * (MAX_TAGS + 1))
    assert "quá nhiều thẻ" in _refusal(plan, many).vi


def test_the_command_line_refuses_the_template_and_writes_nothing(tmp_path, capsys):
    template = tmp_path / "mau.docx"
    template.write_bytes(_template(RCE, "{{ noi_dung }}"))
    out = tmp_path / "bc.docx"
    code = main(["report", str(EXAMPLE), "-o", str(out), "--template", str(template), "--date", "2026-01-05"])
    assert code == 1 and not out.exists()
    err = capsys.readouterr().err
    assert "Lỗi: Mẫu báo cáo dùng biến “cycler” không có trong danh sách biến được phép" in err
    assert "uid=" not in err
