"""A small district with a plan, for tests that build a report quickly without the demo data."""

import datetime
from types import SimpleNamespace

from campaigns.models import Campaign, Plan, Recognition, Target
from units.models import CodeScheme, Kind

LEGACY = {"code_scheme": CodeScheme.LEGACY, "valid_to": datetime.date(2025, 6, 30)}


def build_district_with_plan(make_unit) -> SimpleNamespace:
    province = make_unit("Tỉnh Thử", Kind.PROVINCE, code="R90", **LEGACY)
    district = make_unit("Huyện Thử Nghiệm", Kind.DISTRICT, province, code="R900", **LEGACY)
    commune = make_unit("Xã Trường Hà Mới", Kind.COMMUNE, district, code="R90001", **LEGACY)
    neighbour = make_unit("Xã Ngọc Đào Mới", Kind.COMMUNE, district, code="R90002", **LEGACY)
    # The migrations enter the movement already.
    campaign, _created = Campaign.objects.get_or_create(
        name="Cả nước chung sức xây dựng nông thôn mới", start_year=2021, defaults={"end_year": 2025}
    )
    plan = Plan.objects.create(
        campaign=campaign,
        number="77/KH-UBND",
        title="Cả nước chung sức xây dựng nông thôn mới",
        subject="Thực hiện phong trào thi đua trên địa bàn huyện",
        issue_date=datetime.date(2022, 10, 1),
        issuing_unit=district,
        issuer_name="UBND huyện Thử Nghiệm",
        signer_name="Nguyễn Văn Ký",
        signer_title="Chủ tịch",
        signing_mode="TM.",
        status=Plan.Status.ISSUED,
    )
    target = Target.objects.create(
        plan=plan,
        type=Target.Type.UNIT_MILESTONE,
        description="Xã Trường Hà Mới đạt chuẩn nông thôn mới năm 2023",
        status="xa_ntm",
        deadline_year=2023,
    )
    target.units.set([commune])
    Recognition.objects.create(unit=commune, status="xa_ntm", decision_date=datetime.date(2023, 12, 20))
    return SimpleNamespace(
        province=province, district=district, commune=commune, neighbour=neighbour, campaign=campaign, plan=plan
    )
