"""``AuditLog``: one row per change, written by the action that made the change, in the same
transaction (so a change without its audit row cannot be stored, nor the other way round).
Read-only everywhere in the UI and the admin."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditLog(models.Model):
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+", verbose_name=_("người thực hiện"))
    action = models.CharField(_("thao tác"), max_length=50)
    unit = models.ForeignKey("units.AdministrativeUnit", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+", verbose_name=_("đơn vị"))
    object_type = models.CharField(_("loại đối tượng"), max_length=50)
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    object_repr = models.CharField(_("đối tượng"), max_length=300, blank=True)
    field = models.CharField(_("trường"), max_length=50, blank=True)
    old = models.TextField(_("giá trị cũ"), blank=True)
    new = models.TextField(_("giá trị mới"), blank=True)
    detail = models.JSONField(_("chi tiết"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"])]
        verbose_name = _("nhật ký thay đổi")
        verbose_name_plural = _("nhật ký thay đổi")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_repr}"


def record(action: str, obj, *, actor, unit=None, field: str = "", old="", new="", **detail) -> AuditLog:
    """Write one audit row; call it inside the action's transaction."""
    return AuditLog.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        unit=unit,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk or ""),
        object_repr=str(obj)[:300],
        field=field,
        old="" if old is None else str(old),
        new="" if new is None else str(new),
        detail=detail,
    )
