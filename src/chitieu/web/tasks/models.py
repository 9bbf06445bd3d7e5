"""The tasks of a plan and the one-stop-shop statistics.

- ``SourceDocument`` (a Nghị quyết, Kế hoạch, Chỉ thị or Công văn a unit issued: number, date,
  issuer) → ``TaskGroup`` → ``Task`` (lead unit, coordinating units, deadline or "thường
  xuyên", expected product, the indicators it serves).
- ``Assignment``: one task given to one unit (a ward), with the dates its progress reports set
  (started, completed, or the reason it will not be done) and its review state (draft →
  submitted → approved / returned, as ``values.Submission``); ``ProgressReport``: one report of
  the ward on it (text, date, evidence: document number, file, figures).
- ``TthcReport`` (one unit's figures for one window) with its ``TthcFieldRow`` by field, and
  ``TthcMapping`` (a unit's column mapping for the file its province's system exports).

The status of an assignment is never stored: ``chitieu.core.tasks.task_status`` computes it from
the dates and today. Every change goes through ``chitieu.web.tasks.actions``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chitieu.core import tasks as core_tasks
from chitieu.core import tthc as core_tthc


def today():
    """Today in the site's time zone. ``settings.TASKS_TODAY`` (an ISO date) fixes it: the tests'
    frozen clock, and a demo shown as of a given day."""
    fixed = getattr(settings, "TASKS_TODAY", None)
    if fixed:
        import datetime

        return datetime.date.fromisoformat(str(fixed))
    return timezone.localdate()


class SourceDocument(models.Model):
    class Kind(models.TextChoices):
        NGHI_QUYET = "nghi_quyet", _("Nghị quyết")
        KE_HOACH = "ke_hoach", _("Kế hoạch")
        CHI_THI = "chi_thi", _("Chỉ thị")
        CONG_VAN = "cong_van", _("Công văn")

    unit = models.ForeignKey("units.AdministrativeUnit", on_delete=models.PROTECT, related_name="task_documents",
                             verbose_name=_("đơn vị giao nhiệm vụ"))
    kind = models.CharField(_("loại văn bản"), max_length=12, choices=Kind.choices, default=Kind.KE_HOACH)
    number = models.CharField(_("số, ký hiệu"), max_length=50)
    issued = models.DateField(_("ngày ban hành"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200)
    title = models.CharField(_("trích yếu"), max_length=500)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-issued", "-pk"]
        verbose_name = _("văn bản giao nhiệm vụ")
        verbose_name_plural = _("văn bản giao nhiệm vụ")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} số {self.number} ngày {self.issued:%d/%m/%Y} của {self.issuer}"


class TaskGroup(models.Model):
    document = models.ForeignKey(SourceDocument, on_delete=models.CASCADE, related_name="groups")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    title = models.CharField(_("nhóm nhiệm vụ"), max_length=300)

    class Meta:
        ordering = ["document", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["document", "order"], name="one_group_per_order")]
        verbose_name = _("nhóm nhiệm vụ")
        verbose_name_plural = _("nhóm nhiệm vụ")

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class Task(models.Model):
    group = models.ForeignKey(TaskGroup, on_delete=models.CASCADE, related_name="tasks")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    title = models.CharField(_("nhiệm vụ"), max_length=500)
    lead_unit = models.CharField(_("đơn vị chủ trì"), max_length=200, blank=True)
    coordinating_units = models.CharField(_("đơn vị phối hợp"), max_length=300, blank=True)
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)  # None: "thường xuyên"
    expected_product = models.CharField(_("sản phẩm dự kiến"), max_length=300, blank=True)
    indicators = models.ManyToManyField("catalog.Indicator", blank=True, related_name="tasks",
                                        verbose_name=_("chỉ tiêu phục vụ"))

    class Meta:
        ordering = ["group__order", "order", "pk"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")

    def __str__(self) -> str:
        return self.title[:300]

    @property
    def deadline_text(self) -> str:
        return core_tasks.deadline_text(self.deadline)


class Assignment(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Đang báo cáo")
        SUBMITTED = "submitted", _("Đã gửi duyệt")
        APPROVED = "approved", _("Đã duyệt")
        RETURNED = "returned", _("Trả lại")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey("units.AdministrativeUnit", on_delete=models.PROTECT, related_name="task_assignments",
                             verbose_name=_("đơn vị thực hiện"))
    started = models.DateField(_("ngày bắt đầu"), null=True, blank=True)
    completed = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    not_done_reason = models.TextField(_("lý do không thực hiện"), blank=True)
    state = models.CharField(_("trạng thái duyệt"), max_length=10, choices=State.choices, default=State.DRAFT)
    comment = models.TextField(_("ý kiến người kiểm tra"), blank=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["task__group__document", "task__group__order", "task__order", "unit__code"]
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="one_assignment_per_task_unit")]
        verbose_name = _("nhiệm vụ được giao")
        verbose_name_plural = _("nhiệm vụ được giao")

    def __str__(self) -> str:
        return f"{self.unit.name}: {self.task.title[:200]}"

    @property
    def editable(self) -> bool:
        return self.state in (self.State.DRAFT, self.State.RETURNED)

    def status(self, on=None) -> core_tasks.TaskStatus:
        return core_tasks.task_status(deadline=self.task.deadline, today=on or today(), started=self.started,
                                      completed=self.completed, not_done_reason=self.not_done_reason)

    def overdue(self, on=None) -> bool:
        on = on or today()
        return core_tasks.is_overdue(self.status(on), self.task.deadline, on)


class ProgressReport(models.Model):
    class Outcome(models.TextChoices):
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Đã hoàn thành")
        NOT_DONE = "not_done", _("Không thực hiện")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reports")
    on = models.DateField(_("ngày báo cáo"))
    outcome = models.CharField(_("kết quả"), max_length=12, choices=Outcome.choices, default=Outcome.IN_PROGRESS)
    text = models.TextField(_("nội dung thực hiện"))
    document_number = models.CharField(_("số văn bản minh chứng"), max_length=100, blank=True)
    figures = models.TextField(_("số liệu"), blank=True)
    file_name = models.CharField(_("tên tệp minh chứng"), max_length=255, blank=True)
    file = models.BinaryField(_("tệp minh chứng"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["assignment", "on", "pk"]
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y} {self.get_outcome_display()}"

    @property
    def has_evidence(self) -> bool:
        return bool(self.document_number or self.file_name or self.figures)


_COUNT = dict(default=0)


class TthcReport(models.Model):
    unit = models.ForeignKey("units.AdministrativeUnit", on_delete=models.PROTECT, related_name="tthc_reports",
                             verbose_name=_("đơn vị"))
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    source = models.CharField(_("nguồn"), max_length=300)
    # the stated totals, kept to show what was checked ("Tổng cộng" of the file or the form)
    stated_total = models.JSONField(_("dòng tổng cộng"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["unit__code", "-end", "-start"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "start", "end"], name="one_tthc_report_per_window"),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="tthc_window_in_order"),
        ]
        verbose_name = _("thống kê TTHC")
        verbose_name_plural = _("thống kê TTHC")

    def __str__(self) -> str:
        return f"{self.unit.name} {self.start:%d/%m/%Y}-{self.end:%d/%m/%Y}"

    @property
    def window(self) -> str:
        return f"{self.start:%d/%m/%Y} - {self.end:%d/%m/%Y}"

    def to_core(self) -> core_tthc.TthcReport:
        return core_tthc.TthcReport(self.start, self.end, tuple(r.to_core() for r in self.rows.all()))


class TthcFieldRow(models.Model):
    report = models.ForeignKey(TthcReport, on_delete=models.CASCADE, related_name="rows")
    order = models.PositiveSmallIntegerField()
    field = models.CharField(_("lĩnh vực"), max_length=200)
    online = models.PositiveIntegerField(_("trực tuyến"), **_COUNT)
    in_person = models.PositiveIntegerField(_("trực tiếp, bưu chính"), **_COUNT)
    carried_over = models.PositiveIntegerField(_("kỳ trước chuyển sang"), **_COUNT)
    early = models.PositiveIntegerField(_("trước hạn"), **_COUNT)
    on_time = models.PositiveIntegerField(_("đúng hạn"), **_COUNT)
    late = models.PositiveIntegerField(_("trễ hạn"), **_COUNT)
    pending_within = models.PositiveIntegerField(_("đang giải quyết trong hạn"), **_COUNT)
    pending_overdue = models.PositiveIntegerField(_("đang giải quyết quá hạn"), **_COUNT)
    digitised = models.PositiveIntegerField(_("số hóa"), **_COUNT)
    e_results = models.PositiveIntegerField(_("kết quả điện tử"), **_COUNT)

    class Meta:
        ordering = ["report", "order"]
        verbose_name = _("số liệu TTHC theo lĩnh vực")
        verbose_name_plural = _("số liệu TTHC theo lĩnh vực")

    def to_core(self) -> core_tthc.TthcRow:
        return core_tthc.TthcRow(field=self.field, **{name: getattr(self, name) for name in core_tthc.COUNTS})


class TthcMapping(models.Model):
    """Which column of a unit's export holds which figure: attribute → header text."""

    unit = models.OneToOneField("units.AdministrativeUnit", on_delete=models.CASCADE, related_name="tthc_mapping")
    columns = models.JSONField(_("ánh xạ cột"), default=dict)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ánh xạ cột tệp TTHC")
        verbose_name_plural = _("ánh xạ cột tệp TTHC")

    def __str__(self) -> str:
        return f"{self.unit.name}: ánh xạ cột tệp TTHC"
