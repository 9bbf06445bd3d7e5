"""What every check shares: the context it reads, how a disagreement becomes a finding.

Owns ``Context`` (the document, its passages, the reader's statements), ``sector`` (the one
sector — dịch vụ, công nghiệp - xây dựng, nông nghiệp — a name speaks of), ``judged`` (the
tolerance rule turned into a severity: a computed value outside the interval the printed
digits allow is an error, one that only the truncation of the last digit explains a warning,
anything the digits allow no finding) and Vietnamese formatting of computed values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from chitieu.check.finding import ERROR, WARNING
from chitieu.check.passages import Number, Passage, passages
from chitieu.core.numbers import format_number
from chitieu.core.stated import Agreement
from chitieu.extract.document import Document
from chitieu.extract.extractor import Statement, extract


@dataclass
class Context:
    """One document as the checks see it."""

    document: Document
    passages: list[Passage] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Document) -> Context:
        return cls(doc, passages(doc))

    @cached_property
    def statements(self) -> list[Statement]:
        return extract(self.document)

    @cached_property
    def _by_line(self) -> dict[int, Passage]:
        out: dict[int, Passage] = {}
        for p in self.passages:
            for n in p.segment.line_numbers:
                out.setdefault(n, p)
        return out

    def passage_at(self, line: int) -> Passage | None:
        """The passage holding ``line``."""
        return self._by_line.get(line)

    def is_table_line(self, line: int) -> bool:
        """Whether ``line`` is in a row of an indicator table."""
        p = self.passage_at(line)
        return p is not None and p.is_table_row

    def broken_row(self, line: int) -> bool:
        """Whether ``line`` is in a table row whose cells broke over lines (PDF text): which
        number sits in which column is a guess there, too weak to accuse a figure."""
        p = self.passage_at(line)
        return p is not None and p.segment.table_years is not None


SECTORS = {
    "nn": re.compile(r"nông|lâm nghiệp|thủy sản|thuỷ sản|(?<![a-z])nn(?![a-z])"),
    "cn": re.compile(r"công nghiệp|xây dựng|(?<![a-z])(?:cn|ttcn|cn-ttcn)(?![a-z])"),
    "dv": re.compile(r"dịch vụ|thương mại|du lịch|(?<![a-z])(?:tm|dv|tm-dv)(?![a-z])"),
}


def sector(name: str) -> str | None:
    """The one sector a name speaks of ("Giá trị sản xuất ngành công nghiệp - xây dựng" → cn)."""
    found = [k for k, rx in SECTORS.items() if rx.search(name)]
    return found[0] if len(found) == 1 else None


_NOT_A_NAME = re.compile(r"\s\|\s|[=^×]")


def real_name(indicator: str) -> bool:
    """Whether a statement's name is an indicator's name, not cells of a table row or a formula
    the reader took for one ("n = 5 | (Vn / V0)^(1/n) − 1", from a report's method appendix):
    two statements named so are not one indicator however alike the strings."""
    return not _NOT_A_NAME.search(indicator)


def severity_of(agreement: Agreement) -> str | None:
    """The contract's severity for an agreement: None when the digits allow the value."""
    if agreement is Agreement.WRONG:
        return ERROR
    if agreement is Agreement.TRUNCATED:
        return WARNING
    return None


def fmt(x: float, decimals: int | None = None) -> str:
    """A computed value Vietnamese-style, at ``decimals`` (or its shortest form)."""
    return format_number(x, decimals)


def fmt_like(x: float, n: Number, extra: int = 1) -> str:
    """``x`` printed with one decimal more than the figure it is compared with."""
    s = n.stated
    return format_number(x, (s.decimals if s else 0) + extra)


_TARGET_IN_PARENS = re.compile(
    r"\(\s*(?:so với\s*)?(?:chỉ tiêu|nghị quyết|nq|kế hoạch|kh|mục tiêu|dự toán|yêu cầu|cùng kỳ|năm \d{4})[^()]*$"
)


def is_quoted_target(p: Passage, n: Number) -> bool:
    """Whether ``n`` stands inside a parenthesis that quotes a target ("(kế hoạch 98%)")."""
    return bool(_TARGET_IN_PARENS.search(p.folded, max(0, n.start - 60), n.start))


def between(p: Passage, a: Number, b: Number) -> str:
    """The folded text between two numbers (in either order)."""
    x, y = (a, b) if a.start < b.start else (b, a)
    return p.folded[x.end : y.start]


def table_blocks(ctx: Context) -> list[list[Passage]]:
    """The rows of each table, in order: rows under one header (one set of cell roles) that follow
    each other."""
    blocks: list[list[Passage]] = []
    for p in ctx.passages:
        if p.segment.cells is None or p.segment.roles is None or len(p.segment.cells) != len(p.segment.roles):
            continue
        last = blocks[-1][-1] if blocks else None
        if last is not None and last.segment.roles == p.segment.roles and p.index == last.index + 1:
            blocks[-1].append(p)
        else:
            blocks.append([p])
    return blocks


_COLUMN_MARK = re.compile(r"\((\d{1,2})\)")
_FORMULA = re.compile(r"\((\d{1,2})\)\s*=\s*\((\d{1,2})\)\s*[/:]\s*\((\d{1,2})\)")


def raw_tables(ctx: Context) -> list[tuple[list[str], list[tuple[int, list[str]]], str]]:
    """Tables of "|"-separated lines the reader gave no cells: (header cells, [(line, cells)],
    the text of the five lines above the header and the header), rows with the header's number
    of cells only. A fallback for table shapes the reader does not read (column heads that are
    only numbers "(4) | (5) | (6)", their meaning in a note above)."""
    lines = ctx.document.lines
    out = []
    i = 0
    while i < len(lines):
        if lines[i].count("|") < 2 or ctx.is_table_line(i + 1):
            i += 1
            continue
        header = [c.strip() for c in lines[i].split("|")]
        rows = []
        j = i + 1
        while j < len(lines) and lines[j].count("|") >= 2 and not ctx.is_table_line(j + 1):
            cells = [c.strip() for c in lines[j].split("|")]
            if len(cells) == len(header):
                rows.append((j + 1, cells))
            j += 1
        above = " ".join(lines[max(0, i - 5) : i + 1])
        if rows:
            out.append((header, rows, above))
        i = j
    return out


def column_marks(header: list[str], rows: list[tuple[int, list[str]]]) -> dict[int, int]:
    """Column index of each numbered column "(k)", from the header or a numbering row under it."""
    for cells in [header] + [c for _, c in rows[:1]]:
        marks = {int(m.group(1)): i for i, c in enumerate(cells) if (m := _COLUMN_MARK.search(c))}
        if len(marks) >= 3:
            return marks
    return {}


def column_formulas(text: str) -> list[tuple[int, int, int]]:
    """"(7) = (6)/(5)": (result column, numerator, denominator) marks a table's note or header gives."""
    return [(int(a), int(b), int(c)) for a, b, c in _FORMULA.findall(text)]


def column_legend(text: str) -> dict[int, str]:
    """"(4) TH 2024; (5) KH 2025": what each numbered column holds, lower case."""
    out: dict[int, str] = {}
    text = _FORMULA.sub(" ", text)
    for k, v in re.findall(r"\((\d{1,2})\)\s*(?:là\s+|:\s*)?([^;()|=/%,]{1,30})", text):
        if re.search(r"[a-zà-ỹđ]", v.lower()):
            out.setdefault(int(k), v.strip().lower())
    return out
