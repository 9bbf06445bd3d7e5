"""``count``: a stated count of indicators met ("13/18 chỉ tiêu đạt và vượt") that the
indicators the document lists contradict.

Three checks:
- inside one sentence, the met and unmet counts must make the total ("13/18 chỉ tiêu đạt
  và vượt, 6 chỉ tiêu chưa đạt"; "Trong 21 chỉ tiêu …, có 17 chỉ tiêu đạt và vượt, 3 chỉ tiêu
  không đạt", the total a count of its own in the sentence, or the sentence before one opening
  "Kết quả:"; groups side by side add up, a "trong đó" part does not), unless a third group is
  named ("chưa có số liệu", "cơ bản đạt");
- against the list the count's sentence opens ("…, 2 chỉ tiêu không đạt. Cụ thể:", "3 chỉ tiêu
  không đạt, gồm:"): a list of all the indicators must give the counts, each item judged by its
  stated verdict or its figures against its target; a list of the counted ones must have as
  many items, none met by its own figures among the unmet (or the reverse)
  (``_against_list``, ``_item_judged_otherwise``);
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
from chitieu.check.verdict import met_by_figures
from chitieu.extract.normalise import fold

_MET_AFTER = re.compile(r"\s*(?:chủ yếu|chủ yếu của nhiệm kỳ|của nhiệm kỳ|của nghị quyết)?[^.;\d]{0,25}?"
                        r"(?<!không )(?<!chưa )(đạt|vượt|hoàn thành)")
_UNMET_AFTER = re.compile(r"[^.;\d]{0,25}?(?:không|chưa)\s+(?:đạt|hoàn thành)")
_OTHER_CATEGORY = re.compile(r"chưa (?:đánh giá|có số liệu|đủ số liệu)|cơ bản (?:đạt|hoàn thành)|không đánh giá")


_COUNTED = ("chỉ tiêu", "tiêu chí")
_MET_BEFORE = re.compile(r"(?<!chưa )(?<!không )(?:hoàn thành|đạt(?: và vượt)?|vượt)\s*(?:được\s*)?$")


def _claims(p: Passage) -> list[tuple[Number, bool]]:
    """The counts of indicators met (True) or not (False) in ``p``: "15 chỉ tiêu đạt và vượt",
    "3 chỉ tiêu không đạt", "hoàn thành 8/10 chỉ tiêu"."""
    out = []
    for n in p.numbers:
        if n.unit not in _COUNTED or not n.exact:
            continue
        if _UNMET_AFTER.match(p.folded, n.end):
            out.append((n, False))
        elif _MET_AFTER.match(p.folded, n.end) or _MET_BEFORE.search(p.folded, max(0, n.start - 25), n.start):
            out.append((n, True))
    return out


_ITEM = re.compile(r"\s*([-+•*–]|\(\d{1,2}\)|\d{1,2}[.)]|[a-zđ]\))\s+\S")


def _marker_kind(marker: str) -> str:
    """A list marker with its number or letter blanked: "(1)" and "(2)" are one kind of marker."""
    return re.sub(r"[\da-zđ]+", "#", marker)
# What may stand between a count and the colon that opens its list: "3 chỉ tiêu không đạt, gồm:".
_OPENS_LIST = re.compile(r"[^.;:\d]{0,40}?,?\s*(?:gồm|bao gồm|là|cụ thể(?: như sau)?|như sau)\s*:")


def _list_items(ctx: Context, line: int) -> list[int]:
    """The lines of the list that ``line`` opens (it ends with a colon, or the short line after
    it does: "Cụ thể như sau:"): the items right below with one marker. Empty when any item gives
    no figure (then it may be no indicator at all)."""
    lines = ctx.document.lines
    if not fold(lines[line - 1]).rstrip().endswith(":"):
        nxt = lines[line].strip() if line < len(lines) else ""
        if not (nxt.endswith(":") and len(nxt) <= 30 and not re.search(r"\d", nxt)):
            return []
        line += 1
    items, marker = [], None
    for k in range(line + 1, len(lines) + 1):
        m = _ITEM.match(lines[k - 1])
        if m is None or (marker is not None and _marker_kind(m.group(1)) != marker):
            break
        marker = _marker_kind(m.group(1))
        items.append(k)
    if any(not re.search(r"\d", lines[k - 1]) for k in items):
        return []
    return items


def _is_marker(ctx: Context, n: Number) -> bool:
    """Whether ``n`` is the number of a list item's marker ("1.", "(2)") rather than a figure."""
    m = _ITEM.match(ctx.document.lines[n.line - 1])
    digits = re.sub(r"\D", "", m.group(1)) if m else ""
    return bool(digits) and n.value == int(digits)


def _item_met(ctx: Context, line: int) -> bool | None:
    """Whether the indicator of a list item was met: by the verdict the item states ("(không
    đạt)"), else by its figures against the target it quotes; None when neither says."""
    results = [s for s in ctx.statements if s.line == line and s.kind == "result"]
    said = {s.stated_status for s in results if s.stated_status in ("dat", "vuot", "khong_dat")}
    if len(said) == 1:
        return said.pop() != "khong_dat"
    if said or _OTHER_CATEGORY.search(fold(ctx.document.lines[line - 1])):
        return None
    by_figures = {met_by_figures(s) for s in results if s.compared_target is not None}
    return by_figures.pop() if len(by_figures) == 1 else None


def _judged(ctx: Context, line: int) -> bool:
    """Whether a list item gives a result beside its target or with a verdict, or two figures of
    one unit ("(Nghị quyết: 50%; ước đạt 40%)": the target and the result, however read)."""
    mine = [s for s in ctx.statements if s.line == line]
    if any(s.kind == "result" and (s.compared_target or s.stated_status) for s in mine):
        return True
    units = [s.unit.split("/")[0] for s in mine if s.unit]
    return any(units.count(u) >= 2 for u in set(units))


def _total(p: Passage, claims, sent) -> int | None:
    """The number of indicators a count sentence speaks of: a count's denominator ("14/16"), else
    the one count of the sentence that judges nothing ("Trong 18 chỉ tiêu …")."""
    dens = {int(n.mention.denominator[0]) for n, _ in claims if n.mention.denominator and sent[0] <= n.start < sent[1]}
    if dens:
        return dens.pop() if len(dens) == 1 else None
    claimed = {id(n) for n, _ in claims}
    plain = [n for n in p.numbers_in(*sent) if n.unit == "chỉ tiêu" and n.exact and id(n) not in claimed]
    return int(plain[0].value) if len(plain) == 1 else None


_PART_OF = re.compile(r"trong đó|bao gồm|(?<![a-zà-ỹđ])gồm(?![a-zà-ỹđ])|riêng")


def _groups(p: Passage, claims, sent) -> list[tuple[Number, bool]]:
    """The counts of a sentence that stand side by side (each a group of the total), leaving out
    those a "trong đó" or "gồm" puts inside the count before them."""
    mine = [(n, ok) for n, ok in claims if sent[0] <= n.start < sent[1] and n.mention.denominator is None]
    out, prev = [], None
    for n, ok in mine:
        inside = prev is not None and _PART_OF.search(p.folded, prev.end, n.start) and out and out[-1][1] == ok
        prev = n
        if not inside:
            out.append((n, ok))
    return out


def _total_before(p: Passage, sent: tuple[int, int]) -> int | None:
    """The total the sentence before a count gives when it gives nothing else: "Kế hoạch 5 năm
    đề ra 20 chỉ tiêu chủ yếu. Kết quả: 17 chỉ tiêu đạt và vượt, 3 chỉ tiêu không đạt"."""
    if sent[0] == 0:
        return None
    prev = p.sentence_of(max(0, sent[0] - 2))
    if prev[0] >= sent[0] or not re.match(r"\W*kết quả", p.folded[sent[0] :]):
        return None
    nums = [n for n in p.numbers_in(*prev) if n.unit is not None]
    if len(nums) != 1 or nums[0].unit != "chỉ tiêu" or not nums[0].exact or _claims_at(p, nums[0]):
        return None
    return int(nums[0].value)


def _claims_at(p: Passage, n: Number) -> bool:
    return bool(_UNMET_AFTER.match(p.folded, n.end) or _MET_AFTER.match(p.folded, n.end))


def _against_list(ctx: Context, p: Passage, claims) -> list[Finding]:
    """A count whose sentence opens a list of the indicators: "có 14/16 chỉ tiêu đạt và vượt, 2
    chỉ tiêu không đạt. Cụ thể:" over sixteen items each judged, or "3 chỉ tiêu không đạt,
    gồm:" over the unmet ones. A list of all the indicators must give the counts (each item
    judged by its stated verdict or its figures; an item neither decides may go either way); a
    list opened right after one count must have that many items."""
    out = []
    last = claims[-1][0]
    sent = p.sentence_of(last.start)
    mine = [(n, met) for n, met in claims if sent[0] <= n.start < sent[1]]
    items = _list_items(ctx, last.line)
    if not items or any(not _is_marker(ctx, x) for x in p.numbers_in(last.end, sent[1] + 12)):
        return []
    total = _total(p, claims, sent)
    if total is not None and len(items) == total:
        status = [_item_met(ctx, k) for k in items]
        for n, met in mine:
            sure = sum(1 for x in status if x is met)
            unsure = sum(1 for x in status if x is None)
            if sure <= n.value <= sure + unsure:
                continue
            missed = [_item_name(ctx, k) for k, x in zip(items, status, strict=True) if x is False]
            out.append(Finding(
                "count", ERROR, (n.line, *(k for k, x in zip(items, status, strict=True) if x is False)), (n.text,),
                f"Văn bản ghi {n.text} {'đạt' if met else 'không đạt'} nhưng danh sách {total} chỉ tiêu bên dưới cho "
                f"{sure}{'' if not unsure else f' - {sure + unsure}'} chỉ tiêu {'đạt' if met else 'không đạt'}"
                + (f" (chưa đạt: {'; '.join(missed[:5])})." if missed else "."),
                str(sure), p.quote(*sent),
            ))
            break  # one list, one finding
        return out
    n, met = mine[-1]
    opens = _OPENS_LIST.match(p.folded, n.end)
    if not opens:
        return out
    rest = p.folded[opens.end() :].strip()
    # the colon closes the passage, or the passage runs on into the items themselves
    if (rest and p.line_at(opens.end() + len(p.folded[opens.end() :]) - len(rest)) != items[0]):
        return out
    if len(items) == int(n.value):
        return _item_judged_otherwise(ctx, p, n, met, items, sent)
    # Each item an indicator the list judges the count's way (none judged the other way).
    if any(_item_met(ctx, k) is (not met) or not _judged(ctx, k) for k in items):
        return out
    other = f" (tức {total - len(items)}/{total} chỉ tiêu {'không đạt' if met else 'đạt'})" if total else ""
    return [Finding(
        "count", ERROR, (n.line, *items), (n.text,),
        f"Văn bản ghi {n.text} {'đạt' if met else 'không đạt'} nhưng danh sách ngay sau đó kê {len(items)} chỉ tiêu"
        f"{other}.",
        str(len(items)), p.quote(*sent),
    )]


def _item_judged_otherwise(ctx: Context, p: Passage, n: Number, met: bool, items: list[int], sent) -> list[Finding]:
    """"3 chỉ tiêu không đạt, gồm: … - Tỷ lệ lao động tham gia BHXH: kế hoạch 18%, thực hiện
    19,8%.": as many items as the count, but an item whose own figures judge it the other way
    (met among the unmet, or the reverse) — its result against the target beside it, no verdict
    of its own — is miscounted. Only when every item gives a result beside a target."""
    if any(not _judged(ctx, k) for k in items):
        return []
    wrong = []
    for k in items:
        results = [s for s in ctx.statements if s.line == k and s.kind == "result"]
        if any(s.stated_status for s in results) or _OTHER_CATEGORY.search(fold(ctx.document.lines[k - 1])):
            continue
        judged = {met_by_figures(s) for s in results if s.compared_target is not None}
        if judged == {not met}:
            wrong.append((k, results))
    if len(wrong) != 1:
        return []
    k, results = wrong[0]
    q = ctx.passage_at(k)
    figs = [x.text for x in (q.numbers if q else []) if x.line == k and x.unit][:2]
    right = int(n.value) - 1
    return [Finding(
        "count", ERROR, (k, n.line), (*figs, n.text),
        f"Văn bản kê {_item_name(ctx, k)} trong {n.text} {'đạt' if met else 'không đạt'} nhưng số liệu của chính "
        f"chỉ tiêu này ({', '.join(figs)}) cho thấy nó {'không đạt' if met else 'đạt'}: danh sách chỉ có {right} "
        f"chỉ tiêu {'đạt' if met else 'không đạt'}.",
        str(right), p.quote(*sent),
    )]


def _item_name(ctx: Context, line: int) -> str:
    """A list item's indicator: its text up to the colon, without the marker."""
    text = ctx.document.lines[line - 1]
    m = _ITEM.match(text)
    return text[m.start(1) + len(m.group(1)) if m else 0 :].lstrip(" -+•*–").split(":")[0].strip()[:50]


# A list item closed by its verdict alone: "9. Tiêu chí số 9 - Nhà ở dân cư: đạt.", "…(yêu cầu ≥ 52
# triệu đồng); chưa đạt."
_CLOSED_BY = re.compile(r"[;:]\s*((?:chưa |không )?)(?:đạt|vượt|hoàn thành)(?:\s+(?:yêu cầu|chuẩn))?\s*\.?\s*$")


def _verdict_list(ctx: Context, total: int) -> list[tuple[str, bool, int]] | None:
    """(name, met, line) of the one run of numbered items ("1." … "19.") each closed by its own
    verdict, when it has exactly ``total`` items; None otherwise (no such run, or two)."""
    runs: list[list[tuple[str, bool, int]]] = []
    prev = None
    for k, line in enumerate(ctx.document.lines, 1):
        m = _ITEM.match(line)
        v = _CLOSED_BY.search(fold(line).rstrip()) if m and not ctx.is_table_line(k) else None
        if v is None:
            prev = None
            continue
        if prev != k - 1:
            runs.append([])
        runs[-1].append((_item_name(ctx, k), not v.group(1), k))
        prev = k
    fit = [r for r in runs if len(r) == total]
    return fit[0] if len(fit) == 1 else None


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


def _against_verdicts(p: Passage, n: Number, items, total: int) -> list[Finding]:
    """A count of the indicators met against the list of them each closed by its own verdict."""
    met_count = sum(1 for _, ok, _ in items if ok)
    if met_count == int(n.value):
        return []
    missed = [(name, k) for name, ok, k in items if not ok]
    return [Finding(
        "count", ERROR, (n.line, *(k for _, k in missed)), (n.text,),
        f"Văn bản ghi {n.text} đạt nhưng danh sách {total} mục ghi {met_count}/{total} đạt"
        + (f" (chưa đạt: {'; '.join(x[:50] for x, _ in missed[:5])})." if missed else "."),
        f"{met_count}/{total}", p.quote(*p.sentence_of(n.start)),
    )]


# "Có 3/5 lĩnh vực không để xảy ra hồ sơ trễ hạn": a count of the rows of a table with none of
# something; group 3 is the thing.
_NONE_OF = re.compile(
    r"(?<![\d.,])(\d{1,2})\s*/\s*(\d{1,2})\s+[^\d.;,()]{2,30}?\s+không\s+(?:để\s+(?:xảy ra|phát sinh)\s+|phát sinh\s+|có\s+)"
    r"([^\d.;,()]{3,60})"
)


def _tables(ctx: Context) -> list[list[list[str]]]:
    """The document's tables, each a list of rows of folded cells (lines "| a | b |")."""
    tables, cur = [], None
    for line in ctx.document.lines:
        if line.lstrip().startswith("|"):
            if cur is None:
                cur = []
                tables.append(cur)
            cur.append([fold(c).strip() for c in line.strip().strip("|").split("|")])
        else:
            cur = None
    return tables


def _zero_rows(table: list[list[str]], thing: str) -> tuple[int, int] | None:
    """(rows with 0 in the column the thing names, numbered rows) of ``table``: the column whose
    header ends ``thing`` ("trễ hạn" for "hồ sơ trễ hạn"), over the rows numbered in the first cell
    (a total row has none); None when no one column fits or a cell is no whole number."""
    head = table[0]
    cols = [i for i, h in enumerate(head) if h and thing.strip().endswith(h)]
    rows = [r for r in table[1:] if r and r[0].isdigit() and len(r) == len(head)]
    if len(cols) != 1 or not rows:
        return None
    cells = [r[cols[0]].replace(".", "") for r in rows]
    if not all(c.isdigit() for c in cells):
        return None
    return sum(1 for c in cells if int(c) == 0), len(rows)


def _none_of_against_table(ctx: Context) -> list[Finding]:
    """"x/y lĩnh vực không để xảy ra hồ sơ trễ hạn" against the one table of y numbered rows with
    a column headed by the thing ("Trễ hạn"): x must be the rows whose cell there is 0."""
    out = []
    tables = _tables(ctx)
    for p in ctx.passages:
        if p.is_table_row:
            continue
        for m in _NONE_OF.finditer(p.folded):
            x, y = int(m.group(1)), int(m.group(2))
            fits = [r for r in (_zero_rows(t, m.group(3)) for t in tables) if r is not None and r[1] == y]
            if len(fits) != 1 or fits[0][0] == x:
                continue
            text = p.text[m.start(1) : m.end(2)]
            out.append(Finding(
                "count", ERROR, (p.line_at(m.start()),), (text,),
                f"Văn bản ghi “{p.text[m.start(1) : m.end(3)].strip()}” nhưng bảng số liệu chỉ có "
                f"{fits[0][0]}/{y} dòng ghi 0 ở cột này.",
                f"{fits[0][0]}/{y}", p.quote(*p.sentence_of(m.start())),
            ))
    return out


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = _none_of_against_table(ctx)
    listed: list | None = None
    judged_lists: set[int] = set()
    for p in ctx.passages:
        claims = _claims(p)
        if not claims:
            continue
        for f in _against_list(ctx, p, claims):
            judged_lists.add(f.lines[0])
            out.append(f)
        first_met: set[tuple[int, int]] = set()
        for n, met in claims:
            den = n.mention.denominator
            sent = p.sentence_of(n.start)
            if not met or (den is None and sent in first_met):
                continue
            unmet = [m for m, ok in claims if not ok and sent[0] <= m.start < sent[1] and m.mention.denominator is None]
            value, z = n.value, int(unmet[0].value) if unmet else 0
            if den is None:
                first_met.add(sent)
                total = _total(p, claims, sent) or _total_before(p, sent)
                if total is None:
                    continue
                # "9 chỉ tiêu vượt, 4 chỉ tiêu đạt và 3 chỉ tiêu không đạt": groups side by side add up;
                # "…, trong đó 6 chỉ tiêu vượt" is a part of the group before it.
                groups = _groups(p, claims, sent)
                value = sum(q.value for q, ok in groups if ok)
                z = int(sum(q.value for q, ok in groups if not ok))
            else:
                total = int(den[0])
            if unmet:
                if value + z > total or (
                    value + z < total and not _OTHER_CATEGORY.search(p.folded, *sent)
                ):
                    out.append(Finding(
                        "count", ERROR, tuple(dict.fromkeys((n.line, unmet[0].line))), (n.text, unmet[0].text),
                        f"{int(value)} chỉ tiêu đạt và {z} chỉ tiêu chưa đạt là {int(value) + z}"
                        f" chỉ tiêu, văn bản ghi tổng {total}.",
                        str(int(value) + z), p.quote(*sent),
                    ))
                    continue
            by_items = _verdict_list(ctx, total)
            if by_items is not None:
                out.extend(_against_verdicts(p, n, by_items, total))
                continue
            if unmet and den is not None:
                continue
            if n.line in judged_lists:
                continue
            if listed is None:
                listed = _listed(ctx)
            if len(listed) != total:
                continue
            met_count = sum(1 for _, ok, _ in listed if ok)
            if met_count != int(value):
                not_met = [name for name, ok, _ in listed if not ok]
                out.append(Finding(
                    "count", ERROR, (n.line,), (n.text,),
                    f"Văn bản ghi {n.text} đạt nhưng bảng/danh sách {total} chỉ tiêu cho {met_count}/{total} chỉ tiêu đạt và vượt"
                    + (f" (chưa đạt: {'; '.join(x[:50] for x in not_met[:5])})." if not_met else "."),
                    f"{met_count}/{total}", p.quote(*sent),
                ))
    return out

