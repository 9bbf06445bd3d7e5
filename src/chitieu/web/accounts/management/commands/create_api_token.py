"""Create an API token for a user and print it (it is shown only once)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from chitieu.web.accounts.actions import do_issue_token


class Command(BaseCommand):
    help = "Tạo mã truy cập API cho người dùng / create an API token"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="")
        parser.add_argument("--days", type=int, default=None,
                            help="hiệu lực bao nhiêu ngày (mặc định API_TOKEN_DAYS; 0: không hết hạn) / "
                                 "days until it expires (default API_TOKEN_DAYS; 0: never)")

    def handle(self, *args, username, name, days, **options):
        if days is not None and days < 0:
            raise CommandError(f"--days {days}: phải ≥ 0 / must be 0 or more")
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"Không có người dùng “{username}” / no such user") from None
        _token, raw = do_issue_token(user, name, days)
        self.stdout.write(raw)
