"""Error pages in Vietnamese (English under the English UI) that show no traceback or settings,
and 500s logged with their traceback — with DEBUG off too (issue 10, finding 8).

Reproduction of the finding: a 500 showed the traceback with the settings; with DEBUG off no 500
was logged anywhere; 403 was a bare English page; there were no 404/500 templates.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path

import chitieu.web.urls

SECRET = "mat-khau-csdl-hunter2"


def _boom(request):
    raise RuntimeError(f"database password is {SECRET}")


def _forbidden(request):
    raise PermissionDenied("internal reason")


urlpatterns = [path("test-boom/", _boom), path("test-forbidden/", _forbidden), *chitieu.web.urls.urlpatterns]

pytestmark = pytest.mark.urls(__name__)


def _client(lang="vi", **extra) -> Client:
    return Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE=lang, **extra)


def test_a_500_shows_the_vietnamese_page_without_the_traceback_and_is_logged(db, settings, caplog):
    assert settings.DEBUG is False
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = _client().get("/test-boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Lỗi máy chủ (500)" in page and "Lỗi đã được ghi lại" in page
    assert SECRET not in page and "Traceback" not in page and "SECRET_KEY" not in page
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelname == "ERROR" and record.getMessage() == "Internal Server Error: /test-boom/"
    assert isinstance(record.exc_info[1], RuntimeError) and SECRET in str(record.exc_info[1])


def test_the_500_page_is_in_english_under_the_english_ui(db):
    page = _client("en").get("/test-boom/").content.decode()
    assert "Server error (500)" in page and "Lỗi máy chủ" not in page


def test_a_404_is_a_vietnamese_page_of_the_site(officer, client_for):
    c = client_for(officer)
    response = c.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Không tìm thấy trang (404)" in page and 'href="/accounts/profile/"' in page  # inside the site's frame
    english = Client(HTTP_ACCEPT_LANGUAGE="en")
    english.force_login(officer)
    assert "Page not found (404)" in english.get("/khong-co-trang-nay/").content.decode()


def test_a_403_is_a_vietnamese_page_that_keeps_the_reason_to_itself(officer, client_for):
    response = client_for(officer).get("/test-forbidden/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Không được phép (403)" in page and "internal reason" not in page


def test_a_form_sent_without_its_csrf_token_gets_the_explained_403(officer):
    c = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="vi")
    response = c.post("/accounts/login/", {"username": officer.username, "password": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Biểu mẫu đã hết hạn (403)" in page and "Hãy tải lại trang" in page
    assert "CSRF verification failed" not in page  # Django's English page; ours says what to do


def test_a_bad_host_gets_the_400_page(db):
    response = _client(HTTP_HOST="ke-gia-mao.example").get("/accounts/login/")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Yêu cầu không hợp lệ (400)" in page and "ke-gia-mao" not in page


PRODUCTION_500 = textwrap.dedent("""
    import django
    django.setup()
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment
    from django.urls import path
    import chitieu.web.urls

    def boom(request):
        raise ZeroDivisionError("chia cho 0 trong bao cao")

    urlpatterns = [path("boom/", boom), *chitieu.web.urls.urlpatterns]
    setup_test_environment()
    with override_settings(ROOT_URLCONF=__name__):
        status = Client(raise_request_exception=False).get("/boom/").status_code
    print("status", status)
""")


def test_in_production_a_500_goes_to_stderr_and_the_log_file_with_its_traceback(tmp_path):
    log_file = tmp_path / "chitieu.log"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_VERSION", "DEBUG")}
    env.update(DJANGO_SETTINGS_MODULE="chitieu.web.settings", SECRET_KEY="k" * 20 + "-production-like-secret-0123456789",
               DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", LOG_FILE=str(log_file))
    script = tmp_path / "production_500.py"
    script.write_text(PRODUCTION_500, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)
    assert "status 500" in done.stdout, done.stderr
    for text in (done.stderr, log_file.read_text(encoding="utf-8")):
        assert "ERROR django.request" in text and "Internal Server Error: /boom/" in text
        assert "Traceback (most recent call last)" in text and "ZeroDivisionError: chia cho 0 trong bao cao" in text
