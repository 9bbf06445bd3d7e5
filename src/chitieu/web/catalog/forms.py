from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.core.numbers import nfc
from chitieu.web.catalog.models import ALIAS_MAX_LENGTH, Indicator

MAX_IMPORT_BYTES = 5 * 1024 * 1024  # the national catalogue is a few hundred rows: tens of kilobytes


class IndicatorForm(forms.ModelForm):
    aliases_text = forms.CharField(label=_("Tên khác (cách nhau bởi dấu ;)"), required=False)
    options_text = forms.CharField(
        label=_("Các mức xếp loại, tốt nhất trước (cách nhau bởi dấu ;), ví dụ: Tốt; Khá; Trung bình; Yếu"),
        required=False)

    class Meta:
        model = Indicator
        fields = ["code", "name", "unit", "kind", "direction", "domain", "aggregation", "price_basis",
                  "price_base_year", "parent", "numerator", "denominator", "weight", "decimals"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["aliases_text"].initial = "; ".join(self.instance.aliases or [])
            self.fields["options_text"].initial = "; ".join(self.instance.options or [])

    def _clean_text(self, name):
        return nfc(self.cleaned_data.get(name) or "").strip()

    def clean_code(self):
        return self._clean_text("code")

    def clean_name(self):
        return self._clean_text("name")

    def clean_unit(self):
        return self._clean_text("unit")

    def clean_aliases_text(self):
        aliases = [a.strip() for a in nfc(self.cleaned_data.get("aliases_text") or "").split(";") if a.strip()]
        for alias in aliases:
            if len(alias) > ALIAS_MAX_LENGTH:
                raise forms.ValidationError(_("Tên khác dài quá %(max)d ký tự: “%(alias)s…”.") % {
                    "max": ALIAS_MAX_LENGTH, "alias": alias[:40]})
        return aliases

    def clean_options_text(self):
        return [o.strip() for o in nfc(self.cleaned_data.get("options_text") or "").split(";") if o.strip()]

    def clean(self):
        data = super().clean()
        self.instance.aliases = data.get("aliases_text") or []
        self.instance.options = data.get("options_text") or []
        return data


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp danh mục (.xlsx, .csv, .yaml)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("Tệp lớn quá %(mb)d MB; tệp danh mục chỉ vài chục KB.") % {
                "mb": MAX_IMPORT_BYTES // (1024 * 1024)})
        return upload
