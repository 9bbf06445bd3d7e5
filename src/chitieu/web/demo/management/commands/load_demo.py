"""Load the demo (units, plans, values and one user per role) built from the seeds."""

from django.core.management.base import BaseCommand

from chitieu.web.demo.build import USERS, load_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu minh họa / load the demo data"

    def add_arguments(self, parser):
        parser.add_argument("--password", help="one password for every demo user (default: a random one each)")

    def handle(self, *args, password=None, **options):
        passwords = load_demo(password)
        self.stdout.write("Đã nạp dữ liệu minh họa. Tài khoản / accounts:")
        for username, full_name, _unit, role in USERS:
            self.stdout.write(f"  {username:15} {passwords[username]:16} {role.label} — {full_name}")
