"""The target-phrase parser on 120 phrases written blind by a helper session (eval/synthetic-3/
phrases.json: each phrase with its form, bound, unit, year and direction). Its first score,
before the parser was fixed against it, was 100 of 120 phrases right on every field (2026-12-06);
the floor here keeps what was reached. Three phrases holding a "trong đó" part are refused on
purpose (they must be split), and two falls to a level keep decrease=False (the model's meaning)."""

from __future__ import annotations

import json
from pathlib import Path

from chitieu.core.targets import TargetParseError, parse_target

PHRASES = Path(__file__).resolve().parents[2] / "eval" / "synthetic-3" / "phrases.json"
# A second blind set (150 phrases, other writers' habits): first score 138 of 150 (2026-12-06).
PHRASES_7 = Path(__file__).resolve().parents[2] / "eval" / "synthetic-7" / "phrases.json"
FIELDS = ("form", "op", "low", "high", "unit", "year", "decrease")


def _read(phrase: str) -> dict:
    try:
        t = parse_target(phrase)
    except TargetParseError as exc:
        return {"error": str(exc)}
    qualitative = t.bound is None or t.bound.op.value == "qualitative"
    return {
        "form": t.form.value,
        "op": "qualitative" if t.bound is None else t.bound.op.value,
        "low": None if qualitative else t.bound.low,
        "high": None if qualitative else t.bound.high,
        "unit": t.unit or None,
        "year": t.year,
        "decrease": bool(t.decrease),
    }


def _same(field: str, want, got) -> bool:
    if isinstance(want, (int, float)) and isinstance(got, (int, float)) and not isinstance(want, bool):
        return abs(want - got) < 1e-9
    return (want or None) == (got or None) if field == "unit" else want == got


def _wrong(path: Path) -> tuple[int, list]:
    entries = json.loads(path.read_text(encoding="utf-8"))
    wrong = []
    for e in entries:
        got = _read(e["phrase"])
        bad = [f for f in FIELDS if not (f == "unit" and e["form"] == "qualitative") and not _same(f, e.get(f), got.get(f))]
        if bad:
            wrong.append((e["phrase"], bad, got.get("error", "")[:80]))
    return len(entries), wrong


def test_the_parser_reads_at_least_114_of_the_120_blind_phrases_right_on_every_field():
    total, wrong = _wrong(PHRASES)
    assert total == 120
    assert total - len(wrong) >= 114, "\n".join(map(str, wrong))


def test_the_parser_reads_at_least_148_of_the_150_phrases_of_the_second_blind_set():
    """The two left differ on conventions, not readings: a total over "giai đoạn 2026 - 2030" is
    checked in 2030 (the key leaves its year empty), and a qualitative target has no direction."""
    total, wrong = _wrong(PHRASES_7)
    assert total == 150
    assert total - len(wrong) >= 148, "\n".join(map(str, wrong))


def test_a_phrase_holding_a_trong_do_part_is_refused_naming_its_parts():
    entries = json.loads(PHRASES.read_text(encoding="utf-8"))
    parts = [e["phrase"] for e in entries if "trong đó" in e["phrase"].lower()]
    assert parts
    for phrase in parts:
        got = _read(phrase)
        assert "error" not in got or "trong đó" in got["error"], (phrase, got)


PHRASES_9 = Path(__file__).resolve().parents[2] / "eval" / "synthetic-9" / "phrases.json"


def test_the_parser_reads_at_least_134_of_the_150_phrases_of_the_ninth_blind_set():
    """First score 124 of 150 (2026-12-06). The 16 left differ on conventions the earlier sets and
    the model settle: a fall to a level keeps decrease=False (7), a growth or a level over
    "giai đoạn 2026-2030" has no year (4), "trước năm 2030" is by 2029 (the deadline's year before),
    "m² sàn/người" is "m2 sàn/người" as set 7 writes it, "MW" is written "mw" as the reader writes
    it, a qualitative "kéo giảm" has no direction, and two "trong đó" phrases are refused."""
    total, wrong = _wrong(PHRASES_9)
    assert total == 150
    assert total - len(wrong) >= 134, "\n".join(map(str, wrong))
