"""Changes to accounts: issuing and revoking API tokens, changing a password. Each in one
transaction with its audit row (never the token or the password themselves)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from chitieu.web.accounts.models import ApiToken
from chitieu.web.audit.models import record


def do_issue_token(user, name: str = "", days: int | None = None) -> tuple[ApiToken, str]:
    """A new token for ``user``; returns it with the raw value, which is shown once and never stored."""
    with transaction.atomic():
        token, raw = ApiToken.issue(user, name, days)
        record("token.issue", token, actor=user, new=token.prefix,
               expires_at=token.expires_at.isoformat() if token.expires_at else None)
    return token, raw


def do_revoke_token(token: ApiToken, *, acting_user) -> bool:
    """Revoke ``token`` from now on; False (and nothing written) when it was already revoked.

    Who may revoke is the caller's question: the profile page only reaches the user's own tokens,
    the management command is run by the server's operator.
    """
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is not None:
            return False
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record("token.revoke", token, actor=acting_user, field="revoked_at",
               old="", new=token.revoked_at.isoformat(), owner=token.user.get_username())
    return True


def do_set_password(user, raw_password: str, *, acting_user, how: str) -> None:
    """Set ``user``'s password (``how``: ``change`` by the user, ``reset`` through the e-mailed link)."""
    with transaction.atomic():
        user.set_password(raw_password)
        user.save(update_fields=["password"])
        record(f"user.password_{how}", user, actor=acting_user, field="password")
