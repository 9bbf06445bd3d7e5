"""Logging in is protected against guessing, passwords can be changed and reset, and a user
manages their own API tokens (issue 10, finding 8).

Reproduction of the finding: 40 wrong passwords, then the right one was accepted at once.
"""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from conftest import PASSWORD
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from chitieu.web.accounts.models import ApiToken
from chitieu.web.audit.models import AuditLog

LOGIN = "/accounts/login/"


def _login(client: Client, username: str, password: str, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def _logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


# --- brute force -------------------------------------------------------------------------------

def test_after_40_wrong_passwords_the_right_one_is_refused(officer):
    c = Client(HTTP_ACCEPT_LANGUAGE="vi")
    for _ in range(40):
        _login(c, officer.username, "sai-mat-khau")
    response = _login(c, officer.username, PASSWORD)
    assert response.status_code == 429
    assert not _logged_in(c)
    page = response.content.decode()
    assert "Tạm khóa đăng nhập" in page
    assert "Mật khẩu đã bị nhập sai 5 lần liền" in page and "thử lại sau 15 phút" in page


def test_the_lockout_starts_at_the_fifth_failure_and_is_in_english_under_the_english_ui(officer):
    c = Client(HTTP_ACCEPT_LANGUAGE="en")
    statuses = [_login(c, officer.username, f"sai-{i}").status_code for i in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the login form again four times, then the lockout
    page = _login(c, officer.username, PASSWORD).content.decode()
    assert "Login temporarily locked" in page and "try again in 15 minutes" in page


def test_the_lockout_ends_after_the_cool_off(officer):
    from axes.models import AccessAttempt

    c = Client()
    for _ in range(5):
        _login(c, officer.username, "sai-mat-khau")
    assert _login(c, officer.username, PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = _login(c, officer.username, PASSWORD)
    assert response.status_code == 302 and _logged_in(c)


def test_the_lockout_holds_one_username_from_one_address_only(officer, outsider):
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(10):
        _login(attacker, officer.username, "sai-mat-khau", REMOTE_ADDR="203.0.113.7")
    assert _login(attacker, officer.username, PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 429
    # the officer at their own desk, and a colleague behind the attacker's address, still log in
    at_desk = Client()
    assert _login(at_desk, officer.username, PASSWORD, REMOTE_ADDR="198.51.100.20").status_code == 302
    colleague = Client()
    assert _login(colleague, outsider.username, PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 302


def test_a_successful_login_clears_the_count_of_failures(officer):
    c = Client()
    for _ in range(4):
        _login(c, officer.username, "sai-mat-khau")
    assert _login(c, officer.username, PASSWORD).status_code == 302
    c.post("/accounts/logout/")
    for _ in range(4):
        assert _login(c, officer.username, "sai-mat-khau").status_code == 200
    assert _login(c, officer.username, PASSWORD).status_code == 302


def test_behind_the_proxy_the_address_counted_is_the_one_the_proxy_appended(officer, settings):
    settings.BEHIND_HTTPS_PROXY = True
    for i in range(5):
        # the client forges the first X-Forwarded-For entry each time; the proxy appends the real one
        _login(Client(), officer.username, "sai", REMOTE_ADDR="127.0.0.1",
               HTTP_X_FORWARDED_FOR=f"10.9.9.{i}, 203.0.113.7")
    locked = _login(Client(), officer.username, PASSWORD, REMOTE_ADDR="127.0.0.1",
                    HTTP_X_FORWARDED_FOR="10.1.1.1, 203.0.113.7")
    assert locked.status_code == 429
    other = _login(Client(), officer.username, PASSWORD, REMOTE_ADDR="127.0.0.1",
                   HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert other.status_code == 302


def test_the_test_clients_login_still_works_without_a_request(officer):
    assert Client().login(username=officer.username, password=PASSWORD)


# --- password change ---------------------------------------------------------------------------

def test_a_user_changes_their_password_and_it_is_audited(officer, client_for):
    c = client_for(officer)
    other_session = client_for(officer)
    assert "Đổi mật khẩu" in c.get("/accounts/profile/").content.decode()
    new = "mot-mat-khau-moi-dai-7"
    response = c.post("/accounts/password/", {
        "old_password": PASSWORD, "new_password1": new, "new_password2": new})
    assert response.status_code == 302 and response["Location"] == "/accounts/password/done/"
    assert "Mật khẩu của bạn đã được đổi" in c.get(response["Location"]).content.decode()
    officer.refresh_from_db()
    assert officer.check_password(new)
    log = AuditLog.objects.get(action="user.password_change")
    assert log.actor == officer and log.object_repr == officer.username
    assert officer.password not in (log.old, log.new) and new not in (log.old + log.new + str(log.detail))
    assert c.get("/accounts/profile/").status_code == 200  # this session goes on
    assert other_session.get("/accounts/profile/").status_code == 302  # every other session ends


def test_a_wrong_old_password_or_a_weak_new_one_is_refused_and_nothing_changes(officer, client_for):
    c = client_for(officer)
    wrong = c.post("/accounts/password/", {
        "old_password": "khong-phai", "new_password1": "mot-mat-khau-moi-dai-7",
        "new_password2": "mot-mat-khau-moi-dai-7"})
    assert wrong.status_code == 200 and "Mật khẩu cũ không chính xác" in wrong.content.decode()
    weak = c.post("/accounts/password/", {"old_password": PASSWORD, "new_password1": "12345678",
                                         "new_password2": "12345678"})
    assert weak.status_code == 200 and "Mật khẩu này quá phổ biến" in weak.content.decode()
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)
    assert not AuditLog.objects.filter(action__startswith="user.password").exists()


def test_the_password_pages_need_a_login(db):
    response = Client().get("/accounts/password/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


# --- password reset ----------------------------------------------------------------------------

def test_a_forgotten_password_is_reset_through_the_emailed_link(officer, mailoutbox):
    officer.email = "canbo.phuong2@example.gov.vn"
    officer.save()
    c = Client(HTTP_ACCEPT_LANGUAGE="vi")
    assert "Quên mật khẩu?" in c.get(LOGIN).content.decode()
    response = c.post("/accounts/password/reset/", {"email": officer.email})
    assert response.status_code == 302 and response["Location"] == "/accounts/password/reset/sent/"
    (mail,) = mailoutbox
    assert mail.to == [officer.email] and mail.subject == "chitieu: đặt lại mật khẩu"
    assert "Xin chào canbo.phuong2" in mail.body
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.body).group(1)
    form = c.get(link, follow=True)
    assert "Đặt mật khẩu mới" in form.content.decode()
    new = "mat-khau-lay-lai-2025"
    done = c.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302 and done["Location"] == "/accounts/password/reset/complete/"
    officer.refresh_from_db()
    assert officer.check_password(new)
    assert AuditLog.objects.get(action="user.password_reset").actor == officer
    # the link works once
    again = Client().get(link, follow=True).content.decode()
    assert "Đường dẫn này không dùng được nữa" in again


def test_a_reset_for_an_unknown_address_sends_nothing_and_says_the_same(db, mailoutbox):
    response = Client().post("/accounts/password/reset/", {"email": "ai-do@example.com"})
    assert response.status_code == 302 and response["Location"] == "/accounts/password/reset/sent/"
    assert mailoutbox == []


# --- API tokens on the profile page and the command line ---------------------------------------

def test_a_user_lists_and_revokes_their_own_token_and_the_api_refuses_it_then(officer, client_for):
    c = client_for(officer)
    token, raw = ApiToken.issue(officer, "Excel")
    page = c.get("/accounts/profile/").content.decode()
    assert f"{token.prefix}…" in page and "đang dùng" in page
    assert token.expires_at.date() == (timezone.now() + timedelta(days=365)).date()
    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/units").status_code == 200
    response = c.post(f"/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    log = AuditLog.objects.get(action="token.revoke")
    assert log.actor == officer and log.object_id == str(token.pk) and log.detail == {"owner": officer.username}
    assert "đã thu hồi" in c.get("/accounts/profile/").content.decode()
    refused = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/units")
    assert refused.status_code == 401 and refused.json()["reason"] == "revoked"
    # a second revoke changes nothing and writes nothing
    c.post(f"/accounts/tokens/{token.pk}/revoke/")
    assert AuditLog.objects.filter(action="token.revoke").count() == 1


def test_nobody_revokes_another_users_token(officer, outsider, client_for):
    token, raw = ApiToken.issue(officer)
    assert client_for(outsider).post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    assert client_for(outsider).get(f"/accounts/tokens/{token.pk}/revoke/").status_code in (404, 405)
    token.refresh_from_db()
    assert token.revoked_at is None
    assert officer.username not in client_for(outsider).get("/accounts/profile/").content.decode()


def test_tokens_are_revoked_from_the_command_line(officer):
    first, raw1 = ApiToken.issue(officer, "một")
    second, raw2 = ApiToken.issue(officer, "hai")
    out = io.StringIO()
    call_command("revoke_api_token", officer.username, first.prefix, stdout=out)
    assert f"{first.prefix}… đã thu hồi" in out.getvalue()
    assert ApiToken.user_for(raw1) is None and ApiToken.user_for(raw2) == officer
    call_command("revoke_api_token", officer.username, "--all", stdout=io.StringIO())
    assert ApiToken.user_for(raw2) is None
    assert AuditLog.objects.filter(action="token.revoke", actor=None).count() == 2
    with pytest.raises(CommandError, match="no such token"):
        call_command("revoke_api_token", officer.username, first.prefix)
    with pytest.raises(CommandError, match="no such user"):
        call_command("revoke_api_token", "khong-co-ai", "--all")
    with pytest.raises(CommandError, match="--all"):
        call_command("revoke_api_token", officer.username)


def test_a_token_from_the_command_line_may_be_given_a_lifetime(officer):
    out = io.StringIO()
    call_command("create_api_token", officer.username, "--days", "30", stdout=out)
    token = ApiToken.objects.get(user=officer)
    assert abs(token.expires_at - token.created - timedelta(days=30)) < timedelta(seconds=5)
    assert ApiToken.user_for(out.getvalue().strip()) == officer
