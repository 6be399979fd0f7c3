"""Kế hoạch 3254/KH-UBND of UBND huyện Hà Quảng (Cao Bằng), 03/11/2022 (seed "ha-quang").

The seed is OCR text without diacritics; the text below restores them (the OCR's "Ngoc Do" in the list of five
communes is Ngọc Đào, the one commune of that list given a year for NTM nâng cao). Targets follow domain.md S2;
what they read into the text is in their notes.
"""

import datetime

from campaigns.demo.data.refs import CAN_YEN, DA_THONG, HA_QUANG, LUONG_CAN, NGOC_DAO, QUY_QUAN, SOC_HA, TRUONG_HA
from campaigns.models import DocumentKind, EmulationSubject, Milestone, PlanSection, RecognitionStatus, Target
from units.models import Kind

D = datetime.date
S = PlanSection.Kind
MOVEMENT = "“Cả nước chung sức xây dựng nông thôn mới”"

OPENING = f"""\
Thực hiện Kế hoạch số 2452/KH-UBND ngày 26 tháng 9 năm 2022 của Ủy ban nhân dân tỉnh Cao Bằng về việc thực hiện phong trào thi đua {MOVEMENT} giai đoạn 2021-2025 trên địa bàn tỉnh Cao Bằng.

Ủy ban nhân dân huyện Hà Quảng (UBND) xây dựng Kế hoạch tổ chức thực hiện Phong trào thi đua {MOVEMENT} giai đoạn 2021 - 2025 (sau đây gọi tắt là Phong trào thi đua) như sau:"""

PURPOSE = f"""\
1. Mục đích

Tiếp tục phát huy sức mạnh của cả hệ thống chính trị trong việc tuyên truyền, nâng cao nhận thức và vận động các tầng lớp nhân dân, các cơ quan, đơn vị, doanh nghiệp chủ động, trách nhiệm, tích cực tham gia thực hiện thắng lợi chủ trương, chính sách của Đảng và Nhà nước về xây dựng nông thôn mới, nhất là thực hiện các chỉ thị, nghị quyết của Đảng về nông nghiệp, nông dân và nông thôn, phấn đấu hoàn thành và hoàn thành vượt mức các chỉ tiêu chủ yếu của Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025.

Tổ chức thực hiện Phong trào thi đua gắn với thực hiện có hiệu quả nhiệm vụ tái cơ cấu lại ngành nông nghiệp, phát triển kinh tế nông thôn, quá trình đô thị hóa đi vào chiều sâu, hiệu quả, bền vững; thực hiện xây dựng nông thôn mới (NTM), nông thôn mới nâng cao, nông thôn mới kiểu mẫu và nông thôn mới cấp xóm. Nâng cao đời sống vật chất và tinh thần của người dân nông thôn, thúc đẩy bình đẳng giới. Xây dựng hạ tầng kinh tế - xã hội nông thôn đồng bộ và từng bước hiện đại, đảm bảo môi trường, cảnh quan nông thôn sáng, xanh, sạch, đẹp, an toàn, giàu bản sắc văn hóa truyền thống, thích ứng với biến đổi khí hậu và phát triển bền vững.

Tổ chức Phong trào thi đua thiết thực, hiệu quả, phấn đấu thực hiện các mục tiêu, chỉ tiêu chủ yếu của Chương trình mục tiêu quốc gia xây dựng nông thôn mới theo Nghị quyết số 12-NQ/TU ngày 09/6/2022 của Ban Chấp hành Đảng bộ tỉnh Cao Bằng khóa XIX về lãnh đạo thực hiện các chương trình mục tiêu quốc gia giai đoạn 2021-2025; Nghị quyết số 03/2022/NQ-HĐND ngày 25/02/2022 của Hội đồng nhân dân tỉnh quy định về thực hiện chương trình mục tiêu quốc gia trên địa bàn tỉnh Cao Bằng giai đoạn 2021-2025; Quyết định số 867/QĐ-UBND ngày 08/7/2022 của Ủy ban nhân dân tỉnh Cao Bằng về phê duyệt danh sách các đơn vị cấp huyện phấn đấu đạt chuẩn nông thôn mới, hoàn thành nhiệm vụ xây dựng nông thôn mới, các xã phấn đấu đạt chuẩn nông thôn mới, nông thôn mới nâng cao, nông thôn mới kiểu mẫu giai đoạn 2021-2025; Kế hoạch số 2683/KH-UBND ngày 13/9/2022 của Ủy ban nhân dân huyện về thực hiện Chương trình MTQG xây dựng nông thôn mới huyện Hà Quảng giai đoạn 2021-2025; phấn đấu đạt chuẩn nông thôn mới, hoàn thành nhiệm vụ xây dựng nông thôn mới giai đoạn 2021 - 2025 như sau:

- Tiếp tục củng cố, giữ vững và nâng cao các tiêu chí của xã Ngọc Đào, Sóc Hà và Lương Can đã đạt chuẩn NTM.
- Phấn đấu đến năm 2025 có thêm 04 xã đạt chuẩn nông thôn mới, 01 xã đạt chuẩn NTM nâng cao, gồm (Trường Hà, Quý Quân, Đa Thông, Cần Yên và Ngọc Đào), cụ thể xã Trường Hà đạt chuẩn nông thôn mới năm 2023, xã Ngọc Đào đạt chuẩn nông thôn mới nâng cao năm 2024, xã Quý Quân đạt chuẩn nông thôn mới năm 2024, xã Đa Thông và Cần Yên đạt chuẩn nông thôn mới năm 2025. Bình quân mỗi xã đạt 16,5 tiêu chí/xã, không còn xã đạt dưới 15 tiêu chí.
- Phấn đấu mỗi xã đạt từ 1-2 tiêu chí/xã/năm.
- Phấn đấu 30% số thôn, xóm đạt chuẩn nông thôn mới (tương đương 54 thôn, xóm) và 9 thôn đạt chuẩn nông thôn mới kiểu mẫu (theo Kế hoạch số 2115/KH-UBND ngày 16/8/2022 của UBND tỉnh Cao Bằng).
- Thẩm định, công nhận mỗi năm thêm ít nhất 2-3 sản phẩm (OCOP) đạt 3 sao cấp tỉnh, 02 sản phẩm đạt 2 sao cấp huyện.

2. Yêu cầu

Việc thực hiện Phong trào thi đua tiếp tục là trọng tâm trong các Phong trào thi đua của các cơ quan, đơn vị, ban, ngành, đoàn thể của huyện, UBND các xã; đánh giá kết quả Phong trào thi đua phải gắn với kết quả thực hiện nhiệm vụ chính trị và bình xét thi đua hàng năm của cơ quan, đơn vị, địa phương.

Phong trào thi đua tiếp tục được triển khai sâu rộng từ cấp huyện đến cấp cơ sở với nội dung, hình thức phong phú, đảm bảo tiết kiệm, hiệu quả, thực chất, tránh chạy theo thành tích và phù hợp với thực tiễn; gắn triển khai Phong trào thi đua với Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” tránh trùng lặp, chồng chéo trong quá trình tổ chức thực hiện; phát huy được sáng kiến, sáng tạo của các cơ quan, đơn vị, ban, ngành, đoàn thể, các tầng lớp nhân dân và huy động, tập trung được nguồn lực của nhà nước, địa phương cũng như toàn xã hội.

Việc công nhận, biểu dương, khen thưởng các xã đạt chuẩn nông thôn mới; xóm đạt chuẩn nông thôn mới, nông thôn mới kiểu mẫu và các xã, xóm hoàn thành nhiệm vụ xây dựng nông thôn mới phải thực chất, công khai, minh bạch, khách quan, tránh chạy theo thành tích để tạo động lực thúc đẩy Phong trào thi đua phát triển. Kịp thời phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến.

Tiến hành tổng kết phong trào thi đua {MOVEMENT}; biểu dương, khen thưởng kịp thời các điển hình tiên tiến, sáng kiến kinh nghiệm hay, các mô hình, cách làm sáng tạo, hiệu quả trong xây dựng nông thôn mới giai đoạn 2021-2025."""

CONTENT = f"""\
1. Các cơ quan, ban, ngành, tổ chức chính trị - xã hội các cấp theo chức năng, nhiệm vụ hướng dẫn kịp thời và tổ chức thực hiện có hiệu quả phong trào thi đua; hướng dẫn tổ chức thực hiện các chủ trương, chính sách và đề xuất các giải pháp đẩy nhanh tiến độ xây dựng nông thôn mới đảm bảo theo kế hoạch đề ra.

2. Ủy ban nhân dân các xã phát động, triển khai thực hiện phong trào {MOVEMENT} trên địa bàn, trong đó chú trọng:

- Xây dựng tiêu chí phấn đấu cụ thể, phù hợp với từng địa bàn và khu dân cư làm mục tiêu để tổ chức triển khai, đánh giá phong trào thi đua;
- Phối hợp với các cơ quan, ban ngành, đoàn thể huyện trong triển khai thực hiện phong trào;
- Huy động các tổ chức, cá nhân trong và ngoài huyện tích cực tham gia đóng góp trí tuệ, công sức, phát huy nội lực và xã hội hóa xây dựng NTM;
- Tiếp tục tuyên truyền vận động nhân dân thực hiện chủ trương chính sách của Đảng và Nhà nước về xây dựng nông thôn mới, tích cực tham gia, đóng góp công sức trong xây dựng nông thôn mới; củng cố, tăng cường sự đồng thuận trong các tầng lớp nhân dân, phát huy vai trò chủ thể của người dân trong xây dựng nông thôn mới; phấn đấu hoàn thành theo kế hoạch đề ra.

3. Các cơ quan, ban ngành, đoàn thể đẩy mạnh tuyên truyền vận động phong trào thi đua; tuyên truyền, nhân rộng các điển hình tiên tiến. Kiểm tra giám sát trong thực hiện xây dựng nông thôn mới góp phần nâng cao chất lượng, hiệu quả của phong trào thi đua {MOVEMENT} giai đoạn 2021-2025."""

MEASURES = f"""\
1. Các cơ quan, ban ngành, đoàn thể huyện; Ủy ban Mặt trận Tổ quốc Việt Nam huyện; Ủy ban nhân dân các xã căn cứ đặc điểm tình hình, yêu cầu nhiệm vụ và đối tượng cụ thể, đẩy mạnh công tác tuyên truyền nhằm nâng cao nhận thức, tạo chuyển biến mạnh mẽ trong thực hiện xây dựng nông thôn mới đảm bảo thực chất, có chiều sâu, bền vững, lấy người dân làm chủ thể tham gia, góp phần nâng cao đời sống vật chất, tinh thần của người dân nông thôn, qua đó tạo sự đồng thuận của toàn xã hội, phát huy sức mạnh tổng hợp của cả hệ thống chính trị trong tổ chức thực hiện.

2. Trung tâm Văn hóa và Truyền thông đẩy mạnh công tác tuyên truyền, mở các chuyên trang, chuyên mục, bám sát cơ sở nhằm phát hiện biểu dương và nhân rộng các điển hình tiên tiến, các sáng kiến, kinh nghiệm hay, các mô hình, cách làm sáng tạo, hiệu quả trong thực hiện phong trào thi đua.

3. Các cơ quan, ban ngành đoàn thể, Ủy ban Mặt trận Tổ quốc Việt Nam huyện, Ủy ban nhân dân các xã căn cứ chức năng, nhiệm vụ triển khai thực hiện có hiệu quả phong trào thi đua {MOVEMENT} giai đoạn 2021-2025 với nội dung, tiêu chí, biện pháp cụ thể tránh hình thức, lãng phí; chú trọng chỉ đạo điểm, rút kinh nghiệm để nhân rộng cách làm hay, mô hình mới, hiệu quả, tổ chức sơ kết, tổng kết phong trào thi đua theo đúng tiến độ."""

SUBJECTS_AND_AWARDS = """\
1. Đối tượng, tiêu chí thi đua

a) Đối với các cơ quan, ban ngành đoàn thể huyện

Chủ động thực hiện kế hoạch và triển khai có hiệu quả chương trình mục tiêu quốc gia xây dựng nông thôn mới trên địa bàn; đề ra các nội dung, giải pháp thiết thực để triển khai có hiệu quả các mục tiêu, nhiệm vụ được giao góp phần hoàn thành nhiệm vụ xây dựng nông thôn mới theo kế hoạch đề ra.

Có sáng kiến, cách làm hay trong triển khai, tổ chức phong trào thi đua đạt hiệu quả cao; tích cực tham gia hưởng ứng các đợt phát động, huy động nguồn lực để thực hiện chương trình mục tiêu quốc gia xây dựng nông thôn mới; thực hiện nghiêm túc chế độ báo cáo định kỳ, đột xuất theo yêu cầu.

b) Đối với cấp xã

Hoàn thành các tiêu chí đạt chuẩn nông thôn mới theo kế hoạch giao và là xã tiêu biểu trong phong trào xây dựng nông thôn mới của huyện; không nợ đọng xây dựng cơ bản trong xây dựng nông thôn mới.

c) Đối với xóm thuộc các xã đặc biệt khó khăn khu vực biên giới đạt chuẩn nông thôn mới theo tiêu chí nông thôn mới theo Quyết định số 1465/QĐ-UBND ngày 11/10/2022 của Ủy ban nhân dân tỉnh ban hành bộ tiêu chí xóm nông thôn mới; xóm nông thôn mới kiểu mẫu trên địa bàn tỉnh Cao Bằng.

d) Đối với doanh nghiệp, hợp tác xã

- Có những đóng góp cụ thể, thiết thực trong xây dựng nông thôn mới và được cấp có thẩm quyền ghi nhận;
- Có liên kết sản xuất theo chuỗi giá trị; bảo tồn và phát triển ngành nghề truyền thống của địa phương, có sản phẩm OCOP; phối hợp tiêu thụ sản phẩm nông nghiệp và giải quyết được nhiều việc làm cho người dân trên địa bàn nông thôn.

e) Đối với cá nhân

- Cán bộ, công chức, viên chức nỗ lực bám sát cơ sở, có sáng kiến, giải pháp hữu ích trong việc xây dựng, trình cấp có thẩm quyền ban hành, tổ chức thực hiện cơ chế, chính sách, hướng dẫn hoặc tháo gỡ khó khăn cho cơ sở trong xây dựng nông thôn mới;
- Người lao động (nông dân, công nhân...), thành viên hợp tác xã tích cực hưởng ứng, tham gia Phong trào thi đua với những việc làm thiết thực (đóng góp tiền của, công sức, đất đai...) hoặc có những mô hình hay, cách làm mới, sáng tạo, hiệu quả, có phát minh, sáng chế trong lao động, sản xuất góp phần vào việc xây dựng nông thôn mới.

g) Đối tượng khác

Các tổ chức quốc tế, tổ chức phi chính phủ nước ngoài, hội, doanh nhân, trí thức, nhà khoa học, các cá nhân người Việt Nam ở nước ngoài... có nhiều đóng góp công sức, trí tuệ, vật chất xây dựng nông thôn mới; sản xuất, kinh doanh giỏi, thu nhập cao và giúp đỡ cộng đồng trong xây dựng nông thôn mới tại địa phương.

2. Hình thức khen thưởng

Huân chương Lao động, Bằng khen của Thủ tướng Chính phủ, Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: thực hiện hàng năm và vào dịp sơ kết, tổng kết phong trào thi đua theo quy định.

Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thủ trưởng cơ quan, đơn vị, địa phương: thực hiện hàng năm, vào dịp sơ kết, tổng kết phong trào thi đua.

3. Tiêu chuẩn khen thưởng

Phòng Nội vụ (Cơ quan Thường trực Hội đồng Thi đua - Khen thưởng huyện) chủ trì, phối hợp với các cơ quan có liên quan xây dựng tiêu chuẩn khen thưởng hàng năm và vào dịp sơ kết, tổng kết phong trào thi đua trên địa bàn huyện."""

SCHEDULE = """\
1. Quý IV năm 2022: Các cơ quan, ban, ngành, đoàn thể huyện, Ủy ban nhân dân các xã xây dựng và tổ chức thực hiện phong trào thi đua hiệu quả, thiết thực.

2. Năm 2023: Tiến hành sơ kết, đánh giá, rút kinh nghiệm việc tổ chức thực hiện Phong trào thi đua.

3. Năm 2025: Tổ chức tổng kết Phong trào thi đua.

4. Hằng năm, tổ chức kiểm tra, giám sát tình hình triển khai, thực hiện Phong trào thi đua."""

IMPLEMENTATION = f"""\
1. Giao Phòng Nông nghiệp và PTNT là cơ quan Thường trực của Phong trào thi đua; chủ trì, phối hợp với Phòng Nội vụ và các cơ quan, đơn vị tổ chức triển khai Kế hoạch này; phát hiện, bồi dưỡng, xây dựng điển hình tiên tiến các cấp, là đầu mối tiếp nhận, tổng hợp, thẩm định thành tích đề nghị khen thưởng hằng năm và giai đoạn theo quy định; tham mưu cho Ủy ban nhân dân huyện tổ chức sơ kết, tổng kết phong trào thi đua.

2. Giao Phòng Nội vụ chủ trì, phối hợp với Phòng Nông nghiệp và PTNT và các cơ quan, đơn vị liên quan hướng dẫn khen thưởng phong trào thi đua; theo dõi, đôn đốc, kiểm tra và tổng hợp tình hình tổ chức thực hiện phong trào thi đua; tổng hợp báo cáo hằng năm và báo cáo sơ kết, tổng kết phong trào, thẩm định trình Chủ tịch Ủy ban nhân dân huyện, Chủ tịch Ủy ban nhân dân tỉnh khen thưởng và trình khen thưởng cấp Nhà nước theo quy định.

3. Giao Phòng Tài chính - Kế hoạch chủ trì, phối hợp với các cơ quan có liên quan tham mưu cho Ủy ban nhân dân huyện bố trí kinh phí thực hiện kiểm tra, giám sát, sơ kết, tổng kết phong trào thi đua theo kế hoạch và kinh phí khen thưởng các xã đạt chuẩn nông thôn mới; các xóm đạt chuẩn nông thôn mới, nông thôn mới kiểu mẫu.

4. Các cơ quan, ban, ngành huyện; UBND các xã căn cứ Kế hoạch này và điều kiện cụ thể xây dựng kế hoạch, hướng dẫn và chịu trách nhiệm tổ chức triển khai thực hiện đảm bảo nội dung, chất lượng và tiến độ.

5. Giao Trung tâm Văn hóa và Truyền thông có trách nhiệm tuyên truyền, mở chuyên trang, chuyên mục, tăng thời lượng tuyên truyền về Phong trào thi đua và các gương điển hình tiên tiến trong phong trào thi đua.

6. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các đoàn thể cấp huyện, cấp xã tuyên truyền, vận động hội viên, đoàn viên tích cực tham gia xây dựng nông thôn mới thông qua Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” và phát hiện nhân rộng các điển hình tiên tiến trong phạm vi toàn huyện.

7. Các cơ quan thường trực, cơ quan giúp việc của Ban Chỉ đạo các Chương trình mục tiêu quốc gia giai đoạn 2021 - 2025 phối hợp với cơ quan Thường trực Hội đồng Thi đua - Khen thưởng cùng cấp tham mưu cho cấp ủy đảng, chính quyền kết hợp việc kiểm tra, giám sát kế hoạch tổ chức thực hiện.

8. Chế độ báo cáo: Hằng năm các cơ quan, đơn vị, ban, ngành, đoàn thể, UBND các xã báo cáo tình hình tổ chức thực hiện Phong trào thi đua về Phòng Nội vụ theo Báo cáo tổng kết công tác thi đua, khen thưởng. Phòng Nội vụ chủ trì, phối hợp với các cơ quan có liên quan xây dựng báo cáo tình hình tổ chức thực hiện phong trào thi đua báo cáo Ủy ban nhân dân huyện và Sở Nội vụ (Ban Thi đua - Khen thưởng) đảm bảo thời gian theo quy định.

Trong quá trình tổ chức triển khai thực hiện, nếu có phát sinh khó khăn, vướng mắc hoặc cần điều chỉnh, bổ sung kế hoạch cho phù hợp với thực tiễn đề nghị có ý kiến bằng văn bản gửi về Ủy ban nhân dân huyện để xem xét, điều chỉnh, bổ sung.

Trên đây là Kế hoạch thực hiện Phong trào thi đua {MOVEMENT} giai đoạn 2021 - 2025 trên địa bàn huyện Hà Quảng./."""

RESPONSIBLE = "Phòng Nông nghiệp và PTNT (cơ quan thường trực Phong trào thi đua)"

PLAN = {
    "document_kind": DocumentKind.PLAN,
    "number": "3254/KH-UBND",
    "issue_date": D(2022, 11, 3),
    "place": "Hà Quảng",
    "issuer_name": "UBND huyện Hà Quảng",
    "issuing_unit": HA_QUANG,
    "parent": "cao-bang",
    "title": "Cả nước chung sức xây dựng nông thôn mới",
    "subject": f"Thực hiện Phong trào thi đua {MOVEMENT} giai đoạn 2021 - 2025 trên địa bàn huyện Hà Quảng",
    "signer_name": "Phạm Xuân Tùng",
    "signer_title": "Chủ tịch",
    "signing_mode": "TM.",
    "recipients": [
        "Thường trực Huyện ủy;",
        "Thường trực HĐND huyện;",
        "Chủ tịch, các PCT UBND huyện;",
        "Ủy ban MTTQ Việt Nam huyện;",
        "Các cơ quan, ban ngành, đoàn thể huyện;",
        "UBND các xã;",
        "Lưu: VT, NV (Thương, Hằng, Thuận).",
    ],
    "bases": [
        "nq-12-tu-cao-bang",
        "nq-03-2022-hdnd-cao-bang",
        "qd-867-cao-bang",
        "kh-2683-ha-quang",
        "kh-2115-cao-bang",
        "qd-1465-cao-bang",
    ],
    "sections": [
        (S.OTHER, "Mở đầu", OPENING),
        (S.PURPOSE, "I. Mục đích, yêu cầu", PURPOSE),
        (S.CONTENT, "II. Nội dung phong trào thi đua", CONTENT),
        (S.MEASURES, "III. Giải pháp thực hiện", MEASURES),
        (S.SUBJECTS, "IV. Đối tượng, tiêu chí thi đua, hình thức và tiêu chuẩn khen thưởng", SUBJECTS_AND_AWARDS),
        (S.SCHEDULE, "V. Tiến độ thực hiện", SCHEDULE),
        (S.IMPLEMENTATION, "VI. Tổ chức thực hiện", IMPLEMENTATION),
    ],
    "subjects": [
        (
            EmulationSubject.Kind.AGENCIES,
            "Các cơ quan, ban ngành, đoàn thể huyện",
            [
                "Chủ động thực hiện kế hoạch và triển khai có hiệu quả chương trình mục tiêu quốc gia xây dựng nông thôn mới trên địa bàn",
                "Đề ra các nội dung, giải pháp thiết thực để triển khai có hiệu quả các mục tiêu, nhiệm vụ được giao",
                "Có sáng kiến, cách làm hay trong triển khai, tổ chức phong trào thi đua đạt hiệu quả cao",
                "Tích cực tham gia hưởng ứng các đợt phát động, huy động nguồn lực để thực hiện chương trình",
                "Thực hiện nghiêm túc chế độ báo cáo định kỳ, đột xuất theo yêu cầu",
            ],
        ),
        (
            EmulationSubject.Kind.COMMUNES,
            "Cấp xã",
            [
                "Hoàn thành các tiêu chí đạt chuẩn nông thôn mới theo kế hoạch giao",
                "Là xã tiêu biểu trong phong trào xây dựng nông thôn mới của huyện",
                "Không nợ đọng xây dựng cơ bản trong xây dựng nông thôn mới",
            ],
        ),
        (
            EmulationSubject.Kind.VILLAGES,
            "Xóm thuộc các xã đặc biệt khó khăn khu vực biên giới",
            [
                "Đạt chuẩn xóm nông thôn mới theo bộ tiêu chí ban hành tại Quyết định số 1465/QĐ-UBND ngày 11/10/2022 của UBND tỉnh Cao Bằng",
                "Hoặc đạt chuẩn xóm nông thôn mới kiểu mẫu theo cùng bộ tiêu chí",
            ],
        ),
        (
            EmulationSubject.Kind.ENTERPRISES,
            "Doanh nghiệp, hợp tác xã",
            [
                "Có những đóng góp cụ thể, thiết thực trong xây dựng nông thôn mới và được cấp có thẩm quyền ghi nhận",
                "Có liên kết sản xuất theo chuỗi giá trị; bảo tồn và phát triển ngành nghề truyền thống của địa phương",
                "Có sản phẩm OCOP",
                "Phối hợp tiêu thụ sản phẩm nông nghiệp và giải quyết được nhiều việc làm cho người dân nông thôn",
            ],
        ),
        (
            EmulationSubject.Kind.INDIVIDUALS,
            "Cán bộ, công chức, viên chức; người lao động (nông dân, công nhân...), thành viên hợp tác xã",
            [
                "Cán bộ, công chức, viên chức bám sát cơ sở, có sáng kiến, giải pháp hữu ích về cơ chế, chính sách, hướng dẫn hoặc tháo gỡ khó khăn cho cơ sở",
                "Người lao động, thành viên hợp tác xã có việc làm thiết thực (đóng góp tiền của, công sức, đất đai...)",
                "Có mô hình hay, cách làm mới, sáng tạo, hiệu quả, có phát minh, sáng chế trong lao động, sản xuất",
            ],
        ),
        (
            EmulationSubject.Kind.OTHER_ORGANISATIONS,
            "Tổ chức quốc tế, tổ chức phi chính phủ nước ngoài, hội, doanh nhân, trí thức, nhà khoa học, người Việt Nam ở nước ngoài",
            [
                "Có nhiều đóng góp công sức, trí tuệ, vật chất xây dựng nông thôn mới",
                "Sản xuất, kinh doanh giỏi, thu nhập cao và giúp đỡ cộng đồng trong xây dựng nông thôn mới tại địa phương",
            ],
        ),
    ],
    # As section IV.2 names them; the order without a class.
    "award_forms": [
        "Huân chương Lao động",
        "Bằng khen của Thủ tướng Chính phủ",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Giấy khen của Chủ tịch UBND huyện",
        "Giấy khen của Thủ trưởng cơ quan, đơn vị",
    ],
    # Done dates are demo values. The district level ended on 30/06/2025, so the 2025 inspection and the
    # final review were never held by the district: they stay overdue on purpose.
    "milestones": [
        {
            "kind": Milestone.Kind.BUILD_PLAN,
            "title": "Các cơ quan, ban, ngành, đoàn thể huyện, UBND các xã xây dựng và tổ chức thực hiện phong trào thi đua",
            "due_year": 2022,
            "due_quarter": 4,
            "responsible": "Các cơ quan, ban, ngành, đoàn thể huyện; UBND các xã",
            "done_date": D(2022, 12, 20),
        },
        {
            "kind": Milestone.Kind.INSPECTION,
            "title": "Kiểm tra, giám sát tình hình triển khai Phong trào thi đua năm 2023",
            "due_year": 2023,
            "responsible": RESPONSIBLE,
            "done_date": D(2023, 11, 15),
        },
        {
            "kind": Milestone.Kind.MIDTERM_REVIEW,
            "title": "Sơ kết, đánh giá, rút kinh nghiệm việc tổ chức thực hiện Phong trào thi đua",
            "due_year": 2023,
            "responsible": RESPONSIBLE,
            "done_date": D(2023, 12, 22),
        },
        {
            "kind": Milestone.Kind.ANNUAL_REPORT,
            "title": "Báo cáo năm 2023 về Phòng Nội vụ (trong Báo cáo tổng kết công tác thi đua, khen thưởng)",
            "due_year": 2023,
            "due_quarter": 4,
            "responsible": "Các cơ quan, đơn vị, ban, ngành, đoàn thể; UBND các xã",
            "done_date": D(2023, 12, 10),
        },
        {
            "kind": Milestone.Kind.INSPECTION,
            "title": "Kiểm tra, giám sát tình hình triển khai Phong trào thi đua năm 2024",
            "due_year": 2024,
            "responsible": RESPONSIBLE,
            "done_date": D(2024, 11, 20),
        },
        {
            "kind": Milestone.Kind.ANNUAL_REPORT,
            "title": "Báo cáo năm 2024 về Phòng Nội vụ (trong Báo cáo tổng kết công tác thi đua, khen thưởng)",
            "due_year": 2024,
            "due_quarter": 4,
            "responsible": "Các cơ quan, đơn vị, ban, ngành, đoàn thể; UBND các xã",
            "done_date": D(2024, 12, 12),
        },
        {
            "kind": Milestone.Kind.INSPECTION,
            "title": "Kiểm tra, giám sát tình hình triển khai Phong trào thi đua năm 2025",
            "due_year": 2025,
            "responsible": RESPONSIBLE,
            "done_date": None,
        },
        {
            "kind": Milestone.Kind.FINAL_REVIEW,
            "title": "Tổng kết Phong trào thi đua giai đoạn 2021-2025",
            "due_year": 2025,
            "responsible": RESPONSIBLE,
            "done_date": None,
        },
    ],
    "targets": [
        {
            "type": Target.Type.KEEP_STATUS,
            "description": "Tiếp tục củng cố, giữ vững và nâng cao các tiêu chí của xã Ngọc Đào, Sóc Hà và Lương Can đã đạt chuẩn NTM",
            "units": [NGOC_DAO, SOC_HA, LUONG_CAN],
            "status": RecognitionStatus.COMMUNE_NTM,
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.UNIT_MILESTONE,
            "description": "Xã Trường Hà đạt chuẩn nông thôn mới năm 2023",
            "units": [TRUONG_HA],
            "status": RecognitionStatus.COMMUNE_NTM,
            "deadline_year": 2023,
        },
        {
            "type": Target.Type.UNIT_MILESTONE,
            "description": "Xã Ngọc Đào đạt chuẩn nông thôn mới nâng cao năm 2024",
            "units": [NGOC_DAO],
            "status": RecognitionStatus.COMMUNE_ADVANCED,
            "deadline_year": 2024,
        },
        {
            "type": Target.Type.UNIT_MILESTONE,
            "description": "Xã Quý Quân đạt chuẩn nông thôn mới năm 2024",
            "units": [QUY_QUAN],
            "status": RecognitionStatus.COMMUNE_NTM,
            "deadline_year": 2024,
        },
        {
            "type": Target.Type.UNIT_MILESTONE,
            "description": "Xã Đa Thông và Cần Yên đạt chuẩn nông thôn mới năm 2025",
            "units": [DA_THONG, CAN_YEN],
            "status": RecognitionStatus.COMMUNE_NTM,
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.UNIT_SHARE,
            "description": "Phấn đấu đến năm 2025 có thêm 04 xã đạt chuẩn nông thôn mới",
            "note": (
                "Mức xuất phát 3 là ba xã đã đạt chuẩn (Ngọc Đào, Sóc Hà, Lương Can); đích 7 là 3 + 4. "
                "Các mốc năm theo năm đạt chuẩn kế hoạch nêu cho từng xã (Trường Hà 2023, Quý Quân 2024, "
                "Đa Thông và Cần Yên 2025)."
            ),
            "status": RecognitionStatus.COMMUNE_NTM,
            "unit_kind": Kind.COMMUNE,
            "measure": Target.Measure.COUNT,
            "baseline_value": 3,
            "baseline_year": 2022,
            "target_value": 7,
            "deadline_year": 2025,
            "years": {2023: 4, 2024: 5, 2025: 7},
        },
        {
            "type": Target.Type.UNIT_SHARE,
            "description": "01 xã đạt chuẩn NTM nâng cao",
            "note": "“Phấn đấu đến năm 2025 có thêm” của vế trước áp dụng cho vế này.",
            "status": RecognitionStatus.COMMUNE_ADVANCED,
            "unit_kind": Kind.COMMUNE,
            "measure": Target.Measure.COUNT,
            "target_value": 1,
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.AVERAGE_CRITERIA,
            "description": "Bình quân mỗi xã đạt 16,5 tiêu chí/xã",
            "target_value": "16.5",
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.MINIMUM_CRITERIA,
            "description": "Không còn xã đạt dưới 15 tiêu chí",
            "target_value": 15,
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.CRITERIA_GAIN,
            "description": "Phấn đấu mỗi xã đạt từ 1-2 tiêu chí/xã/năm",
            "target_value": 1,
            "target_value_max": 2,
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.UNIT_SHARE,
            "description": "Phấn đấu 30% số thôn, xóm đạt chuẩn nông thôn mới (tương đương 54 thôn, xóm)",
            "status": RecognitionStatus.VILLAGE_NTM,
            "unit_kind": Kind.VILLAGE,
            "measure": Target.Measure.PERCENT,
            "target_value": 30,
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.UNIT_SHARE,
            "description": "9 thôn đạt chuẩn nông thôn mới kiểu mẫu (theo Kế hoạch số 2115/KH-UBND ngày 16/8/2022 của UBND tỉnh Cao Bằng)",
            "status": RecognitionStatus.VILLAGE_MODEL,
            "unit_kind": Kind.VILLAGE,
            "measure": Target.Measure.COUNT,
            "target_value": 9,
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.OCOP_PRODUCTS,
            "description": "Thẩm định, công nhận mỗi năm thêm ít nhất 2-3 sản phẩm (OCOP) đạt 3 sao cấp tỉnh",
            "ocop_stars": 3,
            "ocop_level": "province",
            "target_value": 2,
            "target_value_max": 3,
            "deadline_year": 2025,
        },
        {
            "type": Target.Type.OCOP_PRODUCTS,
            "description": "02 sản phẩm đạt 2 sao cấp huyện",
            "note": "“Mỗi năm thêm” và “OCOP” của vế trước được hiểu là áp dụng cả cho vế này.",
            "ocop_stars": 2,
            "ocop_level": "district",
            "target_value": 2,
            "deadline_year": 2025,
        },
    ],
}
