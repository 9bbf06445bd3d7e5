"""Writing a validation rule: only those who may edit the catalogue, with its audit row."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from chitieu.core.numbers import nfc
from chitieu.web.access import may_edit_catalogue
from chitieu.web.audit.models import record
from chitieu.web.errors import ActionError
from chitieu.web.rules.models import ValidationRule


def do_save_rule(*, acting_user, name: str, kind: str, codes: list[str], minimum=None, maximum=None,
                 tolerance=1, tier: str = "", rule: ValidationRule | None = None) -> ValidationRule:
    """Create (or, with ``rule``, replace) a validation rule; ``ActionError`` naming the field when
    it is not valid."""
    if not may_edit_catalogue(acting_user):
        raise PermissionDenied
    rule = rule or ValidationRule()
    old = "" if rule.pk is None else repr((rule.name, rule.kind, rule.codes, rule.minimum, rule.maximum))
    rule.name = nfc(name).strip()
    rule.kind = kind
    rule.codes = [nfc(c).strip() for c in codes]
    rule.minimum = None if minimum is None else Decimal(str(minimum))
    rule.maximum = None if maximum is None else Decimal(str(maximum))
    rule.tolerance = Decimal(str(tolerance))
    rule.tier = tier
    try:
        rule.full_clean()
    except ValidationError as exc:
        raise ActionError({k: [str(m) for m in v] for k, v in exc.message_dict.items()}) from None
    with transaction.atomic():
        created = rule.pk is None
        rule.save()
        record("rule.create" if created else "rule.update", rule, actor=acting_user, unit=None, field="rule",
               old=old, new=repr((rule.name, rule.kind, rule.codes, rule.minimum, rule.maximum)))
    return rule
