"""``shares``: a structure whose shares do not add up to 100.

A sentence about a structure (``cơ cấu``, ``tỷ trọng``) listing three or more shares in a
row — plain percentage levels, no changes, no quoted targets, one year — must sum to 100
within the digits they are printed with (each share may be off by half a unit of its last
digit). A list summing far from 100 (below 90 or above 110) is not one structure (two years
side by side, or shares of different wholes) and is left alone. Seed 002: "thương mại dịch
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

from chitieu.check.common import Context, fmt, is_quoted_target, sector
from chitieu.check.feasibility import structures
from chitieu.check.finding import ERROR, WARNING, Finding
from chitieu.check.footnotes import links
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
            if len(set(_YEAR.findall(p.folded, a, b))) > 1:
                continue
            shares = [
                n for n in p.numbers_in(a, b)
                if n.unit == "%" and n.exact and n.role == "level" and not is_quoted_target(p, n)
            ]
            if len(shares) < 3 or len(shares) != len([n for n in p.numbers_in(a, b) if n.unit]):
                continue
            total = sum(n.value for n in shares)
            slack = sum(n.half() for n in shares)
            if abs(total - 100) <= slack + 1e-9 or not 90 <= total <= 110:
                continue
            decimals = max(n.stated.decimals if n.stated else 0 for n in shares)
            computed = fmt(total, decimals) + "%"
            out.append(Finding(
                "shares", ERROR, tuple(dict.fromkeys(n.line for n in shares)), tuple(n.text for n in shares),
                f"Các tỷ trọng cộng lại {' + '.join(n.written for n in shares)} = {computed}, không phải 100%.",
                computed, p.quote(a, b),
            ))
    return out + _against_values(ctx)


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
