"""Reading plan targets: every key target of the three seed plans, read as its structure.

Seeds: 000 (Phường 2, 2021-2025 targets, lines 1098-1163), 002 (Thị xã Quảng Trị, 2025-2030
targets at lines 2336-2370, and the "Chỉ tiêu Đại hội VII" column of Phụ lục 1, lines
3512-3860), 004 (Phường Trần Phú, the 21 targets of 2026-2030, lines 185-206). Compound
items are split into their single target phrases, as the extractor hands them over.
"""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu.core.numbers import format_number
from chitieu.core.targets import Bound, Form, Horizon, Op, TargetParseError, parse_target

END, EACH, AVG, CUM = Horizon.END_OF_TERM, Horizon.EACH_YEAR, Horizon.AVERAGE, Horizon.CUMULATIVE
LEVEL, GROWTH, CHANGE, MULTIPLE = Form.LEVEL, Form.GROWTH, Form.CHANGE, Form.MULTIPLE
STRUCTURE, QUALITATIVE = Form.STRUCTURE, Form.QUALITATIVE


def want(form, op, low=None, high=None, unit=None, horizon=END, *, decrease=False, points=False,
         year=None, base_year=None, parts=()):
    if op is Op.EQ:
        high = low
    elif op in (Op.LT, Op.LE):
        low, high = None, low
    return dict(form=form, op=op, low=low, high=high, unit=unit, horizon=horizon, decrease=decrease,
                points=points, year=year, base_year=base_year, parts=tuple(parts))


def qualitative(year=None):
    return want(QUALITATIVE, Op.QUALITATIVE, year=year)


def read(t):
    return dict(form=t.form, op=t.op, low=t.bound.low, high=t.bound.high, unit=t.unit,
                horizon=t.horizon, decrease=t.decrease, points=t.points, year=t.year,
                base_year=t.base_year,
                parts=tuple((p.name, p.bound.op, p.bound.low, p.bound.high) for p in t.parts))


# (id, phrase, indicator kind, expected)
SEED_000 = [
    ("000-1-ban-le", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tăng 19 - 21%/năm", None,
     want(GROWTH, Op.RANGE, 19, 21, "%", AVG)),
    ("000-2-cn-ttcn", "Giá trị sản xuất công nghiệp, tiểu thủ công nghiệp tăng 18 - 20%/năm", None,
     want(GROWTH, Op.RANGE, 18, 20, "%", AVG)),
    ("000-3-nong-nghiep", "Giá trị sản xuất nông nghiệp hằng năm tăng từ 2 - 4%/năm", None,
     want(GROWTH, Op.RANGE, 2, 4, "%", AVG)),
    ("000-4-thu-ngan-sach",
     "Thu ngân sách và các khoản thu có giao kế hoạch: Đạt và vượt chỉ tiêu giao.", None, qualitative()),
    ("000-5-thu-nhap", "Phấn đấu thu nhập bình quân đầu người đến năm 2025: Đạt 85 triệu/ người/năm.",
     None, want(LEVEL, Op.EQ, 85, unit="triệu đồng/người/năm", year=2025)),
    ("000-6a-pho-cap", "Duy trì phường đạt chuẩn phổ cập Giáo dục các bậc học.", None, qualitative()),
    ("000-6b-mam-non", "Huy động trẻ vào trường mầm non trên 70%", "rate", want(LEVEL, Op.GT, 70, unit="%")),
    ("000-6c-mau-giao-5-tuoi", "mẫu giáo 5 tuổi 100%", "rate", want(LEVEL, Op.EQ, 100, unit="%")),
    ("000-6d-tre-6-tuoi", "Giữ vững mục tiêu 100% trẻ 6 tuổi vào lớp 1", "rate",
     want(LEVEL, Op.EQ, 100, unit="%")),
    ("000-6e-hoan-thanh-tieu-hoc",
     "100% trẻ trong độ tuổi quy định hoàn thành chương trình tiểu học và tốt nghiệp THCS", "rate",
     want(LEVEL, Op.EQ, 100, unit="%")),
    ("000-6f-phu-hop-tre-em", "Phường đạt chuẩn các tiêu chí phường phù hợp với trẻ em.", None,
     qualitative()),
    ("000-7a-truong-chuan",
     "Duy trì trường Mầm non Thành Cổ và trường TH&THCS Lý Tự Trọng đạt chuẩn quốc gia.", None,
     qualitative()),
    ("000-7b-muc-do-2",
     "Phấn đấu xây dựng trường TH&THCS Lý Tự Trọng đạt chuẩn quốc gia mức độ 2.", None, qualitative()),
    ("000-8-y-te", "Giữ vững phường đạt chuẩn quốc gia về y tế.", None, qualitative()),
    ("000-9a-tiem-phong", "100 % trẻ em được tiêm phòng", "rate", want(LEVEL, Op.EQ, 100, unit="%")),
    ("000-9b-vitamin-a", "100 % từ 0 - 36 tháng tuổi được uống vitamin A", "rate",
     want(LEVEL, Op.EQ, 100, unit="%")),
    ("000-10-suy-dinh-duong",
     "Giảm tỷ lệ suy dinh dưỡng trẻ em dưới 5 tuổi năm 2025 còn dưới 6%.", "rate",
     want(LEVEL, Op.LT, 6, unit="%", year=2025)),
    ("000-11a-khu-pho",
     "Phấn đấu xây dựng từ 1-2 khu phố không có người sinh con thứ 3 trở lên.", "count",
     want(LEVEL, Op.RANGE, 1, 2, "khu phố")),
    ("000-11b-con-thu-3",
     "Phấn đấu giảm tỷ lệ sinh con thứ 3 trở lên đến năm 2025 xuống dưới 13%.", "rate",
     want(LEVEL, Op.LT, 13, unit="%", year=2025)),
    ("000-12a-danh-hieu", "Giữ vững danh hiệu khu phố, cơ quan đơn vị văn hoá", None, qualitative()),
    ("000-12b-gia-dinh-van-hoa",
     "Phấn đấu đến năm 2025 có 99% số hộ gia đình được công nhận gia đình văn hoá", "rate",
     want(LEVEL, Op.EQ, 99, unit="%", year=2025)),
    ("000-12c-van-minh", "phường đạt chuẩn văn minh đô thị.", None, qualitative()),
    ("000-13-ho-ngheo",
     "Giảm hộ nghèo còn dưới 1,0% so với tổng số hộ dân vào cuối năm 2025 theo chuẩn mới áp dụng "
     "cho giai đoạn 2011 – 2025", "rate",
     want(LEVEL, Op.LT, 1.0, unit="%", year=2025)),
    ("000-14-viec-lam", "Giải quyết việc làm hàng năm: 80- 100 lao động", "count",
     want(LEVEL, Op.RANGE, 80, 100, "lao động", EACH)),
    ("000-15a-quoc-phong", "Thực hiện tốt công tác quốc phòng – quân sự ở địa phương", None,
     qualitative()),
    ("000-15b-giao-quan", "giao quân đạt chỉ tiêu trên giao.", None, qualitative()),
    ("000-16-an-ninh",
     "Giữ vững ANCT – TTATXH, phấn đấu không có tai nạn, tệ nạn xã hội nghiêm trọng xảy ra trên địa bàn.",
     None, qualitative()),
]

SEED_002 = [
    ("002-1-tang-truong", "Tốc độ tăng tổng giá trị sản phẩm: 9,7%/năm", None,
     want(GROWTH, Op.EQ, 9.7, unit="%", horizon=AVG)),
    ("002-2-co-cau",
     "Cơ cấu tổng giá trị sản phẩm đến năm 2030: dịch vụ 67-68%; công nghiệp xây dựng 29-30%; "
     "nông nghiệp 3-4%", "share",
     want(STRUCTURE, Op.QUALITATIVE, unit="%", year=2030, parts=[
         ("dịch vụ", Op.RANGE, 67, 68), ("công nghiệp xây dựng", Op.RANGE, 29, 30),
         ("nông nghiệp", Op.RANGE, 3, 4)])),
    ("002-3a-ban-le",
     "Tổng mức bán lẻ hàng hóa và doanh thu ngành dịch vụ tiêu dùng, du lịch tăng bình quân 15-16%/năm.",
     "flow", want(GROWTH, Op.RANGE, 15, 16, "%", AVG)),
    ("002-3b-trong-do-ban-le", "Trong đó: Doanh thu bán lẻ hàng hóa tăng 14-15%/năm", "flow",
     want(GROWTH, Op.RANGE, 14, 15, "%", AVG)),
    ("002-4a-cn-xd", "Giá trị sản xuất ngành công nghiệp - xây dựng tăng 7-8%/năm.", "flow",
     want(GROWTH, Op.RANGE, 7, 8, "%", AVG)),
    ("002-4b-cong-nghiep", "Trong đó: Giá trị sản xuất ngành công nghiệp tăng 7-8%/năm", "flow",
     want(GROWTH, Op.RANGE, 7, 8, "%", AVG)),
    ("002-5-nong-lam-thuy-san", "Giá trị sản xuất nông - lâm - thủy sản tăng 2-3%/năm", "flow",
     want(GROWTH, Op.RANGE, 2, 3, "%", AVG)),
    ("002-6-thu-nhap", "Thu nhập bình quân đầu người đến năm 2030: 120 -125 triệu đồng.", "level",
     want(LEVEL, Op.RANGE, 120, 125, "triệu đồng", year=2030)),
    ("002-7a-thu-ngan-sach", "Thu ngân sách nhà nước trên địa bàn tăng khoảng 9-10%/năm", "flow",
     want(GROWTH, Op.RANGE, 9, 10, "%", AVG)),
    ("002-7b-thue-phi", "trong đó thu từ thuế, phí tăng 9-10%/năm", "flow",
     want(GROWTH, Op.RANGE, 9, 10, "%", AVG)),
    ("002-8-von-dau-tu",
     "Vốn đầu tư nguồn NSNN do địa phương quản lý và thực hiện giai đoạn 2025 - 2030: 450 - 470 tỷ đồng",
     "flow", want(LEVEL, Op.RANGE, 450, 470, "tỷ đồng", CUM, year=2030)),
    ("002-9a-ho-ngheo", "Bình quân hàng năm giảm ít nhất 6 hộ nghèo", "count",
     want(CHANGE, Op.GE, 6, unit="hộ", horizon=AVG, decrease=True)),
    ("002-9b-ho-can-ngheo", "Bình quân hàng năm giảm ít nhất 12 hộ cận nghèo", "count",
     want(CHANGE, Op.GE, 12, unit="hộ", horizon=AVG, decrease=True)),
    ("002-10-bhyt", "Tỷ lệ người dân tham gia BHYT đến năm 2030: 100%", "rate",
     want(LEVEL, Op.EQ, 100, unit="%", year=2030)),
    ("002-11-tiem-chung",
     "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin theo quy định của Bộ Y tế: 100%",
     "rate", want(LEVEL, Op.EQ, 100, unit="%")),
    ("002-12a-truong-chuan", "Đến năm 2030, có 100% trường công lập đạt chuẩn quốc gia", "rate",
     want(LEVEL, Op.EQ, 100, unit="%", year=2030)),
    ("002-12b-muc-do-2", "trong đó có 50% trường đạt mức độ 2.", "rate", want(LEVEL, Op.EQ, 50, unit="%")),
    ("002-13-chat-thai", "Hàng năm, tỷ lệ chất thải rắn được thu gom, xử lý đạt 100%", "rate",
     want(LEVEL, Op.EQ, 100, unit="%", horizon=EACH)),
    ("002-14a-van-minh", "Đến năm 2030: có 100% phường đạt chuẩn đô thị văn minh", "rate",
     want(LEVEL, Op.EQ, 100, unit="%", year=2030)),
    ("002-14b-nong-thon-moi",
     "duy trì, nâng cao chất lượng các tiêu chí nông thôn mới nâng cao ở xã Hải Lệ.", None, qualitative()),
    ("002-15-par-index", "Chỉ số cải cách hành chính (PAR INDEX) được xếp loại tốt.", None, qualitative()),
    ("002-16-hoc-tap-nghi-quyet",
     "Hàng năm có trên 90% cán bộ, đảng viên tham gia học tập, quán triệt các chỉ thị, nghị quyết, "
     "kết luận của Đảng nghiêm túc, chất lượng, hiệu quả.", "rate",
     want(LEVEL, Op.GT, 90, unit="%", horizon=EACH)),
    ("002-17-ket-nap", "Phấn đấu hằng năm kết nạp đảng viên đạt 3% trên tổng số đảng viên của Đảng bộ.",
     "rate", want(LEVEL, Op.EQ, 3, unit="%", horizon=EACH)),
    ("002-18a-to-chuc-co-so-dang",
     "Tỷ lệ tổ chức cơ sơ đảng hoàn thành tốt nhiệm vụ hằng năm từ 88% trở lên", "rate",
     want(LEVEL, Op.GE, 88, unit="%", horizon=EACH)),
    ("002-18b-dang-vien", "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ hằng năm từ 96% trở lên", "rate",
     want(LEVEL, Op.GE, 96, unit="%", horizon=EACH)),
    ("002-19a-kiem-tra-to-chuc",
     "Kiểm tra, giám sát chuyên đề tối thiểu 15% trên tổng số tổ chức cơ sở đảng", "rate",
     want(LEVEL, Op.GE, 15, unit="%")),
    ("002-19b-kiem-tra-dang-vien",
     "tỷ lệ đảng viên được kiểm tra, giám sát chuyên đề 10% trên tổng số đảng viên toàn đảng bộ", "rate",
     want(LEVEL, Op.EQ, 10, unit="%")),
    ("002-19c-dau-hieu-vi-pham", "kiểm tra 100% tổ chức, đảng viên khi có dấu hiệu vi phạm", "rate",
     want(LEVEL, Op.EQ, 100, unit="%")),
]

# The "Chỉ tiêu Đại hội VII" column of Phụ lục 1: the indicator and its unit are in other cells.
SEED_002_APPENDIX = [
    ("002-pl1-ban-le", "17-19%/năm", "flow", want(GROWTH, Op.RANGE, 17, 19, "%", AVG)),
    ("002-pl2-cn-xd", "10-11%/năm", "flow", want(GROWTH, Op.RANGE, 10, 11, "%", AVG)),
    ("002-pl3-nong-lam", "4-5%/năm", "flow", want(GROWTH, Op.RANGE, 4, 5, "%", AVG)),
    ("002-pl4-thu-nhap", "1,4 - 1,5 lần (85-90 triệu)", "level", want(MULTIPLE, Op.RANGE, 1.4, 1.5, "lần")),
    ("002-pl5-thu-ngan-sach", "8-9%/năm", "flow", want(GROWTH, Op.RANGE, 8, 9, "%", AVG)),
    ("002-pl6-von-xdcb", "Giai đoạn 2021 - 2025: 550-600 tỷ", "flow",
     want(LEVEL, Op.RANGE, 550, 600, "tỷ đồng", CUM, year=2025)),
    ("002-pl7-doanh-nghiep", "10-15 DN/năm", "count", want(LEVEL, Op.RANGE, 10, 15, "doanh nghiệp", EACH)),
    ("002-pl8-ho-ngheo", "Giảm 12-15 hộ/năm", "count",
     want(CHANGE, Op.RANGE, 12, 15, "hộ", EACH, decrease=True)),
    ("002-pl9-bhyt", "100", "rate", want(LEVEL, Op.EQ, 100)),
    ("002-pl10.1-nha-tre", "70-75", "rate", want(LEVEL, Op.RANGE, 70, 75)),
    ("002-pl10.2-mau-giao", ">98%", "rate", want(LEVEL, Op.GT, 98, unit="%")),
    ("002-pl10.3-pho-cap-trung-hoc", "Trước năm 2023", "boolean", qualitative(year=2022)),
    ("002-pl11.1-viec-lam", "350-400/năm", "count", want(LEVEL, Op.RANGE, 350, 400, None, EACH)),
    ("002-pl11.1-xuat-khau-lao-dong", "20", "count", want(LEVEL, Op.EQ, 20)),
    ("002-pl11.2-lao-dong-dao-tao", "80-85", "rate", want(LEVEL, Op.RANGE, 80, 85)),
    ("002-pl12-phuong-van-minh", "2", "count", want(LEVEL, Op.EQ, 2)),
    ("002-pl12-xa-ntm-nang-cao", "1", "count", want(LEVEL, Op.EQ, 1)),
    ("002-pl13-nuoc-sach", "100", "rate", want(LEVEL, Op.EQ, 100)),
    ("002-pl15-dau-noi", "600", "count", want(LEVEL, Op.EQ, 600)),
]

SEED_004 = [
    ("004-1-tang-truong", "Tốc độ tăng tổng giá trị sản phẩm trên địa bàn bình quân đạt trên 11%",
     "growth_rate", want(GROWTH, Op.GT, 11, unit="%", horizon=AVG)),
    ("004-2-co-cau",
     "Cơ cấu tổng giá trị sản phẩm trên địa bàn theo giá hiện hành (nông nghiệp, lâm nghiệp và thủy sản; "
     "công nghiệp - xây dựng; dịch vụ): Nông nghiệp, lâm nghiệp và thủy sản chiếm 2,6%, công nghiệp - "
     "xây dựng chiếm 29,8%, thương mại dịch vụ chiếm 67,6%", "share",
     want(STRUCTURE, Op.QUALITATIVE, unit="%", parts=[
         ("Nông nghiệp, lâm nghiệp và thủy sản", Op.EQ, 2.6, 2.6),
         ("công nghiệp - xây dựng", Op.EQ, 29.8, 29.8), ("thương mại dịch vụ", Op.EQ, 67.6, 67.6)])),
    ("004-3-thu-ngan-sach",
     "Thu ngân sách Nhà nước trên địa bàn đến năm 2030 đạt 700 tỷ đồng (cả nhiệm kỳ đạt 2.800 tỷ đồng)",
     "flow", want(LEVEL, Op.EQ, 700, unit="tỷ đồng", year=2030)),
    ("004-4-doanh-nghiep", "Số lượng doanh nghiệp hoạt động: 500 doanh nghiệp", "count",
     want(LEVEL, Op.EQ, 500, unit="doanh nghiệp")),
    ("004-5-thu-nhap", "Thu nhập bình quân đầu người: 88 triệu đồng/người", "level",
     want(LEVEL, Op.EQ, 88, unit="triệu đồng/người")),
    ("004-6-gia-tri-tren-ha",
     "Giá trị sản phẩm trên 1 ha đất trồng trọt và mặt nước nuôi trồng thủy sản: 120 triệu đồng/ha",
     "level", want(LEVEL, Op.EQ, 120, unit="triệu đồng/ha")),
    ("004-7-tich-tu-ruong-dat",
     "Diện tích đất thực hiện tập trung, tích tụ ruộng đất tăng thêm đến cuối nhiệm kỳ: 10 ha.", "flow",
     want(CHANGE, Op.EQ, 10, unit="ha")),
    ("004-8-do-thi-van-minh",
     "Phần đầu xây dựng phường đạt chuẩn đô thị văn minh đồng thời duy trì và nâng cao chất lượng các "
     "tiêu chí", "boolean", qualitative()),
    ("004-9a-gia-dinh-van-hoa", "Tỷ lệ gia đình văn hóa: 98%", "rate", want(LEVEL, Op.EQ, 98, unit="%")),
    ("004-9b-to-dan-pho-van-hoa", "Tỷ lệ tổ dân phố văn hóa: 100%", "rate",
     want(LEVEL, Op.EQ, 100, unit="%")),
    ("004-10-truong-muc-do-2",
     "Tỷ lệ trường mầm non, tiểu học, trung học cơ sở đạt chuẩn quốc gia mức độ 2: 90,9%", "rate",
     want(LEVEL, Op.EQ, 90.9, unit="%")),
    ("004-11-bhyt", "Tỷ lệ người tham gia bảo hiểm y tế: đạt 97%", "rate", want(LEVEL, Op.EQ, 97, unit="%")),
    ("004-12-bhxh", "Tỷ lệ người lao động trong độ tuổi tham gia BHXH đạt 40%", "rate",
     want(LEVEL, Op.EQ, 40, unit="%")),
    ("004-13-giam-ngheo",
     "Mức giảm tỷ lệ hộ nghèo đa chiều bình quân giai đoạn 2026 - 2030 đạt từ 0,4% trở lên.", "rate",
     want(CHANGE, Op.GE, 0.4, unit="%", horizon=AVG, decrease=True, points=True)),
    ("004-14-chat-thai", "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý: 100%", "rate",
     want(LEVEL, Op.EQ, 100, unit="%")),
    ("004-15-quy-hoach", "Tỷ lệ phủ kín quy hoạch phân khu xây dựng sau sáp nhập: 100%", "rate",
     want(LEVEL, Op.EQ, 100, unit="%")),
    ("004-16-hoa-tang", "Tỷ lệ hoả táng: 30%", "rate", want(LEVEL, Op.EQ, 30, unit="%")),
    ("004-17-truc-tuyen", "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến đạt 100%", "rate",
     want(LEVEL, Op.EQ, 100, unit="%")),
    ("004-18-so-hoa", "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa đạt 100%", "rate",
     want(LEVEL, Op.EQ, 100, unit="%")),
    ("004-19-chu-ky-so", "Tỷ lệ người dân trưởng thành có chữ ký số đạt 75%", "rate",
     want(LEVEL, Op.EQ, 75, unit="%")),
    ("004-20a-an-toan-an-ninh", "Duy trì chuẩn “Phường đạt tiêu chí an toàn về an ninh, trật tự”",
     "boolean", qualitative()),
    ("004-20b-luc-luong-vung-manh",
     "xây dựng lực lượng Công an, Quân sự vững mạnh toàn diện, đạt 100%", "rate",
     want(LEVEL, Op.EQ, 100, unit="%")),
    ("004-21-giao-quan",
     "Hàng năm, hoàn thành 100% chỉ tiêu tuyển giao quân, huấn luyện, diễn tập, bồi dưỡng và cập Nhật "
     "kiến thức QP-AN.", "rate", want(LEVEL, Op.EQ, 100, unit="%", horizon=EACH)),
]

# The forms the brief lists, written as plans write them but outside the seeds' key-target lists.
OTHER_FORMS = [
    ("exact-income", "đạt 85 triệu đồng/người/năm", None, want(LEVEL, Op.EQ, 85, unit="triệu đồng/người/năm")),
    ("exact-percent", "100%", None, want(LEVEL, Op.EQ, 100, unit="%")),
    ("exact-reach", "đạt 97%", None, want(LEVEL, Op.EQ, 97, unit="%")),
    ("growth-bare", "9,7%/năm", None, want(GROWTH, Op.EQ, 9.7, unit="%", horizon=AVG)),
    ("range-percent", "70-75%", "rate", want(LEVEL, Op.RANGE, 70, 75, "%")),
    ("range-money", "120 -125 triệu đồng", None, want(LEVEL, Op.RANGE, 120, 125, "triệu đồng")),
    ("range-den", "từ 12 đến 15 hộ", None, want(LEVEL, Op.RANGE, 12, 15, "hộ")),
    ("range-units-twice", "tăng từ 19% đến 21%/năm", None, want(GROWTH, Op.RANGE, 19, 21, "%", AVG)),
    ("ge-toi-thieu", "tối thiểu 15%", None, want(LEVEL, Op.GE, 15, unit="%")),
    ("ge-it-nhat", "ít nhất 6 hộ", None, want(LEVEL, Op.GE, 6, unit="hộ")),
    ("ge-symbol", "≥ 10%", None, want(LEVEL, Op.GE, 10, unit="%")),
    ("ge-khong-duoi", "không dưới 80%", None, want(LEVEL, Op.GE, 80, unit="%")),
    ("lt-symbol", "<1%", None, want(LEVEL, Op.LT, 1, unit="%")),
    ("le-khong-qua", "không quá 5%", None, want(LEVEL, Op.LE, 5, unit="%")),
    ("le-toi-da", "tối đa 3 vụ", None, want(LEVEL, Op.LE, 3, unit="vụ")),
    ("le-tro-xuong", "từ 2% trở xuống", None, want(LEVEL, Op.LE, 2, unit="%")),
    ("multiple", "tăng 1,4 - 1,5 lần", None, want(MULTIPLE, Op.RANGE, 1.4, 1.5, "lần")),
    ("multiple-base-year", "gấp 2 lần so với năm 2015", None, want(MULTIPLE, Op.EQ, 2, unit="lần", base_year=2015)),
    ("points-of-a-rate", "giảm 1%", "rate", want(CHANGE, Op.EQ, 1, unit="%", decrease=True, points=True)),
    ("points-by-subject", "Tỷ lệ hộ nghèo giảm bình quân 1,5%/năm", None,
     want(CHANGE, Op.EQ, 1.5, unit="%", horizon=AVG, decrease=True, points=True)),
    ("points-ge", "giảm 0,4% trở lên", "rate", want(CHANGE, Op.GE, 0.4, unit="%", decrease=True, points=True)),
    ("points-explicit", "giảm 2 điểm phần trăm", None, want(CHANGE, Op.EQ, 2, unit="%", decrease=True, points=True)),
    ("relative-decrease-of-a-flow", "giảm 5%/năm", "flow", want(GROWTH, Op.EQ, 5, unit="%", horizon=AVG, decrease=True)),
    ("growth-over-base", "tăng 50% so với năm 2020", "flow", want(GROWTH, Op.EQ, 50, unit="%", base_year=2020)),
    ("change-over-term", "Số hộ nghèo giảm 30 hộ", "count", want(CHANGE, Op.EQ, 30, unit="hộ", decrease=True)),
    ("level-after-change", "giảm xuống còn 3%", "rate", want(LEVEL, Op.EQ, 3, unit="%")),
    ("level-until", "xuống dưới 13%", "rate", want(LEVEL, Op.LT, 13, unit="%")),
    ("cumulative-term", "cả nhiệm kỳ đạt 2.800 tỷ đồng", "flow", want(LEVEL, Op.EQ, 2800, unit="tỷ đồng", horizon=CUM)),
    ("average-level", "bình quân hằng năm tạo việc làm cho 350 lao động", "count",
     want(LEVEL, Op.EQ, 350, unit="lao động", horizon=AVG)),
    ("name-with-binh-quan", "Thu nhập bình quân: 88 triệu đồng", "level", want(LEVEL, Op.EQ, 88, unit="triệu đồng")),
    ("compound-money", "16 tỷ 434 triệu đồng", None, want(LEVEL, Op.EQ, 16.434, unit="tỷ đồng")),
    ("until-2030-no-nam", "đến 2030 đạt 95%", None, want(LEVEL, Op.EQ, 95, unit="%", year=2030)),
    ("duration-is-not-a-target", "Tốc độ tăng trưởng kinh tế (GRDP) bình quân 5 năm đạt 8,5 - 9%/năm", None,
     want(GROWTH, Op.RANGE, 8.5, 9, "%", AVG)),
    ("five-year-total", "Tổng vốn đầu tư toàn xã hội 5 năm đạt 25.000 - 27.000 tỷ đồng", "flow",
     want(LEVEL, Op.RANGE, 25000, 27000, "tỷ đồng", CUM)),
    ("rating-is-not-a-target", "Có ít nhất 5 sản phẩm OCOP đạt 3 sao trở lên", "count",
     want(LEVEL, Op.GE, 5, unit="sản phẩm")),
    ("multiple-of-a-named-year", "Thu nhập bình quân đầu người năm 2030 gấp 1,8 lần năm 2025", "level",
     want(MULTIPLE, Op.EQ, 1.8, unit="lần", year=2030, base_year=2025)),
    ("per-mille", "Tỷ suất chết trẻ em dưới 1 tuổi dưới 10‰", "rate", want(LEVEL, Op.LT, 10, unit="‰")),
    ("yield-per-ha", "Năng suất lúa đạt 71,37 tạ/ha", "level", want(LEVEL, Op.EQ, 71.37, unit="tạ/ha")),
    ("growth-at-least", "Thu ngân sách trên địa bàn tăng bình quân 12%/năm trở lên", "flow",
     want(GROWTH, Op.GE, 12, unit="%", horizon=AVG)),
    ("percent-is-never-cumulative", "Tỷ lệ hộ nghèo cả giai đoạn dưới 3%", "rate", want(LEVEL, Op.LT, 3, unit="%")),
    ("number-only-in-parentheses", "Hoàn thành chỉ tiêu giao quân (100%)", None, want(LEVEL, Op.EQ, 100, unit="%")),
    ("more-of-a-count", "Xây dựng thêm 3 trường đạt chuẩn quốc gia", "count", want(CHANGE, Op.EQ, 3, unit="trường")),
    ("relative-fall-over-base", "Giảm 50% số vụ tai nạn giao thông so với năm 2020", "count",
     want(GROWTH, Op.EQ, 50, unit="%", decrease=True, base_year=2020)),
    ("kept-standard", "Duy trì chuẩn quốc gia về y tế", None, qualitative()),
    ("exceed-quota", "Đạt và vượt chỉ tiêu giao", None, qualitative()),
    ("ranked-good", "được xếp loại tốt", None, qualitative()),
]

CASES = SEED_000 + SEED_002 + SEED_002_APPENDIX + SEED_004 + OTHER_FORMS


@pytest.mark.parametrize(("phrase", "kind", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_plan_target_is_read_as_its_form_bound_unit_and_horizon(phrase, kind, expected):
    assert read(parse_target(phrase, indicator_kind=kind)) == expected


def test_the_words_before_the_target_are_kept_as_the_subject():
    t = parse_target("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tăng 19 - 21%/năm")
    assert t.subject == "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ"
    assert parse_target("Phấn đấu thu nhập bình quân đầu người đến năm 2025: Đạt 85 triệu/ người/năm.").subject == (
        "thu nhập bình quân đầu người"
    )
    assert parse_target("Thu ngân sách và các khoản thu có giao kế hoạch: Đạt và vượt chỉ tiêu giao").subject == (
        "Thu ngân sách và các khoản thu có giao kế hoạch"
    )
    assert parse_target("17-19%/năm").subject is None


def test_an_indicator_named_after_the_number_becomes_the_subject():
    assert parse_target("100 % trẻ em được tiêm phòng").subject == "trẻ em được tiêm phòng"
    assert parse_target("Bình quân hàng năm giảm ít nhất 6 hộ nghèo").subject == "hộ nghèo"


def test_an_alternative_in_parentheses_is_read_as_a_second_target():
    t = parse_target("1,4 - 1,5 lần (85-90 triệu)", indicator_kind="level")
    assert (t.form, t.bound, t.unit) == (MULTIPLE, Bound(Op.RANGE, 1.4, 1.5), "lần")
    alt = t.alternative
    assert (alt.form, alt.bound, alt.unit, alt.horizon) == (LEVEL, Bound(Op.RANGE, 85, 90), "triệu đồng", END)


def test_the_whole_term_total_in_parentheses_is_a_cumulative_alternative():
    t = parse_target("Thu ngân sách Nhà nước trên địa bàn đến năm 2030 đạt 700 tỷ đồng (cả nhiệm kỳ đạt 2.800 tỷ đồng)")
    assert t.alternative.bound == Bound.exact(2800)
    assert (t.alternative.unit, t.alternative.horizon) == ("tỷ đồng", CUM)


def test_a_remark_in_parentheses_without_a_target_is_ignored():
    t = parse_target("Chỉ số cải cách hành chính (PAR INDEX) được xếp loại tốt")
    assert t.form is QUALITATIVE and t.alternative is None
    t = parse_target("Giá trị sản xuất (giá so sánh 2010) tăng 10%/năm")
    assert (t.form, t.bound, t.alternative) == (GROWTH, Bound.exact(10), None)


def test_decomposed_vietnamese_letters_read_the_same_as_composed_ones():
    import unicodedata

    phrase = "Tỷ lệ hộ nghèo giảm bình quân 1,5%/năm"
    assert parse_target(unicodedata.normalize("NFD", phrase)) == parse_target(phrase).with_(
        phrase=unicodedata.normalize("NFC", phrase)
    )


@pytest.mark.parametrize(
    "phrase",
    [
        "",
        "   ",
        "xyz",
        "Tổng mức bán lẻ hàng hóa",
        "Bình quân hàng năm giảm ít nhất 6 hộ nghèo và 12 hộ cận nghèo.",
        "Tỷ lệ gia đình văn hóa: 98% và Tỷ lệ tổ dân phố văn hóa: 100%",
        "Đến năm 2030, có 100% trường công lập đạt chuẩn quốc gia, trong đó có 50% trường đạt mức độ 2.",
        "Huy động trẻ vào trường mầm non trên 70%, mẫu giáo 5 tuổi 100%",
        "đạt 5 điểm phần trăm",
    ],
    ids=["empty", "blank", "garbage", "no-number-no-requirement", "two-indicators", "two-rates",
         "sub-indicator", "two-targets", "points-as-level"],
)
def test_a_phrase_it_cannot_read_with_confidence_raises_an_error_naming_it(phrase):
    with pytest.raises(TargetParseError) as err:
        parse_target(phrase)
    assert err.value.phrase == phrase.strip()
    assert "Không hiểu chỉ tiêu" in str(err.value)
    if phrase.strip():
        assert phrase.strip() in str(err.value)


def test_parsing_takes_tens_of_microseconds_not_milliseconds():
    phrases = [c[1] for c in CASES]
    start = time.perf_counter()
    for _ in range(5):
        for p in phrases:
            try:
                parse_target(p)
            except TargetParseError:
                pass
    per_phrase = (time.perf_counter() - start) / (5 * len(phrases))
    assert per_phrase < 1e-3  # measured ≈ 30-60 µs on a busy 2-core machine


# ---------------------------------------------------------------------------------------------
# Properties

values = st.decimals(min_value=0, max_value=10_000, places=1, allow_nan=False, allow_infinity=False)


def vi(x) -> str:
    return format_number(float(x))


@given(values, values, st.sampled_from(["-", " - ", "- ", " -", "–", " – "]))
def test_any_yearly_range_of_percentages_is_a_range_from_low_to_high(a, b, dash):
    a, b = sorted((a, b))
    t = parse_target(f"tăng {vi(a)}{dash}{vi(b)}%/năm")
    assert (t.form, t.horizon, t.unit) == (GROWTH, AVG, "%")
    if a == b:
        assert t.bound == Bound(Op.RANGE, float(a), float(a))
    else:
        assert (t.bound.op, t.bound.low, t.bound.high) == (Op.RANGE, float(a), float(b))


@given(values, st.sampled_from(["trên", "từ", "tối thiểu", "ít nhất", "dưới", "tối đa", "không quá", ""]),
       st.sampled_from(["%", " hộ", " tỷ đồng", " lao động"]))
def test_a_bound_word_gives_the_operator_and_the_number_keeps_its_value(x, word, unit):
    t = parse_target(f"{word} {vi(x)}{unit}".strip())
    expected_op = {"trên": Op.GT, "từ": Op.GE, "tối thiểu": Op.GE, "ít nhất": Op.GE, "dưới": Op.LT,
                   "tối đa": Op.LE, "không quá": Op.LE, "": Op.EQ}[word]
    assert t.op is expected_op
    assert float(x) in (t.bound.low, t.bound.high)
    assert t.unit == unit.strip()


@given(values, values, values)
def test_a_parsed_bound_contains_exactly_the_values_its_words_allow(a, b, x):
    a, b, x = sorted((a, b))[0], sorted((a, b))[1], float(x)
    assert parse_target(f"{vi(a)} - {vi(b)}%").bound.contains(x) == (float(a) <= x <= float(b))
    assert parse_target(f"trên {vi(a)}%").bound.contains(x) == (x > float(a))
    assert parse_target(f"từ {vi(a)}% trở lên").bound.contains(x) == (x >= float(a))
    assert parse_target(f"dưới {vi(a)}%").bound.contains(x) == (x < float(a))
    assert parse_target(f"không quá {vi(a)}%").bound.contains(x) == (x <= float(a))


@given(st.integers(min_value=1990, max_value=2090), st.integers(min_value=1, max_value=10))
def test_a_stated_year_is_the_target_year_and_never_a_target_number(year, n):
    t = parse_target(f"Đến năm {year} đạt {n}%")
    assert (t.year, t.bound) == (year, Bound.exact(n))
    t = parse_target(f"giai đoạn {year} - {year + 5}: {n} tỷ đồng")
    assert (t.horizon, t.year, t.bound) == (CUM, year + 5, Bound.exact(n))


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_any_text_either_parses_or_raises_a_target_parse_error(text):
    try:
        t = parse_target(text)
    except TargetParseError as err:
        assert err.phrase is not None
    else:
        assert t.form in set(Form)


def test_describe_says_the_target_back_in_vietnamese():
    def say(phrase, kind=None):
        return parse_target(phrase, indicator_kind=kind).describe()

    assert say("tăng 19 - 21%/năm") == "Tăng bình quân từ 19% đến 21% mỗi năm"
    assert say("Phấn đấu thu nhập bình quân đầu người đến năm 2025: Đạt 85 triệu đồng") == (
        "Đến năm 2025 đạt 85 triệu đồng"
    )
    assert say("còn dưới 1,0%") == "Dưới 1% (cuối kỳ)"
    assert say("Giảm 12-15 hộ/năm") == "Giảm từ 12 đến 15 hộ mỗi năm"
    assert say("1,4 - 1,5 lần") == "Gấp 1,4 đến 1,5 lần năm gốc"
    assert say("1,4 - 1,5 lần (85-90 triệu)") == (
        "Gấp 1,4 đến 1,5 lần năm gốc (hoặc: đạt từ 85 đến 90 triệu đồng (cuối kỳ))"
    )
    assert say("gấp 2 lần so với năm 2015") == "Gấp 2 lần năm 2015"
    assert say("dịch vụ 67-68%; công nghiệp xây dựng 29-30%; nông nghiệp 3-4%") == (
        "Cơ cấu: dịch vụ 67-68%; công nghiệp xây dựng 29-30%; nông nghiệp 3-4%"
    )
    assert say("Giữ vững phường đạt chuẩn quốc gia về y tế.") == (
        "Định tính: Giữ vững phường đạt chuẩn quốc gia về y tế"
    )
    assert say("Thu ngân sách: Đạt và vượt chỉ tiêu giao") == "Định tính: Đạt và vượt chỉ tiêu giao"
    assert say("Mức giảm tỷ lệ hộ nghèo bình quân giai đoạn 2026 - 2030 đạt từ 0,4% trở lên") == (
        "Giảm bình quân từ 0,4 điểm phần trăm trở lên mỗi năm"
    )
    assert say("Giai đoạn 2021 - 2025: 550-600 tỷ") == "Cộng dồn cả kỳ đến năm 2025: đạt từ 550 đến 600 tỷ đồng"
    assert say("Hàng năm, tỷ lệ chất thải rắn được thu gom, xử lý đạt 100%") == "Đạt 100% mỗi năm"
    assert say("Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ hằng năm từ 96% trở lên") == "Từ 96% trở lên mỗi năm"
    assert say("Tốc độ tăng tổng giá trị sản phẩm trên địa bàn bình quân đạt trên 11%") == (
        "Tăng bình quân trên 11% mỗi năm"
    )
    assert say("tăng 50% so với năm 2020") == "Tăng 50% so với năm 2020"
    assert say("Thu nhập bình quân đầu người đến năm 2030: 120 -125 triệu đồng") == (
        "Đến năm 2030 đạt từ 120 đến 125 triệu đồng"
    )
    assert say("Bình quân hằng năm tạo việc làm cho 1.440 lao động") == "Bình quân đạt 1.440 lao động mỗi năm"


def test_every_seed_target_can_be_described_without_losing_its_numbers():
    for _id, phrase, kind, expected in CASES:
        text = parse_target(phrase, indicator_kind=kind).describe()
        numbers = [p[2] for p in expected["parts"]] + [expected["low"], expected["high"]]
        for x in numbers:
            if x is not None:
                assert re.search(rf"(?<![\d,]){re.escape(format_number(x))}(?![\d,])", text), (_id, text)


# ---------------------------------------------------------------------------------------------
# Hardening (issue 10): every failure is the parse error, with a message naming what is wrong.


def test_a_four_character_decimal_is_a_number_not_a_broken_year():
    # "đạt 73,5" raised a bare ValueError (int("73,5")): a 500 in the web and the report import.
    t = parse_target("đạt 73,5")
    assert (t.form, t.bound) == (Form.LEVEL, Bound.exact(73.5))
    assert parse_target("đạt 73,5%").bound == Bound.exact(73.5)


def test_a_number_of_400_digits_is_refused_naming_the_number():
    with pytest.raises(TargetParseError) as err:
        parse_target("tăng " + "9" * 400 + "%/năm")
    message = str(err.value)
    assert "số “99999999999999999999…” (400 chữ số) quá lớn" in message
    assert "10^15" in message and "the number '99999999999999999999…' (400 digits) is too large" in message
    assert len(message) < 1200  # the phrase is named by its beginning (200 characters each language)


@pytest.mark.parametrize(
    "phrase, number",
    [("đạt 1.000.000.000.000.000 đồng", "1.000.000.000.000.000"),  # 10^18
     ("đạt 1.234.567.890.123.456 đồng", "1.234.567.890.123.456"),  # 16 digits
     ("dưới 0,1234567890123456%", "0,1234567890123456"),  # 16 significant digits
     ("tăng 5 - " + "9" * 20 + "%", "99999999999999999999")],  # the second number of a range
)
def test_numbers_past_the_limits_are_refused(phrase, number):
    with pytest.raises(TargetParseError, match="quá lớn hoặc quá nhiều chữ số") as err:
        parse_target(phrase)
    assert number[:20] in str(err.value)


def test_numbers_inside_the_limits_are_kept_exactly():
    assert parse_target("đạt 999.999.999.999.999 đồng").bound == Bound.exact(999_999_999_999_999)
    assert parse_target("dưới 0,123456789012345%").bound.high == 0.123456789012345
    assert parse_target("đạt 1.000.000.000.000 đồng").bound == Bound.exact(1e12)


def test_a_phrase_longer_than_its_column_is_refused_with_its_length():
    with pytest.raises(TargetParseError) as err:
        parse_target("Tăng trưởng kinh tế đạt 7% " + "x" * 600)
    assert "dài 627 ký tự, tối đa 500 ký tự" in str(err.value)
    assert "627 characters long, at most 500" in str(err.value)
    assert err.value.phrase.startswith("Tăng trưởng kinh tế")
    assert len(parse_target("đạt 7%" + " " * 494).phrase) == 6  # spaces around do not count


# --- issue 12: several targets in one phrase, ordinals, one vocabulary -------------------------


def test_a_target_and_its_trong_do_part_are_refused_with_both_named_never_read_as_the_child():
    phrase = (
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tăng bình quân 15-16%/năm. "
        "Trong đó: Doanh thu bán lẻ hàng hóa tăng 14-15%/năm"
    )
    with pytest.raises(TargetParseError) as err:
        parse_target(phrase)
    message = str(err.value)
    assert "15-16%/năm" in message and "Doanh thu bán lẻ hàng hóa tăng 14-15%/năm" in message
    from chitieu.core.targets import split_parts

    parent, child = split_parts(phrase)
    assert (parse_target(parent).bound.low, parse_target(child).bound.low) == (15, 14)


def test_trong_do_with_a_figure_on_one_side_only_cuts_nothing():
    target = parse_target("Thu ngân sách trong đó năm 2025 đạt 50 tỷ đồng")
    assert (target.bound.low, target.unit, target.year) == (50, "tỷ đồng", 2025)


def test_the_third_child_is_an_ordinal_not_a_floor_of_three():
    target = parse_target("Tỷ lệ sinh con 3 trở lên dưới 5%")
    assert (target.bound.op, target.bound.high, target.unit) == (Op.LT, 5, "%")


def test_per_mille_stays_per_mille():
    target = parse_target("Tỷ suất sinh thô giảm còn 9,1‰")
    assert (target.bound.low, target.unit) == (9.1, "‰")


def test_hộ_gia_đình_counts_households_as_the_report_reader_does():
    from chitieu.extract.quantities import find_mentions

    assert parse_target("Có 120 hộ gia đình đạt danh hiệu").unit == "hộ"
    assert find_mentions("có 120 hộ gia đình đạt danh hiệu")[0].unit == "hộ"


def test_old_module_paths_are_the_package_modules():
    import chitieu.core.describe as old_describe
    import chitieu.core.target_parser as old_parser
    from chitieu.core.targets import describe, parser

    assert old_parser is parser and old_describe is describe
