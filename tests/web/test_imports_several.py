"""Several reports in one upload (issue 12, "the web import accepts several files at once"):
all stored and read, or none when one is refused, naming it."""

from __future__ import annotations

import io

from chitieu.web.imports.models import ImportedReport

WARD_2023 = ("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2023\n"
             "Tổng thu ngân sách nhà nước trên địa bàn năm 2023 ước đạt 19,5 tỷ đồng, tăng 12% so với cùng kỳ.\n"
             "Tỷ lệ hộ nghèo còn 0,8%, giảm 0,3% so với năm 2022.\n").encode()
WARD_2024 = ("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024\n"
             "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước đạt 1.250 tỷ đồng, tăng 15,2% so với năm 2023.\n").encode()


def _file(name, content):
    f = io.BytesIO(content)
    f.name = name
    return f


def test_two_reports_in_one_upload_are_both_stored_and_read(client_for, officer, places, catalogue, ward_plan):
    client = client_for(officer)
    response = client.post(f"/units/{places.ward2.pk}/reports/",
                           {"file": [_file("bao-cao-2023.txt", WARD_2023), _file("bao-cao-2024.txt", WARD_2024)]})
    assert response.status_code == 302 and response["Location"] == f"/units/{places.ward2.pk}/reports/"
    reports = {r.file_name: r for r in ImportedReport.objects.all()}
    assert set(reports) == {"bao-cao-2023.txt", "bao-cao-2024.txt"}
    assert all(r.status == ImportedReport.State.DRAFT for r in reports.values()), [r.status for r in reports.values()]
    lows = sorted(float(s.low) for s in reports["bao-cao-2023.txt"].statements.all() if s.low is not None)
    assert 19.5 in lows and 0.8 in lows
    assert 1250.0 in [float(s.low) for s in reports["bao-cao-2024.txt"].statements.all() if s.low is not None]
    page = client.get(response["Location"]).content.decode()
    assert "Đã nhận 2 tệp (bao-cao-2023.txt, bao-cao-2024.txt)" in page


def test_one_refused_file_refuses_the_whole_upload_and_is_named(client_for, officer, places, catalogue, ward_plan):
    client = client_for(officer)
    response = client.post(f"/units/{places.ward2.pk}/reports/",
                           {"file": [_file("bao-cao-2023.txt", WARD_2023), _file("bang-tinh.exe", b"MZ\x90\x00")]})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Tệp “bang-tinh.exe”: định dạng “.exe” không được hỗ trợ" in page and "Không tệp nào được lưu." in page
    assert not ImportedReport.objects.exists()


def test_more_than_twenty_files_are_refused_with_the_limit(client_for, officer, places, catalogue, ward_plan):
    client = client_for(officer)
    files = [_file(f"bao-cao-{k}.txt", WARD_2023 + str(k).encode()) for k in range(21)]
    response = client.post(f"/units/{places.ward2.pk}/reports/", {"file": files})
    assert response.status_code == 400 and "Tối đa 20 tệp một lần (đã chọn 21)." in response.content.decode()
    assert not ImportedReport.objects.exists()


def test_the_refusal_is_in_english_for_an_english_page(client_for, officer, places, catalogue, ward_plan):
    client = client_for(officer)
    response = client.post(f"/units/{places.ward2.pk}/reports/",
                           {"file": [_file("a.txt", WARD_2023), _file("b.exe", b"MZ")]}, HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 400 and "File “b.exe”: the format" in page and "No file was stored." in page
