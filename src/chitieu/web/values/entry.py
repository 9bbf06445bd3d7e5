"""The data-entry sheet of one unit, plan and year: its rows as the template shows them.

Kept out of the view so that the view stays a few lines and the API can share the row reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import escape, escapejs
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

from chitieu.core.indicators import NO_LABEL, ORDINAL_KINDS, YES_LABEL, Kind, read_yes_no
from chitieu.core.numbers import format_number
from chitieu.core.options import expected_words, ordinal_label, read_ordinal
from chitieu.core.series import ValueStatus
from chitieu.web.values.models import STATUS_CHOICES, Value, is_valid_number, locking_submissions

_PREFERENCE = [ValueStatus.OFFICIAL, ValueStatus.PRELIMINARY, ValueStatus.ESTIMATE, ValueStatus.PLAN]


@dataclass
class EntryRow:
    indicator: object
    depth: int
    target: object
    value: str = ""
    status: str = ValueStatus.OFFICIAL.value
    source: str = ""
    note: str = ""
    value_id: int | None = None
    others: list[tuple[str, str]] = field(default_factory=list)  # (status label, value) of the other statuses
    errors: dict[str, list[str]] = field(default_factory=dict)
    versions: dict[str, int] = field(default_factory=dict)  # status → version of the stored value shown
    locked: str = ""  # why this row cannot be changed (a review in another plan holds it)
    invalid: bool = False  # the stored value is not a readable number
    comments: list = field(default_factory=list)  # reviewers' comments on this value (values.ValueComment)
    # What the sheet's template shows, set once per page by ``prepare_for_sheet`` (not worked out
    # again per row in the template: a 100-row sheet would spend most of its time there).
    dom_id: str = ""
    css: str = ""
    code_js: str = ""
    status_options: str = ""  # the <option>s of the status select, the row's own selected
    status_label: str = ""  # the status as read-only cells show it ("" without a value)
    value_errors: list[str] = field(default_factory=list)
    status_errors: list[str] = field(default_factory=list)
    source_errors: list[str] = field(default_factory=list)
    note_errors: list[str] = field(default_factory=list)

    @property
    def version_field(self) -> str:
        """"chinh_thuc:3,uoc:1": what the page was drawn with, sent back with the save."""
        return ",".join(f"{status}:{version}" for status, version in sorted(self.versions.items()))

    @property
    def code(self) -> str:
        return self.indicator.code

    @property
    def yes_no(self) -> bool:
        """Entered as "Đạt" / "Chưa đạt" with a select, stored as 1 / 0."""
        return self.indicator.kind == Kind.BOOLEAN

    @property
    def value_text(self) -> str:
        """The value as read-only cells show it: words for a yes/no indicator."""
        return yes_no_text(self.value) if self.yes_no else self.value


def _ordered_targets(plan):
    targets = list(plan.targets.select_related("indicator").order_by("order", "indicator__code"))
    ids = {t.indicator_id for t in targets}
    children: dict[int, list] = {}  # parent indicator → its parts, in the plan's order
    for c in targets:
        children.setdefault(c.indicator.parent_id, []).append(c)
    out = []

    def walk(t, depth):
        out.append((t, depth))
        for c in children.get(t.indicator_id, ()):
            walk(c, depth + 1)

    for t in targets:
        if t.indicator.parent_id not in ids:
            walk(t, 0)
    return out


def _one_target(plan, code: str) -> list[tuple]:
    """``_ordered_targets`` of the one target on indicator ``code`` (none when the plan has no
    such target): its depth is the number of its indicator's ancestors the plan also follows."""
    target = plan.targets.select_related("indicator").filter(indicator__code=code).first()
    if target is None:
        return []
    parents = dict(plan.targets.values_list("indicator_id", "indicator__parent_id"))
    depth, parent = 0, parents.get(target.indicator_id)
    while parent in parents and depth < len(parents):
        depth, parent = depth + 1, parents[parent]
    return [(target, depth)]


def default_status(year: int, plan) -> str:
    """The final year of a running plan is usually an estimate; earlier years are official."""
    return ValueStatus.ESTIMATE.value if year >= plan.final_year else ValueStatus.OFFICIAL.value


def in_words(indicator) -> bool:
    """Whether values of ``indicator`` are typed and shown as words: an option ("Khá") or a rank ("thứ 3")."""
    return indicator is not None and indicator.kind in ORDINAL_KINDS


def word_of(number, indicator) -> str:
    """The words of a stored ordinal value ("Khá", "thứ 3"); never the bare rank of an option."""
    return ordinal_label(indicator.to_core(), float(number))


def read_entered(indicator, raw):
    """What a typed value of ``indicator`` stands for, before the number checks: a yes/no word
    → "1"/"0", an option word → its rank ("Khá" → "2"), a rank ("thứ 3") → "3"; anything else
    as it was typed. Returns (raw, message): the message says what to type when the words do
    not fit (nothing is stored then)."""
    if raw in (None, ""):
        return raw, None
    code = indicator.code
    if indicator.kind == Kind.BOOLEAN:
        # typed as words ("Đạt", "Không đạt", "có", "không"), a JSON boolean or 1/0; another
        # number (5, -1) is left to value_checks, which says a yes/no value is 1 or 0
        yes_no = read_yes_no(raw)
        if yes_no is not None:
            return str(yes_no), None
        if _is_number(raw):
            return raw, None
        return raw, _("Chỉ tiêu %(code)s là đạt/chưa đạt: chọn “Đạt” hoặc “Chưa đạt” (hoặc 1/0); "
                      "đã nhập “%(text)s”.") % {"code": code, "text": str(raw)[:40]}
    if indicator.kind in ORDINAL_KINDS:
        core = indicator.to_core()
        rank = read_ordinal(core, raw)
        if rank is not None:
            return str(rank), None
        return raw, _("Chỉ tiêu %(code)s là xếp loại: nhập một trong %(words)s; đã nhập “%(text)s”.") % {
            "code": code, "words": expected_words(core), "text": str(raw)[:40]}
    return raw, None


def _is_number(raw) -> bool:
    from chitieu.core import value_checks

    try:
        return value_checks.read_value(raw) is not None
    except value_checks.ValueProblem:
        return False


def shown_value(number, indicator=None) -> str:
    """A stored number as the sheet shows it (1.234,5); a row that is not a readable number as it
    was stored, so that saving the sheet again refuses it with the check's message. With a yes/no
    ``indicator``: "1" / "0", the values of its select (``yes_no_text`` gives the words); with an
    option or rank indicator: its words ("Khá", "thứ 3"), read back when the sheet is saved."""
    if not is_valid_number(number):
        return str(number)
    if in_words(indicator):
        return word_of(number, indicator)
    if indicator is not None and indicator.kind == Kind.BOOLEAN and float(number) in (0, 1):
        return str(int(number))
    return format_number(float(number))


def _shown_in_words(number, indicator) -> str:
    text = shown_value(number, indicator)
    return yes_no_text(text) if indicator.kind == Kind.BOOLEAN else text


def yes_no_text(value: str) -> str:
    """The words of a yes/no cell ("1" → "Đạt"), for read-only cells and the other statuses."""
    return {"1": _(YES_LABEL), "0": _(NO_LABEL)}.get(value, value)


def build_rows(unit, plan, year: int, posted: dict[str, dict] | None = None, errors: dict | None = None,
               *, own_state_locks: bool = False, only: str | None = None) -> list[EntryRow]:
    """One row per plan target; ``posted`` (code → typed fields) overrides stored values so that a
    refused form comes back as the user typed it, with ``errors`` beside the fields. ``only``: the
    row of that indicator code alone (a row saved on its own), at its depth in the plan.

    A row whose value a review of another plan holds gets ``locked`` with the reason (the sheet
    shows it read-only). ``own_state_locks``: include this plan's own review too.
    """
    from chitieu.web.values.actions import lock_message

    stored: dict[str, dict[str, Value]] = {}
    values = Value.objects.filter(unit=unit, year=year, indicator__plan_targets__plan=plan)
    if only is not None:
        values = values.filter(indicator__code=only)
    for v in values.select_related("indicator").order_by():
        stored.setdefault(v.indicator.code, {})[v.status] = v
    targets = _ordered_targets(plan) if only is None else _one_target(plan, only)
    locks = {ind_id: s for ind_id, s in locking_submissions(
        unit, year, None if only is None else [t.indicator_id for t, _d in targets]).items()
        if own_state_locks or s.plan_id != plan.pk}
    labels = dict(STATUS_CHOICES)
    rows = []
    for t, depth in targets:
        ind = t.indicator
        row = EntryRow(indicator=ind, depth=depth, target=t, status=default_status(year, plan))
        have = stored.get(ind.code, {})
        row.versions = {s: v.version for s, v in have.items()}
        for st in _PREFERENCE:
            if st.value in have:
                v = have[st.value]
                row.value, row.status, row.source, row.note, row.value_id = (
                    shown_value(v.value, ind), v.status, v.source, v.note, v.pk)
                row.invalid = not v.is_valid
                break
        row.others = [(labels[s], _shown_in_words(v.value, ind)) for s, v in have.items() if s != row.status]
        if ind.pk in locks:
            row.locked = lock_message(locks[ind.pk], ind.code)
        if posted and ind.code in posted:
            p = posted[ind.code]
            row.value, row.status, row.source, row.note = p["value"], p["status"], p["source"], p["note"]
        if errors:
            row.errors = {f: errors[f"{ind.code}.{f}"] for f in ("value", "status", "source", "note")
                          if f"{ind.code}.{f}" in errors}
        if row.invalid and not (posted and ind.code in posted):
            row.errors.setdefault("value", []).insert(0, _(
                "Số liệu không hợp lệ: giá trị đang lưu (%(raw)s) không đọc được thành số trong giới hạn; "
                "không được dùng để đánh giá. Hãy sửa hoặc xóa.") % {"raw": row.value})
        rows.append(row)
    return rows


def prepare_for_sheet(rows: list[EntryRow], statuses) -> None:
    """Set what the sheet's template shows of each row (its id, classes, the status select's
    options, the errors of each field), once the rows are final (errors and locks included).
    The options are built once per status, not once per row; ``statuses``: (value, label)."""
    options: dict[str, str] = {}
    labels = dict(statuses)
    for row in rows:
        code = row.code
        row.dom_id = "row-" + slugify(code)
        row.css = f"depth-{row.depth}" + (" has-error" if row.errors else "") + (" locked" if row.locked else "") + (
            " invalid-value" if row.invalid else "")
        row.code_js = escapejs(code)
        if row.status not in options:
            options[row.status] = mark_safe("".join(
                f'<option value="{escape(value)}"{" selected" if value == row.status else ""}>{escape(label)}</option>'
                for value, label in statuses))
        row.status_options = options[row.status]
        row.status_label = str(labels.get(row.status, "")) if row.value else ""
        errors = row.errors
        row.value_errors = errors.get("value", [])
        row.status_errors = errors.get("status", [])
        row.source_errors = errors.get("source", [])
        row.note_errors = errors.get("note", [])


def parse_versions(text: str) -> dict[str, int]:
    """"chinh_thuc:3,uoc:1" → {"chinh_thuc": 3, "uoc": 1}; a garbled field gives -1 (refused as stale)."""
    out: dict[str, int] = {}
    for part in (text or "").split(","):
        status, sep, version = part.strip().partition(":")
        if not sep:
            continue
        try:
            out[status] = int(version)
        except ValueError:
            out[status] = -1
    return out


def rows_from_post(post, codes) -> dict[str, dict]:
    """The typed fields of each row present in the form: ``v-<code>``, ``s-<code>``, ``src-<code>``, ``n-<code>``."""
    out = {}
    for code in codes:
        if f"v-{code}" not in post:
            continue
        out[code] = {
            "indicator": code,
            "value": post.get(f"v-{code}", ""),
            "status": post.get(f"s-{code}", ""),
            "source": post.get(f"src-{code}", ""),
            "note": post.get(f"n-{code}", ""),
        }
        if f"ver-{code}" in post:
            # the version of the value of the status being saved, as the page showed it (0: none)
            versions = parse_versions(post.get(f"ver-{code}", ""))
            out[code]["version"] = versions.get(out[code]["status"] or ValueStatus.OFFICIAL.value, 0)
    return out
