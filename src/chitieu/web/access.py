"""The one source of permissions: every "may this user …" is answered here.

``rights_on(user, unit)`` gives a ``Rights`` (see, write, review, manage, generate, set_template);
``may_edit_catalogue(user)`` answers for the shared national catalogue. One access helper per
object type returns the object if the user may see it, with their rights; 404 to anyone else,
so an outsider cannot even learn that the object exists.

Used alike by views, the API, templates and actions. Permissions come only from
``accounts.Membership``: a membership on a unit covers that unit and all units below it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from chitieu.web.accounts.models import MANAGE_ROLES, REVIEW_ROLES, WRITE_ROLES, Membership, Role
from chitieu.web.units.models import AdministrativeUnit


@dataclass(frozen=True)
class Rights:
    """What one user may do on one unit."""

    see: bool = False
    write: bool = False  # enter and submit values
    review: bool = False  # approve or return submitted values
    manage: bool = False  # edit plans and targets
    generate: bool = False  # issue the unit's report
    set_template: bool = False  # upload the template the unit's reports are written from


def _user(request_or_user):
    return getattr(request_or_user, "user", request_or_user)


def rights_on(user, unit: AdministrativeUnit) -> Rights:
    if not user.is_authenticated or not user.is_active:
        return Rights()
    if user.is_superuser:
        return Rights(True, True, True, True, True, True)
    chain = [unit.pk] + [u.pk for u in unit.ancestors()]
    held = list(Membership.objects.filter(user=user, unit_id__in=chain).values_list("unit_id", "role"))
    if not held:
        # the former units of a merged unit: its members read their history, never change it
        return Rights(see=True) if _reads_as_successor(user, unit) else Rights()
    roles = {role for _unit, role in held}
    write = bool(roles & WRITE_ROLES)
    review = bool(roles & REVIEW_ROLES)
    return Rights(
        see=True,
        write=write,
        review=review,
        manage=bool(roles & MANAGE_ROLES),
        # members of the unit itself (any role) and those above who enter or review its data; a
        # viewer of a higher unit reads the unit's pages but does not issue its reports
        generate=write or review or any(unit_id == unit.pk for unit_id, _role in held),
        # a template is code-like content reused by every later report: only officers and admins
        set_template=write,
    )


def _successor_ids(unit_ids: set[int]) -> set[int]:
    """The units that ``unit_ids`` were merged or renamed into, followed forward."""
    from chitieu.web.units.models import LineageEvent

    found: set[int] = set()
    frontier = set(unit_ids)
    while frontier:
        nxt = set(LineageEvent.objects.filter(predecessors__in=frontier).exclude(kind=LineageEvent.Kind.SPLIT)
                  .values_list("successors", flat=True)) - found - {None}
        found |= nxt
        frontier = nxt
    return found


def _reads_as_successor(user, unit: AdministrativeUnit) -> bool:
    """``user`` is a member of a unit that ``unit`` became (or of a unit above it): a merged
    ward's officer reads the history of its former units (issue 15)."""
    successors = _successor_ids({unit.pk})
    if not successors:
        return False
    chain = set(successors)
    for s in AdministrativeUnit.objects.filter(pk__in=successors).select_related("parent"):
        chain |= {a.pk for a in s.ancestors()}
    return Membership.objects.filter(user=user, unit_id__in=chain).exists()


def may_edit_catalogue(user) -> bool:
    """The catalogue is national and shared by every unit: only administrators of a province
    (or a superuser) change it. ``None`` is the system itself (CLI, demo loader)."""
    if user is None:
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    from chitieu.web.units.models import PROVINCE_LEVELS

    return Membership.objects.filter(user=user, role=Role.ADMIN, unit__level__in=PROVINCE_LEVELS).exists()


def require(user, unit: AdministrativeUnit, right: str) -> None:
    """For actions: ``user`` must hold ``right`` ("write", "review", "manage") on ``unit``.
    ``user=None`` is the system itself (CLI, demo loader, imports run by an administrator)."""
    if user is not None and not getattr(rights_on(user, unit), right):
        raise PermissionDenied


def visible_unit_ids(user) -> set[int] | None:
    """The ids of every unit the user may see; None means all (a superuser)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    ids: set[int] = set()
    for unit in AdministrativeUnit.objects.filter(memberships__user=user):
        ids.add(unit.pk)
        ids |= unit.descendant_ids()
    return ids | _former_unit_ids(ids)


def _former_unit_ids(unit_ids: set[int]) -> set[int]:
    """The former units (merged or renamed into ``unit_ids``), followed back: read-only history."""
    from chitieu.web.units.models import LineageEvent

    found: set[int] = set()
    frontier = set(unit_ids)
    while frontier:
        nxt = set(LineageEvent.objects.filter(successors__in=frontier).exclude(kind=LineageEvent.Kind.SPLIT)
                  .values_list("predecessors", flat=True)) - found - unit_ids - {None}
        found |= nxt
        frontier = nxt
    return found


def visible_units(user):
    ids = visible_unit_ids(user)
    qs = AdministrativeUnit.objects.all()
    return qs if ids is None else qs.filter(pk__in=ids)


def get_unit_for_user(request, unit_id: int | str, *, by_code: bool = False) -> tuple[AdministrativeUnit, Rights]:
    user = _user(request)
    lookup = {"code": unit_id} if by_code else {"pk": unit_id}
    try:
        unit = AdministrativeUnit.objects.select_related("parent").get(**lookup)
    except (AdministrativeUnit.DoesNotExist, ValueError):
        raise Http404("unit") from None
    rights = rights_on(user, unit)
    if not rights.see:
        raise Http404("unit")
    return unit, rights


def get_plan_for_user(request, plan_id: int | str):
    """The plan with the user's rights on the plan's own unit. A plan is also visible (read only)
    to members of the units below that follow it: a ward works under its town's plan."""
    from chitieu.web.plans.models import Plan

    user = _user(request)
    try:
        plan = Plan.objects.select_related("unit").get(pk=plan_id)
    except (Plan.DoesNotExist, ValueError, TypeError):
        raise Http404("plan") from None
    rights = rights_on(user, plan.unit)
    if not rights.see:
        if not (user.is_authenticated and user.is_active):
            raise Http404("plan")
        below = plan.unit.descendant_ids()
        if not Membership.objects.filter(user=user, unit_id__in=below).exists():
            raise Http404("plan")
        rights = Rights(see=True)
    return plan, rights


def get_followed_plan(request, unit, plan_id: int | str):
    """A plan that ``unit`` follows (its own or one of a unit above it); 404 otherwise."""
    from chitieu.web.plans.models import Plan

    try:
        return Plan.objects.followed_by(unit).get(pk=plan_id)
    except (Plan.DoesNotExist, ValueError, TypeError):
        raise Http404("plan") from None


def get_submission_for_user(request, submission_id: int | str):
    from chitieu.web.values.models import Submission

    try:
        submission = Submission.objects.select_related("unit", "plan").get(pk=submission_id)
    except (Submission.DoesNotExist, ValueError):
        raise Http404("submission") from None
    rights = rights_on(_user(request), submission.unit)
    if not rights.see:
        raise Http404("submission")
    return submission, rights


def unit_ids_with(user, right: str) -> set[int] | None:
    """The ids of every unit on which ``user`` holds ``right`` ("write", "review"): the units of
    the memberships giving it and all units below them; None means all (a superuser). The same
    role sets as ``rights_on``, for lists that must not ask unit by unit."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    roles = {"write": WRITE_ROLES, "review": REVIEW_ROLES, "manage": MANAGE_ROLES}[right]
    ids: set[int] = set()
    for unit in AdministrativeUnit.objects.filter(memberships__user=user, memberships__role__in=roles):
        ids.add(unit.pk)
        ids |= unit.descendant_ids()
    return ids
