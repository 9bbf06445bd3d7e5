"""The upload form and the import form of the review screen."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.web.imports.reading import ALLOWED_SUFFIXES


class UploadForm(forms.Form):
    # Empty files are let through: the extractor's own message says what is wrong with them.
    file = forms.FileField(
        label=_("Tệp báo cáo (.txt, .md, .docx, .pdf; tối đa 20 MB)"), allow_empty_file=True,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_SUFFIXES)}),
    )


class ImportForm(forms.Form):
    plan = forms.ModelChoiceField(label=_("Nhập vào kế hoạch"), queryset=None, empty_label=None)
    default_year = forms.IntegerField(
        label=_("Năm cho các số liệu không ghi năm"), required=False, min_value=1900, max_value=2100)

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
