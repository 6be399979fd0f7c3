"""Load the national NTM criteria sets of 2021-2025 (QĐ 318, 319/QĐ-TTg) and the 2026-2030 set (QĐ 51/2025).

The data is written out here rather than imported from the app, because a migration must keep loading the same
data whatever the app's code later becomes. Rows are matched by their natural keys (set code, criterion number,
indicator code, threshold region and year) and only created when missing, so running it again, or after an
administrator has edited the catalogue in the Django admin, changes nothing.

Sources (the project's domain notes, §1): the criteria names and groups of QĐ 318 are from the legal text's summary [S]; the
indicators of the commune set are background knowledge [K], loaded as "not confirmed" without thresholds; the
four health indicators of the advanced set and their thresholds are from a press source [S].
"""

from django.db import migrations

DECISION_318 = "QĐ 318/QĐ-TTg ngày 08/3/2022"
DECISION_319 = "QĐ 319/QĐ-TTg ngày 08/3/2022"
ISSUER = "Thủ tướng Chính phủ"

PLANNING = "Quy hoạch"
INFRASTRUCTURE = "Hạ tầng kinh tế - xã hội"
ECONOMY = "Kinh tế và tổ chức sản xuất"
SOCIETY = "Văn hóa - Xã hội - Môi trường"
POLITICS = "Hệ thống chính trị"

# (number, name, group): the 19 criteria of QĐ 318/QĐ-TTg in their official order.
CRITERIA_318 = [
    (1, "Quy hoạch", PLANNING),
    (2, "Giao thông", INFRASTRUCTURE),
    (3, "Thủy lợi và phòng, chống thiên tai", INFRASTRUCTURE),
    (4, "Điện", INFRASTRUCTURE),
    (5, "Trường học", INFRASTRUCTURE),
    (6, "Cơ sở vật chất văn hóa", INFRASTRUCTURE),
    (7, "Cơ sở hạ tầng thương mại nông thôn", INFRASTRUCTURE),
    (8, "Thông tin và Truyền thông", INFRASTRUCTURE),
    (9, "Nhà ở dân cư", INFRASTRUCTURE),
    (10, "Thu nhập", ECONOMY),
    (11, "Nghèo đa chiều", ECONOMY),
    (12, "Lao động", ECONOMY),
    (13, "Tổ chức sản xuất và phát triển kinh tế nông thôn", ECONOMY),
    (14, "Giáo dục và Đào tạo", SOCIETY),
    (15, "Y tế", SOCIETY),
    (16, "Văn hóa", SOCIETY),
    (17, "Môi trường và an toàn thực phẩm", SOCIETY),
    (18, "Hệ thống chính trị và tiếp cận pháp luật", POLITICS),
    (19, "Quốc phòng và An ninh", POLITICS),
]

BOOL, PERCENT, COUNT, MONEY = "bool", "percent", "count", "money"
GTE, LTE = "gte", "lte"

# (criterion number, code, name, value type, comparison, only where relevant): indicative only [K], from
# domain.md §1.2. Criterion 17 has "about ten" indicators there, none named, so none are loaded for it.
INDICATORS_318 = [
    (1, "1.1", "Có quy hoạch chung xây dựng xã được phê duyệt và công bố công khai", BOOL, GTE, False),
    (1, "1.2", "Có quy định quản lý quy hoạch chung xây dựng xã", BOOL, GTE, False),
    (2, "2.1", "Đường xã được nhựa hóa hoặc bê tông hóa", PERCENT, GTE, False),
    (2, "2.2", "Đường thôn và đường liên thôn được cứng hóa", PERCENT, GTE, False),
    (2, "2.3", "Đường ngõ, xóm sạch và đảm bảo đi lại thuận tiện", PERCENT, GTE, False),
    (2, "2.4", "Đường trục chính nội đồng đảm bảo vận chuyển hàng hóa", PERCENT, GTE, False),
    (3, "3.1", "Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động", PERCENT, GTE, False),
    (3, "3.2", "Đảm bảo yêu cầu chủ động về phòng, chống thiên tai theo phương châm 4 tại chỗ", BOOL, GTE, False),
    (4, "4.1", "Hệ thống điện đạt chuẩn", BOOL, GTE, False),
    (4, "4.2", "Tỷ lệ hộ có đăng ký trực tiếp và được sử dụng điện thường xuyên, an toàn", PERCENT, GTE, False),
    (5, "5", "Tỷ lệ trường học có cơ sở vật chất và thiết bị dạy học đạt chuẩn", PERCENT, GTE, False),
    (6, "6.1", "Xã có nhà văn hóa hoặc hội trường đa năng và sân thể thao", BOOL, GTE, False),
    (6, "6.2", "Xã có điểm vui chơi, giải trí và thể thao cho trẻ em và người cao tuổi", BOOL, GTE, False),
    (6, "6.3", "Tỷ lệ thôn có nhà văn hóa hoặc nơi sinh hoạt văn hóa, thể thao", PERCENT, GTE, False),
    (7, "7", "Xã có chợ nông thôn hoặc nơi mua bán, trao đổi hàng hóa", BOOL, GTE, False),
    (8, "8.1", "Xã có điểm phục vụ bưu chính", BOOL, GTE, False),
    (8, "8.2", "Xã có dịch vụ viễn thông, internet", BOOL, GTE, False),
    (8, "8.3", "Xã có đài truyền thanh và hệ thống loa đến các thôn", BOOL, GTE, False),
    (8, "8.4", "Xã có ứng dụng công nghệ thông tin trong công tác quản lý, điều hành", BOOL, GTE, False),
    (9, "9.1", "Không có nhà tạm, nhà dột nát", BOOL, GTE, False),
    (9, "9.2", "Tỷ lệ hộ có nhà ở kiên cố hoặc bán kiên cố", PERCENT, GTE, False),
    (10, "10", "Thu nhập bình quân đầu người khu vực nông thôn (triệu đồng/người/năm)", MONEY, GTE, False),
    (11, "11", "Tỷ lệ nghèo đa chiều", PERCENT, LTE, False),
    (12, "12", "Tỷ lệ người có việc làm trên dân số trong độ tuổi lao động", PERCENT, GTE, False),
    (13, "13.1", "Xã có hợp tác xã hoạt động hiệu quả", BOOL, GTE, False),
    (13, "13.2", "Xã có mô hình liên kết sản xuất gắn với tiêu thụ nông sản chủ lực", BOOL, GTE, False),
    (13, "13.3", "Ứng dụng truy xuất nguồn gốc, sản xuất theo VietGAP hoặc tương đương", BOOL, GTE, False),
    (13, "13.4", "Bảo tồn và phát triển làng nghề truyền thống (nếu có)", BOOL, GTE, True),
    (14, "14.1", "Đạt phổ cập giáo dục và xóa mù chữ", BOOL, GTE, False),
    (14, "14.2", "Tỷ lệ học sinh tốt nghiệp trung học cơ sở được tiếp tục học", PERCENT, GTE, False),
    (14, "14.3", "Tỷ lệ lao động qua đào tạo", PERCENT, GTE, False),
    (15, "15.1", "Tỷ lệ người dân tham gia bảo hiểm y tế", PERCENT, GTE, False),
    (15, "15.2", "Xã đạt tiêu chí quốc gia về y tế", BOOL, GTE, False),
    (15, "15.3", "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi", PERCENT, LTE, False),
    (15, "15.4", "Tỷ lệ dân số có sổ khám chữa bệnh điện tử", PERCENT, GTE, False),
    (16, "16", "Tỷ lệ thôn đạt chuẩn văn hóa", PERCENT, GTE, False),
    (18, "18.1", "Cán bộ, công chức xã đạt chuẩn", BOOL, GTE, False),
    (18, "18.2", "Đảng bộ, chính quyền xã được xếp loại chất lượng hoàn thành tốt nhiệm vụ trở lên", BOOL, GTE, False),
    (18, "18.3", "Xã đạt chuẩn tiếp cận pháp luật", BOOL, GTE, False),
    (18, "18.4", "Đảm bảo bình đẳng giới", BOOL, GTE, False),
    (19, "19.1", "Xây dựng lực lượng dân quân vững mạnh, rộng khắp", BOOL, GTE, False),
    (19, "19.2", "Xã đạt chuẩn an toàn về an ninh, trật tự", BOOL, GTE, False),
]

# The health criterion of the advanced set, with its thresholds (all regions, every year) [S] press source:
# https://dantoctongiao.vietnamnet.vn/vuot-kho-thuc-hien-chi-tieu-ve-y-te-trong-xay-dung-nong-thon-moi-2101538.html
HEALTH_ADVANCED = [
    ("15.1", "Tỷ lệ người dân tham gia bảo hiểm y tế", 95),
    ("15.2", "Tỷ lệ dân số được quản lý sức khỏe", 90),
    ("15.3", "Tỷ lệ người dân sử dụng dịch vụ khám chữa bệnh từ xa", 40),
    ("15.4", "Tỷ lệ dân số có sổ khám chữa bệnh điện tử", 70),
]

# QĐ 319/QĐ-TTg: a model commune (xã NTM kiểu mẫu) must meet all four conditions [S].
MODEL_CONDITIONS = [
    (1, "Đạt chuẩn xã NTM nâng cao theo Bộ tiêu chí giai đoạn 2021-2025"),
    (2, "Thu nhập bình quân đầu người cao hơn ít nhất 10% so với mức quy định đối với xã NTM nâng cao"),
    (3, "Có ít nhất một mô hình thôn thông minh"),
    (4, "Có ít nhất một lĩnh vực nổi trội đạt kiểu mẫu (sản xuất, giáo dục, văn hóa…)"),
]
MODEL_GROUP = "Điều kiện xã NTM kiểu mẫu"

SETS = [
    {
        "code": "qd318-xa-2021",
        "name": "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025",
        "level": "xa_ntm",
        "start_year": 2021,
        "end_year": 2025,
        "decision": DECISION_318,
        "note": (
            "Criteria names and groups from QĐ 318/QĐ-TTg. The indicators are indicative only (not confirmed against "
            "the legal text) and have no thresholds per region or year: check the appendix of QĐ 318 and update them. "
            "Criterion 17 has no indicators loaded."
        ),
    },
    {
        "code": "qd318-xa-nang-cao-2021",
        "name": "Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021-2025",
        "level": "xa_nang_cao",
        "start_year": 2021,
        "end_year": 2025,
        "decision": DECISION_318,
        "note": (
            "The same 19 criteria as the commune set. Indicators not loaded except criterion 15 (health): 4 "
            "indicators with thresholds from a press source (dantoctongiao.vietnamnet.vn); check the legal text."
        ),
    },
    {
        "code": "qd319-xa-kieu-mau-2021",
        "name": "Quy định xã nông thôn mới kiểu mẫu giai đoạn 2021-2025",
        "level": "xa_kieu_mau",
        "start_year": 2021,
        "end_year": 2025,
        "decision": DECISION_319,
        "note": (
            "A model commune must meet all 4 conditions. The smart-village model and the outstanding field's "
            "criteria are set by the province (UBND tỉnh)."
        ),
    },
    {
        "code": "qd51-2025-xa-2026",
        "name": "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026-2030",
        "level": "xa_ntm",
        "start_year": 2026,
        "end_year": 2030,
        "decision": "QĐ 51/2025/QĐ-TTg",
        "note": "Criteria not loaded: check the legal text.",
    },
]


def load(apps, schema_editor):
    CriteriaSet = apps.get_model("campaigns", "CriteriaSet")
    Criterion = apps.get_model("campaigns", "Criterion")
    Indicator = apps.get_model("campaigns", "Indicator")
    Threshold = apps.get_model("campaigns", "Threshold")

    sets = {}
    for fields in SETS:
        fields = dict(fields)
        code = fields.pop("code")
        sets[code], _created = CriteriaSet.objects.get_or_create(code=code, defaults={**fields, "issuer": ISSUER})

    def criterion(set_code, number, name, group):
        return Criterion.objects.get_or_create(
            criteria_set=sets[set_code], number=number, defaults={"name": name, "group": group}
        )[0]

    commune = {number: criterion("qd318-xa-2021", number, name, group) for number, name, group in CRITERIA_318}
    for order, (number, code, name, value_type, comparison, if_relevant) in enumerate(INDICATORS_318, start=1):
        Indicator.objects.get_or_create(
            criterion=commune[number],
            code=code,
            defaults={
                "name": name,
                "value_type": value_type,
                "comparison": comparison,
                "only_if_relevant": if_relevant,
                "is_confirmed": False,
                "order": order,
            },
        )

    advanced = {
        number: criterion("qd318-xa-nang-cao-2021", number, name, group) for number, name, group in CRITERIA_318
    }
    for order, (code, name, threshold) in enumerate(HEALTH_ADVANCED, start=1):
        indicator, _created = Indicator.objects.get_or_create(
            criterion=advanced[15],
            code=code,
            defaults={"name": name, "value_type": PERCENT, "comparison": GTE, "is_confirmed": True, "order": order},
        )
        Threshold.objects.get_or_create(indicator=indicator, region="", year=None, defaults={"value": threshold})

    for number, name in MODEL_CONDITIONS:
        criterion("qd319-xa-kieu-mau-2021", number, name, MODEL_GROUP)


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0002_criterion_criterionresult_evidence_exemplarymodel_and_more")]

    # Reversing keeps the catalogue: assessments may already point at its criteria.
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
