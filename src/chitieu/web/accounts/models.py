"""Membership is the only source of permissions; API tokens authenticate programs as a user.

A membership on a unit covers that unit and every unit below it:

- ``officer`` enters the data of the unit (and submits it for review);
- ``reviewer`` approves or returns, with a comment, the submitted data;
- ``viewer`` only reads;
- ``admin`` does all of the above and manages plans and targets.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICER = "officer", _("Cán bộ nhập liệu")
    REVIEWER = "reviewer", _("Cán bộ kiểm tra")
    VIEWER = "viewer", _("Người xem")
    ADMIN = "admin", _("Quản trị")


WRITE_ROLES = {Role.OFFICER, Role.ADMIN}
REVIEW_ROLES = {Role.REVIEWER, Role.ADMIN}
MANAGE_ROLES = {Role.ADMIN}


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey("units.AdministrativeUnit", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("vai trò"), max_length=10, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "unit"], name="one_membership_per_user_and_unit")]
        verbose_name = _("thành viên")
        verbose_name_plural = _("thành viên")

    def __str__(self) -> str:
        return f"{self.user} — {self.unit} ({self.get_role_display()})"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only its hash is stored; the raw token is shown once.

    A token works until ``expires_at`` (``API_TOKEN_DAYS`` after it is issued; empty: never, for
    tokens issued so on purpose) unless it is revoked first (``revoked_at``; kept, not deleted, so
    the audit log and the profile page still name it).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên"), max_length=100, blank=True)
    prefix = models.CharField(max_length=8)
    token_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(_("hết hạn lúc"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @classmethod
    def issue(cls, user, name: str = "", days: int | None = None) -> tuple[ApiToken, str]:
        """Create a token for ``user`` valid ``days`` days (``API_TOKEN_DAYS`` by default; 0: no
        expiry); returns it with the raw value (never stored)."""
        days = settings.API_TOKEN_DAYS if days is None else days
        raw = "ct_" + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, prefix=raw[:8], token_hash=hash_token(raw),
            expires_at=timezone.now() + timedelta(days=days) if days > 0 else None,
        )
        return token, raw

    def state(self, now=None) -> str:
        """``active``, ``revoked`` or ``expired``."""
        now = now or timezone.now()
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= now:
            return "expired"
        return "active"

    @property
    def is_active(self) -> bool:
        return self.state() == "active"

    @classmethod
    def check_raw(cls, raw: str) -> tuple[ApiToken | None, str]:
        """The token a raw value names and why it is refused: ``""`` when it may be used, else
        ``unknown``, ``revoked``, ``expired`` or ``inactive_user``."""
        token = cls.objects.select_related("user").filter(token_hash=hash_token(raw)).first()
        if token is None:
            return None, "unknown"
        state = token.state()
        if state != "active":
            return token, state
        if not token.user.is_active:
            return token, "inactive_user"
        return token, ""

    @classmethod
    def user_for(cls, raw: str):
        token, refused = cls.check_raw(raw)
        return None if refused else token.user
