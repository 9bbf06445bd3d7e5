"""Changes to accounts: issuing an API token (audited)."""

from django.db import transaction

from chitieu.web.accounts.models import ApiToken
from chitieu.web.audit.models import record


def do_issue_token(user, name: str = "") -> tuple[ApiToken, str]:
    """A new token for ``user``; returns it with the raw value, which is shown once and never stored."""
    with transaction.atomic():
        token, raw = ApiToken.issue(user, name)
        record("token.issue", token, actor=user, new=token.prefix)
    return token, raw
