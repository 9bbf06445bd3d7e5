"""Changes to plans and their targets; each in one transaction with its audit row."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from chitieu.core.numbers import nfc
from chitieu.core.targets import TargetParseError, parse_target
from chitieu.web.access import require
from chitieu.web.audit.models import record
from chitieu.web.errors import ActionError
from chitieu.web.plans.models import Plan, PlanTarget


def do_create_plan(unit, *, base_year: int, final_year: int, kind: str = Plan.Kind.TERM, title: str = "",
                   source: str = "", acting_user) -> Plan:
    require(acting_user, unit, "manage")
    if final_year <= base_year:
        raise ActionError({"final_year": [_("Năm cuối phải sau năm gốc.")]})
    with transaction.atomic():
        plan = Plan.objects.create(unit=unit, kind=kind, base_year=base_year, final_year=final_year,
                                   title=nfc(title).strip(), source=nfc(source).strip())
        record("plan.create", plan, actor=acting_user, unit=unit, new=plan.period, source=plan.source)
    return plan


def check_phrase(phrase: str, indicator) -> str:
    """The phrase, NFC-normalised, if the parser understands it; else ``ActionError`` on ``phrase``."""
    phrase = nfc(phrase or "").strip()
    if phrase:
        try:
            parse_target(phrase, indicator_kind=indicator.kind)
        except TargetParseError as exc:
            raise ActionError({"phrase": [str(exc)]}) from exc
    return phrase


def do_set_target(
    plan: Plan, indicator, phrase: str, *, acting_user, order: int | None = None, value_is: str | None = None
) -> PlanTarget:
    """Set (or add) the target of ``indicator`` in ``plan``. A phrase the parser does not
    understand is refused with its message; nothing is saved then. ``value_is`` says what the
    entered values are (``PlanTarget.ValueIs``); None keeps it as it is."""
    require(acting_user, plan.unit, "manage")
    phrase = check_phrase(phrase, indicator)
    with transaction.atomic():
        target = PlanTarget.objects.select_for_update().filter(plan=plan, indicator=indicator).first()
        old = target.phrase if target else ""
        if target is None:
            if order is None:
                order = plan.targets.count() + 1
            target = PlanTarget.objects.create(plan=plan, indicator=indicator, phrase=phrase, order=order,
                                               value_is=value_is or "")
        else:
            target.phrase = phrase
            if order is not None:
                target.order = order
            if value_is is not None and value_is != target.value_is:
                record("target.value_is", target, actor=acting_user, unit=plan.unit, field="value_is",
                       old=target.value_is, new=value_is, plan=plan.pk, indicator=indicator.code)
                target.value_is = value_is
            target.save()
        if old != phrase or target.phrase == "":
            record("target.set", target, actor=acting_user, unit=plan.unit, field="phrase", old=old, new=phrase,
                   plan=plan.pk, indicator=indicator.code)
    return target


def do_remove_target(target: PlanTarget, *, acting_user) -> None:
    require(acting_user, target.plan.unit, "manage")
    with transaction.atomic():
        record("target.remove", target, actor=acting_user, unit=target.plan.unit, field="phrase", old=target.phrase,
               new="", plan=target.plan_id, indicator=target.indicator.code)
        target.delete()
