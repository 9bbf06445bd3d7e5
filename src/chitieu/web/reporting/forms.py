"""The "Tạo báo cáo" form: number, date of issue, format, and the template (the unit's own,
the default one, or a new upload — offered only to those who may set the unit's template)."""

from __future__ import annotations

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chitieu.core.numbers import nfc
from chitieu.reports.safe_template import MAX_TEMPLATE_BYTES
from chitieu.web.reporting.generate import Format

DEFAULT_SYMBOL = "/BC-UBND"


class TemplateSource:
    UNIT = "unit"
    DEFAULT = "default"


class ReportForm(forms.Form):
    number = forms.CharField(
        label=_("Số, ký hiệu"), max_length=60, required=False,
        help_text=_("Ví dụ 125/BC-UBND (chỉ nhập số thì thêm /BC-UBND). Để trống: dòng “Số:        /BC-UBND” "
                    "để văn thư điền."),
        widget=forms.TextInput(attrs={"placeholder": "…/BC-UBND"}),
    )
    issued = forms.DateField(label=_("Ngày ban hành"), widget=forms.DateInput(attrs={"type": "date"},
                                                                              format="%Y-%m-%d"))
    format = forms.ChoiceField(label=_("Định dạng"), widget=forms.RadioSelect)
    template_source = forms.ChoiceField(label=_("Mẫu báo cáo"), widget=forms.RadioSelect, required=False)
    template = forms.FileField(
        label=_("Tải lên mẫu riêng của đơn vị (.docx)"), required=False,
        help_text=_("Tệp Word có các biến docxtpl, bắt buộc có đoạn {{ noi_dung }}; được lưu làm mẫu của đơn vị. "
                    "Chỉ được dùng các biến trong danh sách của mẫu mặc định; mẫu dùng biến hay lệnh khác "
                    "sẽ bị từ chối."),
        widget=forms.ClearableFileInput(attrs={
            "accept": ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"}),
    )

    def __init__(self, *args, pdf: bool, unit_template=None, may_set_template: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_set_template:
            del self.fields["template"]
        self.fields["issued"].initial = timezone.localdate()
        self.fields["format"].choices = [c for c in Format.choices if pdf or c[0] != Format.PDF]
        self.fields["format"].initial = Format.DOCX
        if unit_template is None:
            del self.fields["template_source"]
        else:
            when = timezone.localtime(unit_template.uploaded_at).strftime("%d/%m/%Y")
            self.fields["template_source"].choices = [
                (TemplateSource.UNIT, _("Mẫu của đơn vị: %(name)s (tải lên ngày %(date)s)") % {
                    "name": unit_template.file_name, "date": when}),
                (TemplateSource.DEFAULT, _("Mẫu mặc định (Nghị định 30/2020/NĐ-CP)")),
            ]
            self.fields["template_source"].initial = TemplateSource.UNIT

    def clean_number(self) -> str:
        number = nfc(self.cleaned_data["number"]).strip()
        if number.lower().startswith("số:"):
            number = number[3:].strip()
        if re.fullmatch(r"\d+", number):
            number += DEFAULT_SYMBOL
        return number

    def clean_template(self):
        upload = self.cleaned_data.get("template")
        if not upload:
            return None
        if not upload.name.lower().endswith(".docx"):
            raise forms.ValidationError(
                _("Mẫu báo cáo phải là tệp Word .docx; tệp “%(name)s” không phải."), params={"name": upload.name})
        if upload.size > MAX_TEMPLATE_BYTES:
            raise forms.ValidationError(_("Tệp mẫu quá lớn (tối đa 5 MB)."))
        return upload

    @property
    def use_default_template(self) -> bool:
        return self.cleaned_data.get("template_source") == TemplateSource.DEFAULT
