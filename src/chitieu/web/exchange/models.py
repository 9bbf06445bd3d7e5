"""The exchange's work done by the job worker (issue 18), kept in the database so that the page
polls it from any web process and a restart of the web server loses nothing:

- ``ExportJob``: a large export (tidy CSV / JSON / XLSX, the Frictionless ZIP, a DHIS2 data value
  set as JSON or CSV) asked for on the "Trao đổi dữ liệu" page: its filters, how many rows are
  written of how many, and the file, in ``ExportChunk`` rows of a few megabytes each (a national
  export is hundreds of megabytes: neither the worker nor the download holds it whole). Only the
  user who asked downloads it, while their rights still cover what it holds; deleted after
  ``settings.EXCHANGE_FILES_DAYS``.
- ``WorkbookUpload``: a filled collection workbook, its check (sheet n of N), the preview shown
  when the check is done (or every refused cell), and after "Xác nhận lưu" the storing of its
  values (checked again, then stored in one transaction). The file's bytes are dropped once
  stored or refused.
- ``Dhis2Import``: a DHIS2 data value set uploaded for import (or a dry run), and its summary.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportJob(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("Đang chờ trong hàng đợi")
        RUNNING = "running", _("Đang ghi tệp")
        DONE = "done", _("Đã xong")
        FAILED = "failed", _("Không tạo được")

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                                     verbose_name=_("người yêu cầu"))
    requested_at = models.DateTimeField(_("thời điểm yêu cầu"), auto_now_add=True, db_index=True)
    format = models.CharField(_("định dạng"), max_length=16)  # csv, json, xlsx, datapackage, dhis2-json, dhis2-csv
    table = models.CharField(_("bảng"), max_length=16, blank=True)  # values, evaluations (csv, json)
    unit_code = models.CharField(_("mã đơn vị"), max_length=20, blank=True)
    plan_id_filter = models.CharField(_("mã kế hoạch"), max_length=20, blank=True)
    years = models.CharField(_("năm"), max_length=60, blank=True)
    unit_ids = models.JSONField(null=True, blank=True)  # the units the file may hold (None: every unit)
    status = models.CharField(_("trạng thái"), max_length=10, choices=State.choices, default=State.QUEUED)
    rows_written = models.PositiveIntegerField(_("số dòng đã ghi"), default=0)
    rows_total = models.PositiveIntegerField(_("tổng số dòng"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    task_id = models.CharField(max_length=64, blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    file_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    language = models.CharField(max_length=10, default="vi")
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("tệp xuất dữ liệu")
        verbose_name_plural = _("tệp xuất dữ liệu")

    def __str__(self) -> str:
        return f"{self.format} #{self.pk} — {self.get_status_display()}"

    @property
    def finished(self) -> bool:
        return self.status in (self.State.DONE, self.State.FAILED)

    @property
    def percent(self) -> int | None:
        if not self.rows_total:
            return None
        return min(100, self.rows_written * 100 // self.rows_total)


class ExportChunk(models.Model):
    """A few megabytes of an export's file, in order (``seq``)."""

    job = models.ForeignKey(ExportJob, on_delete=models.CASCADE, related_name="chunks")
    seq = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        ordering = ["job", "seq"]
        constraints = [models.UniqueConstraint(fields=["job", "seq"], name="exchange_chunk_once")]


class _UploadJob(models.Model):
    """What an uploaded file handled by the job worker keeps beside its own state: who sent which
    file and when, and the queue's bookkeeping (attempts, job id, the language of its messages)."""

    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                                    verbose_name=_("người nộp"))
    uploaded_at = models.DateTimeField(_("thời điểm nộp"), auto_now_add=True, db_index=True)
    file_name = models.CharField(_("tên tệp"), max_length=255)
    file = models.BinaryField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    task_id = models.CharField(max_length=64, blank=True)
    language = models.CharField(max_length=10, default="vi")
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} — {self.get_status_display()}"


class WorkbookUpload(_UploadJob):
    class State(models.TextChoices):
        QUEUED = "queued", _("Đang chờ kiểm tra")
        CHECKING = "checking", _("Đang kiểm tra")
        CHECKED = "checked", _("Đã kiểm tra")
        REFUSED = "refused", _("Không nhận")
        STORE_QUEUED = "store_queued", _("Đang chờ lưu")
        STORING = "storing", _("Đang lưu")
        STORED = "stored", _("Đã lưu")
        FAILED = "failed", _("Không xử lý được")

    status = models.CharField(_("trạng thái"), max_length=12, choices=State.choices, default=State.QUEUED)
    step = models.CharField(max_length=10, blank=True)  # read, sheets, save
    sheets_done = models.PositiveIntegerField(default=0)
    sheets_total = models.PositiveIntegerField(null=True, blank=True)
    preview = models.JSONField(null=True, blank=True)
    errors = models.JSONField(default=list, blank=True)
    stored = models.PositiveIntegerField(_("số liệu đã lưu"), default=0)

    class Meta(_UploadJob.Meta):
        verbose_name = _("biểu đã nộp")
        verbose_name_plural = _("biểu đã nộp")

    @property
    def busy(self) -> bool:
        S = self.State
        return self.status in (S.QUEUED, S.CHECKING, S.STORE_QUEUED, S.STORING)


class Dhis2Import(_UploadJob):
    """A DHIS2 data value set uploaded on the "Nhập data value set" page, read, checked and (unless
    a dry run) stored by the job worker; its summary, or every refused row, for the page."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Đang chờ trong hàng đợi")
        RUNNING = "running", _("Đang nhập")
        DONE = "done", _("Đã xong")
        REFUSED = "refused", _("Không nhận")
        FAILED = "failed", _("Không xử lý được")

    dry_run = models.BooleanField(default=True)
    skip_invalid = models.BooleanField(default=False)
    status = models.CharField(_("trạng thái"), max_length=10, choices=State.choices, default=State.QUEUED)
    summary = models.JSONField(null=True, blank=True)  # ImportSummary: dry_run, imported, updated, ignored
    errors = models.JSONField(default=list, blank=True)

    class Meta(_UploadJob.Meta):
        verbose_name = _("data value set đã nộp")
        verbose_name_plural = _("data value set đã nộp")

    @property
    def busy(self) -> bool:
        return self.status in (self.State.QUEUED, self.State.RUNNING)
