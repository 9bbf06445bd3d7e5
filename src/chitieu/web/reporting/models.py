"""``ReportTemplate``: a unit's own report template (a .docx with docxtpl variables, its
letterhead), uploaded from the "Tạo báo cáo" page. The latest one of a unit is the one used.

The file's bytes are kept in the database rather than on disk: the upload and its audit row are
then one transaction (no orphan file, no row without its file), and a database backup holds the
templates with the data. Templates are small (tens of kilobytes; uploads are capped).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportTemplate(models.Model):
    unit = models.ForeignKey("units.AdministrativeUnit", on_delete=models.CASCADE, related_name="report_templates",
                             verbose_name=_("đơn vị"))
    file = models.BinaryField(_("tệp mẫu (.docx)"))
    file_name = models.CharField(_("tên tệp"), max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("người tải lên"))
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("mẫu báo cáo")
        verbose_name_plural = _("mẫu báo cáo")

    def __str__(self) -> str:
        return f"{self.unit} — {self.file_name}"

    @classmethod
    def current_for(cls, unit) -> ReportTemplate | None:
        """The unit's latest template, without loading the file's bytes."""
        return cls.objects.filter(unit=unit).defer("file").order_by("-uploaded_at", "-pk").first()


class LetterSettings(models.Model):
    """The letter parts a unit's office set on its last report, offered again on the next one:
    the signer, how they sign (TM./KT./Q., ``chitieu.reports.letterhead.SIGN_AS``), "Kính gửi"
    and "Nơi nhận" (one recipient per line; empty: the list derived from the plan)."""

    SIGN_AS_CHOICES = [
        ("tm", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"),
        ("tm_kt", "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"),
        ("kt", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"),
        ("q", "TM. ỦY BAN NHÂN DÂN / Q. CHỦ TỊCH"),
    ]

    unit = models.OneToOneField("units.AdministrativeUnit", on_delete=models.CASCADE, related_name="letter_settings",
                                verbose_name=_("đơn vị"))
    signer_name = models.CharField(_("họ và tên người ký"), max_length=100, blank=True)
    sign_as = models.CharField(_("thẩm quyền ký"), max_length=10, choices=SIGN_AS_CHOICES, default="tm")
    kinh_gui = models.CharField(_("kính gửi"), max_length=300, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("người cập nhật"))
    updated_at = models.DateTimeField(_("thời điểm cập nhật"), auto_now=True)

    class Meta:
        verbose_name = _("thành phần văn bản")
        verbose_name_plural = _("thành phần văn bản")

    def __str__(self) -> str:
        return f"{self.unit} — {self.signer_name or '…'}"

    @property
    def recipient_lines(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.recipients.splitlines() if line.strip())
