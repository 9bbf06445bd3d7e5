"""Indicator names as the text phrases them: the words before a number in its clause.

Owns ``indicator_name`` and ``clean_name``: "Tổng thu ngân sách ước đạt 1.234 tỷ đồng" names
"Tổng thu ngân sách"; "100% trẻ em được tiêm phòng" (number first) names "Tỷ lệ trẻ em được
tiêm phòng"; "…, tăng 8,5% so với cùng kỳ" names the figure before it "(tăng so với cùng kỳ)".
Filler ("Toàn phường", "Hiện nay", "Trong đó"), list numbering and trailing verbs are dropped.
"""

from __future__ import annotations

import re

from chitieu.extract.normalise import fold, word_tree
from chitieu.extract.quantities import Mention

_LISTED = re.compile(r"(?:^|\s)(?:và|,|;)\s*$")
_LEAD = re.compile(
    r"^[\s\-–+•*.:;,)(\d\[\]]*(?:\(\s*\d+\s*\)[\s.\-–]*)?(?:trong đó\s*:?\s*|riêng\s+|ngoài ra\s*,?\s*)?",
    re.I,
)
_TRAIL_WORDS = (
    r",|:|ước|ước đạt|đạt|đạt được|là|chiếm|còn|có|ở mức|tăng|giảm|gấp|vượt|lên|xuống|bằng|khoảng|gần|"
    r"trên|dưới|từ|tối thiểu|tối đa|ít nhất|không quá|đến|tới|so với|hơn|được|và|với|thêm|bình quân|hàng năm|hằng năm|"
    r"thực hiện|cho|phấn đấu|ước tính|dự kiến"
)
# (the words as a tree: the same texts match, and only where the match starts and ends is used)
# (a word starts a word: "thoát nước" does not end with "ước")
_TRAIL = re.compile(
    r"(?:\s*(?:(?<![^\W\d_])(?=[^\W\d_])|(?=[,:]))(?:" + word_tree(_TRAIL_WORDS.split("|")) + r"))+\s*$", re.I
)
# _TRAIL matches exactly when the text ends with one of its words (then spaces). Most names do
# not, and the test for it is cheap: first the last character (it must end one of the words),
# then one look-behind per word length, tried once at the end. A character no word holds (nor a
# space) cannot be inside a match: when there is one, the search starts after the last one.
_TRAIL_FINAL = re.compile("[" + re.escape("".join({w[-1] for w in _TRAIL_WORDS.split("|")})) + "]", re.I)
_TRAIL_END = re.compile(
    "|".join(
        "(?<=" + "|".join(re.escape(w) for w in _TRAIL_WORDS.split("|") if len(w) == n) + ")"
        for n in sorted({len(w) for w in _TRAIL_WORDS.split("|")})
    ),
    re.I,
)
_TRAIL_FOREIGN = re.compile(r"[^\s" + re.escape("".join(set(_TRAIL_WORDS.replace("|", "")))) + "]", re.I)


def _drop_trail(words: str) -> str:
    """``_TRAIL.sub("", words)``: the trailing verbs and commas dropped."""
    end = words.rstrip()
    if not end or not _TRAIL_FINAL.match(end, len(end) - 1):
        return words
    if not _TRAIL_END.match(end, len(end)):
        return words
    foreign = _TRAIL_FOREIGN.search(words[::-1])
    m = _TRAIL.search(words, len(words) - foreign.start() if foreign else 0)
    return words[: m.start()] + words[m.end() :] if m else words


_FILLER = re.compile(
    r"^(?:(?:toàn|cả)\s+(?:phường|xã|thị xã|thị trấn|huyện|thành phố|tỉnh)|trên địa bàn(?:\s+(?:phường|xã|thị xã|huyện))?|"
    r"hiện nay|đến nay|hiện|trong nhiệm kỳ|trong đó|riêng|ngoài ra|đến (?:cuối )?năm \d{4}|năm \d{4}|"
    r"giai đoạn \d{4}\s*[-–]\s*\d{4}|so với (?:cùng kỳ )?(?:năm )?(?:\d{4})?|đã|có|với|và|được|còn)[\s,:]*",
)
# The first two letters of _FILLER's words, and what lower case (not folded) gives for them:
# "co" too, where folding moves a tone mark onto the "o" ("coà" folds to "còa"). Folding changes
# no other first two letters into one of these.
_FILLER_STARTS = frozenset(
    {"to", "cả", "tr", "hi", "đế", "ri", "ng", "nă", "gi", "so", "đã", "có", "vớ", "và", "đư", "cò"}
)
_FILLER_STARTS_LOWER = _FILLER_STARTS | {
    s[0] + ("o" if s[1] in "òóỏõọ" else "u") for s in _FILLER_STARTS if s[1] in "òóỏõọùúủũụ"
}
_UNCLOSED = re.compile(r"\s*\([^)]*$")
_CONNECTOR = re.compile(r"^(?:và|với|còn|trong đó|riêng|,|;|:|\(|\))\s*")
# The characters a non-empty match of _LEAD (besides spaces and digits) or _CONNECTOR starts with.
_LEAD_FIRST = frozenset("-–+•*.:;,)([]tTrRnN")
_CONNECTOR_FIRST = frozenset("vctr,;:()")


def _unclosed_at(words: str) -> int:
    """``_UNCLOSED.search(words).start()`` (-1 for no match): the "(" after the last ")", with
    the spaces before it."""
    at = words.find("(", words.rfind(")") + 1)
    return at if at <= 0 else len(words[:at].rstrip())


def _cut(pattern: re.Pattern[str], words: str) -> str:
    """``pattern.sub("", words)`` for a pattern anchored at the start (it can match there only)."""
    m = pattern.match(words)
    return words[m.end() :] if m else words


def clean_name(text: str) -> str:
    """Words of a name without list numbering, filler, trailing verbs or an unclosed "(chỉ tiêu …"."""
    if text.isprintable() and "  " not in text:
        # (no white space but single spaces: every other white space character is unprintable)
        words = text.strip(" ")[-200:]
    else:
        words = " ".join(text.split())[-200:]
    if "(" in words:
        unclosed = _unclosed_at(words)
        if unclosed > 0:
            words = words[:unclosed]
    # (the patterns at the start match no end: where they cut nothing from some words, they cut
    # nothing from their beginning either; so once they did not, the trail alone is left to drop)
    start_clean = False
    for _ in range(4):
        before = words
        if not start_clean:
            # (each pattern is tried only where its first characters can stand)
            first = words[:1]
            if first in _LEAD_FIRST or first.isspace() or first.isdecimal():
                words = _cut(_LEAD, words)
            if words[:2].lower() in _FILLER_STARTS_LOWER:  # else no filler word starts it: no folding
                words = fold_prefix(words, _FILLER)
                if words[:2] in _FILLER_STARTS:
                    words = _cut(_FILLER, words)
            if words[:1] in _CONNECTOR_FIRST:
                words = _cut(_CONNECTOR, words)
            start_clean = words == before
        trailed = _drop_trail(words)
        words = trailed.strip(" ,;:-–(")
        if words == before:
            break
        if start_clean and len(words) == len(trailed):
            break  # (the whole trail went at once, and nothing else: another round changes nothing)
        start_clean = start_clean and before.startswith(words)
    return words


def fold_prefix(text: str, pattern: re.Pattern[str]) -> str:
    """Apply a folded-text prefix pattern to ``text`` (same length, so the cut is exact)."""
    m = pattern.match(fold(text))
    return text[m.end() :] if m and m.end() else text


_TAIL_START = re.compile(r"^[\s)]*")
_TAIL_END = re.compile(
    r"[(;,.]|\s(?:đạt|là|chiếm|tăng|giảm|gấp|so với|trong đó|với|và)\s|\s(?=\d+(?:[.,]\d+)?\s*%)"
)
_NAME_PIECES = re.compile(r",(?!\d)")
_AFTER_PIECES = re.compile(r"[,;(]")
_MONEY_UNIT = re.compile(r"đồng|usd")


def _tail(text: str) -> str:
    """The noun phrase after a number: "100% trẻ em được tiêm phòng" → "trẻ em được tiêm phòng"."""
    tail = _TAIL_START.sub("", text)
    tail = _TAIL_END.split(tail, 1)[0]
    return tail.strip(" ,;:-–")


def indicator_name(
    text: str,
    m: Mention | None,
    at: int,
    end: int,
    clause: tuple[int, int],
    prev_end: int | None,
    prev_name: str | None,
    prev_from_tail: bool = False,
) -> tuple[str, bool]:
    """The indicator's name as the text phrases it, and whether it came from the words after the number."""
    a = max(clause[0], prev_end) if prev_end is not None else clause[0]
    before = text[a:at]
    if m is None:
        tail = ""
    elif prev_from_tail:
        tail = _tail(text[end : clause[1]])
    else:
        tail = None  # the words after the number: read below only where needed (most names stand before it)
    if prev_from_tail and tail and _LISTED.search(before):
        # "100% hộ … nước sạch và 98,6% hố xí hợp vệ sinh": a list of number-first phrases.
        return ("Tỷ lệ " + tail if m.unit in ("%", "‰") else tail), True  # type: ignore[union-attr,operator]
    pieces = _NAME_PIECES.split(before)
    name = clean_name(pieces[-1]) if pieces else ""
    if 0 < len(name.split()) <= 2 and len(pieces) > 1:
        name = clean_name(", ".join(pieces[-2:]))
    if m is None:
        return name, False
    if m.role in ("change", "plan_ratio") and prev_name and len(name.split()) <= 2:
        # "…, tăng 8,5% so với cùng kỳ": the figure before, measured another way.
        verb = " ".join(pieces[-1].split()) if pieces else ""
        after = " ".join(_AFTER_PIECES.split(text[end : clause[1]], 1)[0].strip(" .").split())
        if m.role == "plan_ratio":
            return (f"{prev_name} so với {re.sub(r'^so với ', '', after)}" if after else prev_name), False
        detail = " ".join(f"{verb} {after}".split())
        return (f"{prev_name} ({detail})" if detail else prev_name), False
    if len(name.split()) < 2:
        if tail is None:
            tail = _tail(text[end : clause[1]])
        if tail:
            if m.unit in ("%", "‰"):
                return "Tỷ lệ " + tail, True
            if m.unit and not _MONEY_UNIT.search(m.unit):
                return f"Số {m.unit} {tail}".strip(), True
    if name:
        return name, False
    return (tail or (prev_name or "")), bool(tail)  # (an empty name has fewer than two words: tail was read)
