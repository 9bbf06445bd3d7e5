"""The review that takes minutes (issue 12, item 8): statements grouped by section and table,
confident matches accepted beforehand, doubtful ones marked, noise folded away, a whole group
accepted, skipped or flipped in one audited action, no accept without an indicator, the match
and the kind explained, and a page that stays small for seed 000 and for 1.000 statements.

Seed 000 is the whole report of Phường 2 (1.600 lines, 171 statements).
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chitieu.core.targets import Bound, Op, parse_target
from chitieu.web.audit.models import AuditLog
from chitieu.web.imports import proposals
from chitieu.web.imports.models import ExtractedStatement, ImportedReport
from chitieu.web.plans.models import PlanTarget
from seeds import SEED_000 as SEED  # noqa: E402

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="seed 000 is not on this machine")

# What the review page of seed 000 weighed before the groups (one card per statement, the
# whole text beside them): 665.825 bytes. The bound leaves room for wording, not for cards.
PAGE_BOUND = 60_000


def _upload(client, unit, name, content):
    f = io.BytesIO(content)
    f.name = name
    return client.post(f"/units/{unit.pk}/reports/", {"file": f})


@pytest.fixture
def seed_report(client_for, admin, places, catalogue, ward_plan):
    response = _upload(client_for(admin), places.ward2, "bao-cao-phuong-2.txt", SEED.read_bytes())
    report = ImportedReport.objects.get()
    assert response.status_code == 302
    return report


def _one(report, line, **fields) -> ExtractedStatement:
    found = list(report.statements.filter(line=line, **fields))
    assert len(found) == 1, [(s.kind, s.indicator_text, s.low) for s in report.statements.filter(line=line)]
    return found[0]


def _group(client, report, key):
    return client.get(f"/reports/{report.pk}/groups/{key}/", HTTP_HX_REQUEST="true")


def _act(client, report, key, **data):
    return client.post(f"/reports/{report.pk}/groups/{key}/decide/", data, HTTP_HX_REQUEST="true")


# --- groups, confidence and noise ------------------------------------------------------------

def test_statements_are_grouped_by_the_section_heading_above_them(seed_report, client_for, admin):
    retail = _one(seed_report, 1102, kind="target")
    assert retail.section.startswith("2.1. Chỉ tiêu kinh tế") and retail.section_line < 1102
    page = client_for(admin).get(f"/reports/{seed_report.pk}/").content.decode()
    # one header per group, in the order of the text, no card before the group is opened
    assert page.count("<section id=\"g-") == len({s.group_key for s in seed_report.statements.all()})
    assert "<article" not in page and "2.1. Chỉ tiêu kinh tế" in page


def test_confident_matches_are_accepted_beforehand_and_would_import(seed_report, ward_plan, admin):
    from chitieu.web.imports.actions import do_import_report

    accepted = {(s.line, s.kind, s.indicator.code) for s in seed_report.statements.filter(decision="accepted")}
    assert (1102, "target", "KT01") in accepted  # tổng mức bán lẻ, 1,0
    assert (116, "result", "XH09") in accepted  # bảo hiểm y tế năm 2020, 0,92
    assert all(s.score >= proposals.CONFIDENT for s in seed_report.statements.filter(decision="accepted"))
    # one statement per indicator, kind and year; the doubtful ones wait for the officer
    doubtful = [s for s in seed_report.statements.all() if s.indicator_id and s.score < proposals.CONFIDENT]
    assert doubtful and all(s.decision == "pending" for s in doubtful)
    done = do_import_report(seed_report, ward_plan, acting_user=admin)
    assert done["targets"] == len([a for a in accepted if a[1] == "target"])
    assert PlanTarget.objects.get(plan=ward_plan, indicator__code="KT01").phrase == "tăng 19 - 21%/năm"


def test_noise_is_folded_away_and_doubtful_matches_are_marked(seed_report, client_for, admin):
    client = client_for(admin)
    noise = _one(seed_report, 17)  # "Phường 2 là một trong: 5 đơn vị"
    assert noise.noise == "no_match" and noise.indicator is None and noise.decision == "pending"
    fragment = _group(client, seed_report, noise.group_key).content.decode()
    # folded away: the group says how many, and their cards come only when the fold is opened
    folded = fragment.split('<details class="noise"', 1)[1]
    assert 'hx-trigger="toggle once"' in folded and f'id="st-{noise.pk}"' not in fragment
    unfolded = client.get(f"/reports/{seed_report.pk}/groups/{noise.group_key}/?part=noise",
                          HTTP_HX_REQUEST="true").content.decode()
    assert f'id="st-{noise.pk}"' in unfolded and "Phường 2 là một trong" in unfolded
    # a weak match (an indicator suggested below LOW) is marked on its card
    weak = next(s for s in seed_report.statements.order_by("line") if s.noise == "" and s.indicator_id
                and s.score < proposals.LOW)
    card = _group(client, seed_report, weak.group_key).content.decode()
    assert re.search(rf'id="st-{weak.pk}" class="[^"]*match-low', card) and "khớp yếu" in card


def test_a_statement_says_which_words_matched_and_why_its_kind(seed_report, client_for, admin):
    bhyt = _one(seed_report, 116, kind="result", low=94.1)
    assert bhyt.matched_words[:4] == ["người", "dân", "tham", "gia"]
    fragment = _group(client_for(admin), seed_report, bhyt.group_key).content.decode()
    card = fragment.split(f'id="st-{bhyt.pk}"', 1)[1].split("</article>", 1)[0]
    assert "khớp các từ: <b>người, dân, tham, gia, bảo, hiểm, y, tế" in card
    assert "Loại: " in card


# --- whole groups in one action -----------------------------------------------------------

def test_a_whole_group_is_accepted_in_one_action_with_its_audit_rows(seed_report, client_for, admin):
    client = client_for(admin)
    s = _one(seed_report, 1148, kind="target")  # giảm hộ nghèo, in 2.2. Chỉ tiêu văn hóa – xã hội
    group = list(seed_report.statements.filter(section_line=s.section_line, in_table=s.in_table))
    with_indicator = [x for x in group if x.indicator_id]
    before = sum(1 for x in with_indicator if x.decision == "accepted")
    response = _act(client, seed_report, s.group_key, decision="accepted")
    assert response.status_code == 200 and f'id="g-{s.group_key}"' in response.content.decode()
    after = {x.pk: x.decision for x in seed_report.statements.filter(section_line=s.section_line)}
    assert all(after[x.pk] == "accepted" for x in with_indicator)
    assert all(after[x.pk] == x.decision for x in group if not x.indicator_id)  # never without an indicator
    rows = AuditLog.objects.filter(action="report.review", detail__group=s.group_key)
    assert rows.count() == len(with_indicator) - before
    summary = AuditLog.objects.get(action="report.review_group")
    assert summary.detail["left"] == len(group) - len(with_indicator) and summary.actor == admin


def test_a_whole_group_is_skipped_in_one_action(seed_report, client_for, admin):
    s = _one(seed_report, 17)
    _act(client_for(admin), seed_report, s.group_key, decision="rejected")
    assert set(seed_report.statements.filter(section_line=s.section_line).values_list("decision", flat=True)) == {
        "rejected"}


def test_the_kind_of_one_statement_or_a_group_is_flipped_in_one_click(seed_report, client_for, admin):
    client = client_for(admin)
    bhyt = _one(seed_report, 116, kind="result", low=94.1)
    r = client.post(f"/reports/{seed_report.pk}/statements/{bhyt.pk}/flip/", HTTP_HX_REQUEST="true")
    bhyt.refresh_from_db()
    assert r.status_code == 200 and (bhyt.kind, bhyt.read_kind) == ("target", "result")
    assert bhyt.phrase and parse_target(bhyt.phrase).bound == Bound(Op.EQ, 94.1, 94.1)
    assert "(đã đổi)" in r.content.decode()
    flip = AuditLog.objects.get(action="report.flip_kind", object_id=str(bhyt.pk))
    assert (flip.old, flip.new, flip.actor) == ("result", "target", admin)
    # a whole group of targets read as results in one click
    target = _one(seed_report, 1102, kind="target")
    members = seed_report.statements.filter(section_line=target.section_line, in_table=target.in_table)
    _act(client, seed_report, target.group_key, do="flip")
    assert set(members.values_list("kind", flat=True)) == {"result"}
    assert AuditLog.objects.filter(action="report.flip_kind", detail__group=target.group_key).count() == members.count()


# --- no accept without an indicator -------------------------------------------------------

def test_a_statement_without_an_indicator_cannot_be_accepted(seed_report, client_for, admin):
    noise = _one(seed_report, 17)
    r = client_for(admin).post(f"/reports/{seed_report.pk}/statements/{noise.pk}/", {"decision": "accepted"},
                               HTTP_HX_REQUEST="true")
    assert r.status_code == 400
    assert "Dòng 17 (“Phường 2 là một trong”): chưa chọn chỉ tiêu trong danh mục nên chưa nhận được" in r.content.decode()
    noise.refresh_from_db()
    assert noise.decision == "pending" and not AuditLog.objects.filter(action="report.review").exists()
    # nor by taking the indicator away from an accepted one
    bhyt = _one(seed_report, 116, kind="result", low=94.1)
    assert client_for(admin).post(f"/reports/{seed_report.pk}/statements/{bhyt.pk}/", {"indicator": ""},
                                  HTTP_HX_REQUEST="true").status_code == 400
    bhyt.refresh_from_db()
    assert bhyt.indicator.code == "XH09"


def test_the_refusal_is_english_on_an_english_page(seed_report, client_for, admin):
    noise = _one(seed_report, 17)
    client = client_for(admin)
    r = client.post(f"/reports/{seed_report.pk}/statements/{noise.pk}/", {"decision": "accepted"},
                    HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en")
    assert "no catalogue indicator is chosen, so it cannot be accepted" in r.content.decode()


def test_the_lines_an_import_refused_are_skipped_in_one_action(seed_report, client_for, admin, ward_plan):
    from chitieu.web.values.models import Value

    client = client_for(admin)
    defence = _one(seed_report, 168, kind="result")  # "giao quân đạt chỉ tiêu trên giao": no number
    _act(client, seed_report, defence.group_key, decision="accepted")
    refused = client.post(f"/reports/{seed_report.pk}/import/", {"plan": ward_plan.pk, "default_year": "2020"})
    page = refused.content.decode()
    assert refused.status_code == 400 and "Dòng 168 (“giao quân đạt chỉ tiêu trên giao”): không có số để nhập" in page
    ids = re.findall(r'name="statement" value="(\d+)"', page)
    assert ids == [str(defence.pk)] and not Value.objects.exists()
    client.post(f"/reports/{seed_report.pk}/skip/", {"statement": ids})
    defence.refresh_from_db()
    assert defence.decision == "rejected"
    assert AuditLog.objects.filter(action="report.review", object_id=str(defence.pk)).count() == 2
    assert client.post(f"/reports/{seed_report.pk}/import/", {"plan": ward_plan.pk, "default_year": "2020"}).status_code == 302
    assert sorted(Value.objects.values_list("indicator__code", "value")) == [
        ("QP03", Decimal("1")), ("XH09", Decimal("94.1"))]


# --- size and speed -----------------------------------------------------------------------

def test_the_review_page_of_seed_000_is_small_and_takes_few_queries(seed_report, client_for, admin):
    client = client_for(admin)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/reports/{seed_report.pk}/")
    assert page.status_code == 200 and seed_report.statements.count() > 150
    assert len(page.content) < PAGE_BOUND, len(page.content)
    assert len(queries) <= 15, [q["sql"][:80] for q in queries.captured_queries]


def test_a_report_of_1000_statements_keeps_the_page_and_its_groups_small(client_for, admin, places, catalogue,
                                                                        ward_plan):
    lines = []
    for part in range(20):
        lines.append(f"{part + 1}. KẾT QUẢ LĨNH VỰC THỨ {part + 1} NĂM 2024")
        lines += [f"Tỷ lệ người dân tham gia bảo hiểm y tế khu vực {part}-{i} năm 2024 đạt {80 + i % 20},{i % 10}%."
                  for i in range(50)]
    client = client_for(admin)
    _upload(client, places.ward2, "nghin-dong.txt", ("\n".join(lines) + "\n").encode())
    report = ImportedReport.objects.get()
    assert report.statements.count() == 1000
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/reports/{report.pk}/")
    assert len(page.content) < PAGE_BOUND and len(queries) <= 15
    key = report.statements.first().group_key
    with CaptureQueriesContext(connection) as queries:
        fragment = _group(client, report, key)
    # 25 cards at once, and a button for the 25 others
    assert fragment.status_code == 200 and fragment.content.count(b"<article") == 25
    assert "Xem thêm 25 dòng" in fragment.content.decode()
    assert len(queries) <= 10, [q["sql"][:80] for q in queries.captured_queries]
    more = client.get(f"/reports/{report.pk}/groups/{key}/?page=2", HTTP_HX_REQUEST="true").content
    assert more.count(b"<article") == 25 and b"Xem th\xc3\xaam" not in more and b'<section' not in more
    with CaptureQueriesContext(connection) as queries:
        _act(client, report, key, decision="rejected")
    assert report.statements.filter(decision="rejected").count() == 50  # the 25 not shown too
    assert len(queries) <= 80  # a row and its audit row per statement, no query per card


def _biggest_group(report) -> str:
    sizes: dict[str, int] = {}
    for s in report.statements.all():
        sizes[s.group_key] = sizes.get(s.group_key, 0) + 1
    return max(sizes, key=sizes.get)


GROUP_BOUND = 40_000  # the biggest group of seed 000 (35 statements) weighed 100.027 bytes as full cards


def test_the_biggest_group_of_seed_000_opens_light(seed_report, client_for, admin):
    client = client_for(admin)
    key = _biggest_group(seed_report)
    members = list(seed_report.statements.filter(section_line=int(key.split("-")[0]), in_table=key.endswith("-1"))
                   .order_by("position"))
    read = [s for s in members if not s.noise]
    assert len(members) == 35 and len(read) == 24
    fragment = _group(client, seed_report, key)
    body = fragment.content.decode()
    assert fragment.status_code == 200 and len(fragment.content) < GROUP_BOUND, len(fragment.content)
    # the statements read as statements, in the order of the text; the 11 noise lines folded away
    shown = [int(pk) for pk in re.findall(r'<article id="st-(\d+)"', body)]
    assert shown == [s.pk for s in read] and "Xem thêm" not in body
    assert "11 dòng nhiễu" in body
    # a light card: what was read and what it matched, decided in one click, its full form on "Sửa"
    card = body.split(f'id="st-{read[0].pk}"', 1)[1].split("</article>", 1)[0]
    assert 'name="decision" value="accepted"' in card and "Sửa" in card and '<select name="indicator">' not in card
    assert "khớp các từ" in card and read[0].indicator.code in card
    full = client.get(f"/reports/{seed_report.pk}/statements/{read[0].pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert full.lstrip().startswith(f'<article id="st-{read[0].pk}"') and '<select name="indicator">' in full


def test_bulk_accept_of_the_biggest_group_still_accepts_all_its_statements(seed_report, client_for, admin):
    client = client_for(admin)
    key = _biggest_group(seed_report)
    group = seed_report.statements.filter(section_line=int(key.split("-")[0]), in_table=key.endswith("-1"))
    with_indicator = [s.pk for s in group if s.indicator_id]
    assert len(with_indicator) == 24  # the 11 noise lines have none (a group of 50 pages: see the 1.000 test)
    response = _act(client, seed_report, key, decision="accepted")
    assert response.status_code == 200 and len(response.content) < GROUP_BOUND
    decided = dict(group.values_list("pk", "decision"))
    assert [pk for pk in with_indicator if decided[pk] != "accepted"] == []
    assert all(decided[s.pk] == "pending" for s in group if not s.indicator_id)  # never without an indicator
    # and the whole group is skipped or flipped as well
    _act(client, seed_report, key, decision="rejected")
    assert set(group.values_list("decision", flat=True)) == {"rejected"}
    _act(client, seed_report, key, do="flip")
    assert set(group.values_list("kind", flat=True)) == {"target"}


def test_a_light_card_decides_and_answers_with_a_light_card(seed_report, client_for, admin):
    client = client_for(admin)
    bhyt = _one(seed_report, 116, kind="result", low=94.1)
    r = client.post(f"/reports/{seed_report.pk}/statements/{bhyt.pk}/", {"decision": "rejected", "light": "1",
                                                                          "value": "94,1"}, HTTP_HX_REQUEST="true")
    fragment = r.content.decode()
    assert r.status_code == 200 and "decision-rejected" in fragment and '<select name="indicator">' not in fragment
    bhyt.refresh_from_db()
    assert (bhyt.decision, bhyt.value) == ("rejected", Decimal("94.1"))
    # a refusal comes back with the full form, so that an indicator can be chosen there
    noise = _one(seed_report, 17)
    refused = client.post(f"/reports/{seed_report.pk}/statements/{noise.pk}/", {"decision": "accepted", "light": "1"},
                          HTTP_HX_REQUEST="true")
    assert refused.status_code == 400 and '<select name="indicator">' in refused.content.decode()


# --- a bound is core's Bound, not text parsed back ------------------------------------------

def test_the_bound_is_cores_bound_and_written_in_cores_words():
    assert proposals.statement_bound(">", 80.0, None) == Bound(Op.GT, 80.0, None)
    assert proposals.statement_bound("qualitative", None, None) is None
    assert proposals.written_bound("range", 19.0, 21.0, "%", True) == "19-21%/năm"
    assert proposals.written_bound(">", 80.0, None, "%", False) == "trên 80%"
    # the report's own words are kept when they say the same bound
    assert proposals.proposed_phrase("Tổng mức bán lẻ", "Tổng mức bán lẻ tăng 19 - 21%/năm", "range", 19.0, 21.0,
                                     "%", True) == "tăng 19 - 21%/năm"
    assert proposals.proposed_value(">=", 85.0, None) == Decimal("85.0")


# --- who may do what -----------------------------------------------------------------------

@pytest.mark.parametrize("who", ["outsider", "nobody", "viewer"])
def test_the_group_and_flip_actions_are_refused_to_others(request, seed_report, client_for, who):
    client = client_for(request.getfixturevalue(who))
    s = _one(seed_report, 17)
    expected = 403 if who == "viewer" else 404
    assert _act(client, seed_report, s.group_key, decision="rejected").status_code == expected
    assert client.post(f"/reports/{seed_report.pk}/statements/{s.pk}/flip/").status_code == expected
    assert client.post(f"/reports/{seed_report.pk}/skip/", {"statement": [s.pk]}).status_code == expected
    if who != "viewer":
        assert _group(client, seed_report, s.group_key).status_code == 404
    assert not AuditLog.objects.filter(action__in=["report.review", "report.review_group", "report.flip_kind"]).exists()


# --- ratings and ranks read from a table land as option and rank values ----------------------

def test_a_rating_and_a_rank_read_from_a_table_are_imported_as_the_option_and_the_rank(
        client_for, admin, places, catalogue, ward_plan):
    from chitieu.web.imports.actions import do_import_report
    from chitieu.web.values.models import Value

    for order, code in enumerate(("CC08", "CC09"), 90):
        PlanTarget.objects.create(plan=ward_plan, indicator=catalogue[code], phrase="Tốt" if code == "CC08" else "thứ 3",
                                  order=order)
    table = "\n".join([
        "KẾT QUẢ CẢI CÁCH HÀNH CHÍNH NĂM 2024",
        "",
        "| STT | Chỉ tiêu | ĐVT | Kế hoạch 2024 | Thực hiện 2024 | Đánh giá |",
        "|---|---|---|---|---|---|",
        "| 1 | Xếp loại chỉ số cải cách hành chính (PAR INDEX) | | Xếp loại Tốt | Xếp loại Khá | Không đạt |",
        "| 2 | Thứ hạng chỉ số cải cách hành chính (PAR INDEX) | | Nằm trong tốp 3 | Xếp thứ 5/9 | Không đạt |",
        "| 3 | Chỉ số hài lòng của người dân | % | Trên 80% | Đang cập nhật | |",
    ]) + "\n"
    client = client_for(admin)
    _upload(client, places.ward2, "cchc-2024.md", table.encode())
    report = ImportedReport.objects.get()
    rating = report.statements.get(kind="result", unit="xếp loại Khá")
    rank = report.statements.get(kind="result", unit="hạng")
    assert (rank.low, rank.year, rank.compared_target) == (5, 2024, {"op": "<=", "low": None, "high": 3})
    assert not report.statements.filter(kind="result", line=7).exists()  # "Đang cập nhật": no figure
    for s, code in ((rating, "CC08"), (rank, "CC09")):
        client.post(f"/reports/{report.pk}/statements/{s.pk}/", {"indicator": code, "decision": "accepted"},
                    HTTP_HX_REQUEST="true")
    report.statements.exclude(pk__in=[rating.pk, rank.pk]).update(decision="rejected")
    done = do_import_report(report, ward_plan, acting_user=admin)
    assert done["values"] == 2
    stored = dict(Value.objects.values_list("indicator__code", "value"))
    assert stored == {"CC08": Decimal("2"), "CC09": Decimal("5")}  # Khá is the second of Tốt, Khá, …
