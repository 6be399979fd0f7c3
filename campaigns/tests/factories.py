"""Small builders for the plan page tests: communes under a district and plans issued by them."""

import datetime

from campaigns.models import Campaign, Milestone, Plan, PlanSection, Target
from units.models import CodeScheme, Kind, Unit

LEGACY = {"code_scheme": CodeScheme.LEGACY, "valid_to": datetime.date(2025, 6, 30)}


def make_communes(district: Unit, count: int, *, start: int = 0, **fields) -> list[Unit]:
    return [
        Unit.objects.create(
            name=f"Xã Số {start + i + 1:03d}",
            kind=Kind.COMMUNE,
            division_type="Xã",
            parent=district,
            **{**LEGACY, **fields},
        )
        for i in range(count)
    ]


def make_plan(campaign: Campaign, unit: Unit, *, parent: Plan | None = None, **fields) -> Plan:
    fields.setdefault("status", Plan.Status.ISSUED)
    fields.setdefault("issue_date", datetime.date(2022, 12, 1))
    return Plan.objects.create(
        campaign=campaign,
        parent=parent,
        issuing_unit=unit,
        issuer_name=fields.pop("issuer_name", f"UBND {unit.name}"),
        title=fields.pop("title", campaign.name),
        **fields,
    )


def fill_plan(plan: Plan, units: list[Unit], *, size: int) -> None:
    """`size` targets of assorted types, sections and timeline items, naming `units`."""
    for i in range(size):
        milestone = Target.objects.create(
            plan=plan,
            type=Target.Type.UNIT_MILESTONE,
            description=f"Xã đạt chuẩn NTM {i}",
            status="xa_ntm",
            deadline_year=2025,
        )
        milestone.units.set(units)
        Target.objects.create(
            plan=plan,
            type=Target.Type.UNIT_SHARE,
            description=f"Tỷ lệ xã NTM {i}",
            status="xa_ntm",
            unit_kind=Kind.COMMUNE,
            measure=Target.Measure.PERCENT,
            target_value=80,
            deadline_year=2025,
        )
        Target.objects.create(
            plan=plan,
            type=Target.Type.MINIMUM_CRITERIA,
            description=f"Không xã dưới 15 {i}",
            target_value=15,
            deadline_year=2025,
        )
        PlanSection.objects.create(plan=plan, heading=f"Mục {i}", body="Đoạn một.\n\n- ý một\n- ý hai")
        Milestone.objects.create(
            plan=plan,
            kind=Milestone.Kind.MIDTERM_REVIEW,
            title=f"Sơ kết {i}",
            due_year=2023,
            due_quarter=4,
            responsible_unit=units[i % len(units)] if units else None,
        )


def build_ha_quang(campaign: Campaign, province: Unit, district: Unit) -> Plan:
    """The Hà Quảng plan 3254/KH-UBND in small: parent short record, communes, typed targets, timeline."""
    from awards.models import AwardForm
    from campaigns.models import Document, EmulationSubject, PlanBasis, Recognition

    names = ["Trường Hà", "Ngọc Đào", "Sóc Hà", "Lương Can", "Quý Quân", "Đa Thông", "Cần Yên"]
    communes = {
        name: Unit.objects.create(name=f"Xã {name}", kind=Kind.COMMUNE, division_type="Xã", parent=district, **LEGACY)
        for name in names
    }
    for name in names[:3]:
        Unit.objects.create(name=f"Xóm {name} 1", kind=Kind.VILLAGE, division_type="Xóm", parent=communes[name])
    parent = make_plan(
        campaign,
        province,
        number="2452/KH-UBND",
        issue_date=datetime.date(2022, 9, 26),
        issuer_name="UBND tỉnh Cao Bằng",
        is_summary=True,
    )
    plan = make_plan(
        campaign,
        district,
        parent=parent,
        number="3254/KH-UBND",
        issue_date=datetime.date(2022, 11, 3),
        place="Hà Quảng",
        issuer_name="UBND huyện Hà Quảng",
        title="Cả nước chung sức xây dựng nông thôn mới giai đoạn 2021-2025",
        subject='Tổ chức phong trào thi đua "Cả nước chung sức xây dựng nông thôn mới" giai đoạn 2021-2025',
        signing_mode="TM.",
        signer_title="Chủ tịch",
        signer_name="Phạm Xuân Tùng",
        recipients="TT Huyện ủy;\nTT HĐND huyện;\nUBND các xã;\nLưu: VT, NV.",
    )
    basis = Document.objects.create(
        kind="NQ", number="12-NQ/TU", date=datetime.date(2022, 6, 9), issuer="Tỉnh ủy Cao Bằng"
    )
    PlanBasis.objects.create(plan=plan, document=basis)
    for name in ("Ngọc Đào", "Sóc Hà", "Lương Can"):
        Recognition.objects.create(unit=communes[name], status="xa_ntm", decision_date=datetime.date(2020, 12, 30))
    Recognition.objects.create(unit=communes["Trường Hà"], status="xa_ntm", decision_date=datetime.date(2023, 12, 20))

    def target(type_, description, units=(), **fields):
        created = Target.objects.create(
            plan=plan, type=type_, description=description, deadline_year=fields.pop("deadline_year", 2025), **fields
        )
        created.units.set(units)
        return created

    target(
        Target.Type.KEEP_STATUS,
        "Duy trì, nâng cao các xã đã đạt chuẩn",
        [communes[n] for n in names[1:4]],
        status="xa_ntm",
    )
    target(
        Target.Type.UNIT_MILESTONE,
        "Xã Trường Hà đạt chuẩn NTM năm 2023",
        [communes["Trường Hà"]],
        status="xa_ntm",
        deadline_year=2023,
    )
    target(
        Target.Type.UNIT_MILESTONE,
        "Xã Ngọc Đào đạt chuẩn NTM nâng cao năm 2024",
        [communes["Ngọc Đào"]],
        status="xa_nang_cao",
        deadline_year=2024,
    )
    target(
        Target.Type.UNIT_MILESTONE,
        "Xã Đa Thông và Cần Yên đạt chuẩn NTM năm 2025",
        [communes["Đa Thông"], communes["Cần Yên"]],
        status="xa_ntm",
    )
    target(
        Target.Type.AVERAGE_CRITERIA,
        "Bình quân đạt 16,5 tiêu chí/xã",
        target_value=16.5,
        baseline_value=13,
        baseline_year=2022,
    )
    target(Target.Type.MINIMUM_CRITERIA, "Không có xã dưới 15 tiêu chí", target_value=15)
    target(Target.Type.CRITERIA_GAIN, "Mỗi xã tăng 1-2 tiêu chí/năm", target_value=1, target_value_max=2)
    target(
        Target.Type.UNIT_SHARE,
        "30% số xóm đạt chuẩn NTM",
        status="thon_ntm",
        unit_kind=Kind.VILLAGE,
        measure="percent",
        target_value=30,
    )
    target(
        Target.Type.OCOP_PRODUCTS,
        "Mỗi năm 2-3 sản phẩm OCOP 3 sao cấp tỉnh",
        ocop_stars=3,
        ocop_level="province",
        target_value=2,
        target_value_max=3,
    )
    PlanSection.objects.create(
        plan=plan,
        kind=PlanSection.Kind.PURPOSE,
        heading="I. MỤC ĐÍCH, YÊU CẦU",
        body="Phát huy sức mạnh của cả hệ thống chính trị.\n\n- Tạo sự chuyển biến về nhận thức;\n- Huy động nguồn lực <xã hội>.",
    )
    Milestone.objects.create(
        plan=plan,
        kind=Milestone.Kind.LAUNCH,
        title="Phát động phong trào",
        due_year=2022,
        due_quarter=4,
        done_date=datetime.date(2022, 11, 20),
    )
    Milestone.objects.create(plan=plan, kind=Milestone.Kind.MIDTERM_REVIEW, title="Sơ kết phong trào", due_year=2023)
    Milestone.objects.create(
        plan=plan,
        kind=Milestone.Kind.FINAL_REVIEW,
        title="Tổng kết phong trào",
        due_year=2025,
        responsible="Phòng Nội vụ",
    )
    EmulationSubject.objects.create(
        plan=plan, kind=EmulationSubject.Kind.COMMUNES, criteria="Đạt chuẩn NTM theo kế hoạch\nKhông nợ đọng XDCB"
    )
    award, _ = AwardForm.objects.get_or_create(
        name="Giấy khen của Chủ tịch UBND huyện",
        defaults={"category": "certificate", "authority_level": "district", "authority_title": "Chủ tịch UBND huyện"},
    )
    plan.award_forms.add(award)
    return plan
