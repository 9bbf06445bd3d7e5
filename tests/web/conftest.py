"""Shared personas and places for the web tests (also used by the dashboard tests).

Places: tỉnh Quảng Trị (45) › thị xã Quảng Trị (464) › Phường 1 (19501), Phường 2 (19502).
People: ``officer`` (canbo.phuong2, enters Phường 2's data), ``outsider`` (canbo.phuong1, an
officer of the other ward), ``reviewer`` (kiemtra.thixa, reviews the town and its wards),
``viewer`` (xem, reads the town), ``admin`` (quantri, administers the province).
Plans: ``ward_plan`` (Phường 2, 2020-2025, targets of seed 000) and ``town_plan``.
"""

from __future__ import annotations

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chitieu.web.settings")
django.setup()

from types import SimpleNamespace  # noqa: E402

import pytest  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402

from browser import ARGS, CHROMIUM  # noqa: E402

PASSWORD = "mat-khau-thu-nghiem-1"


def pytest_configure(config):
    # whitenoise warns that STATIC_ROOT is empty; tests serve static files from the apps
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # argon2 is slow on purpose; the tests create many users
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _background_work_at_once(settings):
    # Uploaded reports are read by the queue's worker; the tests of the queue itself
    # (test_imports_queue.py) switch back to the database queue and run the worker.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _vietnamese():
    # a request in English leaves English active in the thread; each test starts in Vietnamese
    from django.utils import translation

    translation.activate("vi")
    yield
    translation.deactivate()


@pytest.fixture
def catalogue(db):
    """The starter catalogue, loaded through the import action (as the demo does)."""
    from chitieu.web.catalog.actions import do_import_indicators
    from chitieu.web.catalog.files import starter_rows
    from chitieu.web.catalog.models import Indicator

    if not Indicator.objects.exists():
        do_import_indicators(starter_rows(), acting_user=None)
    return {i.code: i for i in Indicator.objects.all()}


@pytest.fixture
def places(db):
    from chitieu.web.units.models import AdministrativeUnit as U

    province = U.objects.create(code="45", name="Tỉnh Quảng Trị", level="tinh")
    town = U.objects.create(code="464", name="Thị xã Quảng Trị", level="thi_xa", parent=province)
    ward1 = U.objects.create(code="19501", name="Phường 1", level="phuong", parent=town)
    ward2 = U.objects.create(code="19502", name="Phường 2", level="phuong", parent=town)
    return SimpleNamespace(province=province, town=town, ward1=ward1, ward2=ward2)


def _person(username, unit, role, **extra):
    from chitieu.web.accounts.models import Membership

    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)
    if unit is not None:
        Membership.objects.create(user=user, unit=unit, role=role)
    return user


@pytest.fixture
def officer(places):
    return _person("canbo.phuong2", places.ward2, "officer")


@pytest.fixture
def outsider(places):
    return _person("canbo.phuong1", places.ward1, "officer")


@pytest.fixture
def reviewer(places):
    return _person("kiemtra.thixa", places.town, "reviewer")


@pytest.fixture
def viewer(places):
    return _person("xem", places.town, "viewer")


@pytest.fixture
def admin(places):
    return _person("quantri", places.province, "admin")


@pytest.fixture
def nobody(db):
    """Logged in, but a member of no unit."""
    return _person("khach", None, "")


WARD_TARGETS = [  # Phường 2, 2021-2025 (seed 000, lines 1098-1163)
    ("KT01", "tăng 19 - 21%/năm"),
    ("KT01.1", ""),
    ("KT04", "Đạt 85 triệu/người/năm"),
    ("KT05", "Đạt và vượt chỉ tiêu giao"),
    ("XH09", "100%"),
    ("XH06", "dưới 1,0%"),
    ("XH11", "80- 100 lao động"),
]


@pytest.fixture
def ward_plan(places, catalogue):
    from chitieu.web.plans.models import Plan, PlanTarget

    plan = Plan.objects.create(unit=places.ward2, base_year=2020, final_year=2025,
                               source="Nghị quyết Đại hội Đảng bộ phường 2 nhiệm kỳ 2020-2025")
    for order, (code, phrase) in enumerate(WARD_TARGETS, 1):
        PlanTarget.objects.create(plan=plan, indicator=catalogue[code], phrase=phrase, order=order)
    return plan


@pytest.fixture
def town_plan(places, catalogue):
    from chitieu.web.plans.models import Plan, PlanTarget

    plan = Plan.objects.create(unit=places.town, base_year=2020, final_year=2025,
                               source="Nghị quyết Đại hội Đảng bộ thị xã lần thứ VII")
    for order, (code, phrase) in enumerate([("KT01", "tăng 17-19%/năm"), ("XH09", "100%")], 1):
        PlanTarget.objects.create(plan=plan, indicator=catalogue[code], phrase=phrase, order=order)
    return plan


@pytest.fixture
def client_for(db):
    """``client_for(user)``: a test client logged in as ``user`` (Vietnamese UI)."""

    def make(user) -> Client:
        c = Client(HTTP_ACCEPT_LANGUAGE="vi")
        c.force_login(user)
        return c

    return make


@pytest.fixture
def api_for(db):
    """``api_for(user)``: a client whose requests carry a bearer token of ``user``."""
    from chitieu.web.accounts.models import ApiToken

    def make(user) -> Client:
        _token, raw = ApiToken.issue(user)
        return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")

    return make


@pytest.fixture
def browser():
    # Playwright's sync API runs an event loop in this thread; Django's ORM in the same thread
    # is then refused unless told that this test knows what it does.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def database_queue(settings):
    """Jobs go to the real database queue (run them with ``tests.web.jobs_helpers.run_jobs``)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def figures(ward_plan, places, officer, reviewer):
    """Phường 2's values: 2023 saved and approved (KT01 262 with its source, XH09 91,5), 2024 saved (KT01 1.234,5)."""
    from chitieu.web.values.actions import do_approve, do_save_values, do_submit

    do_save_values(places.ward2, ward_plan, 2023, [{"indicator": "KT01", "value": "262", "source": "Chi cục"},
                                                   {"indicator": "XH09", "value": "91,5"}], acting_user=officer)
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "1.234,5"}], acting_user=officer)
    do_approve(do_submit(places.ward2, ward_plan, 2023, acting_user=officer), acting_user=reviewer)
    return ward_plan
