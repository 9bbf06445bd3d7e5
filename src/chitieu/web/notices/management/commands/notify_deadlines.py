"""Remind the officers whose data of this year is not yet submitted (run it daily)."""

from django.core.management.base import BaseCommand

from chitieu.web.notices.reminders import send_reminders


class Command(BaseCommand):
    help = "Nhắc hạn gửi số liệu năm nay / remind officers of this year's reporting deadline"

    def handle(self, *args, **options):
        n = send_reminders()
        self.stdout.write(f"{n} thông báo nhắc hạn / reminders")
