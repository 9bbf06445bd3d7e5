"""``shares``: a structure whose shares do not add up to 100.

A sentence about a structure (``cơ cấu``, ``tỷ trọng``) listing three or more shares in a
row — plain percentage levels, no changes, no quoted targets, one year — must sum to 100
within the digits they are printed with (each share may be off by half a unit of its last
digit). A list summing far from 100 (below 90 or above 110) is not one structure (two years
side by side, or shares of different wholes) and is left alone. A bracket of three shares or
more ("(năm 2020 tương ứng là 36,2% - 29,5% - 34,3%)") is a structure of its own. The whole the structure is of may stand before its word ("Tổng vốn
đầu tư … 96,8 tỷ đồng; cơ cấu: vốn ngân sách 38,5%, …"). The same
holds for a table cell of a structure's row ("Cơ cấu kinh tế | % | 52,6 - 29,1 - 17,4") and for
the rows above or below a table's "Tổng | 100" row, column by column. Seed 002: "thương mại dịch
vụ 64,3%; công nghiệp – xây dựng 31,1%; nông - lâm nghiệp - thủy sản 4,6%" holds.

Shares against the sector values the document gives: a structure of three sectors (dịch vụ,
công nghiệp - xây dựng, nông nghiệp) and, in one other passage, a value in money for each of
the same sectors (same year, or no year on one side): each value over their sum must give its
share within the digits and 0,2 point more (the values may be of gross output and the shares
of value added — so a ``warning``). Seed 000: 71 / 25,6 / 3,4 % against 341,5 + 108,1 + 5 tỷ
đồng (75,1 / 23,8 / 1,1 %).
"""

from __future__ import annotations

import re

from chitieu.check.common import Context, fmt, is_quoted_target, sector, table_blocks
from chitieu.check.feasibility import structures
from chitieu.check.finding import ERROR, WARNING, Finding, merge_repeats
from chitieu.check.footnotes import links
from chitieu.check.passages import Number, Passage
from chitieu.extract.normalise import fold

_STRUCTURE = re.compile(r"cơ cấu|tỷ trọng")
_TWO_TIMES = re.compile(r"(?<![a-zà-ỹđ])từ\s|\slên\s|\sxuống\s|so với")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for p in ctx.passages:
        if not _STRUCTURE.search(p.folded):
            continue
        for a, b in p.sentences:
            if not _STRUCTURE.search(p.folded, a, b) or _TWO_TIMES.search(p.folded, a, b):
                continue
            for group, text in _year_groups(p, a, b):
                if not text.startswith("("):
                    group = _after_whole(p, group, a, b)
                if len(set(_YEAR.findall(text))) > 1 or (text.startswith("(") and _TARGET_BRACKET.match(text)):
                    continue
                f = _judge_shares(p, group, a, b, text.startswith("("))
                if f is not None:
                    out.append(f)
    # a table cell repeating a structure the text already gives adds its line to that finding
    cells = merge_repeats(out, _cell_structures(ctx), lambda f, c: f.figures == c.figures and f.type == "shares")
    return cells + _table_structures(ctx) + _against_values(ctx) + _complement_scales(ctx)


def _after_whole(p: Passage, group: list[Number], a: int, b: int) -> list[Number]:
    """The group less the whole the structure is of, when it stands before the structure's word
    ("Tổng vốn đầu tư … ước 96,8 tỷ đồng; cơ cấu: vốn ngân sách 38,5%, …")."""
    m = _STRUCTURE.search(p.folded, a, b)
    if m is None:
        return group
    before = [n for n in group if n.start < m.start()]
    if not before or any(n.unit == "%" and n.role != "change" for n in before):
        return group
    return [n for n in group if n.start > m.start()]


# A share's label: the words between the separator before it and the figure ("; chưa hài lòng 1,2%").
_LABEL = re.compile(r"(?:^|[;:,(])\s*([a-zà-ỹđ ]{2,40}?)\s*$")
_NEGATED = re.compile(r"(?:không|chưa)\s+(.+)")


def _labelled_shares(p: Passage, a: int, b: int) -> list[tuple[Number, str]] | None:
    """The sentence's figures from its first percentage on ("Qua 1.860 phiếu, …: rất hài lòng
    72,4%; …": the count before is the whole), each a plain share after its own short label;
    None when any is something else (a count, a change, a quoted target) or has no label."""
    out: list[tuple[Number, str]] = []
    prev = a
    for n in p.numbers_in(a, b):
        if not out and n.unit != "%":
            prev = n.end
            continue
        m = _LABEL.search(p.folded, prev, n.start)
        if n.unit != "%" or not n.exact or n.role != "level" or is_quoted_target(p, n) or m is None:
            return None
        out.append((n, m.group(1).strip()))
        prev = n.end
    return out


def _complement_scales(ctx: Context) -> list[Finding]:
    """Shares over a scale closed by its own negation ("rất hài lòng 72%; hài lòng 24%; chưa hài
    lòng 4%", "đạt …; không đạt …"): "X" and "không/chưa X" leave no one out, so the shares
    must sum to 100 within their digits."""
    out: list[Finding] = []
    for p in ctx.passages:
        if _STRUCTURE.search(p.folded) or "%" not in p.folded:
            continue  # a structure's sentence: ``check`` owns it
        for a, b in p.sentences:
            if _TWO_TIMES.search(p.folded, a, b) or len(set(_YEAR.findall(p.folded, a, b))) > 1:
                continue
            shares = _labelled_shares(p, a, b)
            if not shares or len(shares) < 2:
                continue
            labels = {label for _, label in shares}
            negated = {m.group(1) for label in labels if (m := _NEGATED.fullmatch(label))}
            if not negated & labels:
                continue
            f = _judge_shares(p, [n for n, _ in shares], a, b, False, least=2)
            if f is not None:
                out.append(f)
    return out


_SHARES_CELL = re.compile(r"\s*\d{1,3}(?:,\d+)?(?:\s*[-–/;]\s*\d{1,3}(?:,\d+)?){2,}\s*")
_SHARE_IN_CELL = re.compile(r"\d{1,3}(?:,\d+)?")


def _cell_structures(ctx: Context) -> list[Finding]:
    """A table row about a structure ("Cơ cấu kinh tế (DV - CN,XD - NLTS) | % | 52,6 - 29,1 - 17,4"):
    each cell holding three shares or more must sum to 100 within their digits."""
    out: list[Finding] = []
    for p in ctx.passages:
        cells, roles = p.segment.cells, p.segment.roles
        if cells is None or roles is None or "name" not in roles or len(cells) != len(roles):
            continue
        if not _STRUCTURE.search(cells[roles.index("name")].lower()):
            continue
        for cell in cells:
            if not _SHARES_CELL.fullmatch(cell):
                continue
            written = _SHARE_IN_CELL.findall(cell)
            parts = [(float(w.replace(",", ".")), len(w.split(",")[1]) if "," in w else 0) for w in written]
            summed = sum(v for v, _ in parts)
            slack = sum(0.5 * 10.0 ** -d for _, d in parts)
            if abs(summed - 100) <= slack + 1e-9 or not 90 <= summed <= 110:
                continue
            computed = fmt(summed, max(d for _, d in parts)) + "%"
            out.append(Finding(
                "shares", ERROR, (p.segment.line_numbers[0],), tuple(w + "%" for w in written),
                f"Các tỷ trọng cộng lại {' + '.join(written)} = {computed}, không phải 100%.",
                computed, p.quote(0, len(p.text)),
            ))
    return out


_TARGET_BRACKET = re.compile(r"\(\s*(?:so với\s*)?(?:chỉ tiêu|nghị quyết|nq|kế hoạch|kh|mục tiêu|dự toán|yêu cầu)")


def _year_groups(p: Passage, a: int, b: int) -> list[tuple[list[Number], str]]:
    """The sentence's figures with their words, the brackets apart: "Năm 2025, cơ cấu: … 28,4%;
    … (năm 2020 tương ứng là 36,2% - 29,5% - 34,3%)" is two structures of two years. Without a
    bracket holding three figures or more, the whole sentence is one group."""
    spans = [(x, y) for x, y in _brackets(p.folded, a, b) if len(p.numbers_in(x, y)) >= 3]
    if not spans:
        return [(p.numbers_in(a, b), p.folded[a:b])]
    inside = [(p.numbers_in(x, y), p.folded[x:y]) for x, y in spans]
    outside = [n for n in p.numbers_in(a, b) if not any(x < n.start < y for x, y in spans)]
    rest, prev = [], a
    for x, y in spans:
        rest.append(p.folded[prev:x])
        prev = y
    rest.append(p.folded[prev:b])
    return [(outside, " ".join(rest))] + inside


def _brackets(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The outermost brackets between ``a`` and ``b``."""
    out, depth, start = [], 0, a
    for i in range(a, b):
        if text[i] == "(":
            start = i if depth == 0 else start
            depth += 1
        elif text[i] == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    return out


def _judge_shares(p: Passage, nums: list[Number], a: int, b: int, bracket: bool, least: int = 3) -> Finding | None:
    """Three or more plain shares, the only figures of their group, must sum to 100. In a bracket
    of another year ("(năm 2020: …)") the shares are that year's, not a quoted target."""
    shares = [n for n in nums if n.unit == "%" and n.exact and n.role == "level"
              and (bracket or not is_quoted_target(p, n))]
    if len(shares) < least or len(shares) != len([n for n in nums if n.unit]):
        return None
    total = sum(n.value for n in shares)
    slack = sum(n.half() for n in shares)
    if abs(total - 100) <= slack + 1e-9 or not 90 <= total <= 110:
        return None
    decimals = max(n.stated.decimals if n.stated else 0 for n in shares)
    computed = fmt(total, decimals) + "%"
    return Finding(
        "shares", ERROR, tuple(dict.fromkeys(n.line for n in shares)), tuple(n.text for n in shares),
        f"Các tỷ trọng cộng lại {' + '.join(n.written for n in shares)} = {computed}, không phải 100%.",
        computed, p.quote(a, b),
    )


_TOTAL_ROW = re.compile(r"\s*(?:tổng|tổng cộng|tổng số|cộng|toàn bộ)\s*:?\s*$")
_CHILD_ROW = re.compile(r"\s*(?:trong đó|[-+–•*]|[a-zđ]\))", re.I)


def _cell(text: str) -> tuple[float, int] | None:
    """A cell holding one plain number: its value and decimals."""
    t = text.strip()
    if not re.fullmatch(r"\d{1,3}(?:,\d+)?", t):
        return None
    return float(t.replace(",", ".")), len(t.split(",")[1]) if "," in t else 0


def _table_structures(ctx: Context) -> list[Finding]:
    """A table whose "Tổng" row (first or last) reads 100: the rows above or below it are the
    shares of one structure, column by column, and must sum to 100 within their digits."""
    out: list[Finding] = []
    for block in table_blocks(ctx):
        roles = block[0].segment.roles
        if "name" not in roles or len(block) < 3:
            continue
        ni = roles.index("name")
        names = [r.segment.cells[ni].lower() for r in block]
        if _TOTAL_ROW.fullmatch(names[-1]):
            total, rows = block[-1], block[:-1]
        elif _TOTAL_ROW.fullmatch(names[0]):
            total, rows = block[0], block[1:]
        else:
            continue
        if any(_CHILD_ROW.match(r.segment.cells[ni]) or _TOTAL_ROW.fullmatch(r.segment.cells[ni].lower()) for r in rows):
            continue  # parts of parts: which rows make the whole is a guess
        for ci, role in enumerate(roles):
            if role in ("name", "unit", "stt", "verdict"):
                continue
            top = _cell(total.segment.cells[ci])
            parts = [_cell(r.segment.cells[ci]) for r in rows]
            if top is None or top[0] != 100 or any(x is None for x in parts):
                continue
            f = _judge_column(total, rows, ci, parts)
            if f is not None:
                out.append(f)
    return out


def _judge_column(total: Passage, rows: list[Passage], ci: int, parts: list[tuple[float, int]]) -> Finding | None:
    summed = sum(v for v, _ in parts)
    slack = sum(0.5 * 10.0 ** -d for _, d in parts)
    if abs(summed - 100) <= slack + 1e-9 or not 90 <= summed <= 110:
        return None
    written = [r.segment.cells[ci].strip() for r in rows]
    head = total.segment.header
    col = head[ci].strip() if head and ci < len(head) else ""
    computed = fmt(summed, max(d for _, d in parts))
    return Finding(
        "shares", ERROR,
        tuple(dict.fromkeys([total.segment.line_numbers[0]] + [r.segment.line_numbers[0] for r in rows])),
        (*written, total.segment.cells[ci].strip()),
        f"Các tỷ trọng{' cột ' + col if col else ''} cộng lại {' + '.join(written)} = {computed}, "
        f"dòng tổng ghi {total.segment.cells[ci].strip()}.",
        computed, total.quote(0, len(total.text)),
    )


_ECONOMY = re.compile(r"kinh tế|giá trị|ngành")
_OTHER_WHOLE = re.compile(r"lao động|vốn|cây trồng|đất|dân số|chi ngân sách|thu ngân sách")
_POINTS = 0.2  # beyond the digits: a share computed from the values off by more than this is reported


def _against_values(ctx: Context) -> list[Finding]:
    anchor_of = {link.body.index: ctx.passage_at(link.anchor_line) for link in links(ctx)}
    groups: dict[int, dict] = {}
    for p in ctx.passages:
        money = [n for n in p.numbers if n.is_money and n.exact and n.value and "/" not in (n.unit or "")]
        if len(money) < 3:
            continue
        g: dict[str, object] = {}
        prev = 0
        for n in money:
            cut = max(p.folded.rfind(";", prev, n.start), p.folded.rfind(",", prev, n.start), prev)
            label = p.folded[cut : n.start]
            prev = n.end
            sec = sector(label)
            if sec is None or sec in g or re.search(r"tăng|giảm|vốn|thu ngân sách|đầu tư", label):
                continue
            g[sec] = n
        if len(g) >= 3:
            groups[p.index] = g
    out: list[Finding] = []
    seen: dict[tuple, int] = {}
    for structure in structures(ctx, "result"):
        shares = structure["shares"]
        if any(x.op != "=" for x in shares.values()):
            continue
        said = fold(next(iter(shares.values())).quote)
        if not _ECONOMY.search(said) or _OTHER_WHOLE.search(said):
            continue
        sp = {ctx.passage_at(x.line).index for x in shares.values() if ctx.passage_at(x.line)}
        for index, values in groups.items():
            if index in sp or set(values) != set(shares):
                continue
            # One year on both sides: the values' passage (or the body line its footnote hangs
            # on) names the structure's year; a structure without a year, values without one.
            own = {int(y) for y in _YEAR.findall(ctx.passages[index].folded)}
            if structure["year"] is None:
                if own:
                    continue
            else:
                anchor = anchor_of.get(index)
                years = own or ({int(y) for y in _YEAR.findall(anchor.folded)} if anchor is not None else set())
                if structure["year"] not in years:
                    continue
            base = {k: v.base() for k, v in values.items()}
            total = sum(base.values())
            worst, sec_bad = 0.0, None
            for k, st in shares.items():
                computed = 100 * base[k] / total
                gap = abs(computed - st.low) - 0.5 * 10.0 ** -_dec(st.low)
                if gap > worst:
                    worst, sec_bad = gap, k
            if worst <= _POINTS or sec_bad is None:
                continue
            pct = ", ".join(f"{fmt(100 * base[k] / total, 1)}%" for k in shares)
            same = (index, tuple(sorted((k, x.low) for k, x in shares.items())))
            if same in seen:  # the same structure written again elsewhere: one finding, all its lines
                f = out[seen[same]]
                out[seen[same]] = Finding(f.type, f.severity, tuple(dict.fromkeys(
                    f.lines + tuple(x.line for x in shares.values()))), f.figures, f.message, f.computed, f.quote)
                continue
            seen[same] = len(out)
            out.append(Finding(
                "shares", WARNING,
                tuple(dict.fromkeys([shares[sec_bad].line] + [x.line for x in shares.values()]
                                    + [v.line for v in values.values()])),
                tuple(f"{fmt(x.low)}%" for x in shares.values()) + tuple(v.text for v in values.values()),
                f"Cơ cấu ghi {' / '.join(fmt(x.low) + '%' for x in shares.values())} nhưng giá trị các ngành "
                f"({' + '.join(values[k].text for k in shares)}, dòng "
                f"{min(v.line for v in values.values())}) cho {pct}.",
                None, shares[sec_bad].quote[:300],
            ))
    return out


def _dec(x: float) -> int:
    r = repr(float(x))
    return 0 if r.endswith(".0") else len(r.split(".")[1])
