"""Create an API token for a user and print it (it is shown only once)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from chitieu.web.accounts.actions import do_issue_token


class Command(BaseCommand):
    help = "Tạo mã truy cập API cho người dùng / create an API token"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="")

    def handle(self, *args, username, name, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"Không có người dùng “{username}” / no such user") from None
        _token, raw = do_issue_token(user, name)
        self.stdout.write(raw)
