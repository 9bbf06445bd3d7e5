"""Reminders of the reporting deadline: the officers of every unit whose data of the year is not
yet submitted are told, each day from ``REMINDER_DAYS`` before the deadline until the day itself
(once a day: running the command twice does not notify twice). The deadline of a year's data is
``REPORTING_DEADLINE`` (month-day) of that year. Run daily by ``chitieu web notify_deadlines``."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from chitieu.web.notices.models import Notice, notify


def deadline_of(year: int) -> datetime.date:
    month, day = (int(x) for x in settings.REPORTING_DEADLINE.split("-"))
    return datetime.date(year, month, day)


def send_reminders(today: datetime.date | None = None) -> int:
    """Notify the officers of the units late for this year's deadline; returns how many notices."""
    from chitieu.web.accounts.models import WRITE_ROLES, Membership
    from chitieu.web.units.views import entry_plan
    from chitieu.web.values.models import Submission

    today = today or datetime.date.today()
    deadline = deadline_of(today.year)
    left = (deadline - today).days
    if not 0 <= left <= settings.REMINDER_DAYS:
        return 0
    sent = 0
    by_unit: dict[int, list] = {}
    for m in Membership.objects.filter(role__in=WRITE_ROLES, user__is_active=True).select_related("unit", "user"):
        if m.unit.valid_to is None:
            by_unit.setdefault(m.unit.pk, [m.unit, []])[1].append(m.user)
    with transaction.atomic():
        for unit, users in by_unit.values():
            plan = entry_plan(unit)
            if plan is None or today.year not in plan.years:
                continue
            state = Submission.objects.filter(unit=unit, plan=plan, year=today.year).values_list("state", flat=True).first()
            if state not in (None, Submission.State.DRAFT, Submission.State.RETURNED):
                continue
            url = reverse("values:entry", args=[unit.pk, plan.pk, today.year])
            text = _("Còn %(days)d ngày đến hạn gửi số liệu năm %(year)d của %(unit)s (%(date)s).") % {
                "days": left, "year": today.year, "unit": unit.name, "date": deadline.strftime("%d/%m/%Y")}
            # the text names the days left: the same text again is the same day's reminder
            already = set(Notice.objects.filter(kind="deadline", url=url, text=text).values_list("user_id", flat=True))
            sent += len(notify([u for u in users if u.pk not in already], "deadline", text, url))
    return sent
