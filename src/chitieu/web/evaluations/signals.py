"""Version bumps for the definitions that change outside the actions that bump explicitly: an
indicator of the catalogue (its name, unit, rule: the plans using it), a unit (name, parent,
dates: its counter and its children's), a merger's lineage (the counters of the units it names),
a plan's years (the plan). Values, reviews and targets bump in their actions
(``values.actions``, ``plans.actions``), in their own transaction."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete


def _indicator_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        from chitieu.web.evaluations.version import bump_for_indicators

        bump_for_indicators([instance.pk])


def _unit_changed(sender, instance, raw=False, created=False, **kwargs) -> None:
    if not raw and not created:  # a new unit has no evaluations yet
        from chitieu.web.evaluations.version import bump_for_units

        bump_for_units([instance.pk])


def _lineage_changed(sender, instance, action, pk_set=None, **kwargs) -> None:
    from chitieu.web.units.models import AdministrativeUnit, LineageEvent

    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    from chitieu.web.evaluations.version import bump_for_units

    if isinstance(instance, LineageEvent):
        units = set(pk_set or ()) | set(instance.successors.values_list("pk", flat=True))
    elif isinstance(instance, AdministrativeUnit):
        units = {instance.pk} | set(LineageEvent.objects.filter(pk__in=pk_set or ())
                                    .values_list("successors", flat=True)) - {None}
    else:
        return
    bump_for_units(units)


def _lineage_saved(sender, instance, raw=False, created=False, **kwargs) -> None:
    if not raw and not created:  # its kind or date changed (a new one has no units yet)
        from chitieu.web.evaluations.version import bump_for_units

        bump_for_units(set(instance.successors.values_list("pk", flat=True)))


def _lineage_deleted(sender, instance, **kwargs) -> None:
    from chitieu.web.evaluations.version import bump_for_units

    bump_for_units(set(instance.successors.values_list("pk", flat=True)))


def _plan_saved(sender, instance, raw=False, created=False, **kwargs) -> None:
    if not raw and not created:
        from chitieu.web.evaluations.version import bump

        bump([instance.pk])


def connect() -> None:
    from chitieu.web.catalog.models import Indicator
    from chitieu.web.plans.models import Plan
    from chitieu.web.units.models import AdministrativeUnit, LineageEvent

    post_save.connect(_indicator_saved, sender=Indicator, dispatch_uid="evaluations.indicator")
    post_save.connect(_unit_changed, sender=AdministrativeUnit, dispatch_uid="evaluations.unit")
    post_delete.connect(_unit_changed, sender=AdministrativeUnit, dispatch_uid="evaluations.unit_deleted")
    for field in ("predecessors", "successors"):
        m2m_changed.connect(_lineage_changed, sender=getattr(LineageEvent, field).through,
                            dispatch_uid=f"evaluations.lineage.{field}")
    post_save.connect(_lineage_saved, sender=LineageEvent, dispatch_uid="evaluations.lineage_saved")
    pre_delete.connect(_lineage_deleted, sender=LineageEvent, dispatch_uid="evaluations.lineage_deleted")
    post_save.connect(_plan_saved, sender=Plan, dispatch_uid="evaluations.plan")
