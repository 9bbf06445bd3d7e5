"""The development key of the draft checker: the seed reports with planted errors.

``build(out)`` copies the three seed reports (``tests/seeds.py`` finds them), inserts into
each a block of passages written the way the seeds write — some with one planted error
each, some correct look-alikes that must not be flagged (rounded or truncated figures,
percentage-point changes, sums that add up, partial "trong đó" lists, verdicts that hold) —
inside a results section, and writes ``<document>.json`` keys in the shape
``../shared/eval/score_checker.py`` reads. The inconsistencies the seeds themselves hold and
that were verified by hand (54/130 written 38,5% …) are in the key too.

Run: ``.venv/bin/python tests/check/devkey.py [OUT]`` — builds the key, runs the checker,
scores it with the shared scorer and prints recall and precision per kind.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from seeds import SEED_000, SEED_002, SEED_004, SHARED  # noqa: E402

# (text, key) — key None for a look-alike; else (type, severity, figures), or a list of them when the
# passage holds two findings. One passage a paragraph.
E = "error"
W = "warning"
PLANTED: dict[str, list[tuple[str, tuple | None]]] = {
    "000": [
        # target-conflict: one indicator, one year, two targets; and look-alikes.
        ("- Phấn đấu đến năm 2025, tỷ lệ lao động qua đào tạo đạt 75%.\n\n"
         "- Đến năm 2025, phấn đấu tỷ lệ lao động qua đào tạo đạt 80%.", ("target-conflict", E, ["80%"])),
        ("- Phấn đấu đến năm 2030, thu nhập bình quân đầu người đạt 88 triệu đồng/người/năm.\n\n"
         "- Đến năm 2030, thu nhập bình quân đầu người phấn đấu đạt 95 triệu đồng/người/năm.",
         ("target-conflict", E, ["95 triệu đồng/người/năm"])),
        ("- Phấn đấu đến năm 2025, tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa đạt 95%.\n\n"
         "- Đến năm 2025, phấn đấu tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa đạt trên 98%.",
         ("target-conflict", E, ["98%"])),
        ("- Phấn đấu đến năm 2025, tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi dưới 6%.\n\n"
         "- Đến năm 2025, phấn đấu tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi dưới 6,0%.", None),
        # period: a target credited to another term; and look-alikes.
        ("- Mục tiêu nhiệm kỳ 2020 - 2025: phấn đấu đến năm 2030 thu nhập bình quân đầu người đạt 85 triệu "
         "đồng/người/năm.", ("period", E, ["85 triệu đồng/người/năm"])),
        ("- Chỉ tiêu nhiệm kỳ 2020 - 2025: đến hết năm 2026 tỷ lệ hộ gia đình sử dụng nước sạch đạt 100%.",
         ("period", E, ["100%"])),
        ("- Mục tiêu nhiệm kỳ 2020 - 2025: phấn đấu đến năm 2025 giá trị sản phẩm trên 1 ha đất canh tác đạt "
         "120 triệu đồng.", None),
        ("- Chỉ tiêu giai đoạn 2021-2025: phấn đấu đến năm 2020 giữ tỷ lệ hộ nghèo dưới 1,5%.", None),
        ("- Năm 2020, cơ cấu kinh tế của phường: thương mại - dịch vụ 72,4%, công nghiệp - xây dựng 22,3%, nông nghiệp 3,1%.", ("shares", E, ["72,4%"])),
        ("- Tỷ trọng lao động năm 2020: nông nghiệp 8,2%, công nghiệp 30,5%, dịch vụ 61,3%.", None),
        ("- Cơ cấu cây trồng năm 2020: lúa 45%, rau màu 35%, cây ăn quả 25%.", ("shares", E, ["45%"])),
        ("- Tổng thu ngân sách trên địa bàn năm 2020 đạt 4.639.287.000đ/3.525.000.000đ, đạt 136% kế hoạch.",
         ("ratio", E, ["136%"])),
        ("- Có 03/20 cán bộ, công chức phường là nữ, chiếm 25%.", ("ratio", E, ["25%"])),
        ("- Số hộ được công nhận gia đình văn hóa 1.480/1.806 hộ, đạt 81,9%.", None),
        ("- Tỷ lệ hộ nghèo giảm từ 3,52% năm 2016 xuống còn 1,12% năm 2020, giảm 2,4%.", None),
        ("- Bộ phận một cửa tiếp nhận 1806 hồ sơ, trong đó mức độ 2: 60 hồ sơ, mức độ 3: 1284 hồ sơ, "
         "trực tiếp 436 hồ sơ, qua bưu chính 24 hồ sơ, khác 2 hồ sơ và 2 hồ sơ trả lại.", ("sum", E, ["1806 hồ sơ"])),
        ("- Toàn phường có 312 hộ kinh doanh, gồm 180 hộ thương mại, 96 hộ dịch vụ và 36 hộ sản xuất nhỏ.", None),
        ("- Tổng vốn đầu tư toàn xã hội giai đoạn 2016-2020 đạt 146,5 tỷ đồng, trong đó vốn ngân sách 52,3 tỷ đồng, "
         "vốn doanh nghiệp 41,8 tỷ đồng, vốn dân cư 50,1 tỷ đồng.", ("sum", E, ["146,5 tỷ đồng"])),
        ("- Giá trị sản xuất giai đoạn 2016-2020 tăng bình quân 9,2%/năm, năm 2020 gấp 1,81 lần năm 2015.",
         ("growth", E, ["1,81 lần", "9,2%"])),
        ("- Thu nhập bình quân đầu người từ 32 triệu đồng năm 2015 lên 52 triệu đồng năm 2020, tăng bình quân 10,2%/năm.",
         None),
        ("- Số lao động có việc làm từ 2.850 người lên 3.420 người, tăng 25%.", ("growth", E, ["25%"])),
        ("- Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng năm 2020 là 6,8% (chỉ tiêu dưới 5%), đạt chỉ tiêu.",
         ("verdict", E, ["6,8%"])),
        ("- Tỷ lệ trẻ em được tiêm chủng đầy đủ năm 2020 đạt 98,4% (chỉ tiêu 95%), vượt chỉ tiêu.", None),
        ("- Tỷ lệ lao động qua đào tạo năm 2020 đạt 71% (chỉ tiêu 75%), đạt kế hoạch.", ("verdict", E, ["71%"])),
        ("- Trong 20 chỉ tiêu chủ yếu, có 16/20 chỉ tiêu đạt và vượt kế hoạch, 5 chỉ tiêu chưa đạt.",
         ("count", E, ["16/20"])),
        ("- Tỷ lệ hộ dùng nước sạch năm 2020 đạt 99,2%.", None),
        ("- Đến cuối năm 2020, tỷ lệ hộ dùng nước sạch đạt 97,5%.", ("same-indicator-two-values", E, ["97,5%"])),
    ],
    "002": [
        ("- Giai đoạn 2021-2025, phấn đấu giá trị sản xuất ngành thương mại - dịch vụ tăng bình quân 19 - 21%/năm.\n\n"
         "- Chỉ tiêu giai đoạn 2021-2025: giá trị sản xuất ngành thương mại - dịch vụ tăng bình quân 17 - 19%/năm.",
         ("target-conflict", E, ["17 - 19%/năm"])),
        ("- Phấn đấu đến năm 2030, tỷ lệ người tham gia bảo hiểm y tế đạt 97%.\n\n"
         "- Mục tiêu đến năm 2030: tỷ lệ người tham gia bảo hiểm y tế đạt 95%.",
         # … and both below the 99,8% the seed says was reached in 2024 (its line 885)
         [("target-conflict", E, ["95%"]), ("feasibility", W, ["97%", "99,8%"])]),
        ("- Phấn đấu đến năm 2025, tỷ lệ hộ nghèo đa chiều giảm còn dưới 1%.\n\n"
         "- Đến năm 2025, tỷ lệ hộ cận nghèo đa chiều giảm còn dưới 2%.", None),
        ("- Chỉ tiêu kế hoạch 5 năm 2021-2025: đến năm 2030 tỷ lệ đô thị hóa đạt 60%.", ("period", E, ["60%"])),
        ("- Giai đoạn 2021 - 2025, phấn đấu đến năm 2027 tỷ lệ trường đạt chuẩn quốc gia mức độ 2 đạt 50%.",
         ("period", E, ["50%"])),
        ("- Tổng thu ngân sách đến năm 2030 đạt 700 tỷ đồng, gấp 2 lần so với nhiệm kỳ 2020 - 2025.", None),
        ("- Chỉ tiêu giai đoạn 2026-2030: đến năm 2025 tổng thu ngân sách nhà nước trên địa bàn đạt 700 tỷ đồng.", None),
        ("- Năm 2024, tỷ trọng ngành thương mại dịch vụ ước đạt 64,3%; công nghiệp – xây dựng ước đạt 33,1%; nông - lâm nghiệp - thủy sản ước đạt 4,6% trong cơ cấu kinh tế.", ("shares", E, ["64,3%"])),
        ("- Cơ cấu nguồn vốn đầu tư năm 2024: ngân sách 38,6%, doanh nghiệp 27,9%, dân cư 31,2%.", ("shares", E, ["38,6%"])),
        ("- Tổng thu ngân sách nhà nước trên địa bàn năm 2024 đạt 5.120,4 triệu đồng, đạt 128% dự toán "
         "(dự toán 4.100 triệu đồng).", ("ratio", E, ["128%"])),
        ("- Đến nay có 47/52 khu dân cư đạt chuẩn văn hóa (đạt 90,4%).", None),
        ("- Toàn thị xã có 212/245 thôn, khu phố có nhà văn hóa đạt chuẩn (tỷ lệ 88,6%).", ("ratio", E, ["88,6%"])),
        ("- Giá trị sản xuất ngành dịch vụ năm 2024 đạt 1.957 tỷ đồng, chiếm 64,5% tổng giá trị sản xuất "
         "3.033 tỷ đồng.", None),
        ("- Tổng giá trị sản xuất năm 2024 đạt 3.033 tỷ đồng, trong đó dịch vụ 1.957 tỷ đồng, chiếm 68,2%.",
         ("ratio", E, ["68,2%"])),
        ("- Năm 2024 tuyển quân 86 thanh niên, gồm 52 thanh niên nhập ngũ quân đội, 30 thanh niên "
         "thực hiện nghĩa vụ công an.", ("sum", E, ["86 thanh niên"])),
        ("- Tổng số đảng viên toàn Đảng bộ 4.512 đảng viên, trong đó 1.203 đảng viên nữ.", None),
        ("- Sau 5 năm, 10/12 chỉ tiêu về xây dựng Đảng đạt và vượt, 3 chỉ tiêu chưa đạt.", ("count", E, ["10/12"])),
        ("- Số doanh nghiệp đang hoạt động 105 doanh nghiệp, trong đó thương mại 62 doanh nghiệp, "
         "xây dựng 25 doanh nghiệp, công nghiệp 16 doanh nghiệp.", ("sum", E, ["105 doanh nghiệp"])),
        ("- Tổng mức bán lẻ hàng hóa giai đoạn 2021-2025 tăng bình quân 17,08%/năm, năm 2025 gấp 2,0 lần năm 2020.",
         ("growth", E, ["2,0 lần", "17,08%"])),
        ("- Giá trị sản xuất công nghiệp giai đoạn 2021-2025 tăng bình quân 6,52%/năm, năm 2025 gấp 1,37 lần năm 2020.",
         None),
        ("- Thu ngân sách từ 98,5 tỷ đồng năm 2020 lên 126 tỷ đồng năm 2025, gấp 1,5 lần.", ("growth", E, ["1,5 lần"])),
        ("- Tỷ lệ lao động qua đào tạo từ 78% lên 86%, tăng 8%.", None),
        ("- Vốn đầu tư xây dựng cơ bản giai đoạn 2021-2025 đạt 467 tỷ đồng (chỉ tiêu 550 - 600 tỷ đồng), "
         "hoàn thành chỉ tiêu.", ("verdict", E, ["467 tỷ đồng"])),
        ("- Tỷ lệ tăng dân số tự nhiên năm 2024 là 0,92% (chỉ tiêu dưới 1%), đạt chỉ tiêu.", None),
        ("- Tỷ lệ hộ nghèo năm 2024 còn 2,35% (chỉ tiêu dưới 2%), đạt kế hoạch.", ("verdict", E, ["2,35%"])),
        ("- Đến nay có 14/18 chỉ tiêu hoàn thành, 3 chỉ tiêu chưa đạt, 1 chỉ tiêu chưa đánh giá.", None),
        ("- Trong 18 chỉ tiêu chủ yếu, có 12/18 chỉ tiêu đạt và vượt, 7 chỉ tiêu không đạt.", ("count", E, ["12/18"])),
        ("- Tỷ lệ hộ sử dụng điện an toàn năm 2024 đạt 99,6%.", None),
        ("- Năm 2024, tỷ lệ hộ sử dụng điện an toàn đạt 98,6%.", ("same-indicator-two-values", E, ["98,6%"])),
        ("- Số lao động được tạo việc làm mới năm 2024 là 426 người.", None),
        ("- Năm 2024, số lao động được tạo việc làm mới là 462 người.", ("same-indicator-two-values", E, ["462 người"])),
    ],
    "004": [
        ("- Phấn đấu đến năm 2025, số doanh nghiệp đang hoạt động trên địa bàn đạt 150 doanh nghiệp.\n\n"
         "- Đến năm 2025, phấn đấu số doanh nghiệp đang hoạt động trên địa bàn đạt 180 doanh nghiệp.",
         ("target-conflict", E, ["180 doanh nghiệp"])),
        ("- Phấn đấu đến năm 2025, thu nhập bình quân đầu người đạt 65 triệu đồng/người/năm.\n\n"
         "- Đến năm 2035, thu nhập bình quân đầu người phấn đấu đạt 120 triệu đồng/người/năm.", None),
        ("- Phấn đấu đến năm 2030, tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý đạt 100%.\n\n"
         "- Năm 2025, tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý đạt 96,5%.", None),
        ("- Mục tiêu nhiệm kỳ 2025 - 2030: phấn đấu đến cuối năm 2035 số doanh nghiệp hoạt động đạt 500 doanh nghiệp.",
         ("period", E, ["500 doanh nghiệp"])),
        ("- Mục tiêu giai đoạn 2026-2030: đến năm 2024 tỷ lệ hộ nghèo đa chiều giảm còn dưới 0,5%.",
         ("period", E, ["0,5%"])),
        ("- Định hướng giai đoạn 2026-2030, tầm nhìn đến năm 2045: tỷ lệ đô thị hóa đạt 95%.", None),
        ("- Giai đoạn 2026-2030, phấn đấu đến năm 2030 số doanh nghiệp hoạt động đạt 500 doanh nghiệp.", None),
        ("- Cơ cấu lao động năm 2025: nông nghiệp 12,5%, công nghiệp - xây dựng 35,2%, dịch vụ 48,1%.", ("shares", E, ["12,5%"])),
        ("- Tỷ trọng các ngành năm 2025: nông nghiệp, thủy sản 3,8%, công nghiệp - xây dựng 28,9%, thương mại dịch vụ 67,3%.", None),
        ("- Có 18/24 trường đạt chuẩn quốc gia, tỷ lệ 72%.", ("ratio", E, ["72%"])),
        ("- Tổng thu ngân sách năm 2025 ước đạt 245,6 tỷ đồng, đạt 115,2% dự toán (dự toán 213,2 tỷ đồng).", None),
        ("- Tổng dân số toàn phường 28.450 người, gồm 13.980 người là nam và 14.570 người là nữ.", ("sum", E, ["28.450 người"])),
        ("- Giá trị sản xuất nông nghiệp giai đoạn 2021-2025 tăng bình quân 5%, năm 2025 tăng 1,3 lần so với năm 2020.",
         None),
        ("- Thu nhập bình quân đầu người giai đoạn 2021-2025 tăng bình quân 8%/năm, năm 2025 gấp 1,75 lần năm 2020.",
         ("growth", E, ["1,75 lần", "8%"])),
        ("- Tổng thu ngân sách từ 1.150 tỷ đồng năm 2020 lên 1.440 tỷ đồng năm 2025, tăng bình quân 6,5%/năm.",
         ("growth", E, ["6,5%"])),
        ("- Tỷ lệ chất thải rắn được thu gom năm 2025 đạt 95% (kế hoạch 98%), vượt kế hoạch.", ("verdict", E, ["95%"])),
        ("- Tỷ lệ đô thị hóa năm 2025 đạt 82,5% (chỉ tiêu 85%), đạt chỉ tiêu.", ("verdict", E, ["82,5%"])),
        ("- Số hộ dân sử dụng nước sạch năm 2025 đạt 100% (chỉ tiêu 100%), đạt chỉ tiêu.", None),
        ("- Kết thúc nhiệm kỳ, 17/21 chỉ tiêu đạt và vượt, 5 chỉ tiêu chưa đạt.", ("count", E, ["17/21"])),
        ("- Đến năm 2025 có 19/21 chỉ tiêu đạt và vượt kế hoạch, 2 chỉ tiêu chưa đạt.", None),
        ("- Trong tổng số 21 chỉ tiêu, có 15/21 chỉ tiêu hoàn thành, 4 chỉ tiêu không hoàn thành.",
         ("count", E, ["15/21"])),
        ("- Tỷ lệ tham gia bảo hiểm y tế năm 2025 đạt 95,2%.", None),
        ("- Năm 2025, tỷ lệ tham gia bảo hiểm y tế đạt 92,5%.", ("same-indicator-two-values", E, ["92,5%"])),
        ("- Tỷ lệ trẻ em dưới 6 tuổi được tiêm chủng đầy đủ năm 2025 đạt 98,6%.", None),
        ("- Diện tích gieo trồng cây hằng năm năm 2025 đạt 412,5 ha.", None),
        ("- Năm 2025, diện tích gieo trồng cây hằng năm đạt 421,5 ha.", ("same-indicator-two-values", E, ["421,5 ha"])),
        ("- Các chỉ tiêu chủ yếu năm 2025 của khối kinh tế: 3/4 chỉ tiêu đạt kế hoạch.", ("count", E, ["3/4"])),
        ("| Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện | Đánh giá |\n|---|---|---|---|---|\n"
         "| Tốc độ tăng giá trị sản xuất | % | 10 | 10,5 | Vượt |\n"
         "| Tổng thu ngân sách trên địa bàn | tỷ đồng | 300 | 245,6 | Không đạt |\n"
         "| Số doanh nghiệp thành lập mới | doanh nghiệp | 40 | 32 | Không đạt |\n"
         "| Tỷ lệ hộ sử dụng điện lưới | % | 100 | 100 | Đạt |", None),
        ("- Số hộ gia đình văn hóa năm 2025 đạt 95,6%, trong khi đó có 6.210/6.500 hộ đạt danh hiệu.", None),
    ],
}

# The kinds built second: feasibility, table/list/footnote breakdowns, sector rates against the
# total, clear misses the text does not admit — with their look-alikes.
_FEAS = ("- Năm {y0}, cơ cấu kinh tế: dịch vụ {b[0]}%, công nghiệp - xây dựng {b[1]}%, nông nghiệp {b[2]}%.\n\n"
         "- Phấn đấu giai đoạn {y1}-{y2}, giá trị sản xuất ngành dịch vụ tăng bình quân {g[0]}%/năm; giá trị sản "
         "xuất ngành công nghiệp - xây dựng tăng bình quân {g[1]}%/năm; giá trị sản xuất ngành nông nghiệp tăng bình "
         "quân {g[2]}%/năm; phấn đấu đến năm {y2} cơ cấu kinh tế: dịch vụ {t[0]}%, công nghiệp - xây dựng {t[1]}%, "
         "nông nghiệp {t[2]}%.")


def _feas(y0: int, b, g, t) -> str:
    return _FEAS.format(y0=y0, y1=y0 + 1, y2=y0 + 5, b=b, g=g, t=t)


PLANTED["000"] += [
    (_feas(2009, (50, 35, 15), (10, 8, 2), (45, 40, 15)), ("feasibility", E, ["45%"])),
    (_feas(2008, (50, 35, 15), (10, 8, 2), (54, 35, 11)), None),
    ("- Năm 2020, tỷ lệ trường học đạt chuẩn quốc gia đạt 85%.\n\n"
     "- Phấn đấu đến năm 2025, tỷ lệ trường học đạt chuẩn quốc gia đạt 80%.", ("feasibility", W, ["80%"])),
    ("- Năm 2020, tỷ lệ hộ được công nhận gia đình thể thao đạt 36%.\n\n"
     "- Phấn đấu đến năm 2025, tỷ lệ hộ được công nhận gia đình thể thao đạt 40%.", None),
    ("- Tổng diện tích gieo trồng năm 2020 đạt 412 ha, trong đó:\n\n+ Lúa 250 ha\n\n+ Rau màu các loại 158 ha.",
     ("sum", E, ["412 ha"])),
    ("- Tổng số lao động năm 2020 là 3.420 người, trong đó:\n\n+ Nông nghiệp 420 người\n\n+ Phi nông nghiệp 3.000 người.",
     None),
    ("- Tổng vốn đầu tư xây dựng cơ bản năm 2020 đạt 146,5 tỷ đồng\n201\n.\n\n201\n"
     " Vốn ngân sách tỉnh: 82,3 tỷ đồng; vốn ngân sách thị xã: 60,1 tỷ đồng.", ("sum", E, ["146,5 tỷ đồng"])),
    ("- Tổng thu ngân sách phường năm 2020 đạt 25,4 tỷ đồng\n202\n.\n\n202\n"
     " Thu thuế, phí: 11,2 tỷ đồng; thu tiền sử dụng đất: 14,2 tỷ đồng.", None),
    ("- Giá trị sản xuất năm 2020 tăng 13,5% so với năm 2019, trong đó: thương mại - dịch vụ tăng 12%, "
     "công nghiệp - xây dựng tăng 8%, nông nghiệp tăng 2%.", ("growth", E, ["13,5%"])),
    ("- Giá trị sản xuất năm 2020 tăng 9,5% so với năm 2019, trong đó: thương mại - dịch vụ tăng 12%, "
     "công nghiệp - xây dựng tăng 8%, nông nghiệp giảm 2%.", None),
    ("- Tỷ lệ hộ sử dụng nước sạch năm 2020 đạt 85% (chỉ tiêu 95%).", ("verdict", E, ["85%"])),
    ("- Tỷ lệ lao động nữ được đào tạo nghề năm 2020 đạt 42% (chỉ tiêu 50%), chưa đạt chỉ tiêu.", None),
    ("- Tỷ lệ hộ kinh doanh nộp thuế điện tử năm 2020 đạt 89,5% (chỉ tiêu 90%).", None),
    ("- Tổng giá trị sản xuất năm 2019 giảm 3,5% so với năm 2018, trong đó: thương mại - dịch vụ tăng 2%, "
     "công nghiệp - xây dựng giảm 1,2%, nông nghiệp giảm 2,5%.", ("growth", E, ["3,5%"])),
    ("- Tổng giá trị sản xuất năm 2018 giảm 0,5% so với năm 2017, trong đó: thương mại - dịch vụ tăng 2%, "
     "công nghiệp - xây dựng giảm 1,2%, nông nghiệp giảm 2,5%.", None),
]
PLANTED["002"] += [
    (_feas(2003, (40, 40, 20), (12, 10, 3), (40, 45, 15)), ("feasibility", E, ["40%"])),
    (_feas(2002, (40, 40, 20), (12, 10, 3), (46, 42, 12)), None),
    ("- Năm 2024, số doanh nghiệp đang hoạt động trên địa bàn thị xã đạt 185 doanh nghiệp.\n\n"
     "- Phấn đấu đến năm 2030, số doanh nghiệp đang hoạt động trên địa bàn thị xã đạt 150 doanh nghiệp.",
     ("feasibility", W, ["150 doanh nghiệp"])),
    ("- Tổng số hộ kinh doanh cá thể năm 2024 là 2.428 hộ, gồm:\n\n- Thương mại 1.520 hộ\n\n"
     "- Dịch vụ 708 hộ\n\n- Sản xuất nhỏ 180 hộ.", None),
    ("- Thu ngân sách năm 2024 đạt 98,6 tỷ đồng, trong đó:\n\n+ Thu thuế, phí, lệ phí 52,4 tỷ đồng\n\n"
     "+ Thu tiền sử dụng đất 44,1 tỷ đồng.", ("sum", E, ["98,6 tỷ đồng"])),
    ("- Tổng giá trị sản xuất năm 2024 đạt 3.120 tỷ đồng\n203\n.\n\n203\n"
     " Dịch vụ: 2.010 tỷ đồng; CN – XD: 990 tỷ đồng; Nông nghiệp: 132 tỷ đồng.", ("sum", E, ["3.120 tỷ đồng"])),
    ("- Tốc độ tăng trưởng giá trị sản xuất bình quân giai đoạn 2021-2025 đạt 12,5%/năm, trong đó: nông nghiệp tăng "
     "3,2%/năm; công nghiệp - xây dựng tăng 10,1%/năm; dịch vụ tăng 11,8%/năm.", ("growth", E, ["12,5%"])),
    ("- Tốc độ tăng trưởng giá trị sản xuất bình quân giai đoạn 2016-2020 đạt 10,5%/năm, trong đó: nông nghiệp tăng "
     "3,2%/năm; công nghiệp - xây dựng tăng 10,1%/năm; dịch vụ tăng 11,8%/năm.", None),
    ("- Tỷ lệ trường học đạt chuẩn quốc gia mức độ 2 năm 2024 đạt 40% (chỉ tiêu 60%).", ("verdict", E, ["40%"])),
    ("- Số lao động được giải quyết việc làm năm 2024 là 320 người (kế hoạch 400 người), đạt kế hoạch.",
     ("verdict", E, ["320 người"])),
    ("- Tỷ lệ đô thị hóa năm 2024 đạt 78% (chỉ tiêu 80%), thấp hơn chỉ tiêu.", None),
    ("- Giá trị sản xuất quý I năm 2024 ước đạt 850 tỷ đồng, tăng 15,2% so với cùng kỳ năm 2023. Trong đó, giá trị "
     "sản xuất nông nghiệp tăng 2,1%; công nghiệp - xây dựng tăng 9,4%; thương mại - dịch vụ tăng 14,6%.",
     ("growth", E, ["15,2%"])),
    ("- Tỷ lệ hộ sử dụng nước sạch theo quy chuẩn năm 2024 đạt 61% (chỉ tiêu 70%).", ("verdict", E, ["61%"])),
]
PLANTED["004"] += [
    (_feas(2014, (30, 50, 20), (15, 6, 2), (30, 52, 18)), ("feasibility", E, ["30%"])),
    (_feas(2013, (30, 50, 20), (15, 6, 2), (41, 45, 14)), None),
    ("- Năm 2025, tỷ lệ hộ gia đình được công nhận gia đình văn hóa đạt 96,2%.\n\n"
     "- Phấn đấu đến năm 2030, tỷ lệ hộ gia đình được công nhận gia đình văn hóa đạt 92%.",
     ("feasibility", W, ["92%"])),
    ("- Năm 2025, tỷ lệ hộ nghèo đa chiều còn 0,6%.\n\n- Phấn đấu đến năm 2030, tỷ lệ hộ nghèo đa chiều dưới 1%.", None),
    ("| TT | Chỉ tiêu | ĐVT | Kế hoạch 2025 | Thực hiện 2025 |\n|---|---|---|---|---|\n"
     "| 1 | Tổng số hộ trên địa bàn | hộ | 9.800 | 9.860 |\n"
     "| | - Hộ nông nghiệp | hộ | 1.200 | 1.180 |\n"
     "| | - Hộ phi nông nghiệp | hộ | 8.600 | 8.700 |", ("sum", E, ["9.860 hộ"])),
    ("| TT | Chỉ tiêu | ĐVT | Kế hoạch 2025 | Thực hiện 2025 |\n|---|---|---|---|---|\n"
     "| 1 | Tổng thu ngân sách trên địa bàn | tỷ đồng | 213,2 | 245,6 |\n"
     "| | Trong đó: Thu thuế, phí | tỷ đồng | 150 | 170,1 |\n"
     "| | Thu tiền sử dụng đất | tỷ đồng | 60 | 70,2 |", None),
    ("- Giá trị sản xuất năm 2025 tăng 0,8% so với năm 2024, trong đó: thương mại - dịch vụ tăng 12%, "
     "công nghiệp - xây dựng tăng 8%, nông nghiệp tăng 2%.", ("growth", E, ["0,8%"])),
    ("- Giá trị sản xuất năm 2025 tăng 10,2% so với năm 2024, trong đó: thương mại - dịch vụ tăng 12,4%, "
     "công nghiệp - xây dựng tăng 8,1%, nông nghiệp tăng 2,5%.", None),
    ("- Tỷ lệ chất thải rắn sinh hoạt được phân loại tại nguồn năm 2025 đạt 32% (chỉ tiêu 50%).",
     ("verdict", E, ["32%"])),
    ("- Tỷ lệ hộ dân được cấp nước sạch từ hệ thống tập trung năm 2025 đạt 72% (chỉ tiêu 85%).",
     ("verdict", E, ["72%"])),
    # the seed itself says this one was missed (its line 111): admitted
    ("- Tỷ lệ lao động trong độ tuổi tham gia bảo hiểm xã hội năm 2025 đạt 19,7% (chỉ tiêu 25%).", None),
    ("- Tỷ lệ người dân có hồ sơ sức khỏe điện tử năm 2025 đạt 81% (chỉ tiêu 90%); chỉ tiêu này chưa đạt do "
     "dữ liệu chưa được cập nhật đầy đủ.", None),
]

# Inconsistencies the seeds hold themselves, verified by hand: (seed, line, type, severity, figures).
REAL: list[tuple[str, int, str, str, list[str]]] = [
    ("000", 124, "ratio", W, ["98,3%", "1495/1520"]),
    ("000", 509, "ratio", W, ["98,3%", "1495/1520"]),
    ("002", 1312, "ratio", E, ["38,5%", "54 lượt"]),
    ("002", 1314, "ratio", E, ["46,3%", "35 lượt"]),
    ("002", 1318, "ratio", E, ["46,7%", "60 lượt"]),
    ("000", 122, "verdict", E, ["16,9%"]),  # 16,9% against "<11%", said nothing of
    ("000", 157, "verdict", E, ["6,8%"]),  # 6,8% against "<6%"
    ("000", 204, "same-indicator-two-values", E, ["337,1 tỷ đồng", "341,5 tỷ đồng"]),  # footnote 1 vs body
    ("000", 90, "shares", W, ["71%", "341,5 tỷ đồng"]),  # 71/25,6/3,4 % vs the sector values of footnote 1
    ("002", 2342, "feasibility", E, ["67 - 68%", "15 - 16%/năm"]),  # sector rates vs the 2030 structure
    ("002", 3810, "same-indicator-two-values", E, ["419 hộ", "479 hộ"]),  # appendix vs footnote 35 (line 585)
    # Phụ lục 1: average indices that the row's own values do not give (2.796 → 5.164 over 2021-2024 is
    # 116,58, printed 116.80; 98,1 → 126,0 over 2021-2025 is 105,13, printed 106,46; …)
    ("002", 3536, "growth", W, ["116.80"]),
    ("002", 3599, "growth", W, ["106,46"]),
    ("002", 3610, "growth", W, ["101,5"]),
    ("002", 3617, "growth", W, ["91,32"]),
    ("002", 3617, "growth", W, ["109,80"]),
]

SEEDS = {"000": SEED_000, "002": SEED_002, "004": SEED_004}


def _insert_at(lines: list[str], seed: str) -> int:
    """Index (0-based) before which the block goes: a heading line in a results section."""
    marks = {"000": "II. ", "002": "2.1.1. Phát triển kinh tế", "004": "## **2. Kết quả"}
    for i, line in enumerate(lines):
        if i > 30 and line.strip().startswith(marks[seed]):
            return i
    raise LookupError(seed)


def build(out: Path) -> list[Path]:
    """Write the planted documents and their keys into ``out``; return the documents."""
    out.mkdir(parents=True, exist_ok=True)
    docs = []
    for seed, path in SEEDS.items():
        lines = path.read_text(encoding="utf-8").split("\n")
        at = _insert_at(lines, seed)
        block: list[str] = [""]
        findings = []
        for text, key in PLANTED[seed]:
            first = at + len(block) + 1
            block.extend(text.split("\n"))
            for kind, sev, figures in ([] if key is None else key if isinstance(key, list) else [key]):
                findings.append({"id": f"{seed}-p{len(findings) + 1}", "type": kind, "lines": [first],
                                 "figures": figures, "severity": sev, "checkable": "self"})
            block.append("")
        for s, line, kind, sev, figures in REAL:
            if s == seed:
                shifted = line + (len(block) if line > at else 0)
                findings.append({"id": f"{seed}-r{line}", "type": kind, "lines": [shifted], "figures": figures,
                                 "severity": sev, "checkable": "self"})
        name = f"{seed}_planted.txt"
        (out / name).write_text("\n".join(lines[:at] + block + lines[at:]), encoding="utf-8")
        (out / f"{seed}_planted.json").write_text(
            json.dumps({"document": name, "findings": findings}, ensure_ascii=False, indent=1), encoding="utf-8")
        docs.append(out / name)
    return docs


def scorer():
    spec = importlib.util.spec_from_file_location("score_checker", SHARED / "eval" / "score_checker.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(out: Path) -> dict[str, dict[str, float]]:
    """Check every planted document, write the predictions beside the keys and score them per kind."""
    from chitieu.check import check_document, to_json
    from chitieu.extract import read_document

    sc = scorer()
    per: dict[str, dict[str, int]] = {}
    preds_dir = out / "pred"
    preds_dir.mkdir(exist_ok=True)
    for doc_path in sorted(out.glob("*_planted.txt")):
        doc = read_document(doc_path)
        text = to_json(doc.name, check_document(doc))
        (preds_dir / doc_path.with_suffix(".json").name).write_text(text, encoding="utf-8")
        key = json.loads(doc_path.with_suffix(".json").read_text(encoding="utf-8"))
        preds = json.loads(text)["findings"]
        r = sc.score_document(key, preds)
        for i, k in enumerate(key["findings"]):
            d = per.setdefault(k["type"], {"key": 0, "hit": 0, "pred": 0, "tp": 0})
            d["key"] += 1
            d["hit"] += i in r["matched_keys"]
        for pi, p in enumerate(preds):
            if pi in r["duplicates"]:
                continue
            d = per.setdefault(p["type"], {"key": 0, "hit": 0, "pred": 0, "tp": 0})
            d["pred"] += 1
            d["tp"] += pi in r["pred_match"]
    return {
        kind: {**d, "recall": d["hit"] / d["key"] if d["key"] else 1.0,
               "precision": d["tp"] / d["pred"] if d["pred"] else 1.0}
        for kind, d in sorted(per.items())
    }


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("/tmp/chitieu-check-devkey")
    build(out)
    result = score(out)
    print(f"{'kind':28} {'key':>4} {'hit':>4} {'pred':>5} {'tp':>4} {'recall':>7} {'precision':>9}")
    for kind, d in result.items():
        print(f"{kind:28} {d['key']:4} {d['hit']:4} {d['pred']:5} {d['tp']:4} {d['recall']:7.2f} {d['precision']:9.2f}")
    print(f"documents, keys and predictions in {out} (score: ../shared/eval/score_checker.py {out} {out}/pred)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
