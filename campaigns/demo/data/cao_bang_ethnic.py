"""Kế hoạch "Số: /KH-BDT" of Ban Dân tộc tỉnh Cao Bằng, 30/9/2022 (seed "cao-bang-ethnic").

An agency plan: it sets no unit targets. Its purpose ties the emulation to the communes the agency was assigned
to help under QĐ 1177/QĐ-UBND; its subjects (III.1) and award forms (III.2) are only those the text names.
"""

import datetime

from campaigns.demo.data.refs import BAN_DAN_TOC, local
from campaigns.models import DocumentKind, EmulationSubject, Milestone, PlanSection
from units.models import Kind

D = datetime.date
S = PlanSection.Kind
MOVEMENT = "“Cả nước chung sức xây dựng nông thôn mới”"

OPENING = f"""\
Căn cứ Nghị quyết số 12-NQ/TU ngày 09/6/2022 của Ban chấp hành Đảng bộ tỉnh khoá XIX về lãnh đạo thực hiện các Chương trình mục tiêu quốc gia giai đoạn 2021 - 2025; Kế hoạch số 2452/KH-UBND ngày 26/9/2022 của UBND tỉnh Cao Bằng thực hiện Phong trào thi đua {MOVEMENT} giai đoạn 2021 - 2025 trên địa bàn tỉnh Cao Bằng. Ban Dân tộc tỉnh Cao Bằng ban hành Kế hoạch thực hiện Phong trào thi đua {MOVEMENT} giai đoạn 2021 - 2025 (sau đây gọi tắt là Phong trào thi đua) với các nội dung, như sau:"""

PURPOSE = """\
1. Mục đích

- Đẩy mạnh công tác tuyên truyền, phổ biến, quán triệt các chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước về xây dựng nông thôn mới, nhất là thực hiện các Chỉ thị, Nghị quyết của Đảng về nông nghiệp, nông dân và nông thôn, nhằm nâng cao nhận thức, tinh thần chủ động, trách nhiệm, tích cực của mỗi tập thể, cá nhân, góp phần hoàn thành và hoàn thành vượt mức các chỉ tiêu chủ yếu của Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025.
- Tổ chức Phong trào thi đua thiết thực, hiệu quả gắn với địa chỉ xã được phân công phụ trách, giúp đỡ theo Quyết định số 1177/QĐ-UBND ngày 12/9/2022 của UBND tỉnh Cao Bằng v/v phân công cơ quan, đơn vị phụ trách, giúp đỡ xã phấn đấu đạt chuẩn nông thôn mới, nông thôn nâng cao, nông thôn mới kiểu mới giai đoạn 2021 - 2025.

2. Yêu cầu

- Triển khai sâu rộng Phong trào thi đua trong Ban với nội dung, hình thức phong phú, đảm bảo tiết kiệm, hiệu quả, thực chất, phù hợp với thực tiễn tránh chạy theo thành tích; gắn triển khai Phong trào thi đua với Cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh" tránh trùng lặp, chồng chéo trong quá trình tổ chức thực hiện.
- Phong trào thi đua tiếp tục là trọng tâm trong các Phong trào thi đua của Ban; đánh giá kết quả Phong trào thi đua phải gắn với kết quả thực hiện nhiệm vụ chính trị và bình xét thi đua hàng năm của Ban.
- Tiến hành sơ kết, tổng kết Phong trào thi đua; biểu dương, khen thưởng kịp thời các điển hình tiên tiến, các sáng kiến kinh nghiệm hay, các mô hình, cách làm sáng tạo, hiệu quả trong xây dựng nông thôn mới giai đoạn 2021 - 2025."""

CONTENT = """\
1. Căn cứ chức năng, nhiệm vụ xây dựng kế hoạch và tổ chức thực hiện có hiệu quả Phong trào thi đua.

2. Đẩy mạnh công tác tuyên truyền, vận động, tạo sự đồng thuận cao trong công chức, người lao động Ban để chung sức xây dựng nông thôn mới; biểu dương, nhân rộng các điển hình tiên tiến trong phong trào thi đua.

3. Đẩy mạnh công tác vận động, huy động các doanh nghiệp, tổ chức, cá nhân trong và ngoài tỉnh tích cực tham gia, đóng góp trí tuệ, công sức, phát huy nội lực và đẩy mạnh xã hội hóa xây dựng nông thôn mới;"""

SUBJECTS_AND_AWARDS = """\
1. Đối tượng, tiêu chí thi đua

a) Tập thể: Các phòng chuyên môn thuộc Ban, triển khai thực hiện có hiệu quả Phong trào thi đua, tích cực tuyên truyền, vận động công chức thực hiện tốt phong trào thi đua, tạo sự đồng thuận, lan tỏa trong xã hội; có những đóng góp cụ thể, thiết thực trong xây dựng nông thôn mới.

b) Cá nhân: Công chức, người lao động Ban tích cực hưởng ứng, tham gia Phong trào thi đua với những việc làm thiết thực; có sáng kiến, giải pháp hữu ích trong xây dựng nông thôn mới.

2. Tiêu chuẩn, hình thức khen thưởng

2.1. Khen thưởng từ cấp tỉnh trở lên

Việc xem xét đề xuất khen thưởng từ cấp tỉnh trở lên cho các tập thể, cá nhân tiêu biểu, xuất sắc trong thực hiện phong trào thi đua được thực hiện theo quy định của pháp luật về thi đua, khen thưởng.

2.2. Khen thưởng cấp Ban

- Tiêu chuẩn khen thưởng tập thể và cá nhân dựa trên tiêu chí khen thưởng quy định tại Khoản 1 Mục III – Đối tượng, tiêu chí thi đua; tiêu chuẩn, hình thức khen thưởng của Kế hoạch này.
- Hình thức khen thưởng: Giấy khen của Thủ trưởng cơ quan; thực hiện hằng năm và vào dịp sơ kết, tổng kết Phong trào thi đua."""

SCHEDULE = """\
1. Quý III năm 2022: Xây dựng kế hoạch và tổ chức thực hiện Phong trào thi đua hiệu quả, thiết thực;

2. Năm 2023: Tổ chức sơ kết Phong trào thi đua; thực hiện công tác khen thưởng và trình khen thưởng theo thẩm quyền.

3. Năm 2025: Tổ chức tổng kết Phong trào thi đua; thực hiện công tác khen thưởng và trình khen thưởng theo thẩm quyền."""

IMPLEMENTATION = f"""\
- Hội đồng thi đua khen thưởng tham mưu cho Lãnh đạo Ban phát động nội dung phong trào thi đua đến toàn thể công chức, người lao động trong Ban; hướng dẫn, tham mưu thực hiện khen thưởng phong trào thi đua các tập thể, cá nhân theo quy định.
- Các phòng chuyên môn quán triệt, cụ thể hóa, triển khai các nội dung phong trào thi đua.
- Các tổ chức đoàn thể vận động đoàn viên tích cực hưởng ứng tham gia phong trào thi đua.
- Văn phòng có trách nhiệm thường xuyên theo dõi, đôn đốc các phòng, công chức, người lao động trong Ban triển khai thực hiện phong trào thi đua; tham mưu sơ kết và tổng kết phong trào thi đua và gửi báo cáo theo quy định.

Trên đây là Kế hoạch thực hiện phong trào thi đua {MOVEMENT} giai đoạn 2021 - 2025 của Ban Dân tộc tỉnh Cao Bằng./."""

OFFICE = "Văn phòng Ban"
OFFICE_UNIT = local(Kind.AGENCY, OFFICE)

PLAN = {
    "document_kind": DocumentKind.PLAN,
    # The number was left blank when the plan was signed: only the symbol is printed.
    "number": "/KH-BDT",
    "issue_date": D(2022, 9, 30),
    "place": "Cao Bằng",
    "issuer_name": "Ban Dân tộc tỉnh Cao Bằng",
    "issuing_unit": BAN_DAN_TOC,
    "parent": "cao-bang",
    "title": "Cả nước chung sức xây dựng nông thôn mới",
    "subject": f"Thực hiện Phong trào thi đua {MOVEMENT} giai đoạn 2021 - 2025",
    "signer_name": "Hà Văn Vui",
    "signer_title": "Phó Trưởng ban",
    "signing_mode": "KT.",
    "recipients": [
        "UBND tỉnh;",
        "Ban Thi đua Khen thưởng tỉnh, Sở Nội vụ;",
        "Khối thi đua các cơ quan TMTH;",
        "Lãnh đạo Ban;",
        "Các phòng chuyên môn;",
        "Lưu: VT, TĐKT.",
    ],
    "bases": ["nq-12-tu-cao-bang", "qd-1177-cao-bang"],
    "sections": [
        (S.OTHER, "Căn cứ", OPENING),
        (S.PURPOSE, "I. Mục đích, yêu cầu", PURPOSE),
        (S.CONTENT, "II. Nội dung thi đua", CONTENT),
        (S.SUBJECTS, "III. Đối tượng, tiêu chí thi đua; tiêu chuẩn, hình thức khen thưởng", SUBJECTS_AND_AWARDS),
        (S.SCHEDULE, "IV. Tiến độ thực hiện", SCHEDULE),
        (S.IMPLEMENTATION, "V. Tổ chức thực hiện", IMPLEMENTATION),
    ],
    "subjects": [
        (
            EmulationSubject.Kind.INTERNAL_COLLECTIVES,
            "Các phòng chuyên môn thuộc Ban",
            [
                "Triển khai thực hiện có hiệu quả Phong trào thi đua",
                "Tích cực tuyên truyền, vận động công chức thực hiện tốt phong trào thi đua, tạo sự đồng thuận, lan tỏa trong xã hội",
                "Có những đóng góp cụ thể, thiết thực trong xây dựng nông thôn mới",
            ],
        ),
        (
            EmulationSubject.Kind.INDIVIDUALS,
            "Công chức, người lao động Ban",
            [
                "Tích cực hưởng ứng, tham gia Phong trào thi đua với những việc làm thiết thực",
                "Có sáng kiến, giải pháp hữu ích trong xây dựng nông thôn mới",
            ],
        ),
    ],
    # 2.2 names the head's Giấy khen; 2.1 proposes upward "từ cấp tỉnh trở lên" without naming a form.
    "award_forms": ["Giấy khen của Thủ trưởng cơ quan, đơn vị"],
    "milestones": [
        {
            "kind": Milestone.Kind.BUILD_PLAN,
            "title": "Xây dựng kế hoạch và tổ chức thực hiện Phong trào thi đua",
            "due_year": 2022,
            "due_quarter": 3,
            "responsible": OFFICE,
            "responsible_unit": OFFICE_UNIT,
            "done_date": D(2022, 9, 30),
        },
        {
            "kind": Milestone.Kind.MIDTERM_REVIEW,
            "title": "Sơ kết Phong trào thi đua; khen thưởng và trình khen thưởng theo thẩm quyền",
            "due_year": 2023,
            "responsible": OFFICE,
            "responsible_unit": OFFICE_UNIT,
            "done_date": D(2023, 12, 15),
        },
        {
            "kind": Milestone.Kind.FINAL_REVIEW,
            "title": "Tổng kết Phong trào thi đua; khen thưởng và trình khen thưởng theo thẩm quyền",
            "due_year": 2025,
            "responsible": OFFICE,
            "responsible_unit": OFFICE_UNIT,
            "done_date": D(2025, 6, 18),
        },
    ],
    "targets": [],
}
