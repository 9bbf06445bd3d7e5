from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.web.plans.models import Plan


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["kind", "base_year", "final_year", "title", "source"]


class TargetForm(forms.Form):
    indicator = forms.CharField(label=_("Mã chỉ tiêu"))
    phrase = forms.CharField(label=_("Chỉ tiêu kế hoạch"), required=False, max_length=500)


class AssignedForm(forms.Form):
    """A year's assigned figure and its document; the value is read as typed ("3.525,5") by the action."""

    year = forms.IntegerField(label=_("Năm"))
    value = forms.CharField(label=_("Số giao"), max_length=40)
    doc_kind = forms.CharField(label=_("Loại văn bản"), max_length=40, required=False, initial="Quyết định")
    doc_number = forms.CharField(label=_("Số văn bản"), max_length=60, required=False)
    doc_date = forms.DateField(label=_("Ngày ban hành"), required=False,
                               input_formats=["%d/%m/%Y", "%Y-%m-%d"],
                               error_messages={"invalid": _("Ngày ban hành không hợp lệ (dd/mm/yyyy).")})
    issuer = forms.CharField(label=_("Cơ quan giao"), max_length=200, required=False)
