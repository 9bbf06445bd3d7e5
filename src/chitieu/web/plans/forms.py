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
