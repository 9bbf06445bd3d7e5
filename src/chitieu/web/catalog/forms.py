from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.web.catalog.models import Indicator


class IndicatorForm(forms.ModelForm):
    aliases_text = forms.CharField(label=_("Tên khác (cách nhau bởi dấu ;)"), required=False)

    class Meta:
        model = Indicator
        fields = ["code", "name", "unit", "kind", "direction", "domain", "aggregation", "price_basis",
                  "price_base_year", "parent", "numerator", "denominator", "weight", "decimals"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["aliases_text"].initial = "; ".join(self.instance.aliases or [])

    def clean(self):
        data = super().clean()
        self.instance.aliases = [a.strip() for a in (data.get("aliases_text") or "").split(";") if a.strip()]
        return data


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp danh mục (.xlsx, .csv)"))
