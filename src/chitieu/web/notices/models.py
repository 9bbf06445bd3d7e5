"""``Notice``: one message to one user (a submission to review, data returned, approved or
accepted), read in the app; ``notify`` writes them inside the caller's transaction, so a notice
exists exactly when the change it announces does. E-mail follows after the commit, only when
``NOTIFY_BY_EMAIL`` is on (Django's mail settings then say how it is sent)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from chitieu.core.numbers import nfc


class Notice(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("loại"), max_length=30)
    text = models.CharField(_("nội dung"), max_length=500)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")

    def __str__(self) -> str:
        return f"{self.user}: {self.text[:60]}"


def notify(users, kind: str, text: str, url: str = "") -> list[Notice]:
    """One notice per distinct active user of ``users`` (the actor is left out by the caller)."""
    text = nfc(text)[:500]
    seen, out = set(), []
    for user in users:
        if user is None or user.pk in seen or not user.is_active:
            continue
        seen.add(user.pk)
        out.append(Notice(user=user, kind=kind, text=text, url=url))
    Notice.objects.bulk_create(out)
    if getattr(settings, "NOTIFY_BY_EMAIL", False):
        addresses = [n.user.email for n in out if n.user.email]
        if addresses:
            site = getattr(settings, "SITE_URL", "").rstrip("/")
            body = text + (f"\n\n{site}{url}" if url else "")
            transaction.on_commit(lambda: send_mail(
                text[:120], body, settings.DEFAULT_FROM_EMAIL, addresses, fail_silently=True))
    return out
