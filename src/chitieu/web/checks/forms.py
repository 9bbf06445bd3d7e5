"""The upload form (a draft and, optionally, a plan the unit follows to compare with) and the
form of a reviewer's mark on one finding."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.web.checks.actions import MAX_COMMENT
from chitieu.web.checks.models import DraftFinding
from chitieu.web.imports.reading import ALLOWED_SUFFIXES


class DraftForm(forms.Form):
    file = forms.FileField(
        label=_("Dự thảo báo cáo (.txt, .md, .docx, .pdf; tối đa 20 MB)"), allow_empty_file=True,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_SUFFIXES)}),
    )
    plan = forms.ModelChoiceField(label=_("Đối chiếu với số liệu của kế hoạch"), queryset=None, required=False,
                                  empty_label=_("(không đối chiếu)"))

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["plan"].label_from_instance = lambda p: f"{p.get_kind_display()} {p.period} — {p.unit.name}"


class GeneratedForm(forms.Form):
    """Check the report chitieu writes for the unit under one of its plans, instead of an upload."""

    plan = forms.ModelChoiceField(label=_("Báo cáo chitieu tạo cho kế hoạch"), queryset=None,
                                  empty_label=None)

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, prefix="gen", **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["plan"].label_from_instance = lambda p: f"{p.get_kind_display()} {p.period} — {p.unit.name}"


class MarkForm(forms.Form):
    mark = forms.ChoiceField(label=_("Đánh giá"), choices=DraftFinding.Mark.choices, required=False,
                             widget=forms.RadioSelect)
    comment = forms.CharField(label=_("Ý kiến"), required=False, max_length=MAX_COMMENT,
                              widget=forms.Textarea(attrs={"rows": 2}))
