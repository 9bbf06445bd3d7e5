"""``shares``: a structure whose shares do not add up to 100.

A sentence about a structure (``cơ cấu``, ``tỷ trọng``) listing three or more shares in a
row — plain percentage levels, no changes, no quoted targets, one year — must sum to 100
within the digits they are printed with (each share may be off by half a unit of its last
digit). A list summing far from 100 (below 90 or above 110) is not one structure (two years
side by side, or shares of different wholes) and is left alone. Seed 002: "thương mại dịch
vụ 64,3%; công nghiệp – xây dựng 31,1%; nông - lâm nghiệp - thủy sản 4,6%" holds.
"""

from __future__ import annotations

import re

from chitieu.check.common import Context, fmt, is_quoted_target
from chitieu.check.finding import ERROR, Finding

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
    return out
