"""``CheckedDraft`` (one draft report a unit uploaded to be checked: its file, its text lines and
the plan it was compared with) and ``DraftFinding`` (one finding of ``chitieu.check`` in it, with
what a reviewer said of it: "đúng, cần sửa" or "không phải lỗi", and a comment).

The file's bytes are kept (as ``ReportTemplate`` keeps a template: in the database, one
transaction with its audit row) because the DOCX with Word comments is written from the draft
itself, with the reviewers' marks of the moment. Each upload is a new version: the marks of the
last version of the same file name for the same unit are carried to the findings of the new one
whose kind and passage are the same.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CheckedDraft(models.Model):
    unit = models.ForeignKey("units.AdministrativeUnit", on_delete=models.CASCADE, related_name="checked_drafts",
                             verbose_name=_("đơn vị"))
    plan = models.ForeignKey("plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name=_("đối chiếu với kế hoạch"))
    file_name = models.CharField(_("tên tệp"), max_length=255)
    file_format = models.CharField(_("định dạng"), max_length=8)
    file = models.BinaryField(_("tệp dự thảo"))
    sha256 = models.CharField(max_length=64)
    lines = models.JSONField(_("các dòng văn bản"), default=list)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("người tải lên"))
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("dự thảo đã kiểm tra")
        verbose_name_plural = _("dự thảo đã kiểm tra")

    def __str__(self) -> str:
        return f"{self.unit} — {self.file_name}"


class DraftFinding(models.Model):
    class Mark(models.TextChoices):
        PENDING = "", _("Chưa xem")
        CONFIRMED = "confirmed", _("Đúng, cần sửa")
        DISMISSED = "dismissed", _("Không phải lỗi")

    draft = models.ForeignKey(CheckedDraft, on_delete=models.CASCADE, related_name="findings")
    position = models.PositiveIntegerField(_("thứ tự"))
    # What the checker found (never changed afterwards).
    kind = models.CharField(_("loại"), max_length=32)
    severity = models.CharField(_("mức độ"), max_length=8)
    lines = models.JSONField(_("dòng"), default=list)
    figures = models.JSONField(_("số liệu"), default=list)
    message = models.TextField(_("nhận xét"))
    computed = models.CharField(_("giá trị tính được"), max_length=100, blank=True)
    passage = models.TextField(_("đoạn văn"), blank=True)
    # What the reviewer said (carried from the previous version when kind and passage are the same).
    mark = models.CharField(_("đánh giá"), max_length=10, choices=Mark.choices, blank=True, default=Mark.PENDING)
    comment = models.TextField(_("ý kiến"), blank=True)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name=_("người đánh giá"))
    marked_at = models.DateTimeField(_("thời điểm đánh giá"), null=True, blank=True)
    carried_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                     verbose_name=_("đánh giá lấy từ bản trước"))

    class Meta:
        ordering = ["draft", "position"]
        constraints = [models.UniqueConstraint(fields=["draft", "position"], name="one_finding_per_position")]
        verbose_name = _("phát hiện")
        verbose_name_plural = _("phát hiện")

    def __str__(self) -> str:
        first = self.lines[0] if self.lines else "?"
        return f"{self.kind} @{first}: {self.message[:120]}"

    @property
    def carry_key(self) -> tuple[str, str]:
        return (self.kind, " ".join(self.passage.split()))
