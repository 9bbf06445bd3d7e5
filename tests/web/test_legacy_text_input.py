"""Text typed or pasted in a legacy Vietnamese encoding (TCVN3 from a .VnTime document, VNI)
is stored as Unicode NFC wherever it enters: the entry sheet's notes, a plan's target phrase."""

from __future__ import annotations

from chitieu.web.plans.models import PlanTarget
from chitieu.web.values.models import Value

TCVN3_NOTE = "Sè liÖu cña Chi côc Thèng kª"  # "Số liệu của Chi cục Thống kê" as a .VnTime run pastes
VNI_PHRASE = "taêng bình quaân 19-21%/naêm"  # "tăng bình quân 19-21%/năm" typed with a VNI font


def test_a_note_pasted_from_a_vntime_document_is_stored_in_unicode(ward_plan, places, officer, client_for):
    r = client_for(officer).post(f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/entry/2024/",
                                 {"v-XH09": "97,5", "s-XH09": "chinh_thuc", "n-XH09": TCVN3_NOTE})
    assert r.status_code == 302
    assert Value.objects.get(unit=places.ward2, indicator__code="XH09", year=2024).note == "Số liệu của Chi cục Thống kê"


def test_a_target_phrase_typed_with_a_vni_font_is_read_as_unicode(ward_plan, admin, client_for):
    from chitieu.web.plans.actions import do_set_target

    target = ward_plan.targets.get(indicator__code="KT01")
    do_set_target(ward_plan, target.indicator, VNI_PHRASE, acting_user=admin)
    stored = PlanTarget.objects.get(pk=target.pk)
    assert stored.phrase == "tăng bình quân 19-21%/năm" and stored.parsed() is not None


def test_unicode_text_with_latin_letters_is_left_as_typed(ward_plan, places, officer, client_for):
    note = "Café Ông Bảy, PHÊ DUYỆT 2024 — nguồn: Cục Thống kê"
    client_for(officer).post(f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/entry/2024/",
                             {"v-XH09": "97,5", "s-XH09": "chinh_thuc", "n-XH09": note})
    assert Value.objects.get(unit=places.ward2, indicator__code="XH09", year=2024).note == note
