"""Revoke API tokens of a user: one by its prefix (as the profile page shows it, e.g. ``ct_AbC12``)
or by the whole raw token, or all of them with ``--all``. Audited; the tokens are kept, revoked."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from chitieu.web.accounts.actions import do_revoke_token
from chitieu.web.accounts.models import hash_token


class Command(BaseCommand):
    help = "Thu hồi mã truy cập API / revoke API tokens"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("token", nargs="?", default="",
                            help="tiền tố (8 ký tự đầu) hoặc cả mã / the token's prefix (first 8 characters) or the whole token")
        parser.add_argument("--all", dest="all_tokens", action="store_true", help="mọi mã còn hiệu lực / every token not yet revoked")

    def handle(self, *args, username, token, all_tokens, **options):
        if bool(token) == all_tokens:
            raise CommandError("Cho một mã hoặc --all / give one token (prefix) or --all")
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"Không có người dùng “{username}” / no such user") from None
        tokens = user.api_tokens.filter(revoked_at__isnull=True)
        if not all_tokens:
            token = token.strip().rstrip("…")
            tokens = tokens.filter(token_hash=hash_token(token)) if len(token) > 8 else tokens.filter(prefix=token)
            matches = list(tokens)
            if not matches:
                raise CommandError(f"{username} không có mã còn hiệu lực “{token[:8]}…” / no such token not yet revoked")
            if len(matches) > 1:
                raise CommandError(f"Tiền tố “{token}” trùng {len(matches)} mã: hãy cho cả mã / "
                                   "the prefix matches several tokens: give the whole token")
        revoked = [t.prefix for t in tokens if do_revoke_token(t, acting_user=None)]
        for prefix in revoked:
            self.stdout.write(f"{prefix}… đã thu hồi / revoked")
        if not revoked:
            self.stdout.write("Không còn mã nào để thu hồi / no token to revoke")
