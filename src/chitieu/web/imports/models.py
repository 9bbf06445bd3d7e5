"""``ImportedReport`` (one uploaded report of a unit: its name, fingerprint and extracted text
lines) and ``ExtractedStatement`` (one statement the extractor found in it, with what the
reviewer decided: the catalogue indicator, the value or target phrase to import, accept/reject).

The uploaded file itself is not kept: it waits in ``pending_file`` while the background reader
(``imports.tasks``) works (state "reading"), then its text lines are what the review screen shows
and what line numbers refer to; a file that cannot be read ends "failed" with the reason. A unit
holds a given file (same sha256) once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chitieu.core.targets import Bound
from chitieu.web.imports.proposals import statement_bound
from chitieu.web.values.models import STATUS_CHOICES


class ImportedReport(models.Model):
    class State(models.TextChoices):
        READING = "reading", _("Đang đọc")
        FAILED = "failed", _("Không đọc được")
        DRAFT = "draft", _("Đang xem xét")
        IMPORTED = "imported", _("Đã nhập")

    unit = models.ForeignKey("units.AdministrativeUnit", on_delete=models.PROTECT, related_name="imported_reports",
                             verbose_name=_("đơn vị"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("người tải lên"))
    uploaded_at = models.DateTimeField(_("thời điểm tải lên"), auto_now_add=True)
    file_name = models.CharField(_("tên tệp"), max_length=255)
    file_format = models.CharField(_("định dạng"), max_length=8)
    sha256 = models.CharField(max_length=64)
    lines = models.JSONField(_("các dòng văn bản"), default=list)
    status = models.CharField(_("trạng thái"), max_length=10, choices=State.choices, default=State.DRAFT)
    # The uploaded bytes, kept only until the background reader has read them (then emptied).
    pending_file = models.BinaryField(null=True, blank=True, editable=False)
    error = models.CharField(_("lý do không đọc được"), max_length=1000, blank=True)
    error_en = models.CharField(max_length=1000, blank=True)
    plan = models.ForeignKey("plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name=_("kế hoạch đã nhập vào"))
    imported_at = models.DateTimeField(_("thời điểm nhập"), null=True, blank=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("người nhập"))

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["unit", "sha256"], name="one_import_per_unit_and_file")]
        verbose_name = _("báo cáo đã tải lên")
        verbose_name_plural = _("báo cáo đã tải lên")

    def __str__(self) -> str:
        return f"{self.unit} — {self.file_name}"


class ExtractedStatement(models.Model):
    class Kind(models.TextChoices):
        TARGET = "target", _("Chỉ tiêu kế hoạch")
        RESULT = "result", _("Kết quả thực hiện")

    class Decision(models.TextChoices):
        PENDING = "pending", _("Chưa xem")
        ACCEPTED = "accepted", _("Nhận")
        REJECTED = "rejected", _("Bỏ")

    report = models.ForeignKey(ImportedReport, on_delete=models.CASCADE, related_name="statements")
    position = models.PositiveIntegerField(_("thứ tự"))
    # What the extractor read (never changed afterwards).
    kind = models.CharField(_("loại"), max_length=8, choices=Kind.choices)
    indicator_text = models.CharField(_("tên chỉ tiêu trong văn bản"), max_length=500, blank=True)
    domain = models.CharField(_("lĩnh vực"), max_length=24, blank=True)
    op = models.CharField(max_length=12)
    low = models.FloatField(null=True, blank=True)
    high = models.FloatField(null=True, blank=True)
    unit = models.CharField(_("đơn vị tính trong văn bản"), max_length=80, blank=True)
    per_year = models.BooleanField(default=False)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    period = models.CharField(max_length=20, blank=True)
    compared_target = models.JSONField(null=True, blank=True)
    stated_status = models.CharField(max_length=10, blank=True)
    line = models.PositiveIntegerField(_("dòng"))
    quote = models.TextField(_("trích dẫn"))
    # What the reviewer decided (pre-filled from the extraction and the catalogue suggestion).
    suggestions = models.JSONField(default=list, blank=True)  # [[code, score], ...] best first
    indicator = models.ForeignKey("catalog.Indicator", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+", verbose_name=_("chỉ tiêu trong danh mục"))
    value = models.DecimalField(_("giá trị"), max_digits=24, decimal_places=6, null=True, blank=True)
    value_unit = models.CharField(_("đơn vị tính"), max_length=80, blank=True)
    value_year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    value_status = models.CharField(_("loại số liệu"), max_length=10, choices=STATUS_CHOICES, blank=True)
    phrase = models.CharField(_("chỉ tiêu kế hoạch"), max_length=500, blank=True)
    decision = models.CharField(_("quyết định"), max_length=10, choices=Decision.choices, default=Decision.PENDING)
    # Where it stands and why it is offered as it is (filled when the report is read).
    section = models.CharField(_("mục"), max_length=300, blank=True)  # the heading above it
    section_line = models.PositiveIntegerField(default=0)  # that heading's line: the group's key
    in_table = models.BooleanField(default=False)  # read from a row of a table under that heading
    read_kind = models.CharField(max_length=8, blank=True)  # the kind as read (``kind`` may be flipped)
    evidence = models.CharField(_("căn cứ loại"), max_length=300, blank=True)
    matched_words = models.JSONField(default=list, blank=True)  # the words the indicator matched on
    noise = models.CharField(max_length=12, blank=True)  # why it is folded away: "", "no_match", "no_unit", "admin_units"

    @property
    def score(self) -> float:
        return float(self.suggestions[0][1]) if self.suggestions else 0.0

    @property
    def bound(self) -> Bound | None:
        """The value as read, as core's ``Bound``; None when it holds no number (qualitative)."""
        return statement_bound(self.op, self.low, self.high)

    @property
    def group_key(self) -> str:
        return f"{self.section_line}-{int(self.in_table)}"

    class Meta:
        ordering = ["report", "position"]
        indexes = [models.Index(fields=["report", "section_line", "in_table"], name="statement_group")]
        constraints = [models.UniqueConstraint(fields=["report", "position"], name="one_statement_per_position")]
        verbose_name = _("chỉ tiêu trích được")
        verbose_name_plural = _("chỉ tiêu trích được")

    def __str__(self) -> str:
        # every audit row of a review names the statement: read only the report's file name,
        # not its text lines (megabytes for a long report)
        if self._meta.get_field("report").is_cached(self):
            name = self.report.file_name
        else:
            name = ImportedReport.objects.filter(pk=self.report_id).values_list("file_name", flat=True).first()
        return f"{name}:{self.line} {self.indicator_text}"
