"""Compute the stored evaluations of every plan now (``chitieu web refresh_evaluations``): after
loading a database in bulk (``build_national``, a restore), so that the first readers find them
stored; the queue's jobs keep them current afterwards."""

from django.core.management.base import BaseCommand

from chitieu.web.evaluations.store import refresh_plan
from chitieu.web.plans.models import Plan


class Command(BaseCommand):
    help = ("Tính sẵn kết quả đánh giá của mọi kế hoạch / compute the stored evaluations of every plan "
            "(each plan's own unit and the keys pages have asked for)")

    def add_arguments(self, parser):
        parser.add_argument("--plan", type=int, action="append", help="only this plan (id); may be repeated")

    def handle(self, *args, plan=None, **options):
        plans = Plan.objects.select_related("unit").order_by("pk")
        if plan:
            plans = plans.filter(pk__in=plan)
        stored = current = 0
        for p in plans:
            counts = refresh_plan(p)
            stored += counts["stored"]
            current += counts["current"]
        self.stdout.write(f"{stored} kết quả đã tính, {current} còn hiện hành / {stored} stored, {current} already current")
