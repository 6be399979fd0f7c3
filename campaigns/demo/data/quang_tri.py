"""Quyết định 1872/QĐ-UBND of UBND tỉnh Quảng Trị, 15/7/2022, issuing its Kế hoạch (seed "quang-tri").

The seed has no signature block, so the signer stays blank. The plan has no subjects section (đối tượng, tiêu
chí thi đua), so the demo gives it none; its section V names one award form, the province chairman's Bằng khen
(state awards "theo hướng dẫn của các Bộ ngành Trung ương", no form named).
"""

import datetime

from campaigns.demo.data.refs import QUANG_TRI
from campaigns.models import DocumentKind, Milestone, PlanSection, RecognitionStatus, Target
from units.models import Kind

D = datetime.date
S = PlanSection.Kind
MOVEMENT = "“Quảng Trị chung sức xây dựng nông thôn mới”"
NATIONAL = "“Cả nước chung sức xây dựng nông thôn mới”"
SLOGAN = "“Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”"

DECISION = f"""\
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;

Căn cứ Nghị quyết số 25/2021/QH15 ngày 28/7/2021 của Quốc hội về Phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025;

Căn cứ Quyết định số 263/QĐ-TTg, ngày 22/02/2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025;

Căn cứ Quyết định số 587/QĐ-TTg ngày 18 tháng 5 năm 2022 của Thủ tướng Chính phủ về việc ban hành Kế hoạch tổ chức thực hiện phong trào thi đua {NATIONAL} giai đoạn 2021-2025;

Căn cứ Nghị quyết số 03-NQ/TU ngày 04/11/2021 của Tỉnh ủy về thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025, định hướng đến năm 2030 trên địa bàn tỉnh Quảng Trị;

Xét đề nghị của Chánh Văn phòng UBND tỉnh và Chánh Văn phòng Điều phối Chương trình mục tiêu quốc gia xây dựng nông thôn mới tỉnh tại Tờ trình số 96/TTr-VPĐP ngày 29/6/2022.

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tổ chức thực hiện Phong trào thi đua {MOVEMENT} giai đoạn 2021-2025.

Điều 2. Quyết định này có hiệu lực thi hành từ ngày ký.

Chánh Văn phòng UBND tỉnh; Giám đốc các sở, Thủ trưởng các ban, ngành, đoàn thể cấp tỉnh; Chánh Văn phòng Điều phối nông thôn mới tỉnh, Trưởng ban Thi đua - Khen thưởng tỉnh; Chủ tịch UBND các huyện, thị xã và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./."""

OPENING = f"""\
(Ban hành kèm theo Quyết định số 1872/QĐ-UBND ngày 15 tháng 7 năm 2022 của UBND tỉnh Quảng Trị)

Trong hơn 10 năm qua, Phong trào thi đua {MOVEMENT} đã trở thành một trong những phong trào trọng tâm, có sức lan tỏa mạnh mẽ và sâu rộng; huy động được sự tham gia tích cực của cả hệ thống chính trị, sự vào cuộc của các cấp, các ngành, cùng với sự hưởng ứng tích cực của đông đảo người dân, cùng chung tay, góp sức xây dựng nông thôn mới. Nhờ vậy, đến nay, toàn tỉnh đã có 63/101 xã đạt chuẩn nông thôn mới (chiếm 62,4%), 01 huyện đạt chuẩn nông thôn mới, không còn xã đồng bằng đạt dưới 16 tiêu chí, xã miền núi đạt dưới 8 tiêu chí.

Thực hiện Quyết định số 587/QĐ-TTg ngày 18 tháng 5 năm 2022 của Thủ tướng Chính phủ về việc ban hành Kế hoạch tổ chức thực hiện phong trào thi đua {NATIONAL} giai đoạn 2021- 2025; tiếp tục phát huy những kết quả đã đạt được và để triển khai Phong trào thi đua đạt kết quả toàn diện, góp phần hoàn thành thắng lợi Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025, UBND tỉnh ban hành Kế hoạch tổ chức thực hiện Phong trào thi đua {MOVEMENT} giai đoạn 2021-2025, như sau:"""

PURPOSE = """\
1. Mục đích:

a) Tiếp tục phát huy sức mạnh của cả hệ thống chính trị trong việc tuyên truyền, nâng cao nhận thức và vận động các tầng lớp nhân dân trực tiếp tham gia thực hiện thắng lợi Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025.

b) Tổ chức Phong trào thi đua thiết thực, hiệu quả, phấn đấu thực hiện Chương trình MTQG xây dựng nông thôn mới tỉnh đạt được các mục tiêu cụ thể như sau: Đến năm 2025, có thêm 04 huyện đạt chuẩn nông thôn mới và 01 huyện đạt chuẩn nông thôn mới kiểu mẫu; 80% số xã đạt chuẩn nông thôn mới, trong đó có 09 xã vùng đồng bào dân tộc thiểu số, miền núi; 25% số xã đạt chuẩn nông thôn mới nâng cao, kiểu mẫu; không còn xã đạt dưới 13 tiêu chí; có ít nhất 40% số thôn thuộc các xã đặc biệt khó khăn vùng đồng bào dân tộc thiểu số và miền núi đạt chuẩn nông thôn mới; thu nhập bình quân đầu người khu vực nông thôn tăng ít nhất 1,5 lần so với năm 2020; duy trì và nâng cao mức độ đạt chuẩn tiêu chí của các xã đã đạt chuẩn nông thôn mới.

2. Yêu cầu:

a) Việc thực hiện Phong trào thi đua tiếp tục là nhiệm vụ trọng tâm trong các phong trào thi đua của các sở, ban, ngành cấp tỉnh và Ủy ban Mặt trận Tổ quốc Việt Nam, đoàn thể các cấp; việc đánh giá kết quả thực hiện phong trào thi đua phải gắn với kết quả thực hiện nhiệm vụ chính trị và bình xét thi đua hàng năm của các địa phương, đơn vị.

b) Phong trào thi đua tiếp tục được triển khai sâu rộng từ tỉnh đến cơ sở với nội dung, hình thức phong phú, thiết thực, phù hợp với thực tiễn ở từng đơn vị, địa phương; phát huy được sáng kiến, sáng tạo trong tầng lớp nhân dân.

c) Việc khen thưởng phải đảm bảo chính xác, công khai, công bằng, kịp thời, tạo động lực thúc đẩy Phong trào thi đua phát triển, tránh chạy theo thành tích.

d) Đến năm 2025, các cấp, các ngành tiến hành tổng kết Phong trào thi đua, biểu dương, khen thưởng các điển hình tiên tiến, các sáng kiến, kinh nghiệm hay, các mô hình, cách làm sáng tạo trong phong trào xây dựng nông thôn mới giai đoạn 2021-2025."""

CONTENT = f"""\
1. Các sở, ban, ngành cấp tỉnh căn cứ chức năng, nhiệm vụ được giao, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tổ chức rà soát, tham mưu sửa đổi, bổ sung hoặc xây dựng mới các cơ chế, chính sách trong xây dựng nông thôn mới. Xây dựng chương trình, kế hoạch, chỉ đạo hướng dẫn cơ sở thực hiện hoàn thành các nội dung tiêu chí đạt chuẩn nông thôn mới thuộc lĩnh vực quản lý. Tổ chức thực hiện phong trào thi đua xây dựng nông thôn mới với nội dung thiết thực, hiệu quả bám sát nhiệm vụ của ngành, lĩnh vực; thực hiện tốt công tác hỗ trợ, đỡ đầu các xã trong xây dựng nông thôn mới.

2. UBND các huyện, thị xã tiếp tục phát động, hướng dẫn, đổi mới nội dung, hình thức triển khai thực hiện Phong trào thi đua trên địa bàn phù hợp với yêu cầu thực tiễn của địa phương, trong đó chú trọng:

- Ban hành các cơ chế, chính sách của địa phương để thúc đẩy chương trình, trong đó có các chính sách về khen thưởng đối với thôn/bản đạt chuẩn kiểu mẫu, thôn bản khó khăn trong xây dựng nông thôn mới đạt chuẩn (nếu có), vườn mẫu, sản phẩm OCOP đạt chuẩn v.v. phù hợp với từng vùng, địa bàn và dân cư làm mục tiêu để tổ chức, triển khai, đánh giá phong trào thi đua của địa phương;
- Phối hợp chặt chẽ với các sở, ban, ngành cấp tỉnh, Ủy ban Mặt trận Tổ quốc Việt Nam và tổ chức chính trị - xã hội các cấp trong triển khai thực hiện phong trào thi đua;
- Ban hành, lồng ghép, tổ chức thực hiện các chính sách, đề xuất các giải pháp, tranh thủ mọi nguồn lực để đẩy nhanh tiến độ xây dựng nông thôn mới;
- Tập trung nghiên cứu, phát huy sáng kiến trong phong trào xây dựng nông thôn mới. Huy động các tổ chức, doanh nghiệp và cá nhân ở trong và ngoài tỉnh tích cực tham gia, đóng góp công sức, trí tuệ, phát huy nội lực và đẩy mạnh xã hội hóa xây dựng nông thôn mới;
- Tuyên truyền, vận động tăng cường sự đồng thuận của các tầng lớp nhân dân để chung sức xây dựng nông thôn mới;
- Tập trung chỉ đạo các xã trên địa bàn xây dựng kế hoạch, tổ chức thực hiện hoàn thành các tiêu chí xã đạt chuẩn nông thôn mới, nông thôn mới nâng cao và xã nông thôn mới kiểu mẫu; phát huy tiềm năng lợi thế của địa phương để tổ chức các mô hình sản xuất, kinh doanh có hiệu quả nhằm nâng cao đời sống cho người dân;
- Phấn đấu hoàn thành có chất lượng các chỉ tiêu, nhiệm vụ trong xây dựng nông thôn mới;
- Tập trung chỉ đạo, kiểm tra, hướng dẫn, hỗ trợ nguồn lực để huyện, xã hoàn thành nhiệm vụ xây dựng nông thôn mới.

3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội các cấp tuyên truyền, vận động đoàn viên, hội viên tham gia hưởng ứng tích cực Phong trào thi đua, gắn với cuộc vận động {SLOGAN}; tổ chức giám sát thực hiện xây dựng nông thôn góp phần nâng cao chất lượng hiệu quả của Phong trào."""

SCHEDULE = f"""\
1. Kế hoạch hàng năm

- Hàng năm UBND các huyện, thị xã lựa chọn 01 địa phương để tổ chức phát động phong trào {MOVEMENT}, tùy theo tình hình thực tế có thể phát động phong trào theo từng chủ đề cụ thể, gắn với các hoạt động thiết thực, hiệu quả;
- Việc tổng kết phong trào của UBND tỉnh, UBND các huyện được lồng ghép vào tổng kết chương trình MTQG xây dựng nông thôn mới hàng năm, gắn với công tác thi đua, khen thưởng.

2. Kế hoạch giai đoạn 2021 - 2025

- Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tổ chức phát động phong trào thi đua và ký kết giao ước thi đua phong trào {MOVEMENT} giai đoạn 2021-2025 trong toàn tỉnh vào quý III năm 2022;
- Các sở, ban, ngành, đoàn thể cấp tỉnh và UBND các huyện, thị xã xây dựng kế hoạch, hướng dẫn tổ chức triển khai phong trào trong quý III năm 2022; Năm 2023 tiến hành sơ kết, đánh giá, rút kinh nghiệm để tiếp tục thực hiện phong trào thi đua và tiến hành tổng kết phong trào thi đua vào năm 2025;
- UBND tỉnh tổ chức sơ kết phong trào thi đua vào năm 2023 và tổng kết vào năm 2025."""

FUNDING = """\
Kinh phí phát động phong trào cấp tỉnh và UBND các huyện, thị xã được thực hiện từ nguồn ngân sách sự nghiệp hàng năm của Chương trình MTQG xây dựng nông thôn mới và các nguồn kinh phí hợp pháp khác."""

AWARDS = f"""\
Căn cứ thành tích trong thực hiện Phong trào thi đua {MOVEMENT} giai đoạn 2021-2025, việc xét tặng thưởng Bằng khen của Chủ tịch UBND tỉnh cho các tập thể, cá nhân tiêu biểu, xuất sắc được thực hiện theo quy định của pháp luật về thi đua khen thưởng (tại Quyết định số 29/2018/QĐ-UBND ngày 21/11/2018 của UBND tỉnh về Quy chế Thi đua Khen thưởng tỉnh Quảng Trị); việc khen thưởng công trình cho các địa phương đạt chuẩn ở các cấp độ được thực hiện theo chính sách khen thưởng tại Nghị quyết số 21/NQ-HĐND ngày 31/5/2022 của HĐND tỉnh về ban hành quy định nguyên tắc, tiêu chí, định mức phân bổ vốn ngân sách Trung ương, vốn đối ứng ngân sách địa phương và cơ chế hỗ trợ thực hiện Chương trình MTQG xây dựng nông thôn mới giai đoạn 2021 -2025 trên địa bàn tỉnh Quảng Trị; khen thưởng cấp Nhà nước thực hiện theo hướng dẫn của các Bộ ngành Trung ương."""

MEASURES = """\
1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội phối hợp với các sở, ban, ngành cấp tỉnh, UBND các huyện, thị xã căn cứ tình hình, yêu cầu, nhiệm vụ và đối tượng cụ thể để có các hình thức tuyên truyền phù hợp, tạo sự chuyển biến mạnh mẽ về nhận thức “Xây dựng nông thôn mới là quá trình liên tục, thường xuyên, có điểm bắt đầu nhưng không có điểm kết thúc”, xây dựng nông thôn mới đảm bảo thực chất, đi vào chiều sâu, bền vững lấy người dân làm chủ thể tham gia và hưởng thụ thành quả của xây dựng nông thôn mới, góp phần nâng cao đời sống vật chất và tinh thần của người dân nông thôn, qua đó tạo sự đồng thuận trong toàn xã hội và phát huy sức mạnh tổng hợp của cả hệ thống chính trị để quyết tâm triển khai tổ chức thực hiện có hiệu quả Phong trào thi đua trong giai đoạn 2021-2025.

2. Các sở, ban, ngành, đoàn thể cấp tỉnh tăng cường tham gia chỉ đạo, hỗ trợ, đỡ đầu đối với các địa phương còn nhiều khó khăn trong xây dựng nông thôn mới.

3. Sở Thông tin và Truyền thông, Đài Phát thanh - Truyền hình tỉnh, Báo Quảng Trị phối hợp với Văn phòng Điều phối nông thôn mới tỉnh chỉ đạo các cơ quan truyền thông đẩy mạnh công tác tuyên truyền, mở các chuyên trang, chuyên mục, tăng cường thời lượng phát sóng, bám sát cơ sở để kịp thời phát hiện, biểu dương và nhân rộng các điển hình tiên tiến, những mô hình hay, cách làm sáng tạo, hiệu quả trong thực hiện Phong trào thi đua.

4. Các sở, ban, ngành, đoàn thể cấp tỉnh và UBND các huyện, thị xã triển khai thực hiện có hiệu quả Phong trào thi đua trong giai đoạn mới với nội dung, tiêu chí, biện pháp cụ thể, tránh phô trương, hình thức, lãng phí.

5. Hàng năm, Văn phòng Điều phối nông thôn mới tỉnh phối hợp với Ban Thi đua - Khen thưởng tỉnh tổ chức kiểm tra, giám sát tình hình triển khai thực hiện Phong trào thi đua ở các địa phương, đơn vị."""

IMPLEMENTATION = f"""\
1. Hội đồng Thi đua - Khen thưởng các cấp phối hợp chặt chẽ với Ban chỉ đạo các Chương trình MTQG cùng cấp (qua cơ quan giúp việc BCĐ các chương trình MTQG cấp tỉnh, cấp huyện) thống nhất các nội dung và biện pháp triển khai có hiệu quả phong trào thi đua giai đoạn 2021 - 2025.

2. Các sở, ban, ngành, đoàn thể cấp tỉnh; UBND các huyện, thị xã căn cứ Kế hoạch này và điều kiện cụ thể của từng ngành, địa phương để xây dựng kế hoạch, hướng dẫn triển khai tổ chức thực hiện phong trào đảm bảo nội dung, chất lượng và tiến độ.

3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh chủ trì phối hợp với Văn phòng Điều phối nông thôn mới tỉnh, Ban Thi đua - Khen thưởng tỉnh và các ngành liên quan tổ chức phát động phong trào thi đua và ký kết giao ước thi đua phong trào {MOVEMENT} giai đoạn 2021-2025 trong toàn tỉnh vào quý III, năm 2022; tuyên truyền, vận động hội viên, đoàn viên tích cực tham gia xây dựng nông thôn mới thông qua Cuộc vận động {SLOGAN} và phát hiện, nhân rộng các điển hình tiên tiến trong phạm vi toàn tỉnh.

4. Hàng năm, các sở, ban, ngành, đoàn thể cấp tỉnh; UBND các huyện, thị xã báo cáo tình hình tổ chức thực hiện Phong trào thi đua về Văn phòng Điều phối nông thôn mới tỉnh trước ngày 30 tháng 11 để tổng hợp, báo cáo UBND tỉnh.

5. Văn phòng Điều phối nông thôn mới tỉnh chủ trì, phối hợp với Ban Thi đua - Khen thưởng tỉnh và các ngành liên quan triển khai, đôn đốc các đơn vị, địa phương tổ chức thực hiện Kế hoạch; tham mưu UBND tỉnh tổ chức sơ kết và tổng kết phong trào thi đua.

Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc hoặc cần điều chỉnh, bổ sung Kế hoạch cho phù hợp với tình hình thực tiễn, các đơn vị, địa phương phản ánh về Văn phòng Điều phối nông thôn mới tỉnh để tổng hợp, đề xuất UBND tỉnh xem xét, quyết định./."""

VPDP = "Văn phòng Điều phối nông thôn mới tỉnh"
REPORTERS = "Các sở, ban, ngành, đoàn thể cấp tỉnh; UBND các huyện, thị xã"


def _annual_report(year: int, done: datetime.date | None) -> dict:
    return {
        "kind": Milestone.Kind.ANNUAL_REPORT,
        "title": f"Báo cáo năm {year} về {VPDP} (trước ngày 30/11)",
        "due_date": D(year, 11, 30),
        "responsible": REPORTERS,
        "done_date": done,
    }


def _yearly(kind: str, title: str, year: int, responsible: str, done: datetime.date | None) -> dict:
    return {
        "kind": kind,
        "title": f"{title} năm {year}",
        "due_year": year,
        "responsible": responsible,
        "done_date": done,
    }


LAUNCH = "Mỗi huyện, thị xã chọn 01 địa phương phát động phong trào"
INSPECTION = "Kiểm tra, giám sát tình hình triển khai Phong trào thi đua"
INSPECTORS = f"{VPDP}; Ban Thi đua - Khen thưởng tỉnh"

PLAN = {
    "document_kind": DocumentKind.DECISION,
    "number": "1872/QĐ-UBND",
    "issue_date": D(2022, 7, 15),
    "place": "Quảng Trị",
    "issuer_name": "UBND tỉnh Quảng Trị",
    "issuing_unit": QUANG_TRI,
    "parent": "national",
    "title": "Quảng Trị chung sức xây dựng nông thôn mới",
    "subject": f"Ban hành Kế hoạch tổ chức thực hiện Phong trào thi đua {MOVEMENT} giai đoạn 2021 - 2025",
    "signer_name": "",
    "signer_title": "",
    "signing_mode": "",
    "recipients": ["Như Điều 2;", "Văn phòng điều phối NTM TW;"],
    "bases": [
        "luat-tccqdp-2015",
        "luat-sua-doi-2019",
        "nq-25-2021",
        "qd-263-ttg",
        "qd-587-ttg",
        "nq-03-tu-quang-tri",
        "ttr-96-vpdp",
        "qd-29-2018-quang-tri",
        "nq-21-hdnd-quang-tri",
    ],
    "sections": [
        (S.OTHER, "Quyết định số 1872/QĐ-UBND", DECISION),
        (S.OTHER, "Kế hoạch (ban hành kèm theo Quyết định)", OPENING),
        (S.PURPOSE, "I. Mục đích, yêu cầu", PURPOSE),
        (S.CONTENT, "II. Nội dung phong trào thi đua", CONTENT),
        (S.SCHEDULE, "III. Kế hoạch thực hiện", SCHEDULE),
        (S.FUNDING, "IV. Kinh phí phát động phong trào", FUNDING),
        (S.AWARDS, "V. Khen thưởng", AWARDS),
        (S.MEASURES, "VI. Giải pháp thực hiện", MEASURES),
        (S.IMPLEMENTATION, "VII. Tổ chức thực hiện", IMPLEMENTATION),
    ],
    "subjects": [],
    "award_forms": ["Bằng khen của Chủ tịch UBND tỉnh"],
    # Done dates are demo values; the 2025 report fell in the month the province merged and is left open.
    "milestones": [
        {
            "kind": Milestone.Kind.PLEDGE,
            "title": "Ủy ban MTTQ Việt Nam tỉnh phát động phong trào và ký kết giao ước thi đua trong toàn tỉnh",
            "due_year": 2022,
            "due_quarter": 3,
            "responsible": "Ủy ban MTTQ Việt Nam tỉnh; Văn phòng Điều phối nông thôn mới tỉnh; Ban Thi đua - Khen thưởng tỉnh",
            "done_date": D(2022, 9, 16),
        },
        {
            "kind": Milestone.Kind.BUILD_PLAN,
            "title": "Các sở, ban, ngành, đoàn thể cấp tỉnh và UBND các huyện, thị xã xây dựng kế hoạch, hướng dẫn triển khai",
            "due_year": 2022,
            "due_quarter": 3,
            "responsible": REPORTERS,
            "done_date": D(2022, 9, 30),
        },
        _annual_report(2022, D(2022, 11, 28)),
        _yearly(Milestone.Kind.LAUNCH, LAUNCH, 2023, "UBND các huyện, thị xã", D(2023, 4, 12)),
        _yearly(Milestone.Kind.INSPECTION, INSPECTION, 2023, INSPECTORS, D(2023, 10, 20)),
        _annual_report(2023, D(2023, 11, 29)),
        {
            "kind": Milestone.Kind.MIDTERM_REVIEW,
            "title": "UBND tỉnh sơ kết Phong trào thi đua (lồng ghép tổng kết Chương trình MTQG xây dựng nông thôn mới)",
            "due_year": 2023,
            "responsible": VPDP,
            "done_date": D(2023, 12, 26),
        },
        _yearly(Milestone.Kind.LAUNCH, LAUNCH, 2024, "UBND các huyện, thị xã", D(2024, 3, 28)),
        _yearly(Milestone.Kind.INSPECTION, INSPECTION, 2024, INSPECTORS, D(2024, 10, 18)),
        _annual_report(2024, D(2024, 11, 27)),
        _yearly(Milestone.Kind.LAUNCH, LAUNCH, 2025, "UBND các huyện, thị xã", D(2025, 3, 20)),
        _yearly(Milestone.Kind.INSPECTION, INSPECTION, 2025, INSPECTORS, D(2025, 6, 12)),
        {
            "kind": Milestone.Kind.FINAL_REVIEW,
            "title": "UBND tỉnh tổng kết Phong trào thi đua giai đoạn 2021-2025",
            "due_year": 2025,
            "responsible": VPDP,
            "done_date": D(2025, 6, 24),
        },
        _annual_report(2025, None),
    ],
    "targets": [
        {
            "type": Target.Type.UNIT_SHARE,
            "description": "Đến năm 2025, có thêm 04 huyện đạt chuẩn nông thôn mới",
            "note": "Mức xuất phát 1 lấy từ phần mở đầu (“01 huyện đạt chuẩn nông thôn mới”); đích 5 là 1 + 4.",
            "status": RecognitionStatus.DISTRICT_NTM,
            "unit_kind": Kind.DISTRICT,
            "measure": Target.Measure.COUNT,
            "baseline_value": 1,
            "baseline_year": 2022,
            "target_value": 5,
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.UNIT_SHARE,
            "description": "01 huyện đạt chuẩn nông thôn mới kiểu mẫu",
            "status": RecognitionStatus.DISTRICT_MODEL,
            "unit_kind": Kind.DISTRICT,
            "measure": Target.Measure.COUNT,
            "target_value": 1,
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.UNIT_SHARE,
            "description": "80% số xã đạt chuẩn nông thôn mới",
            "note": "Mức xuất phát lấy từ phần mở đầu: 63/101 xã đạt chuẩn nông thôn mới (chiếm 62,4%).",
            "status": RecognitionStatus.COMMUNE_NTM,
            "unit_kind": Kind.COMMUNE,
            "measure": Target.Measure.PERCENT,
            "baseline_value": "62.4",
            "baseline_year": 2022,
            "target_value": 80,
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.UNIT_SHARE,
            "description": "Trong đó có 09 xã vùng đồng bào dân tộc thiểu số, miền núi",
            "note": "Hiểu là 09 xã này nằm trong số xã đạt chuẩn nông thôn mới của vế trước.",
            "status": RecognitionStatus.COMMUNE_NTM,
            "unit_kind": Kind.COMMUNE,
            "measure": Target.Measure.COUNT,
            "only_mountainous": True,
            "only_ethnic_minority": True,
            "target_value": 9,
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.UNIT_SHARE,
            "description": "25% số xã đạt chuẩn nông thôn mới nâng cao, kiểu mẫu",
            "status": RecognitionStatus.COMMUNE_ADVANCED,
            "unit_kind": Kind.COMMUNE,
            "measure": Target.Measure.PERCENT,
            "target_value": 25,
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.MINIMUM_CRITERIA,
            "description": "Không còn xã đạt dưới 13 tiêu chí",
            "note": (
                "Mức xuất phát lấy từ phần mở đầu, hai mức theo vùng: không còn xã đồng bằng đạt dưới 16 tiêu chí, "
                "xã miền núi đạt dưới 8 tiêu chí; vì vậy không ghi một mức xuất phát chung."
            ),
            "target_value": 13,
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.UNIT_SHARE,
            "description": "Có ít nhất 40% số thôn thuộc các xã đặc biệt khó khăn vùng đồng bào dân tộc thiểu số và miền núi đạt chuẩn nông thôn mới",
            "status": RecognitionStatus.VILLAGE_NTM,
            "unit_kind": Kind.VILLAGE,
            "measure": Target.Measure.PERCENT,
            "only_mountainous": True,
            "only_ethnic_minority": True,
            "only_especially_difficult": True,
            "target_value": 40,
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.RATIO_TO_BASELINE,
            "description": "Thu nhập bình quân đầu người khu vực nông thôn tăng ít nhất 1,5 lần so với năm 2020",
            "indicator": "rural income per head",
            "unit_of_measure": "triệu đồng/người/năm",
            "baseline_year": 2020,
            "target_value": "1.5",
            "deadline_year": 2025,
        },
        {
            # Every commune that was NTM when the plan was issued, not a list: campaigns.targets.evaluation.
            "type": Target.Type.KEEP_STATUS,
            "description": "Duy trì và nâng cao mức độ đạt chuẩn tiêu chí của các xã đã đạt chuẩn nông thôn mới",
            "status": RecognitionStatus.COMMUNE_NTM,
            "deadline_year": 2025,
        },
    ],
}
