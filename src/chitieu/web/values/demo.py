"""The demo's review season (issue 15): a province reviewer who accepts what the town approved,
a leader of the town who reads the scorecard, and the validation rules of the catalogue a
ward's data is checked against before it is submitted. Called from ``demo.build.load_demo``."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model

from chitieu.web.accounts.models import Membership, Role
from chitieu.web.rules.actions import do_save_rule
from chitieu.web.rules.models import ValidationRule

REVIEW_USERS = [  # username, full name, unit code, role
    ("kiemtra.tinh", "Kiểm tra tỉnh Quảng Trị", "45", Role.REVIEWER),
    ("lanhdao.thixa", "Lãnh đạo thị xã Quảng Trị", "464", Role.VIEWER),
]

RULES = [  # name, kind, codes, minimum, maximum, tolerance, tier
    ("Thu ngân sách cấp xã trong khoảng 0 - 5.000 tỷ đồng", "range", ["KT05"], 0, 5000, 1, "commune"),
    ("Tổng mức bán lẻ cấp xã dưới 50.000 tỷ đồng", "range", ["KT01"], 0, 50000, 1, "commune"),
    ("Thu nhập bình quân đầu người 5 - 1.000 triệu đồng", "range", ["KT04"], 5, 1000, 1, ""),
    ("Cơ cấu kinh tế cộng lại 100%", "shares_sum", ["KT07.1", "KT07.2", "KT07.3"], None, None, 0.5, ""),
]


def build_review_demo(u, password: str | None) -> dict[str, str]:
    """The season's users (username → password) and rules; safe to run again."""
    for name, kind, codes, low, high, tolerance, tier in RULES:
        existing = ValidationRule.objects.filter(name=name).first()
        do_save_rule(acting_user=None, name=name, kind=kind, codes=codes, minimum=low, maximum=high,
                     tolerance=tolerance, tier=tier, rule=existing)
    User = get_user_model()
    out = {}
    for username, full_name, unit_code, role in REVIEW_USERS:
        user, _created = User.objects.get_or_create(username=username)
        user.first_name = full_name
        pw = password or secrets.token_urlsafe(9)
        user.set_password(pw)
        user.save()
        Membership.objects.update_or_create(user=user, unit=u[unit_code], defaults={"role": role})
        out[username] = pw
    return out
