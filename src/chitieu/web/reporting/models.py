"""``ReportTemplate``: a unit's own report template (a .docx with docxtpl variables, its
letterhead), uploaded from the "Tạo báo cáo" page. The latest one of a unit is the one used.

The file's bytes are kept in the database rather than on disk: the upload and its audit row are
then one transaction (no orphan file, no row without its file), and a database backup holds the
templates with the data. Templates are small (tens of kilobytes; uploads are capped).

``GeneratedReport`` and ``ReportFile``: the reports built by the job worker, with their files, for
the download links of the page (kept ``REPORT_FILES_DAYS``).
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


class GeneratedReport(models.Model):
    """A report asked for on the "Tạo báo cáo" page and built by the job worker (``tasks.build_report``):
    who asked, when, for which unit, plan and variant, how far the job has come, and its files
    (``ReportFile``: DOCX, XLSX, PDF, or one ZIP of the reports of every ward below the unit).

    Kept in the database, not in a process: the page polls it, and the download link works from
    any web process, whichever worker built the files. Deleted with its files after
    ``settings.REPORT_FILES_DAYS``. What the job needs of the request (number, date, letter parts,
    an uploaded template) is stored here; the uploaded template's bytes are dropped once used."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Đang chờ trong hàng đợi")
        RUNNING = "running", _("Đang tạo")
        DONE = "done", _("Đã xong")
        FAILED = "failed", _("Không tạo được")

    class Step(models.TextChoices):
        DATA = "data", _("Đang đọc số liệu và đánh giá chỉ tiêu")
        DOCX = "docx", _("Đang viết báo cáo (Word)")
        XLSX = "xlsx", _("Đang lập Phụ lục 1 (Excel)")
        PDF = "pdf", _("Đang chuyển sang PDF")
        ZIP = "zip", _("Đang đóng gói tệp ZIP")

    unit = models.ForeignKey("units.AdministrativeUnit", on_delete=models.CASCADE, related_name="generated_reports",
                             verbose_name=_("đơn vị"))
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="generated_reports",
                             verbose_name=_("kế hoạch"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                                     verbose_name=_("người tạo"))
    requested_at = models.DateTimeField(_("thời điểm yêu cầu"), auto_now_add=True, db_index=True)
    variant = models.CharField(_("loại báo cáo"), max_length=20, default="auto")
    latest = models.BooleanField(_("số liệu mới nhất"), default=False)
    wards = models.BooleanField(_("báo cáo của từng xã, phường trực thuộc"), default=False)
    options = models.JSONField(_("tùy chọn"), default=dict)  # number, issued, formats, letter parts, language
    template_upload = models.BinaryField(_("mẫu tải lên (chờ dùng)"), null=True, blank=True)
    template_upload_name = models.CharField(max_length=255, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=State.choices, default=State.QUEUED)
    step = models.CharField(_("bước"), max_length=10, choices=Step.choices, blank=True)
    step_unit = models.CharField(_("đơn vị đang tạo"), max_length=200, blank=True)  # "Phường 1 (1/2)"
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    task_id = models.CharField(max_length=64, blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)  # wards left out of a ZIP, and why
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("báo cáo đã tạo")
        verbose_name_plural = _("báo cáo đã tạo")

    def __str__(self) -> str:
        return f"{self.unit} — {self.plan_id} — {self.get_status_display()}"

    @property
    def finished(self) -> bool:
        return self.status in (self.State.DONE, self.State.FAILED)


class ReportFile(models.Model):
    """One file a ``GeneratedReport`` produced (bytes in the database, as templates are: every
    web process can serve it and a backup holds it)."""

    report = models.ForeignKey(GeneratedReport, on_delete=models.CASCADE, related_name="files")
    format = models.CharField(_("định dạng"), max_length=8)
    file_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=120)
    data = models.BinaryField()
    size = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("tệp báo cáo")
        verbose_name_plural = _("tệp báo cáo")

    def __str__(self) -> str:
        return self.file_name
