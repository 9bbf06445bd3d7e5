"""Plan targets: what a plan asks of an indicator, and the parser for the phrases plans use.

A package of three modules that import in one direction only (no loop):

- ``model``: ``Target`` (a bound, a form, a horizon), ``Bound``, ``Op``, ``Form``, ``Horizon``,
  ``StructurePart``, ``TargetParseError``;
- ``parser`` (on ``model`` and ``core.vocabulary``): ``parse``, ``split_parts``;
- ``describe`` (on ``model``): ``describe_target``, ``bound_text``: a target back in Vietnamese.

``parse_target`` turns "Tổng mức bán lẻ hàng hóa tăng 19 - 21%/năm" or "Giữ vững phường đạt chuẩn
quốc gia về y tế" into a ``Target``. A phrase it cannot read raises ``TargetParseError`` naming the
phrase (a phrase holding a target and its "trong đó" parts names them); it never guesses a value
silently. ``Target.describe()`` is ``describe_target``. The old modules ``core.target_parser`` and
``core.describe`` re-export these names.

Pure Python; no Django, no I/O. The rules for each form are written in docs/targets.md.
"""

from __future__ import annotations

from chitieu.core.targets.describe import bound_text, describe_target
from chitieu.core.targets.model import Bound, Form, Horizon, Op, StructurePart, Target, TargetParseError
from chitieu.core.targets.parser import parse, split_parts

__all__ = [
    "Bound",
    "Form",
    "Horizon",
    "Op",
    "StructurePart",
    "Target",
    "TargetParseError",
    "bound_text",
    "describe_target",
    "parse_target",
    "split_parts",
]

# The wording lives beside the model, not in it: bound here so that ``target.describe()`` works
# and the model imports nothing of the modules built on it.
Target.describe = describe_target  # type: ignore[attr-defined]


def parse_target(phrase: str, *, indicator_kind: str | None = None) -> Target:
    """Parse a Vietnamese target phrase into a ``Target``.

    ``indicator_kind`` (a ``chitieu.core.indicators.Kind`` value) lets the parser read
    "giảm 1%" of a rate as percentage points. Raises ``TargetParseError`` when unsure.
    """
    return parse(phrase, indicator_kind=indicator_kind)
