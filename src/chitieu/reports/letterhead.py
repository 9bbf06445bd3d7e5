"""The fixed parts of the report around the generated content: issuing body, number, place and
date, subject, opening and closing sentences, "Nơi nhận" and the signature.

Owns: ``Letterhead`` (its defaults derived from the plan) and ``Letterhead.context()``, the
variables a template (docxtpl) may use. The variable names are listed in docs/report.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from chitieu.core.numbers import nfc
from chitieu.core.plan import Plan
from chitieu.reports.wording import full_date

CONTENT_MARKER = "\u27e6CHITIEU_NOI_DUNG\u27e7"  # what {{ noi_dung }} renders to until the body replaces it

# The variables a template may use, and the only names a stored or uploaded template may use
# (chitieu.reports.safe_template refuses any other). Keep in step with ``context()`` and docs/report.md.
TEMPLATE_VARIABLES = (
    "co_quan", "don_vi", "so_ky_hieu", "so", "dia_danh_ngay", "dia_danh", "ngay", "trich_yeu", "mo_dau",
    "noi_dung", "ket_luan", "noi_nhan", "quyen_han", "chuc_vu", "nguoi_ky", "uy_ban",
)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


@dataclass(frozen=True, slots=True)
class Letterhead:
    authority: str  # "ỦY BAN NHÂN DÂN"
    unit: str  # "THỊ XÃ QUẢNG TRỊ"
    number: str  # "125/BC-UBND"; "" leaves the blank the office fills in by hand
    place: str  # "Thị xã Quảng Trị"
    issued: date
    subject: str
    opening: str
    closing: str
    recipients: tuple[str, ...]
    committee: str = ""  # "UBND thị xã Quảng Trị", as the body text names the issuer
    signing_for: str = "TM. ỦY BAN NHÂN DÂN"
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def with_(self, **changes) -> Letterhead:
        return replace(self, **changes)

    @property
    def number_line(self) -> str:
        return f"Số: {self.number}" if self.number else "Số:        /BC-UBND"

    @property
    def place_date(self) -> str:
        return f"{self.place}, {full_date(self.issued)}"

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
            **self.extra,
        }


def subject_for(plan: Plan) -> str:
    years = plan.final_year - plan.base_year
    text = f"Kết quả thực hiện kế hoạch phát triển kinh tế - xã hội {years} năm {plan.period}"
    if plan.next_period:
        a, _, b = plan.next_period.partition("-")
        n = (int(b) - int(a)) if a.isdigit() and b.isdigit() else years
        text += f" và kế hoạch phát triển kinh tế - xã hội {n} năm {plan.next_period}"
    return text


def default_letterhead(
    plan: Plan, *, issued: date | None = None, number: str | None = None, signer_name: str = ""
) -> Letterhead:
    """The letterhead of the report of the People's Committee of ``plan``'s unit."""
    unit_name = nfc(plan.unit_name) or "Đơn vị"
    committee = f"UBND {_lower_first(unit_name)}"
    subject = subject_for(plan)
    recipients = []
    if plan.parent_name:
        recipients.append(f"- UBND {_lower_first(plan.parent_name)} (b/c);")
    recipients += [
        f"- TT Cấp ủy, TT HĐND {_lower_first(unit_name)};",
        f"- Chủ tịch, các PCT {committee};",
        "- Các phòng, ban, đơn vị;",
        "- Lưu: VT, TCKH.",
    ]
    return Letterhead(
        authority="ỦY BAN NHÂN DÂN",
        unit=unit_name.upper(),
        number=nfc(number or ""),
        place=unit_name,
        issued=issued or date.today(),
        subject=subject,
        opening=f"{committee} báo cáo {_lower_first(subject)} như sau:",
        closing=f"Trên đây là báo cáo {_lower_first(subject)} của {committee}./.",
        recipients=tuple(recipients),
        committee=committee,
        signer_name=nfc(signer_name),
    )
