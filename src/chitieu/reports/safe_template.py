"""Report templates that cannot run code: what a unit's .docx template may contain, checked
before anything of it runs, and the sandbox it is rendered in.

A template is Jinja2 source inside Word XML (docxtpl). Jinja2 without a sandbox lets a template
reach Python (``{{ cycler.__init__.__globals__.os.popen('id').read() }}``), and a stored template
runs again on every later report of its unit. So a template may use only:

- the documented variables (``letterhead.TEMPLATE_VARIABLES``, plus any extra ones a Python
  caller puts in the context) and, inside ``{% for x in … %}``, the loop variable and
  ``loop.index``/``loop.first``/… (``LOOP_ATTRIBUTES``);
- ``{% if %}``/``{% elif %}``/``{% else %}`` and ``{% for %}`` over a variable;
- ``and``, ``or``, ``not``, ``==``, ``!=``, ``~``, ``… if … else …``, quoted text and numbers;
- the filters in ``FILTERS`` and the tests in ``TESTS``.

Anything else (another name, an attribute, a call, ``[…]``, arithmetic, ``{% set %}``,
``{% include %}``, ``{% macro %}``, ``{% autoescape %}``, …) is refused when the template is
parsed, with the offending piece named, before any of it is rendered. Rendering itself happens
in Jinja2's ``ImmutableSandboxedEnvironment`` with autoescape and no globals, so even a template
that got past the check reaches no Python internals (a ``SecurityError``).

Owns: ``ReportEnvironment``, ``check_archive`` (the zip's size and entry bounds, checked before
docxtpl or python-docx opens it), ``check_template`` (both checks over every part docxtpl
renders: body, headers, footers, footnotes, file properties) and the upload limits.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from jinja2 import TemplateError, TemplateSyntaxError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from chitieu.reports.errors import ReportError

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024  # the .docx file as uploaded
MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024  # its parts once unzipped, as the zip declares them
MAX_ENTRIES = 500  # files inside the zip; Word's own templates have about 15
MAX_XML_PART_BYTES = 1024 * 1024  # one rendered part (document.xml, a header…); see docs/report.md
MAX_TAGS = 1000  # {{ … }}, {% … %} and {# … #} in one part; the default template has 19

FILTERS = ("upper", "lower", "title", "capitalize", "trim", "default", "d", "join")
TESTS = ("defined", "undefined", "none")
LOOP_ATTRIBUTES = ("index", "index0", "revindex", "revindex0", "first", "last", "length")
_COMPARISONS = ("eq", "ne")
_BLOCK_TAGS = ("for", "if", "macro", "call", "filter", "block", "with", "autoescape", "set")

_TAG_NAMES = {
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "from … import",
    nodes.Extends: "extends",
    nodes.Macro: "macro",
    nodes.CallBlock: "call",
    nodes.Assign: "set",
    nodes.AssignBlock: "set",
    nodes.Block: "block",
    nodes.With: "with",
    nodes.FilterBlock: "filter",
    nodes.ScopedEvalContextModifier: "autoescape",
    nodes.Scope: "autoescape",  # {% autoescape %} parses to a Scope around the modifier
    nodes.EvalContextModifier: "autoescape",
    nodes.ExprStmt: "do",
    nodes.Break: "break",
    nodes.Continue: "continue",
}
_EXPRESSION_NAMES = {  # (vi, en)
    nodes.BinExpr: ("phép tính số học", "arithmetic"),
    nodes.UnaryExpr: ("phép tính số học", "arithmetic"),
    nodes.List: ("danh sách viết trực tiếp […]", "a literal list […]"),
    nodes.Tuple: ("bộ giá trị viết trực tiếp (…)", "a literal tuple (…)"),
    nodes.Dict: ("từ điển viết trực tiếp {…}", "a literal dict {…}"),
    nodes.Slice: ("phép cắt [a:b]", "a slice [a:b]"),
}

# What a problem is, most telling first: the message names the first problem of the lowest rank.
UNKNOWN_NAME, ATTRIBUTE, CALL, OTHER = range(4)


class TemplateRefused(TemplateError):
    """A template source refused by the check (raised while Jinja2 parses it)."""

    def __init__(self, vi: str, en: str):
        super().__init__(f"{vi} / {en}")
        self.vi, self.en = vi, en


@dataclass(frozen=True)
class Problem:
    rank: int
    lineno: int | None
    vi: str
    en: str


class _Checker:
    """Walks a parsed template and lists everything outside the allowed subset."""

    def __init__(self, allowed: Iterable[str]):
        self.shown = tuple(dict.fromkeys(allowed))  # in the caller's order, as docs/report.md lists them
        self.allowed = frozenset(self.shown)
        self.problems: list[Problem] = []

    def add(self, rank: int, node: nodes.Node, vi: str, en: str) -> None:
        lineno = getattr(node, "lineno", None) or next(
            (n.lineno for n in node.find_all(nodes.Node) if getattr(n, "lineno", None)), None)
        self.problems.append(Problem(rank, lineno, vi, en))

    def statements(self, body: Iterable[nodes.Node], scope: frozenset[str]) -> None:
        for node in body:
            self.statement(node, scope)

    def statement(self, node: nodes.Node, scope: frozenset[str]) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                self.expr(child, scope)
        elif isinstance(node, nodes.If):
            self.expr(node.test, scope)
            self.statements(node.body, scope)
            for branch in node.elif_:
                self.statement(branch, scope)
            self.statements(node.else_, scope)
        elif isinstance(node, nodes.For):
            self.loop(node, scope)
        else:
            tag = next((name for cls, name in _TAG_NAMES.items() if isinstance(node, cls)), type(node).__name__)
            self.add(ATTRIBUTE, node, f"dùng thẻ “{{% {tag} %}}” không được phép (chỉ được dùng {{% if %}} và {{% for %}})",
                     f"uses the tag “{{% {tag} %}}”, which is not allowed (only {{% if %}} and {{% for %}} are)")

    def loop(self, node: nodes.For, scope: frozenset[str]) -> None:
        if not isinstance(node.iter, nodes.Name):
            self.add(OTHER, node, "dùng vòng lặp {% for %} không lặp trên một biến (ví dụ {% for r in noi_nhan %})",
                     "uses a {% for %} loop that is not over a variable (e.g. {% for r in noi_nhan %})")
        self.expr(node.iter, scope)
        if node.recursive:
            self.add(OTHER, node, "dùng vòng lặp “recursive” không được phép", "uses a “recursive” loop")
        if isinstance(node.target, nodes.Name):
            inner = scope | {node.target.name, "loop"}
        else:
            self.add(OTHER, node, "dùng vòng lặp {% for %} với nhiều biến lặp (chỉ được một tên)",
                     "uses a {% for %} loop with several loop variables (one name only)")
            inner = scope | {"loop"}
        if node.test is not None:
            self.expr(node.test, inner)
        self.statements(node.body, inner)
        self.statements(node.else_, scope)

    def expr(self, node: nodes.Node, scope: frozenset[str]) -> None:
        if isinstance(node, nodes.TemplateData):
            return
        if isinstance(node, nodes.Const):
            if not isinstance(node.value, str | int | float | bool | type(None)):
                self.add(OTHER, node, "dùng một giá trị không được phép", "uses a value that is not allowed")
        elif isinstance(node, nodes.Name):
            if node.ctx != "load" or not (node.name in self.allowed or node.name in scope):
                names = ", ".join(self.shown)
                self.add(UNKNOWN_NAME, node,
                         f"dùng biến “{node.name}” không có trong danh sách biến được phép ({names})",
                         f"uses the variable “{node.name}”, which is not among the allowed variables ({names})")
        elif isinstance(node, nodes.Getattr):
            loop_attr = (isinstance(node.node, nodes.Name) and node.node.name == "loop" and "loop" in scope
                         and node.attr in LOOP_ATTRIBUTES)
            if not loop_attr:
                self.expr(node.node, scope)
                self.add(ATTRIBUTE, node,
                         f"dùng thuộc tính “.{node.attr}” — mẫu chỉ được dùng tên biến, không truy cập thuộc tính",
                         f"uses the attribute “.{node.attr}”; a template may use variable names only, "
                         f"not their attributes")
        elif isinstance(node, nodes.Getitem):
            self.expr(node.node, scope)
            self.expr(node.arg, scope)
            self.add(ATTRIBUTE, node, "dùng phép lấy phần tử “[…]” không được phép",
                     "uses an item lookup “[…]”, which is not allowed")
        elif isinstance(node, nodes.Call):
            self.expr(node.node, scope)
            for child in (*node.args, *(k.value for k in node.kwargs)):
                self.expr(child, scope)
            self.add(CALL, node, f"gọi hàm “{_describe_callee(node.node)}(…)” không được phép",
                     f"calls “{_describe_callee(node.node)}(…)”, which is not allowed")
        elif isinstance(node, nodes.Filter | nodes.Test):
            self.filter_or_test(node, scope)
        elif isinstance(node, nodes.And | nodes.Or):
            self.expr(node.left, scope)
            self.expr(node.right, scope)
        elif isinstance(node, nodes.Not):
            self.expr(node.node, scope)
        elif isinstance(node, nodes.CondExpr):
            for child in (node.test, node.expr1, node.expr2):
                if child is not None:
                    self.expr(child, scope)
        elif isinstance(node, nodes.Compare):
            self.expr(node.expr, scope)
            for op in node.ops:
                if op.op not in _COMPARISONS:
                    self.add(OTHER, node, f"dùng phép so sánh “{op.op}” không được phép (chỉ được == và !=)",
                             f"uses the comparison “{op.op}”, which is not allowed (only == and !=)")
                self.expr(op.expr, scope)
        elif isinstance(node, nodes.Concat):
            for child in node.nodes:
                self.expr(child, scope)
        else:
            vi, en = next(((vi, en) for cls, (vi, en) in _EXPRESSION_NAMES.items() if isinstance(node, cls)),
                          (type(node).__name__, type(node).__name__))
            for child in node.iter_child_nodes():
                if isinstance(child, nodes.Expr):
                    self.expr(child, scope)
            self.add(OTHER, node, f"dùng {vi}, không được phép trong mẫu", f"uses {en}, which is not allowed")

    def filter_or_test(self, node: nodes.Filter | nodes.Test, scope: frozenset[str]) -> None:
        is_filter = isinstance(node, nodes.Filter)
        if node.node is not None:
            self.expr(node.node, scope)
        for child in (*node.args, *(k.value for k in node.kwargs)):
            self.expr(child, scope)
        if node.kwargs or node.dyn_args is not None or node.dyn_kwargs is not None:
            # join(attribute=…) would look attributes up by name; no placeholder needs keywords
            self.add(OTHER, node, f"dùng tham số có tên trong “{node.name}(…)” không được phép",
                     f"uses named arguments in “{node.name}(…)”, which is not allowed")
        allowed = FILTERS if is_filter else TESTS
        if node.name not in allowed:
            what_vi, what_en = ("bộ lọc", "filter") if is_filter else ("phép thử", "test")
            shown = f"|{node.name}" if is_filter else f"is {node.name}"
            self.add(CALL, node,
                     f"dùng {what_vi} “{shown}” không được phép (chỉ được: {', '.join(allowed)})",
                     f"uses the {what_en} “{shown}”, which is not allowed (allowed: {', '.join(allowed)})")


def _describe_callee(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_describe_callee(node.node)}.{node.attr}"
    return "…"


def find_problems(tree: nodes.Template, allowed: Iterable[str]) -> list[Problem]:
    """Everything in ``tree`` outside the allowed subset, in template order."""
    checker = _Checker(allowed)
    checker.statements(tree.body, frozenset())
    return checker.problems


def _line_text(source: str, lineno: int | None, limit: int = 80) -> str:
    """The Word text around ``lineno`` of a docxtpl source (one paragraph per line), tags removed."""
    lines = source.splitlines()
    if not lineno or not 0 < lineno <= len(lines):
        return ""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", lines[lineno - 1])).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(source: str, lineno: int | None) -> tuple[str, str]:
    text = _line_text(source, lineno)
    return (f" (ở đoạn “{text}”)", f" (in the paragraph “{text}”)") if text else ("", "")


def _unclosed_block(env: ReportEnvironment, source: str) -> tuple[str, int] | None:
    """The innermost block tag opened and never closed (Jinja2 only says "end of template")."""
    stack: list[tuple[str, int]] = []
    after_begin = False
    try:
        for lineno, kind, value in env.lex(source):
            if kind == "whitespace":
                continue
            if kind == "block_begin":
                after_begin = True
                continue
            if after_begin and kind == "name":
                if value in _BLOCK_TAGS:
                    stack.append((value, lineno))
                elif value.startswith("end") and stack:
                    stack.pop()
            after_begin = False
    except TemplateSyntaxError:
        return None
    return stack[-1] if stack else None


def _syntax_messages(env: ReportEnvironment, source: str, exc: TemplateSyntaxError) -> tuple[str, str]:
    message, lineno = exc.message or str(exc), exc.lineno
    vi, en = message, message
    unknown = re.match(r"Encountered unknown tag '(\w+)'", message)
    if "Unexpected end of template" in message and (opened := _unclosed_block(env, source)):
        tag, lineno = opened
        vi = f"khối {{% {tag} %}} chưa được đóng (thiếu {{% end{tag} %}})"
        en = f"the {{% {tag} %}} block is never closed (no {{% end{tag} %}})"
    elif unknown and unknown[1].startswith("end"):
        vi = f"thẻ {{% {unknown[1]} %}} không có khối mở tương ứng"
        en = f"the tag {{% {unknown[1]} %}} closes no open block"
    elif unknown:
        vi = f"không có thẻ {{% {unknown[1]} %}}"
        en = f"there is no tag {{% {unknown[1]} %}}"
    where_vi, where_en = _where(source, lineno)
    return (f"Mẫu báo cáo có lỗi cú pháp: {vi}{where_vi}", f"template syntax error: {en}{where_en}")


class ReportEnvironment(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, autoescaped, without globals, that refuses at parse time
    every template source using anything but ``allowed`` names and the subset above."""

    def __init__(self, allowed: Iterable[str]):
        super().__init__(autoescape=True)
        self.allowed = tuple(dict.fromkeys(allowed))
        self.globals.clear()  # range, lipsum, cycler, joiner, namespace, dict
        self.filters = {name: f for name, f in self.filters.items() if name in FILTERS}
        self.tests = {name: t for name, t in self.tests.items() if name in TESTS}

    def _parse(self, source, name, filename):
        try:
            tree = super()._parse(source, name, filename)
        except TemplateSyntaxError as exc:
            raise TemplateRefused(*_syntax_messages(self, source, exc)) from None
        problems = find_problems(tree, self.allowed)
        if problems:
            raise TemplateRefused(*_problem_messages(problems, source))
        return tree


def _problem_messages(problems: list[Problem], source: str) -> tuple[str, str]:
    first = min(problems, key=lambda p: p.rank)  # min keeps template order among equal ranks
    where_vi, where_en = _where(source, first.lineno)
    vi, en = f"Mẫu báo cáo {first.vi}{where_vi}", f"the template {first.en}{where_en}"
    if len(problems) > 1:
        vi += f"; và {len(problems) - 1} chỗ không được phép khác"
        en += f"; and {len(problems) - 1} more"
    return vi, en


def _mb(size: int, *, vi: bool) -> str:
    text = f"{size / (1024 * 1024):.1f}"
    return text.replace(".", ",") if vi else text


def check_size(size: int) -> None:
    """Refuse a template file of ``size`` bytes if it is over ``MAX_TEMPLATE_BYTES``."""
    mb = 1024 * 1024
    if size > MAX_TEMPLATE_BYTES:
        raise ReportError(f"Tệp mẫu quá lớn ({_mb(size, vi=True)} MB; tối đa {MAX_TEMPLATE_BYTES // mb} MB)",
                          f"the template file is too large ({_mb(size, vi=False)} MB; at most "
                          f"{MAX_TEMPLATE_BYTES // mb} MB)")


def check_archive(data: bytes) -> None:
    """Refuse a template whose file, or whose zip once unpacked, is too big, before anything
    opens it. The declared sizes can be trusted as bounds: Python's zipfile never returns more
    than a member's declared size, and a member that decompresses to more fails its CRC."""
    mb = 1024 * 1024
    check_size(len(data))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ReportError(f"Tệp mẫu không phải là tệp Word (.docx) hợp lệ: {exc}",
                          "not a valid .docx template") from exc
    if len(members) > MAX_ENTRIES:
        raise ReportError(f"Tệp mẫu chứa {len(members)} tệp con, quá nhiều (tối đa {MAX_ENTRIES})",
                          f"the template holds {len(members)} files, too many (at most {MAX_ENTRIES})")
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ReportError(
            f"Tệp mẫu khi giải nén lớn {_mb(total, vi=True)} MB, quá lớn (tối đa {MAX_UNCOMPRESSED_BYTES // mb} MB)",
            f"the template unpacks to {_mb(total, vi=False)} MB, too large (at most {MAX_UNCOMPRESSED_BYTES // mb} MB)")
    for m in members:
        if m.filename.lower().endswith(".xml") and m.file_size > MAX_XML_PART_BYTES:
            raise ReportError(
                f"Phần “{m.filename}” của tệp mẫu lớn {_mb(m.file_size, vi=True)} MB, quá lớn "
                f"(tối đa {MAX_XML_PART_BYTES // mb} MB)",
                f"the template's part “{m.filename}” is {_mb(m.file_size, vi=False)} MB, too large "
                f"(at most {MAX_XML_PART_BYTES // mb} MB)")


_PARTS = {  # (vi, en) of where in the document a source comes from
    "body": ("phần nội dung", "the body"),
    "header": ("đầu trang", "a page header"),
    "footer": ("chân trang", "a page footer"),
    "footnotes": ("chú thích cuối trang", "the footnotes"),
    "properties": ("thuộc tính tệp (File › Properties)", "the file properties (File › Properties)"),
}
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")  # what docxtpl renders


def template_sources(tpl) -> Iterator[tuple[str, str]]:
    """Every (part, Jinja2 source) docxtpl renders from ``tpl`` (a ``DocxTemplate``), in the
    form docxtpl gives it to Jinja2 (one Word paragraph per line)."""
    tpl.init_docx()

    def lines(xml: str) -> str:
        return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)

    def patched(kind: str, xml: str) -> tuple[str, str]:
        check_delimiters(xml, kind)  # docxtpl's patch_xml is quadratic on unclosed tags
        return kind, lines(tpl.patch_xml(xml))

    yield patched("body", tpl.get_xml())
    for kind, uri in (("header", tpl.HEADER_URI), ("footer", tpl.FOOTER_URI)):
        for _key, part in tpl.get_headers_footers(uri):
            yield patched(kind, tpl.get_part_xml(part))
    for part in tpl.docx.part.package.parts:
        if part.content_type == _FOOTNOTES:
            yield patched("footnotes", part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob)
    for prop in _PROPERTIES:
        value = getattr(tpl.docx.core_properties, prop)
        if value:
            check_delimiters(value, "properties")
            yield "properties", value


_DELIMITER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}


def check_delimiters(xml: str, part: str = "body") -> None:
    """Refuse, in linear time, a part whose ``{{``/``{%``/``{#`` are not each closed before the
    next one opens, or that has more than ``MAX_TAGS`` of them: docxtpl's clean-up regexes take
    minutes on a few megabytes of unclosed tags, and no template needs either."""
    text = re.sub(r"<[^>]*>", "", re.sub(r"</w:p>", "\n", xml))
    opened: re.Match | None = None
    count = 0
    problem = None
    for m in _DELIMITER.finditer(text):
        token = m.group()
        if token in _CLOSER:
            if opened is not None:
                problem = opened
                break
            opened = m
            count += 1
            if count > MAX_TAGS:
                vi_part, en_part = _PARTS[part]
                raise TemplateRefused(
                    f"Mẫu báo cáo có quá nhiều thẻ {{{{ … }}}} / {{% … %}} trong {vi_part} (tối đa {MAX_TAGS})",
                    f"the template has too many {{{{ … }}}} / {{% … %}} tags in {en_part} (at most {MAX_TAGS})")
        elif opened is not None and token == _CLOSER[opened.group()]:
            opened = None
        elif opened is None:
            problem = m
            break
    else:
        problem = opened
    if problem is None:
        return
    start = text.rfind("\n", 0, problem.start()) + 1
    end = text.find("\n", problem.end())
    paragraph = " ".join(html.unescape(text[start:end if end >= 0 else len(text)]).split())
    paragraph = paragraph if len(paragraph) <= 80 else paragraph[:79] + "…"
    token = problem.group()
    if token in _CLOSER:
        vi = f"“{token}” chưa được đóng bằng “{_CLOSER[token]}” trước thẻ tiếp theo"
        en = f"“{token}” is not closed by “{_CLOSER[token]}” before the next tag"
    else:
        vi, en = f"“{token}” không có thẻ mở tương ứng", f"“{token}” closes no open tag"
    raise TemplateRefused(f"Mẫu báo cáo có lỗi cú pháp: {vi} (ở đoạn “{paragraph}”)",
                          f"template syntax error: {en} (in the paragraph “{paragraph}”)")


def check_template(data: bytes, allowed: Iterable[str]) -> None:
    """Raise ``ReportError`` unless the .docx ``data`` is a template chitieu may render: bounded
    in size, a Word file, and every part using only ``allowed`` variables and the allowed
    subset. Nothing of the template is rendered."""
    from docxtpl import DocxTemplate

    check_archive(data)
    env = ReportEnvironment(allowed)
    try:
        tpl = DocxTemplate(io.BytesIO(data))
        sources = list(template_sources(tpl))
    except TemplateRefused as exc:
        raise ReportError(exc.vi, exc.en) from None
    except Exception as exc:  # not a Word document: missing parts, broken XML, bad CRC
        raise ReportError(f"Tệp mẫu không phải là tệp Word (.docx) hợp lệ: {exc}",
                          "not a valid .docx template") from exc
    for part, source in sources:
        try:
            env.parse(source)
        except TemplateRefused as exc:
            if part == "body":
                raise ReportError(exc.vi, exc.en) from None
            vi, en = _PARTS[part]
            raise ReportError(f"{exc.vi} — trong {vi}", f"{exc.en} — in {en}") from None
