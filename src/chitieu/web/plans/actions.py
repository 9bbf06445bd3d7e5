"""Changes to plans and their targets; each in one transaction with its audit row."""

from __future__ import annotations

import math

from django.db import transaction
from django.utils.translation import gettext as _

from chitieu.core.fit import TargetUnitError, fit_target
from chitieu.core.numbers import nfc
from chitieu.core.targets import TargetParseError, parse_target
from chitieu.core.value_checks import MAX_ABS
from chitieu.web.access import require
from chitieu.web.audit.models import record
from chitieu.web.errors import ActionError
from chitieu.web.evaluations.version import bump, bump_for_targets
from chitieu.web.plans.models import AssignedFigure, Plan, PlanTarget


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


_PHRASE_MAX = 500  # PlanTarget.phrase


def _numbers(target) -> list:
    """Every number a parsed target holds (its bound, its structure parts, its alternative)."""
    out = [target.bound.low, target.bound.high]
    for part in target.parts:
        out += [part.bound.low, part.bound.high]
    if target.alternative is not None:
        out += _numbers(target.alternative)
    return [x for x in out if x is not None]


def check_phrase(phrase: str, indicator) -> str:
    """The phrase, NFC-normalised, if the parser understands it; else ``ActionError`` on ``phrase``.

    Every way a phrase can fail is a refusal with a message, never a stored phrase that breaks
    the pages reading it: the parser's ``TargetParseError``; any other exception of the parser
    (a phrase it chokes on is a phrase it does not understand); a number that is not finite or
    not below ``MAX_ABS`` (a 400-digit number parses to infinity); a description that cannot be
    written; a phrase longer than its column.
    """
    phrase = nfc(phrase or "").strip()
    if not phrase:
        return phrase
    if len(phrase) > _PHRASE_MAX:
        raise ActionError({"phrase": [_("Chỉ tiêu kế hoạch dài %(length)d ký tự, tối đa %(limit)d ký tự.") % {
            "length": len(phrase), "limit": _PHRASE_MAX}]})
    shown = phrase if len(phrase) <= 80 else phrase[:79] + "…"
    try:
        target = parse_target(phrase, indicator_kind=indicator.kind)
        numbers = _numbers(target)
        target.describe()
    except TargetParseError as exc:
        raise ActionError({"phrase": [str(exc)]}) from exc
    except (ValueError, ArithmeticError, LookupError, TypeError, RecursionError) as exc:
        raise ActionError({"phrase": [_("Không hiểu chỉ tiêu “%(phrase)s”; hãy viết lại, ví dụ “tăng 19 - 21%%/năm” "
                                        "hoặc “đạt 73,5%%”.") % {"phrase": shown}]}) from exc
    if any(not math.isfinite(x) or abs(x) >= MAX_ABS for x in numbers):
        raise ActionError({"phrase": [_("Chỉ tiêu “%(phrase)s” có số quá lớn; giá trị tuyệt đối phải nhỏ hơn 10^15.") % {
            "phrase": shown}]})
    try:
        fit_target(target, indicator.to_core())
    except TargetUnitError as exc:
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
        bump_for_targets([plan.pk])  # the plan's stored evaluations are stale (evaluations.version)
    return target


def do_remove_target(target: PlanTarget, *, acting_user) -> None:
    require(acting_user, target.plan.unit, "manage")
    with transaction.atomic():
        record("target.remove", target, actor=acting_user, unit=target.plan.unit, field="phrase", old=target.phrase,
               new="", plan=target.plan_id, indicator=target.indicator.code)
        target.delete()
        bump_for_targets([target.plan_id])


def do_set_assigned(target: PlanTarget, year: int, value, *, doc_number: str, doc_date, issuer: str,
                    doc_kind: str = "Quyết định", acting_user) -> AssignedFigure:
    """Set the figure assigned to ``target`` for ``year`` with the document that assigned it
    (one per year; setting it again replaces it). An officer of the plan's unit enters it; the
    change and its audit row are one transaction. Refused with messages per field: a year
    outside the plan, a value that is not a positive number, a missing document number, date
    or issuer."""
    from chitieu.core.value_checks import ValueProblem, read_value

    plan = target.plan
    require(acting_user, plan.unit, "write")
    errors: dict[str, list[str]] = {}
    if not isinstance(year, int) or not plan.base_year < year <= plan.final_year:
        errors["year"] = [_("Năm giao phải trong kỳ kế hoạch %(period)s.") % {"period": plan.period}]
    try:
        number = read_value(value)
    except ValueProblem as exc:
        number = None
        errors["value"] = [exc.message]
    else:
        if number is None or number <= 0 or abs(number) >= MAX_ABS:
            errors["value"] = [_("Số giao phải là một số dương (nhỏ hơn 10^15).")]
    doc_number, issuer, doc_kind = (nfc(x or "").strip() for x in (doc_number, issuer, doc_kind))
    if not doc_number:
        errors["doc_number"] = [_("Cần số văn bản giao (ví dụ 123/QĐ-UBND).")]
    elif len(doc_number) > 60:
        errors["doc_number"] = [_("Số văn bản dài quá 60 ký tự.")]
    if not issuer:
        errors["issuer"] = [_("Cần cơ quan giao (ví dụ UBND thị xã).")]
    elif len(issuer) > 200:
        errors["issuer"] = [_("Tên cơ quan giao dài quá 200 ký tự.")]
    if doc_date is None:
        errors["doc_date"] = [_("Cần ngày ban hành văn bản giao (dd/mm/yyyy).")]
    if len(doc_kind) > 40:
        errors["doc_kind"] = [_("Loại văn bản dài quá 40 ký tự.")]
    if not target.takes_assigned:
        errors["__all__"] = [_("Chỉ tiêu %(code)s không có mục tiêu “đạt và vượt chỉ tiêu giao”: không cần số giao.") % {
            "code": target.indicator.code}]
    if errors:
        raise ActionError(errors)
    with transaction.atomic():
        figure = AssignedFigure.objects.select_for_update().filter(target=target, year=year).first()
        old = "" if figure is None else f"{figure.value} ({figure.source_text})"
        if figure is None:
            figure = AssignedFigure(target=target, year=year)
        figure.value, figure.doc_kind, figure.doc_number = number, doc_kind or "Quyết định", doc_number
        figure.doc_date, figure.issuer = doc_date, issuer
        figure.save()
        record("target.assigned", figure, actor=acting_user, unit=plan.unit, field="value", old=old,
               new=f"{figure.value} ({figure.source_text})", plan=plan.pk, indicator=target.indicator.code, year=year)
        bump([plan.pk])
    return figure
