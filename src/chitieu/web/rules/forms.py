"""The form officers of the province use to write a validation rule: numbers as they type them
(1.000.000 or 1,5), indicator codes separated by commas."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.core.numbers import NumberFormatError, nfc, parse_number
from chitieu.web.rules.models import ValidationRule


class VietnameseNumberField(forms.CharField):
    def to_python(self, value):
        text = nfc(super().to_python(value) or "").strip()
        if not text:
            return None
        try:
            return parse_number(text)
        except NumberFormatError:
            raise forms.ValidationError(_("“%(text)s” không phải là số (viết như 1.234,5).") % {"text": text}) from None


class RuleForm(forms.Form):
    name = forms.CharField(label=_("Tên quy tắc"), max_length=200)
    kind = forms.ChoiceField(label=_("Loại"), choices=ValidationRule.Kind.choices)
    codes = forms.CharField(label=_("Mã chỉ tiêu"), max_length=500,
                            help_text=_("Cách nhau bằng dấu phẩy. Khoảng: 1 mã; phần/tổng và tử/mẫu: 2 mã (phần "
                                        "hoặc tử trước); tỷ trọng: các mã thành phần."))
    minimum = VietnameseNumberField(label=_("Nhỏ nhất"), required=False)
    maximum = VietnameseNumberField(label=_("Lớn nhất"), required=False)
    tolerance = VietnameseNumberField(label=_("Sai số cho phép (điểm %)"), required=False)
    tier = forms.ChoiceField(label=_("Áp dụng cho"), choices=ValidationRule.Tier.choices, required=False)

    def code_list(self) -> list[str]:
        return [c.strip() for c in self.cleaned_data["codes"].replace(";", ",").split(",") if c.strip()]
