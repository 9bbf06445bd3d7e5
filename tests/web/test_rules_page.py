"""The validation rules page: everyone reads the rules; administrators of a province write them
in a form, numbers typed the Vietnamese way, through the audited action; a bad code is refused
naming the field, and nothing is stored."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chitieu.web.audit.models import AuditLog
from chitieu.web.rules.models import ValidationRule

pytestmark = pytest.mark.django_db

RULE = {"name": "Thu ngân sách của phường", "kind": "range", "codes": "KT05", "minimum": "0",
        "maximum": "1.000", "tolerance": "", "tier": "commune"}


def test_an_administrator_adds_a_range_rule_typed_the_vietnamese_way(admin, catalogue, client_for):
    client = client_for(admin)
    response = client.post("/rules/", RULE)
    assert response.status_code == 302 and response["Location"] == "/rules/"
    rule = ValidationRule.objects.get()
    assert (rule.kind, rule.codes, rule.minimum, rule.maximum, rule.tier) == (
        "range", ["KT05"], Decimal("0"), Decimal("1000"), "commune")
    assert AuditLog.objects.filter(action="rule.create").count() == 1
    page = client.get("/rules/").content.decode()
    assert "Thu ngân sách của phường" in page and "Cấp xã" in page


def test_an_administrator_changes_a_rule(admin, catalogue, client_for):
    client = client_for(admin)
    client.post("/rules/", RULE)
    rule = ValidationRule.objects.get()
    assert 'value="1000' in client.get(f"/rules/{rule.pk}/").content.decode().replace(",0000", "")
    client.post(f"/rules/{rule.pk}/", {**RULE, "maximum": "2.500,5"})
    rule.refresh_from_db()
    assert rule.maximum == Decimal("2500.5") and ValidationRule.objects.count() == 1
    assert AuditLog.objects.filter(action="rule.update").count() == 1


def test_an_unknown_code_or_a_bad_number_is_refused_naming_the_field(admin, catalogue, client_for):
    client = client_for(admin)
    page = client.post("/rules/", {**RULE, "codes": "KHONGCO"}).content.decode()
    assert "Không có chỉ tiêu mã KHONGCO" in page
    page = client.post("/rules/", {**RULE, "maximum": "một nghìn"}).content.decode()
    assert "“một nghìn” không phải là số" in page
    assert not ValidationRule.objects.exists() and not AuditLog.objects.filter(action="rule.create").exists()


def test_officers_read_the_rules_but_cannot_write_them(officer, admin, catalogue, client_for):
    client_for(admin).post("/rules/", RULE)
    client = client_for(officer)
    page = client.get("/rules/").content.decode()
    assert "Thu ngân sách của phường" in page and "Lưu quy tắc" not in page
    assert client.post("/rules/", {**RULE, "name": "khác"}).status_code == 403
    assert client.get(f"/rules/{ValidationRule.objects.get().pk}/").status_code == 403
    assert ValidationRule.objects.count() == 1


def test_anonymous_users_are_sent_to_log_in(client):
    response = client.get("/rules/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
