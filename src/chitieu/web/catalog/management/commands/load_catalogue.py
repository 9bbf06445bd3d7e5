"""Load the starter catalogue (or another file) into the indicator catalogue, all or nothing."""

from django.core.management.base import BaseCommand, CommandError

from chitieu.web.catalog.actions import do_import_indicators
from chitieu.web.catalog.files import STARTER, read_rows
from chitieu.web.errors import ActionError


class Command(BaseCommand):
    help = "Nạp danh mục chỉ tiêu (mặc định: danh mục khởi đầu) / load the indicator catalogue"

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(STARTER))

    def handle(self, *args, file, **options):
        from pathlib import Path

        path = Path(file)
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp / cannot read {path}: {exc.strerror}") from exc
        try:
            counts = do_import_indicators(read_rows(path.name, content), acting_user=None)
        except ActionError as exc:
            raise CommandError("\n".join(m for msgs in exc.errors.values() for m in msgs)) from exc
        self.stdout.write(f"Danh mục chỉ tiêu: {counts['created']} mới, {counts['updated']} cập nhật.")
