"""The fixed parts of the report around the generated content: issuing body, number, place and
date, subject, opening and closing sentences, "Nơi nhận" and the signature.

Owns: ``Letterhead`` (its defaults derived from the plan) and ``Letterhead.context()``, the
variables a template (docxtpl) may use; ``LetterParts``, what an office sets and a unit keeps
(signer, TM./KT./Q., Kính gửi, Nơi nhận); the names as Nghị định 30/2020/NĐ-CP writes them
(the place without its type word, "UBND Phường 2"); the number and symbol, checked
(``normalise_number``). The variable names are listed in docs/report.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from chitieu.core.numbers import nfc
from chitieu.core.plan import Plan
from chitieu.reports.errors import ReportError
from chitieu.reports.wording import full_date, next_period_years, plan_period_phrase

CONTENT_MARKER = "\u27e6CHITIEU_NOI_DUNG\u27e7"  # what {{ noi_dung }} renders to until the body replaces it

# The variables a template may use, and the only names a stored or uploaded template may use
# (chitieu.reports.safe_template refuses any other). Keep in step with ``context()`` and docs/report.md.
TEMPLATE_VARIABLES = (
    "co_quan", "don_vi", "so_ky_hieu", "so", "dia_danh_ngay", "dia_danh", "ngay", "trich_yeu", "mo_dau",
    "noi_dung", "ket_luan", "noi_nhan", "quyen_han", "chuc_vu", "nguoi_ky", "uy_ban", "kinh_gui",
)

# How the report is signed (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.8): for the People's
# Committee as a body (TM.), by a vice-chair for the chair (KT.), by an acting chair (Q.).
# The value is (quyen_han, chuc_vu); a line break inside quyen_han is a line of the block.
SIGN_AS: dict[str, tuple[str, str]] = {
    "tm": ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    "tm_kt": ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    "kt": ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    "q": ("TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"),
}
SIGN_AS_LABELS: dict[str, str] = {
    "tm": "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH",
    "tm_kt": "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
    "kt": "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
    "q": "TM. ỦY BAN NHÂN DÂN / Q. CHỦ TỊCH",
}

# The words naming the type of an administrative unit, longest first.
UNIT_TYPES = ("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Huyện", "Quận", "Phường", "Tỉnh", "Xã")

# Units named after a person keep their type word in the place line (Nghị định 30: "Phường
# Trần Phú, ngày …"); these are the names of people units are most often named after. Any other
# can be set by hand (the place is a letter part).
PERSON_NAMES = frozenset(
    {
        "Trần Phú", "Lê Lợi", "Quang Trung", "Trần Hưng Đạo", "Nguyễn Trãi", "Lê Hồng Phong",
        "Hai Bà Trưng", "Hồ Chí Minh", "Phan Chu Trinh", "Phan Bội Châu", "Nguyễn Du", "Lý Thường Kiệt",
        "Hoàng Văn Thụ", "Trần Quốc Toản", "Nguyễn Huệ", "Lê Thánh Tông", "Võ Thị Sáu", "Đinh Tiên Hoàng",
        "Ngô Quyền", "Trưng Vương", "Bà Triệu", "Nguyễn Văn Cừ", "Trần Quang Khải", "Lê Lai", "Lê Thánh Tôn",
        "Nguyễn Thị Minh Khai", "Trần Nhân Tông", "Lý Thái Tổ", "Phan Đình Phùng", "Hàm Nghi", "Duy Tân",
        "Hùng Vương", "Trần Đăng Ninh", "Nguyễn Văn Trỗi", "Kim Đồng", "Lê Quý Đôn", "Chu Văn An",
    }
)

_NUMBER_RE = re.compile(r"(\d{1,6})\s*/\s*([A-ZĐ]{1,10}(?:\s*-\s*[A-ZĐ0-9&]{1,20}){1,3})")


def split_unit_name(name: str) -> tuple[str, str]:
    """("Thị xã", "Quảng Trị") for "Thị xã Quảng Trị"; ("", name) when no type word starts it."""
    name = nfc(name).strip()
    for word in UNIT_TYPES:
        if name.lower().startswith(word.lower() + " ") and len(name) > len(word) + 1:
            return name[: len(word)], name[len(word) + 1 :].strip()
    return "", name


def _named_by_number(proper: str) -> bool:
    return proper.split()[0].isdigit() if proper else False


def committee_name(unit_name: str) -> str:
    """How the body text names the issuer: "UBND thị xã Quảng Trị", "UBND phường Trần Phú",
    and "UBND Phường 2": a unit named by a number keeps its capital, for "Phường 2" is its name."""
    kind, proper = split_unit_name(unit_name)
    if not kind:
        return f"UBND {proper}"
    if _named_by_number(proper):
        return f"UBND {kind} {proper}"
    return f"UBND {kind.lower()} {proper}"


def place_name(unit_name: str) -> str:
    """The place in "…, ngày … tháng … năm …" (Nghị định 30, Phụ lục I): the unit's name without
    its type word ("Quảng Trị" for Thị xã Quảng Trị), except for units named by a number or a
    person ("Phường 2", "Phường Trần Phú")."""
    kind, proper = split_unit_name(unit_name)
    if not kind or _named_by_number(proper) or proper in PERSON_NAMES:
        return f"{kind} {proper}".strip()
    return proper


def normalise_number(text: str | None, symbol: str = "/BC-UBND") -> str:
    """A number and symbol as Nghị định 30 writes them, or "" (the blank the office fills in).

    "5" → "05/BC-UBND" (a number below 10 gets its leading zero; a bare number the report's
    symbol), "Số: 125/BC-UBND" → "125/BC-UBND", "05 / bc-ubnd" → "05/BC-UBND". Anything else
    ("abc xyz") raises ``ReportError`` saying what is expected."""
    raw = nfc(text or "").strip()
    number = raw
    if number.lower().startswith("số"):
        number = number[2:].lstrip(" :").strip()
    if not number:
        return ""
    if number.isdigit():
        number += symbol
    m = _NUMBER_RE.fullmatch(number.upper())
    if not m or int(m[1]) == 0:
        raise ReportError(
            f"Số, ký hiệu “{raw}” không đúng thể thức Nghị định 30/2020/NĐ-CP: cần dạng 05/BC-UBND "
            "(số/tên loại văn bản-cơ quan ban hành), hoặc để trống",
            f"number and symbol “{raw}” do not follow Decree 30/2020: expected e.g. 05/BC-UBND "
            "(number/document type-issuing body), or leave it empty",
        )
    symbol_part = re.sub(r"\s+", "", m[2])
    return f"{int(m[1]):02d}/{symbol_part}"


@dataclass(frozen=True, slots=True)
class LetterParts:
    """What an office sets on the letter itself and a unit keeps from one report to the next:
    the signer's name, how they sign (``SIGN_AS``), "Kính gửi" and "Nơi nhận". Empty fields keep
    the defaults derived from the plan."""

    signer_name: str = ""
    sign_as: str = "tm"
    kinh_gui: str = ""
    recipients: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.sign_as not in SIGN_AS:
            raise ReportError(
                f"Thẩm quyền ký “{self.sign_as}” không hợp lệ; chọn một trong: {', '.join(SIGN_AS)}",
                f"unknown signing authority “{self.sign_as}”; choose one of: {', '.join(SIGN_AS)}",
            )


def recipient_lines(lines) -> tuple[str, ...]:
    """"Nơi nhận" as Nghị định 30 writes it: each line "- …;", the last "- Lưu: …." ."""
    cleaned = [nfc(str(x)).strip().lstrip("-–+• ").strip().rstrip(";.,").strip() for x in lines]
    cleaned = [x for x in cleaned if x]
    return tuple(f"- {x}." if i == len(cleaned) - 1 else f"- {x};" for i, x in enumerate(cleaned))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


@dataclass(frozen=True, slots=True)
class Letterhead:
    authority: str  # "ỦY BAN NHÂN DÂN"
    unit: str  # "THỊ XÃ QUẢNG TRỊ"
    number: str  # "125/BC-UBND"; "" leaves the blank the office fills in by hand
    place: str  # "Quảng Trị"
    issued: date
    subject: str
    opening: str
    closing: str
    recipients: tuple[str, ...]
    committee: str = ""  # "UBND thị xã Quảng Trị", as the body text names the issuer
    signing_for: str = "TM. ỦY BAN NHÂN DÂN"
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""
    kinh_gui: str = ""  # "Ủy ban nhân dân tỉnh Quảng Trị"; "" prints no "Kính gửi" line
    extra: dict[str, str] = field(default_factory=dict)

    def with_(self, **changes) -> Letterhead:
        return replace(self, **changes)

    @property
    def number_line(self) -> str:
        return f"Số: {self.number}" if self.number else "Số:        /BC-UBND"

    @property
    def place_date(self) -> str:
        return f"{self.place}, {full_date(self.issued)}"

    @property
    def kinh_gui_line(self) -> str:
        text = self.kinh_gui.strip().rstrip(".")
        return f"Kính gửi: {text}." if text else ""

    def context(self) -> dict:
        """The template variables (Vietnamese names without tone marks, as Word users type them)."""
        return {
            "co_quan": self.authority,
            "don_vi": self.unit,
            "so_ky_hieu": self.number_line,
            "so": self.number,
            "dia_danh_ngay": self.place_date,
            "dia_danh": self.place,
            "ngay": full_date(self.issued),
            "trich_yeu": self.subject,
            "mo_dau": self.opening,
            "noi_dung": CONTENT_MARKER,
            "ket_luan": self.closing,
            "noi_nhan": list(self.recipients),
            "quyen_han": self.signing_for,
            "chuc_vu": self.signer_title,
            "nguoi_ky": self.signer_name or "[Họ và tên người ký]",
            "uy_ban": self.committee,
            "kinh_gui": self.kinh_gui_line,
            **self.extra,
        }


def subject_for(plan: Plan, variant: str = "term") -> str:
    """"Kết quả thực hiện kế hoạch … 5 năm 2021-2025 và kế hoạch … 5 năm 2026-2030": the next
    period counted as the current one (``wording.next_period_years``); "năm 2025" for an annual
    plan. A mid-term report: "Đánh giá giữa kỳ kết quả thực hiện kế hoạch … 5 năm 2021-2025"
    (the next plan is not yet its subject)."""
    text = (
        "Kết quả thực hiện kế hoạch phát triển kinh tế - xã hội "
        + plan_period_phrase(plan.base_year + 1, plan.final_year)
    )
    if variant == "mid-term":
        return "Đánh giá giữa kỳ k" + text[1:]
    if plan.next_period:
        span = next_period_years(plan.final_year, plan.next_period)
        words = plan_period_phrase(*span) if span else plan.next_period
        text += f" và kế hoạch phát triển kinh tế - xã hội {words}"
    return text


def default_letterhead(
    plan: Plan,
    *,
    issued: date | None = None,
    number: str | None = None,
    signer_name: str = "",
    parts: LetterParts | None = None,
    variant: str = "term",
) -> Letterhead:
    """The letterhead of the report of the People's Committee of ``plan``'s unit, with the
    office's ``parts`` (signer, authority, Kính gửi, Nơi nhận) where set. ``number`` is checked
    and normalised (``normalise_number``)."""
    parts = parts or LetterParts(signer_name=signer_name)
    unit_name = nfc(plan.unit_name) or "Đơn vị"
    committee = committee_name(unit_name)
    subject = subject_for(plan, variant)
    if parts.recipients:
        recipients = recipient_lines(parts.recipients)
    else:
        lines = []
        if plan.parent_name:
            lines.append(f"{committee_name(plan.parent_name)} (b/c)")
        lines += [
            f"TT Cấp ủy, TT HĐND {committee[len('UBND '):]}",
            f"Chủ tịch, các PCT {committee}",
            "Các phòng, ban, đơn vị",
            "Lưu: VT, TCKH",
        ]
        recipients = recipient_lines(lines)
    signing_for, signer_title = SIGN_AS[parts.sign_as]
    return Letterhead(
        authority="ỦY BAN NHÂN DÂN",
        unit=unit_name.upper(),
        number=normalise_number(number),
        place=place_name(unit_name),
        issued=issued or date.today(),
        subject=subject,
        opening=f"{committee} báo cáo {_lower_first(subject)} như sau:",
        closing=f"Trên đây là báo cáo {_lower_first(subject)} của {committee}./.",
        recipients=recipients,
        committee=committee,
        signing_for=signing_for,
        signer_title=signer_title,
        signer_name=nfc(parts.signer_name or signer_name).strip(),
        kinh_gui=nfc(parts.kinh_gui).strip(),
    )
