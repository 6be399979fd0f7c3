"""Documents the seed plans cite (căn cứ), the campaign, and the parent plans held as short records."""

import datetime

from campaigns.demo.data.refs import CAO_BANG, CHI_LANG_DISTRICT
from campaigns.models import DocumentKind

D = datetime.date

# Shared by every plan that cites them: loaded by (kind, number, date).
DOCUMENTS = {
    "luat-tccqdp-2015": {
        "kind": DocumentKind.LAW,
        "number": "77/2015/QH13",
        "date": D(2015, 6, 19),
        "issuer": "Quốc hội",
        "subject": "Luật Tổ chức chính quyền địa phương",
    },
    "luat-sua-doi-2019": {
        "kind": DocumentKind.LAW,
        "number": "47/2019/QH14",
        "date": D(2019, 11, 22),
        "issuer": "Quốc hội",
        "subject": "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
    },
    "nq-25-2021": {
        "kind": DocumentKind.RESOLUTION,
        "number": "25/2021/QH15",
        "date": D(2021, 7, 28),
        "issuer": "Quốc hội",
        "subject": "Phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025",
    },
    "qd-263-ttg": {
        "kind": DocumentKind.DECISION,
        "number": "263/QĐ-TTg",
        "date": D(2022, 2, 22),
        "issuer": "Thủ tướng Chính phủ",
        "subject": "Phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025",
    },
    "qd-587-ttg": {
        "kind": DocumentKind.DECISION,
        "number": "587/QĐ-TTg",
        "date": D(2022, 5, 18),
        "issuer": "Thủ tướng Chính phủ",
        "subject": (
            "Ban hành Kế hoạch tổ chức thực hiện phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” "
            "giai đoạn 2021-2025"
        ),
    },
    "nq-03-tu-quang-tri": {
        "kind": DocumentKind.RESOLUTION,
        "number": "03-NQ/TU",
        "date": D(2021, 11, 4),
        "issuer": "Tỉnh ủy Quảng Trị",
        "subject": (
            "Về thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025, "
            "định hướng đến năm 2030 trên địa bàn tỉnh Quảng Trị"
        ),
    },
    "ttr-96-vpdp": {
        "kind": DocumentKind.SUBMISSION,
        "number": "96/TTr-VPĐP",
        "date": D(2022, 6, 29),
        "issuer": (
            "Chánh Văn phòng UBND tỉnh và Chánh Văn phòng Điều phối Chương trình mục tiêu quốc gia "
            "xây dựng nông thôn mới tỉnh Quảng Trị"
        ),
        "subject": "Đề nghị ban hành Kế hoạch tổ chức thực hiện Phong trào thi đua “Quảng Trị chung sức xây dựng nông thôn mới”",
    },
    "qd-29-2018-quang-tri": {
        "kind": DocumentKind.DECISION,
        "number": "29/2018/QĐ-UBND",
        "date": D(2018, 11, 21),
        "issuer": "UBND tỉnh Quảng Trị",
        "subject": "Quy chế Thi đua Khen thưởng tỉnh Quảng Trị",
    },
    "nq-21-hdnd-quang-tri": {
        "kind": DocumentKind.RESOLUTION,
        "number": "21/NQ-HĐND",
        "date": D(2022, 5, 31),
        "issuer": "HĐND tỉnh Quảng Trị",
        "subject": (
            "Ban hành quy định nguyên tắc, tiêu chí, định mức phân bổ vốn ngân sách Trung ương, vốn đối ứng ngân sách "
            "địa phương và cơ chế hỗ trợ thực hiện Chương trình MTQG xây dựng nông thôn mới giai đoạn 2021-2025 "
            "trên địa bàn tỉnh Quảng Trị"
        ),
    },
    "nq-12-tu-cao-bang": {
        "kind": DocumentKind.RESOLUTION,
        "number": "12-NQ/TU",
        "date": D(2022, 6, 9),
        "issuer": "Ban Chấp hành Đảng bộ tỉnh Cao Bằng khóa XIX",
        "subject": "Về lãnh đạo thực hiện các chương trình mục tiêu quốc gia giai đoạn 2021-2025",
    },
    "nq-03-2022-hdnd-cao-bang": {
        "kind": DocumentKind.RESOLUTION,
        "number": "03/2022/NQ-HĐND",
        "date": D(2022, 2, 25),
        "issuer": "HĐND tỉnh Cao Bằng",
        "subject": "Quy định về thực hiện chương trình mục tiêu quốc gia trên địa bàn tỉnh Cao Bằng giai đoạn 2021-2025",
    },
    "qd-867-cao-bang": {
        "kind": DocumentKind.DECISION,
        "number": "867/QĐ-UBND",
        "date": D(2022, 7, 8),
        "issuer": "UBND tỉnh Cao Bằng",
        "subject": (
            "Phê duyệt danh sách các đơn vị cấp huyện phấn đấu đạt chuẩn nông thôn mới, hoàn thành nhiệm vụ xây dựng "
            "nông thôn mới, các xã phấn đấu đạt chuẩn nông thôn mới, nông thôn mới nâng cao, nông thôn mới kiểu mẫu "
            "giai đoạn 2021-2025"
        ),
    },
    "kh-2683-ha-quang": {
        "kind": DocumentKind.PLAN,
        "number": "2683/KH-UBND",
        "date": D(2022, 9, 13),
        "issuer": "UBND huyện Hà Quảng",
        "subject": "Thực hiện Chương trình MTQG xây dựng nông thôn mới huyện Hà Quảng giai đoạn 2021-2025",
    },
    "kh-2115-cao-bang": {
        "kind": DocumentKind.PLAN,
        "number": "2115/KH-UBND",
        "date": D(2022, 8, 16),
        "issuer": "UBND tỉnh Cao Bằng",
        "subject": "Xây dựng xóm đạt chuẩn nông thôn mới, xóm nông thôn mới kiểu mẫu trên địa bàn tỉnh Cao Bằng",
    },
    "qd-1465-cao-bang": {
        "kind": DocumentKind.DECISION,
        "number": "1465/QĐ-UBND",
        "date": D(2022, 10, 11),
        "issuer": "UBND tỉnh Cao Bằng",
        "subject": "Ban hành bộ tiêu chí xóm nông thôn mới; xóm nông thôn mới kiểu mẫu trên địa bàn tỉnh Cao Bằng",
    },
    "qd-1177-cao-bang": {
        "kind": DocumentKind.DECISION,
        "number": "1177/QĐ-UBND",
        "date": D(2022, 9, 12),
        "issuer": "UBND tỉnh Cao Bằng",
        "subject": (
            "Phân công cơ quan, đơn vị phụ trách, giúp đỡ xã phấn đấu đạt chuẩn nông thôn mới, nông thôn mới nâng cao, "
            "nông thôn mới kiểu mẫu giai đoạn 2021-2025"
        ),
    },
}

CAMPAIGN = {
    "name": "Cả nước chung sức xây dựng nông thôn mới",
    "scope": "Toàn quốc",
    "start_year": 2021,
    "end_year": 2025,
    "launching_body": "Thủ tướng Chính phủ",
    "national_plan": "Quyết định 587/QĐ-TTg ngày 18/5/2022",
    "description": (
        "Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021-2025, gắn với Chương trình "
        "mục tiêu quốc gia xây dựng nông thôn mới (Nghị quyết 25/2021/QH15, Quyết định 263/QĐ-TTg). "
        "Các tỉnh, huyện, xã và cơ quan ban hành kế hoạch riêng, có thể đặt tên phong trào theo địa phương."
    ),
}

# Plans the seeds cite but whose text we do not hold: number, date, issuer and title only.
# Listed parents first; "parent" names an earlier entry by its key.
SUMMARY_PLANS = {
    "national": {
        "document_kind": DocumentKind.DECISION,
        "number": "587/QĐ-TTg",
        "issue_date": D(2022, 5, 18),
        "place": "Hà Nội",
        "issuer_name": "Thủ tướng Chính phủ",
        "issuing_unit": None,
        "title": "Cả nước chung sức xây dựng nông thôn mới",
        "subject": DOCUMENTS["qd-587-ttg"]["subject"],
        "parent": None,
    },
    "cao-bang": {
        "document_kind": DocumentKind.PLAN,
        "number": "2452/KH-UBND",
        "issue_date": D(2022, 9, 26),
        "place": "Cao Bằng",
        "issuer_name": "UBND tỉnh Cao Bằng",
        "issuing_unit": CAO_BANG,
        "title": "Cả nước chung sức xây dựng nông thôn mới",
        "subject": (
            "Thực hiện phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021-2025 "
            "trên địa bàn tỉnh Cao Bằng"
        ),
        "parent": "national",
    },
    # The lang-son seed cites no provincial plan of Lạng Sơn, so the district plan hangs off the national one.
    "chi-lang": {
        "document_kind": DocumentKind.PLAN,
        "number": "219/KH-UBND",
        "issue_date": D(2022, 8, 3),
        "place": "Chi Lăng",
        "issuer_name": "UBND huyện Chi Lăng",
        "issuing_unit": CHI_LANG_DISTRICT,
        "title": "Lạng Sơn cùng cả nước chung sức xây dựng nông thôn mới",
        "subject": (
            "Tổ chức thực hiện Phong trào thi đua “Lạng Sơn cùng cả nước chung sức xây dựng nông thôn mới” "
            "giai đoạn 2021 - 2025"
        ),
        "parent": "national",
    },
}
