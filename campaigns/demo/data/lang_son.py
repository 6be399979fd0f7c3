"""The commune plan of the seed "lang-son": UBND of a xã of huyện Chi Lăng (Lạng Sơn), 2022.

The seed gives no number, date or commune name; the demo makes Xã Chi Lăng its issuer (units.demo).
"""

import datetime

from campaigns.demo.data.refs import CHI_LANG
from campaigns.models import DocumentKind, EmulationSubject, Milestone, PlanSection, RecognitionStatus, Target
from units.models import Kind

D = datetime.date
S = PlanSection.Kind
MOVEMENT = "“Lạng Sơn cùng cả nước chung sức xây dựng nông thôn mới”"
CAMPAIGN_SLOGAN = "“Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”"

OPENING = f"""\
Thực hiện Kế hoạch số 219/KH-UBND ngày 03/8/2022 của Ủy ban nhân dân huyện Chi Lăng về việc tổ chức thực hiện Phong trào thi đua {MOVEMENT} giai đoạn 2021 – 2025.

Ủy ban nhân dân xã xây dựng Kế hoạch triển khai thực hiện Phong trào thi đua {MOVEMENT} giai đoạn 2021 – 2025 (gọi tắt là Phong trào thi đua) trên địa bàn xã như sau:"""

PURPOSE = f"""\
1. Mục đích

Tiếp tục phát huy sức mạnh của cả hệ thống chính trị trong việc tuyên truyền, nâng cao nhận thức và vận động các tầng lớp Nhân dân, đơn vị, doanh nghiệp chủ động, trách nhiệm, tích cực tham gia thực hiện thắng lợi chủ trương, chính sách của Đảng, Nhà nước, của tỉnh, của huyện về xây dựng nông thôn mới, phấn đấu hoàn thành và hoàn thành vượt mức các chỉ tiêu chủ yếu của Chương trình mục tiêu quốc gia xây dựng nông thôn mới trên địa bàn giai đoạn 2021 - 2025.

2. Yêu cầu

- Phong trào thi đua tiếp tục là một trong những phong trào trọng tâm của xã; hàng năm đánh giá kết quả phong trào thi đua xây dựng nông thôn mới gắn với kết quả thực hiện nhiệm vụ chính trị và bình xét thi đua, khen thưởng.
- Phong trào thi đua phải được triển khai sâu rộng với nội dung, hình thức phong phú, bảo đảm tiết kiệm, hiệu quả và phù hợp với điều kiện thực tiễn; gắn với triển khai Phong trào xây dựng nông thôn mới với Cuộc vận động {CAMPAIGN_SLOGAN} tránh trùng lặp, chồng chéo trong quá trình tổ chức thực hiện.
- Đến năm 2025 tiến hành tổng kết phong trào thi đua và biểu dương, khen thưởng các điển hình tiên tiến, các sáng kiến, kinh nghiệm hay, các mô hình, cách làm sáng tạo, hiệu quả trong xây dựng nông thôn mới trên địa bàn giai đoạn 2021-2025."""

CONTENT = f"""\
1. Phấn đấu đến năm 2025 xã công nhận đạt chuẩn nông thôn mới nâng cao, xây dựng và công nhận mới 02 - 03 khu dân cư nông thôn mới kiểu mẫu.

2. Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tiếp tục triển khai thực hiện có hiệu quả Phong trào thi đua; tập trung xây dựng, ban hành, tổ chức thực hiện các chủ trương, chính sách và đề xuất các giải pháp đẩy nhanh tiến độ xây dựng nông thôn mới nâng cao trên địa bàn xã.

3. Ủy ban nhân dân huy động các tổ chức, cá nhân trong, ngoài huyện, ngoài tỉnh tích cực tham gia, đóng góp trí tuệ, vật chất, công sức, phát huy nội lực và đẩy mạnh xã hội hóa xây dựng nông thôn mới nâng cao.

- Tuyên truyền, vận động củng cố, tăng cường sự đồng thuận trong các tầng lớp Nhân dân để chung sức xây dựng nông thôn mới.

4. Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức thành viên các cấp tuyên truyền, vận động, tăng cường sự đồng thuận trong các tầng lớp Nhân dân để chung sức xây dựng nông thôn mới; vận động đoàn viên, hội viên và Nhân dân tham gia hưởng ứng tích cực Phong trào thi đua gắn với Cuộc vận động {CAMPAIGN_SLOGAN}; tổ chức giám sát thực hiện xây dựng nông thôn mới góp phần nâng cao chất lượng hiệu quả của Phong trào thi đua."""

MEASURES = """\
1. Các đơn vị, Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội xã. Căn cứ đặc điểm tình hình, yêu cầu nhiệm vụ và đối tượng cụ thể, tiếp tục đẩy mạnh công tác tuyên truyền làm chuyển biến mạnh mẽ về nhận thức “Xây dựng nông thôn mới là quá trình liên tục, thường xuyên, có điểm bắt đầu nhưng không có điểm kết thúc”, xây dựng nông thôn mới bảo đảm thực chất, đi vào chiều sâu, bền vững, lấy người dân làm chủ thể tham gia và hưởng thụ thành quả của nông thôn mới, góp phần nâng cao đời sống vật chất và tinh thần của người dân nông thôn, qua đó tạo sự đồng thuận của toàn xã hội và phát huy sức mạnh tổng hợp của cả hệ thống chính trị trong tổ chức thực hiện Phong trào thi đua giai đoạn 2021 - 2025.

2. Văn hóa và Thông tin. Truyền thông đẩy mạnh công tác thông tin, tuyên truyền, tăng cường các tin, bài, mục, tăng cường thời lượng, bám sát các thôn nhằm phát hiện, biểu dương và nhân rộng các điển hình tiên tiến, các sáng kiến, kinh nghiệm hay, các mô hình, cách làm sáng tạo, hiệu quả trong thực hiện Phong trào thi đua.

3. Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội căn cứ chức năng, nhiệm vụ triển khai thực hiện có hiệu quả Phong trào thi đua trong giai đoạn mới với nội dung, tiêu chí, tiêu chuẩn, biện pháp cụ thể, tránh hình thức, lãng phí; chú trọng chỉ đạo điểm, rút kinh nghiệm để nhân rộng cách làm hay, mô hình mới, hiệu quả; tổ chức sơ kết, tổng kết Phong trào thi đua theo đúng tiến độ."""

SUBJECTS_AND_AWARDS = """\
1. Đối tượng, tiêu chí thi đua

a) Đối với các đơn vị, Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội xã

- Hoàn thành có chất lượng, đúng tiến độ các nhiệm vụ của thành viên Ban Chỉ đạo xây dựng nông thôn mới theo sự phân công của Trưởng Ban Chỉ đạo xã.
- Triển khai thực hiện kịp thời, hiệu quả các cơ chế, chính sách thúc đẩy xây dựng nông thôn mới. Đối với Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tích cực tuyên truyền, vận động hội viên, đoàn viên, người dân thực hiện Phong trào thi đua, tạo sự đồng thuận, lan tỏa trong xã hội về xây dựng nông thôn mới.
- Tham gia chỉ đạo, hỗ trợ (có địa chỉ và kết quả cụ thể) đối với các thôn trong xây dựng khu dân cư kiểu mẫu, nông thôn mới nâng cao.

b) Đối với cấp xã

- Giữ vững và nâng cao chất lượng các tiêu chí xã nông thôn mới toàn diện, nổi bật.
- Đạt chuẩn nông thôn mới nâng cao trong Phong trào xây dựng nông thôn mới của xã; không nợ đọng xây dựng cơ bản trong xây dựng nông thôn mới.

c) Đối với các thôn

Thôn có Khu dân cư kiểu mẫu và được công nhận đạt chuẩn, là thôn tiêu biểu của xã, có nhiều thành tích trong xây dựng nông thôn mới, có mô hình phát triển sản xuất hiệu quả.

d) Đối với doanh nghiệp, hợp tác xã

- Có những đóng góp cụ thể, thiết thực trong xây dựng nông thôn mới và được cấp có thẩm quyền ghi nhận.
- Có liên kết sản xuất theo chuỗi giá trị; bảo tồn và phát triển ngành nghề truyền thống trên địa bàn, có nhiều sản phẩm OCOP được xếp hạng từ 3 sao trở lên; phối hợp tiêu thụ sản phẩm nông nghiệp và giải quyết được nhiều việc làm cho người dân trên địa bàn xã.

đ) Đối với cá nhân

- Cán bộ, công chức, viên chức nỗ lực bám sát cơ sở, có sáng kiến, giải pháp hữu ích trong việc xây dựng, trình cấp có thẩm quyền ban hành, tổ chức thực hiện, kiểm tra việc thực hiện cơ chế, chính sách, hướng dẫn hoặc tháo gỡ khó khăn cho cơ sở trong xây dựng nông thôn mới.
- Người lao động (nông dân, công nhân...), thành viên hợp tác xã tích cực hưởng ứng tham gia Phong trào thi đua với những việc làm thiết thực (đóng góp tiền của, công sức, đất đai...) hoặc có mô hình hay, cách làm mới, sáng tạo, hiệu quả, có phát minh, sáng chế trong lao động, sản xuất góp phần vào việc xây dựng nông thôn mới.

2. Hình thức và tiêu chuẩn khen thưởng

a) Hình thức khen thưởng

- Huân chương Lao động;
- Bằng khen của Thủ tướng Chính phủ;
- Bằng khen của Chủ tịch UBND tỉnh;
- Giấy khen của Chủ tịch UBND huyện;
- Giấy khen của Chủ tịch UBND xã.

b) Tiêu chuẩn khen thưởng

Căn cứ thành tích trong thực hiện Phong trào thi đua, việc xét khen thưởng cho các tập thể, gia đình và cá nhân tiêu biểu, xuất sắc được thực hiện theo quy định của pháp luật về thi đua, khen thưởng và hướng dẫn khen thưởng của Phòng Nội vụ."""

SCHEDULE = """\
1. Căn cứ vào tình hình thực tiễn, UBND xã tiến hành sơ kết, đánh giá, rút kinh nghiệm vào năm 2023 và tổng kết Phong trào thi đua vào năm 2025.

2. Hội đồng Thi đua - Khen thưởng hàng năm tổ chức kiểm tra tình hình triển khai, thực hiện Phong trào thi đua và tiến hành tổng kết Phong trào thi đua vào năm 2025."""

IMPLEMENTATION = """\
1. Hội đồng Thi đua - Khen thưởng xã phối hợp chặt chẽ với Ban Chỉ đạo xây dựng nông thôn mới thống nhất các nội dung và biện pháp triển khai có hiệu quả Phong trào thi đua.

2. Các đơn vị, Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội, căn cứ Kế hoạch và điều kiện cụ thể trên địa bàn xã xây dựng kế hoạch, hướng dẫn và chịu trách nhiệm tổ chức triển khai thực hiện bảo đảm nội dung, chất lượng và tiến độ. Tuyên truyền Phong trào thi đua và các gương điển hình tiên tiến trong Phong trào thi đua.

3. Công chức địa chính – xây dựng và môi trường (cơ quan thường trực, giúp việc Ban Chỉ đạo xây dựng nông thôn mới giai đoạn 2021 – 2025) phối hợp với văn phòng – thống kê (cơ quan thường trực Hội đồng Thi đua - Khen thưởng) tham mưu cho cấp ủy Đảng, chính quyền kết hợp việc kiểm tra, giám sát kế hoạch tổ chức thực hiện Phong trào thi đua với các chương trình, kế hoạch kiểm tra, giám sát, thẩm định chương trình xây dựng nông thôn mới hàng năm, định kỳ, chuyên đề.

Trên đây là Kế hoạch tổ chức thực hiện Phong trào thi đua, đề nghị các đơn vị, các thôn và toàn thể Nhân dân tích cực tham gia hưởng ứng Phong trào thi đua, thể hiện ý chí, sức mạnh của tinh thần đoàn kết, thống nhất của các tầng lớp Nhân dân trong toàn xã, quyết tâm thực hiện thắng lợi Chương trình xây dựng nông thôn mới giai đoạn 2021 - 2025./."""

COUNCIL = "Hội đồng Thi đua - Khen thưởng xã"

PLAN = {
    "document_kind": DocumentKind.PLAN,
    "number": "",
    "issue_date": None,
    "place": "",
    "issuer_name": "UBND xã Chi Lăng",
    "issuing_unit": CHI_LANG,
    "parent": "chi-lang",
    "title": "Lạng Sơn cùng cả nước chung sức xây dựng nông thôn mới",
    "subject": f"Tổ chức thực hiện Phong trào thi đua {MOVEMENT} giai đoạn 2021 - 2025",
    "signer_name": "Vương Văn Sơn",
    "signer_title": "Chủ tịch",
    "signing_mode": "TM.",
    "recipients": [
        "Hội đồng TĐKT huyện;",
        "Thường trực Đảng ủy xã;",
        "Thường trực HĐND xã;",
        "Chủ tịch, Phó Chủ tịch UBND xã;",
        "Thành viên Hội đồng TĐKT xã;",
        "Lưu: VT.",
    ],
    # The plan cites only the district plan, which is its parent.
    "bases": [],
    "sections": [
        (S.OTHER, "Mở đầu", OPENING),
        (S.PURPOSE, "I. Mục đích, yêu cầu", PURPOSE),
        (S.CONTENT, "II. Nội dung phong trào thi đua", CONTENT),
        (S.MEASURES, "III. Giải pháp thực hiện", MEASURES),
        (S.SUBJECTS, "IV. Đối tượng, tiêu chí thi đua và hình thức, tiêu chuẩn khen thưởng", SUBJECTS_AND_AWARDS),
        (S.SCHEDULE, "V. Tiến độ thực hiện", SCHEDULE),
        (S.IMPLEMENTATION, "VI. Tổ chức thực hiện", IMPLEMENTATION),
    ],
    "subjects": [
        (
            EmulationSubject.Kind.AGENCIES,
            "Các đơn vị, Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội xã",
            [
                "Hoàn thành có chất lượng, đúng tiến độ các nhiệm vụ của thành viên Ban Chỉ đạo xây dựng nông thôn mới theo sự phân công của Trưởng Ban Chỉ đạo xã",
                "Triển khai thực hiện kịp thời, hiệu quả các cơ chế, chính sách thúc đẩy xây dựng nông thôn mới",
                "Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội: tích cực tuyên truyền, vận động hội viên, đoàn viên, người dân thực hiện Phong trào thi đua",
                "Tham gia chỉ đạo, hỗ trợ (có địa chỉ và kết quả cụ thể) đối với các thôn trong xây dựng khu dân cư kiểu mẫu, nông thôn mới nâng cao",
            ],
        ),
        (
            EmulationSubject.Kind.COMMUNES,
            "Cấp xã",
            [
                "Giữ vững và nâng cao chất lượng các tiêu chí xã nông thôn mới toàn diện, nổi bật",
                "Đạt chuẩn nông thôn mới nâng cao",
                "Không nợ đọng xây dựng cơ bản trong xây dựng nông thôn mới",
            ],
        ),
        (
            EmulationSubject.Kind.VILLAGES,
            "Các thôn",
            [
                "Có Khu dân cư kiểu mẫu và được công nhận đạt chuẩn",
                "Là thôn tiêu biểu của xã, có nhiều thành tích trong xây dựng nông thôn mới",
                "Có mô hình phát triển sản xuất hiệu quả",
            ],
        ),
        (
            EmulationSubject.Kind.ENTERPRISES,
            "Doanh nghiệp, hợp tác xã",
            [
                "Có những đóng góp cụ thể, thiết thực trong xây dựng nông thôn mới và được cấp có thẩm quyền ghi nhận",
                "Có liên kết sản xuất theo chuỗi giá trị; bảo tồn và phát triển ngành nghề truyền thống trên địa bàn",
                "Có nhiều sản phẩm OCOP được xếp hạng từ 3 sao trở lên",
                "Phối hợp tiêu thụ sản phẩm nông nghiệp và giải quyết được nhiều việc làm cho người dân trên địa bàn xã",
            ],
        ),
        (
            EmulationSubject.Kind.INDIVIDUALS,
            "Cán bộ, công chức, viên chức; người lao động (nông dân, công nhân...), thành viên hợp tác xã",
            [
                "Cán bộ, công chức, viên chức bám sát cơ sở, có sáng kiến, giải pháp hữu ích về cơ chế, chính sách hoặc tháo gỡ khó khăn cho cơ sở",
                "Người lao động, thành viên hợp tác xã có việc làm thiết thực (đóng góp tiền của, công sức, đất đai...)",
                "Có mô hình hay, cách làm mới, sáng tạo, hiệu quả, có phát minh, sáng chế trong lao động, sản xuất",
            ],
        ),
    ],
    "award_forms": [
        "Huân chương Lao động",
        "Bằng khen của Thủ tướng Chính phủ",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Giấy khen của Chủ tịch UBND huyện",
        "Giấy khen của Chủ tịch UBND xã",
    ],
    # The sơ kết was conditional ("căn cứ vào tình hình thực tiễn"); the demo leaves it not done, so it shows
    # as overdue.
    "milestones": [
        {
            "kind": Milestone.Kind.INSPECTION,
            "title": "Hội đồng TĐKT xã kiểm tra tình hình triển khai Phong trào thi đua năm 2023",
            "due_year": 2023,
            "responsible": COUNCIL,
            "done_date": D(2023, 11, 28),
        },
        {
            "kind": Milestone.Kind.MIDTERM_REVIEW,
            "title": "Sơ kết, đánh giá, rút kinh nghiệm Phong trào thi đua",
            "due_year": 2023,
            "responsible": "UBND xã",
            "done_date": None,
        },
        {
            "kind": Milestone.Kind.INSPECTION,
            "title": "Hội đồng TĐKT xã kiểm tra tình hình triển khai Phong trào thi đua năm 2024",
            "due_year": 2024,
            "responsible": COUNCIL,
            "done_date": D(2024, 11, 26),
        },
        {
            "kind": Milestone.Kind.INSPECTION,
            "title": "Hội đồng TĐKT xã kiểm tra tình hình triển khai Phong trào thi đua năm 2025",
            "due_year": 2025,
            "responsible": COUNCIL,
            "done_date": D(2025, 6, 20),
        },
        {
            "kind": Milestone.Kind.FINAL_REVIEW,
            "title": "Tổng kết Phong trào thi đua giai đoạn 2021-2025",
            "due_year": 2025,
            "responsible": "UBND xã; Hội đồng Thi đua - Khen thưởng xã",
            "done_date": D(2025, 6, 25),
        },
    ],
    "targets": [
        {
            "type": Target.Type.UNIT_MILESTONE,
            "description": "Phấn đấu đến năm 2025 xã công nhận đạt chuẩn nông thôn mới nâng cao",
            "units": [CHI_LANG],
            "status": RecognitionStatus.COMMUNE_ADVANCED,
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.UNIT_SHARE,
            "description": "Xây dựng và công nhận mới 02 - 03 khu dân cư nông thôn mới kiểu mẫu",
            "note": "“Công nhận mới”: chỉ đếm các khu dân cư được công nhận từ năm 2022 (mức xuất phát 0).",
            "status": RecognitionStatus.VILLAGE_MODEL,
            "unit_kind": Kind.VILLAGE,
            "measure": Target.Measure.COUNT,
            "baseline_value": 0,
            "baseline_year": 2022,
            "target_value": 2,
            "target_value_max": 3,
            "deadline_year": 2025,
        },
    ],
}
