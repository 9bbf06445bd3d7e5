"""The upload form and the import form of the review screen."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.web.imports.reading import ALLOWED_SUFFIXES

MAX_FILES = 20  # one upload; each file up to the readers' size limit


class _SeveralFiles(forms.ClearableFileInput):
    allow_multiple_selected = True


class _FilesField(forms.FileField):
    """One or several files: a list of uploads, each cleaned as a FileField cleans one."""

    def clean(self, data, initial=None):
        if not isinstance(data, (list, tuple)):
            return [super().clean(data, initial)]
        if len(data) > MAX_FILES:
            raise forms.ValidationError(
                _("Tối đa %(max)d tệp một lần (đã chọn %(n)d).")
                % {"max": MAX_FILES, "n": len(data)})
        return [super(_FilesField, self).clean(one, initial) for one in data] or [super().clean(None, initial)]


class UploadForm(forms.Form):
    # Empty files are let through: the extractor's own message says what is wrong with them.
    file = _FilesField(
        label=_("Tệp báo cáo (.txt, .md, .docx, .pdf; tối đa 20 MB mỗi tệp; chọn được nhiều tệp)"),
        allow_empty_file=True,
        widget=_SeveralFiles(attrs={"accept": ",".join(ALLOWED_SUFFIXES), "multiple": True}),
    )


class ImportForm(forms.Form):
    plan = forms.ModelChoiceField(label=_("Nhập vào kế hoạch"), queryset=None, empty_label=None)
    default_year = forms.IntegerField(
        label=_("Năm cho các số liệu không ghi năm"), required=False, min_value=1900, max_value=2100)

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
