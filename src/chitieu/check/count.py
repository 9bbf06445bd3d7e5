"""``count``: a stated count of indicators met ("13/18 chỉ tiêu đạt và vượt") that the
indicators the document lists contradict.

Two checks:
- inside one sentence, the met and unmet counts cannot exceed the total ("13/18 chỉ tiêu đạt
  và vượt, 6 chỉ tiêu chưa đạt");
- against the list: when the document lists exactly as many indicators with a verdict as the
  count's total (a table with an "Đánh giá" column, or results each judged in the text), the
  number judged đạt/vượt (by the text, or by the figures against their targets where the text
  gives no verdict) must be the stated count.
"""

from __future__ import annotations

import re

from chitieu.check.common import Context
from chitieu.check.finding import ERROR, Finding
from chitieu.check.passages import Number, Passage
from chitieu.extract.normalise import fold

_MET_AFTER = re.compile(r"\s*(?:chủ yếu|chủ yếu của nhiệm kỳ|của nhiệm kỳ|của nghị quyết)?[^.;\d]{0,25}?"
                        r"(?<!không )(?<!chưa )(đạt|vượt|hoàn thành)")
_UNMET_AFTER = re.compile(r"[^.;\d]{0,25}?(?:không|chưa)\s+(?:đạt|hoàn thành)")
_OTHER_CATEGORY = re.compile(r"chưa (?:đánh giá|có số liệu|đủ số liệu)|cơ bản (?:đạt|hoàn thành)|không đánh giá")


def _claims(p: Passage) -> list[tuple[Number, bool]]:
    out = []
    for n in p.numbers:
        if n.unit != "chỉ tiêu" or not n.exact:
            continue
        if _UNMET_AFTER.match(p.folded, n.end):
            out.append((n, False))
        elif _MET_AFTER.match(p.folded, n.end):
            out.append((n, True))
    return out


def _listed(ctx: Context) -> list[tuple[str, bool, int]]:
    """(name, met, line) of every judged result, once per indicator name (the last one)."""
    seen: dict[str, tuple[str, bool, int]] = {}
    for s in ctx.statements:
        if s.kind != "result" or s.stated_status is None or s.unit == "chỉ tiêu":
            continue
        if not ctx.is_table_line(s.line):
            continue
        seen[fold(s.indicator)] = (s.indicator, s.stated_status in ("dat", "vuot"), s.line)
    return list(seen.values())


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    listed: list | None = None
    for p in ctx.passages:
        claims = _claims(p)
        if not claims:
            continue
        for n, met in claims:
            den = n.mention.denominator
            if not met or den is None:
                continue
            total = int(den[0])
            sent = p.sentence_of(n.start)
            unmet = [m for m, ok in claims if not ok and sent[0] <= m.start < sent[1] and m.mention.denominator is None]
            if unmet:
                z = int(unmet[0].value)
                if n.value + z > total or (
                    n.value + z < total and not _OTHER_CATEGORY.search(p.folded, *sent)
                ):
                    out.append(Finding(
                        "count", ERROR, tuple(dict.fromkeys((n.line, unmet[0].line))), (n.text, unmet[0].text),
                        f"{int(n.value)} chỉ tiêu đạt và {z} chỉ tiêu chưa đạt là {int(n.value) + z}"
                        f" chỉ tiêu, văn bản ghi tổng {total}.",
                        str(int(n.value) + z), p.quote(*sent),
                    ))
                continue
            if listed is None:
                listed = _listed(ctx)
            if len(listed) != total:
                continue
            met_count = sum(1 for _, ok, _ in listed if ok)
            if met_count != int(n.value):
                not_met = [name for name, ok, _ in listed if not ok]
                out.append(Finding(
                    "count", ERROR, (n.line,), (n.text,),
                    f"Văn bản ghi {n.text} đạt nhưng bảng/danh sách {total} chỉ tiêu cho {met_count}/{total} chỉ tiêu đạt và vượt"
                    + (f" (chưa đạt: {'; '.join(x[:50] for x in not_met[:5])})." if not_met else "."),
                    f"{met_count}/{total}", p.quote(*sent),
                ))
    return out

