"""The levels a year's data climbs, read from the unit tree.

A ward's data is approved by the level above it (the town: ``Đã duyệt``) and accepted by the
province (``Đã chấp nhận``). Where the tree has two tiers — a ward or a town directly under its
province — there is no middle level: an approval given with the province's rights is the final
step and the data goes straight to ``Đã chấp nhận``. A reviewer of the middle level (who holds
no rights on the province) approves; only the province accepts. Rights come from
``chitieu.web.access`` alone.

"Approved" for leaders' pages means approved at any level (``APPROVED_STATES``): the town's
approval is what the town's leaders read, and the province's acceptance does not change a figure,
only seals it (see docs/approval.md).
"""

from __future__ import annotations

from chitieu.web.access import rights_on


def province_of(unit):
    """The top of the unit's tree (itself when it has no parent)."""
    chain = unit.ancestors()
    return chain[-1] if chain else unit


def approving_unit(unit):
    """The unit whose reviewers approve ``unit``'s data: its parent (itself at the top)."""
    return unit.parent if unit.parent_id else unit


def has_middle_level(unit) -> bool:
    """Whether an approval below the province exists: the unit sits two levels or more under it."""
    parent = unit.parent if unit.parent_id else None
    return parent is not None and parent.parent_id is not None


def acts_for_province(user, unit) -> bool:
    """``user`` (None: the system) holds the review right on the province of ``unit``."""
    return user is None or rights_on(user, province_of(unit)).review


def approval_is_final(user, unit) -> bool:
    """An approval by ``user`` ends the climb: no middle level, and the user is a reviewer of
    the province. The system (``None``: the demo, a command) approves one level at a time and
    accepts only when told to (``do_accept``)."""
    return user is not None and not has_middle_level(unit) and acts_for_province(user, unit)


def members_with(unit, right: str, *, exact: bool = False) -> list:
    """Users whose membership gives ``right`` ("write", "review") on ``unit``: on the unit itself
    with ``exact``, else on it or a unit above. Read from the same role sets as ``access``."""
    from chitieu.web.accounts.models import REVIEW_ROLES, WRITE_ROLES, Membership

    roles = {"write": WRITE_ROLES, "review": REVIEW_ROLES}[right]
    ids = [unit.pk] if exact else [unit.pk] + [u.pk for u in unit.ancestors()]
    return [m.user for m in Membership.objects.filter(unit_id__in=ids, role__in=roles).select_related("user")]


def reviewers_for(unit) -> list:
    """Who is told of a submission: the reviewers of the nearest level above that has any."""
    for above in unit.ancestors() or [unit]:
        found = members_with(above, "review", exact=True)
        if found:
            return found
    return []
