"""Build the national benchmark database (34 provinces, 3.321 communes, ~2 million approved values)."""

from django.core.management.base import BaseCommand, CommandError

from chitieu.core.numbers import format_number
from chitieu.web.demo.national import NationalDataError, build_national


class Command(BaseCommand):
    help = ("Dựng cơ sở dữ liệu toàn quốc để đo hiệu năng (34 tỉnh, 3.321 xã, số liệu thử nghiệm) / "
            "build the national benchmark database on an empty database (docs/scale.md)")

    def add_arguments(self, parser):
        parser.add_argument("--provinces", type=int, default=None,
                            help="only the first N provinces by code (default: all 34)")
        parser.add_argument("--indicators", type=int, default=100, help="indicators in each plan (default 100)")
        parser.add_argument("--years", default="2020-2025", help="base year to final year (default 2020-2025)")

    def handle(self, *args, provinces=None, indicators=100, years="2020-2025", **options):
        try:
            built = build_national(provinces=provinces, indicators=indicators, years=years,
                                   progress=self.stdout.write)
        except NationalDataError as exc:
            raise CommandError(str(exc)) from None
        total = sum(built.seconds.values())

        def n(x: int) -> str:
            return f"{x:,}".replace(",", ".")

        self.stdout.write(
            f"Đã dựng / built: {built.provinces} tỉnh, {n(built.communes)} xã, {built.indicators} chỉ tiêu, "
            f"{built.plans} kế hoạch ({n(built.targets)} chỉ tiêu kế hoạch), {n(built.values)} số liệu, "
            f"{n(built.submissions)} hồ sơ đã duyệt — {format_number(total, 1)} s")
