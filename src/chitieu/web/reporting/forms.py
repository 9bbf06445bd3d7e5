"""The "Tạo báo cáo" form: number (checked as Nghị định 30 writes it), date of issue, format,
the letter parts (signer, TM./KT./Q., Kính gửi, Nơi nhận — prefilled with what the unit used
last), and the template (the unit's own, the default one, or a new upload — offered only to
those who may set the unit's template)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chitieu.core.numbers import nfc
from chitieu.reports.errors import ReportError
from chitieu.reports.letterhead import LetterParts, normalise_number
from chitieu.reports.safe_template import MAX_TEMPLATE_BYTES
from chitieu.web.reporting.generate import Format
from chitieu.web.reporting.models import LetterSettings

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
    variant = forms.ChoiceField(
        label=_("Loại báo cáo"), widget=forms.RadioSelect, initial="auto", required=False,
        choices=[
            ("auto", _("Tự chọn theo kế hoạch và số liệu (năm / giữa kỳ / cả nhiệm kỳ; tổng hợp khi đơn vị có "
                      "xã, phường trực thuộc)")),
            ("annual", _("Báo cáo năm: TH năm trước, KH năm, ƯTH năm, % KH, % cùng kỳ")),
            ("mid-term", _("Báo cáo giữa kỳ: tiến độ và dự báo đến cuối kỳ")),
            ("term", _("Báo cáo cả nhiệm kỳ: 5 năm, bình quân, so với nhiệm kỳ trước")),
            ("town", _("Báo cáo tổng hợp: bảng theo từng xã, phường trực thuộc và số tổng hợp")),
        ],
    )
    data = forms.ChoiceField(
        label=_("Số liệu"), widget=forms.RadioSelect, initial="approved", required=False,
        choices=[("approved", _("Số liệu đã duyệt")),
                 ("latest", _("Số liệu mới nhất (chú thích cuối trang ghi các số liệu chưa duyệt)"))],
    )
    wards = forms.BooleanField(  # the page removes it for a unit without wards
        label=_("Báo cáo riêng của từng xã, phường trực thuộc (một tệp ZIP)"), required=False,
        help_text=_("Mỗi xã, phường một báo cáo theo mẫu và kế hoạch của đơn vị đó, tạo trong một lần."),
    )
    download_token = forms.RegexField(regex=r"^[A-Za-z0-9]{8,40}$", required=False, widget=forms.HiddenInput)
    signer_name = forms.CharField(label=_("Họ và tên người ký"), max_length=100, required=False)
    sign_as = forms.ChoiceField(label=_("Thẩm quyền ký"), choices=LetterSettings.SIGN_AS_CHOICES, initial="tm",
                                required=False)
    kinh_gui = forms.CharField(
        label=_("Kính gửi"), max_length=300, required=False,
        help_text=_("Để trống nếu báo cáo không có dòng “Kính gửi”."),
    )
    recipients = forms.CharField(
        label=_("Nơi nhận"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Mỗi dòng một nơi nhận, ví dụ “UBND tỉnh (b/c)”, dòng cuối “Lưu: VT, TCKH”. "
                    "Để trống: danh sách mặc định."),
    )
    template_source = forms.ChoiceField(label=_("Mẫu báo cáo"), widget=forms.RadioSelect, required=False)
    template = forms.FileField(
        label=_("Tải lên mẫu riêng của đơn vị (.docx)"), required=False,
        help_text=_("Tệp Word có các biến docxtpl, bắt buộc có đoạn {{ noi_dung }}; được lưu làm mẫu của đơn vị. "
                    "Chỉ được dùng các biến trong danh sách của mẫu mặc định; mẫu dùng biến hay lệnh khác "
                    "sẽ bị từ chối."),
        widget=forms.ClearableFileInput(attrs={
            "accept": ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"}),
    )

    def __init__(self, *args, pdf: bool, unit_template=None, may_set_template: bool = False,
                 letter_settings: LetterSettings | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if letter_settings is not None:  # what the unit's office used last time
            self.fields["signer_name"].initial = letter_settings.signer_name
            self.fields["sign_as"].initial = letter_settings.sign_as
            self.fields["kinh_gui"].initial = letter_settings.kinh_gui
            self.fields["recipients"].initial = letter_settings.recipients
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

    def clean_variant(self) -> str:
        return self.cleaned_data.get("variant") or "auto"

    @property
    def latest(self) -> bool:
        return self.cleaned_data.get("data") == "latest"

    def clean_number(self) -> str:
        number = nfc(self.cleaned_data["number"]).strip()
        try:
            return normalise_number(number, DEFAULT_SYMBOL)
        except ReportError:
            raise forms.ValidationError(
                _("Số, ký hiệu “%(value)s” không đúng thể thức Nghị định 30/2020/NĐ-CP: cần dạng 05/BC-UBND "
                  "(số/tên loại văn bản-cơ quan ban hành), hoặc để trống."), params={"value": number}) from None

    @property
    def letter_parts(self) -> LetterParts:
        d = self.cleaned_data
        lines = tuple(x.strip() for x in nfc(d.get("recipients") or "").splitlines() if x.strip())
        return LetterParts(signer_name=nfc(d.get("signer_name") or "").strip(), sign_as=d.get("sign_as") or "tm",
                           kinh_gui=nfc(d.get("kinh_gui") or "").strip(), recipients=lines)

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
