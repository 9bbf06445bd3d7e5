"""The forms of the tasks and TTHC pages (input checks only; the rules are in the actions)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.web.tasks.models import ProgressReport, SourceDocument

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def _date(label, required=True):
    return forms.DateField(label=label, required=required, widget=DATE_INPUT, input_formats=DATE_FORMATS)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại văn bản"), choices=SourceDocument.Kind.choices)
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=50)
    issued = _date(_("Ngày ban hành"))
    issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=200)
    title = forms.CharField(label=_("Trích yếu"), max_length=500)


class GroupForm(forms.Form):
    title = forms.CharField(label=_("Tên nhóm nhiệm vụ"), max_length=300)


class TaskForm(forms.Form):
    group = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Nhiệm vụ"), max_length=500)
    lead_unit = forms.CharField(label=_("Đơn vị chủ trì"), max_length=200, required=False)
    coordinating_units = forms.CharField(label=_("Đơn vị phối hợp"), max_length=300, required=False)
    deadline = _date(_("Thời hạn (để trống nếu thường xuyên)"), required=False)
    expected_product = forms.CharField(label=_("Sản phẩm dự kiến"), max_length=300, required=False)
    indicators = forms.CharField(label=_("Chỉ tiêu phục vụ (mã, cách nhau bởi dấu phẩy)"), max_length=300,
                                 required=False)


class ProgressForm(forms.Form):
    on = _date(_("Ngày"))
    outcome = forms.ChoiceField(label=_("Kết quả"), choices=ProgressReport.Outcome.choices)
    text = forms.CharField(label=_("Nội dung thực hiện"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    document_number = forms.CharField(label=_("Số văn bản minh chứng"), max_length=100, required=False)
    figures = forms.CharField(label=_("Số liệu"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000,
                              required=False)
    reason = forms.CharField(label=_("Lý do không thực hiện"), max_length=1000, required=False)
    file = forms.FileField(label=_("Tệp minh chứng"), required=False)


class WindowForm(forms.Form):
    start = _date(_("Từ ngày"))
    end = _date(_("Đến ngày"))
    source = forms.CharField(label=_("Nguồn số liệu"), max_length=200,
                             initial=_("Hệ thống thông tin giải quyết TTHC của tỉnh"))


class TthcImportForm(WindowForm):
    file = forms.FileField(label=_("Tệp thống kê (.xlsx, .csv)"))


class MappingForm(forms.Form):
    columns = forms.CharField(label=_("Ánh xạ cột (mỗi dòng: tên = tiêu đề cột trong tệp)"),
                              widget=forms.Textarea(attrs={"rows": 16}))


class ImplementationReportForm(forms.Form):
    document = forms.ModelChoiceField(label=_("Kế hoạch giao nhiệm vụ"), queryset=SourceDocument.objects.none())
    request_number = forms.CharField(label=_("Công văn đề nghị báo cáo: số"), max_length=50, required=False)
    request_date = _date(_("Công văn đề nghị báo cáo: ngày"), required=False)
    request_issuer = forms.CharField(label=_("Công văn đề nghị báo cáo: của"), max_length=200, required=False)
    number = forms.CharField(label=_("Số, ký hiệu báo cáo"), max_length=30, required=False)
    issued = _date(_("Ngày báo cáo"), required=False)
    signer_name = forms.CharField(label=_("Họ và tên người ký"), max_length=100, required=False)
    kinh_gui = forms.CharField(label=_("Kính gửi"), max_length=300, required=False)

    def __init__(self, *args, documents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if documents is not None:
            self.fields["document"].queryset = documents
