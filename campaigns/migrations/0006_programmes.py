"""The two NTM programmes as campaign rows, each with its years, review years and criteria sets.

A row is only created when no campaign starts in that year yet (the demo data or an administrator may have
entered one); an existing row only gains the criteria sets it lacks. Sources: domain.md (QĐ 587/QĐ-TTg; sơ kết
2023, tổng kết 2025) and domain-2026.md §2.4 (NQ 257/2025/QH15, QĐ 417/QĐ-BNNMT: phase I 2026-2030).
"""

from django.db import migrations

PROGRAMMES = [
    {
        "fields": {
            "name": "Cả nước chung sức xây dựng nông thôn mới",
            "scope": "Toàn quốc",
            "start_year": 2021,
            "end_year": 2025,
            "midterm_year": 2023,
            "final_year": 2025,
            "launching_body": "Thủ tướng Chính phủ",
            "national_plan": "Quyết định 587/QĐ-TTg ngày 18/5/2022",
        },
        "criteria_sets": ["qd318-xa-2021", "qd318-xa-nang-cao-2021", "qd319-xa-kieu-mau-2021"],
    },
    {
        "fields": {
            "name": "Chương trình MTQG xây dựng nông thôn mới giai đoạn 2026-2030",
            "scope": "Toàn quốc",
            "start_year": 2026,
            "end_year": 2030,
            "midterm_year": 2028,
            "final_year": 2030,
            "launching_body": "Thủ tướng Chính phủ",
            "national_plan": "Nghị quyết 257/2025/QH15; Quyết định 417/QĐ-BNNMT ngày 31/1/2026 (giai đoạn I)",
            "description": (
                "Giai đoạn I (2026-2030) của Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền "
                "vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026-2035. "
                "Tên phong trào thi đua và năm sơ kết chưa được xác nhận."
            ),
        },
        "criteria_sets": ["qd51-2025-xa-2026"],
    },
]


def load(apps, schema_editor):
    Campaign = apps.get_model("campaigns", "Campaign")
    CriteriaSet = apps.get_model("campaigns", "CriteriaSet")
    for programme in PROGRAMMES:
        fields = programme["fields"]
        campaign = Campaign.objects.filter(start_year=fields["start_year"]).order_by("is_demo", "pk").first()
        if campaign is None:
            campaign = Campaign.objects.create(**fields)
        sets = CriteriaSet.objects.filter(code__in=programme["criteria_sets"])
        campaign.criteria_sets.add(*sets.exclude(campaigns=campaign))


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0005_assessment_criteria_total")]

    # Reversing keeps the rows: plans and nominations may already point at them.
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
