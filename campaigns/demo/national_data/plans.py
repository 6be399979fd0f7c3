"""A plan per province and a few per district, with targets of every type, their timeline and measurements.

A province plan has a dozen population targets (shares, criteria, OCOP, ratios) and one milestone target
per district (or per group of communes after 07/2025) naming the communes due to reach NTM: about 40
targets for the largest provinces, what the plan page must handle.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from awards.models import AwardForm
from awards.services.decisions import issuer_name
from campaigns.demo.national_data.assessments import Trajectory
from campaigns.demo.national_data.base import NOTE, TZ, Run, Tree, own_timestamps
from campaigns.demo.national_data.names import person
from campaigns.demo.national_data.nominations import BK_TINH, BK_TTG, CO_TINH, GK_HUYEN
from campaigns.models import Campaign, Measurement, Milestone, Plan, PlanSection, Target, TargetYear
from campaigns.models.progress import RecognitionStatus
from units.models import Kind, Unit

R, T = RecognitionStatus, Target.Type
INCOME = "Thu nhập bình quân đầu người khu vực nông thôn"
POVERTY = "Tỷ lệ hộ nghèo đa chiều"
DISTRICT_PLANS = 3  # per province: "a few"
COMMUNES_PER_MILESTONE = 15  # 2025 provinces have no districts: their named communes come in groups


def create_plans(run: Run, tree: Tree, campaign: Campaign, paths: dict[int, Trajectory]) -> None:
    rng = run.rng("plans")
    communes_of = defaultdict(list)  # province or district pk → its sampled rural communes
    for commune in tree.communes:
        if tree.is_rural(commune):
            communes_of[tree.province_of(commune).pk].append(commune)
            if tree.is_legacy(commune):
                communes_of[commune.parent_id].append(commune)
    builder = _Builder(run, rng, tree, paths, communes_of)
    for province in tree.provinces.values():
        if not communes_of[province.pk]:
            continue
        plan = builder.plan(campaign, province, None)
        builder.province_targets(plan, province)
        districts = sorted({c.parent_id for c in communes_of[province.pk] if tree.is_legacy(c)})
        for district_pk in sorted(rng.sample(districts, min(DISTRICT_PLANS, len(districts)))):
            district = tree.districts[district_pk]
            builder.district_targets(builder.plan(campaign, district, plan), district)
    builder.save()


class _Builder:
    def __init__(self, run: Run, rng, tree: Tree, paths, communes_of):
        self.run, self.rng, self.tree, self.paths, self.communes_of = run, rng, tree, paths, communes_of
        self.plans: list[Plan] = []
        self.targets: list[tuple[Target, list[Unit], dict[int, Decimal]]] = []
        self.measurements: list[Measurement] = []
        self.milestones: list[Milestone] = []
        self.sections: list[PlanSection] = []

    def plan(self, campaign: Campaign, unit: Unit, parent: Plan | None) -> Plan:
        rng = self.rng
        legacy = self.tree.is_legacy(unit)
        if parent:
            day = parent.issue_date + datetime.timedelta(days=rng.randint(20, 90))
        elif legacy:
            day = self.run.day(rng, datetime.date(2022, 3, 1), datetime.date(2022, 9, 30))
        else:
            day = self.run.day(rng, datetime.date(2025, 8, 1), datetime.date(2025, 9, 30))
        level = "tỉnh" if unit.kind == Kind.PROVINCE else "huyện"
        deputy = rng.random() < 0.6
        plan = Plan(
            campaign=campaign,
            parent=parent,
            number=f"{rng.randint(100, 4500)}/KH-UBND",
            title=f"{unit.short_name} chung sức xây dựng nông thôn mới",
            subject=f"Kế hoạch tổ chức phong trào thi đua “{campaign.name}” trên địa bàn {level}. {NOTE}",
            issue_date=day,
            place=self.tree.province_of(unit).short_name,
            issuing_unit=unit,
            issuer_name=issuer_name(unit),
            signer_name=person(rng),
            signer_title=f"{'Phó Chủ tịch' if deputy else 'Chủ tịch'} UBND {level}",
            signing_mode=Plan.SigningMode.DEPUTY if deputy else Plan.SigningMode.ON_BEHALF,
            status=Plan.Status.ISSUED,
            is_demo=True,
            created_at=datetime.datetime.combine(day, datetime.time(9), tzinfo=TZ),
        )
        self.plans.append(plan)
        self._timeline(plan, unit)
        return plan

    def _timeline(self, plan: Plan, unit: Unit) -> None:
        K, year = Milestone.Kind, plan.issue_date.year  # noqa: N806
        steps = [
            (K.LAUNCH, "Tổ chức phát động phong trào", plan.issue_date + datetime.timedelta(days=30)),
            (K.PLEDGE, "Ký kết giao ước thi đua", plan.issue_date + datetime.timedelta(days=60)),
            (K.MIDTERM_REVIEW, "Sơ kết phong trào", datetime.date(max(year, 2023), 9, 30)),
            (K.FINAL_REVIEW, "Tổng kết phong trào", datetime.date(2025, 12, 15)),
        ]
        for kind, title, due in steps:
            done = due + datetime.timedelta(days=self.rng.randint(-10, 20))
            self.milestones.append(
                Milestone(plan=plan, kind=kind, title=title, due_date=due, responsible_unit=unit,
                          done_date=done if done <= self.run.today else None)
            )  # fmt: skip
        for order, (kind, heading) in enumerate(
            [(PlanSection.Kind.PURPOSE, "Mục đích, yêu cầu"), (PlanSection.Kind.CONTENT, "Nội dung phong trào")]
        ):
            body = "- Huy động sức mạnh của cả hệ thống chính trị.\n- Phát huy vai trò chủ thể của người dân."
            self.sections.append(PlanSection(plan=plan, kind=kind, heading=heading, body=body, order=order))

    def target(self, plan: Plan, type_: str, description: str, *, units=(), years=None, **fields) -> None:
        fields.setdefault("deadline_year", 2025)
        target = Target(plan=plan, order=len(self.targets), type=type_, description=description, is_demo=True, **fields)
        self.targets.append((target, list(units), years or {}))

    def province_targets(self, plan: Plan, province: Unit) -> None:
        rng, legacy = self.rng, self.tree.is_legacy(province)
        share = Decimal(rng.randint(85, 95))
        steps = {2023: share - 10, 2024: share - 5} if legacy else {}
        self.target(plan, T.UNIT_SHARE, f"{share}% số xã đạt chuẩn NTM", status=R.COMMUNE_NTM,
                    measure=Target.Measure.PERCENT, target_value=share, years=steps)  # fmt: skip
        self.target(plan, T.UNIT_SHARE, "Trên 35% số xã đạt chuẩn NTM nâng cao", status=R.COMMUNE_ADVANCED,
                    measure=Target.Measure.PERCENT, target_value=Decimal(35))  # fmt: skip
        self.target(plan, T.UNIT_SHARE, "Ít nhất 10 xã đạt chuẩn NTM kiểu mẫu", status=R.COMMUNE_MODEL,
                    target_value=Decimal(10))  # fmt: skip
        self.target(plan, T.UNIT_SHARE, "75% số thôn đạt chuẩn NTM", status=R.VILLAGE_NTM, unit_kind=Kind.VILLAGE,
                    measure=Target.Measure.PERCENT, target_value=Decimal(75))  # fmt: skip
        self.target(plan, T.UNIT_SHARE, "50 khu dân cư kiểu mẫu", status=R.VILLAGE_MODEL, target_value=Decimal(50))
        if legacy:
            self.target(plan, T.UNIT_SHARE, "5 huyện đạt chuẩn NTM", status=R.DISTRICT_NTM, target_value=Decimal(5))
        self.target(
            plan, T.KEEP_STATUS, "Các xã đã đạt chuẩn NTM giữ vững và nâng cao chất lượng", status=R.COMMUNE_NTM
        )
        self.target(plan, T.AVERAGE_CRITERIA, "Bình quân đạt 18,5 tiêu chí/xã", target_value=Decimal("18.5"))
        self.target(plan, T.MINIMUM_CRITERIA, "Không còn xã dưới 15 tiêu chí", target_value=Decimal(15))
        self.target(plan, T.CRITERIA_GAIN, "Mỗi xã tăng 1-2 tiêu chí/năm", target_value=Decimal(1),
                    target_value_max=Decimal(2))  # fmt: skip
        per_year = Decimal(rng.randint(15, 60))
        self.target(plan, T.OCOP_PRODUCTS, f"Mỗi năm có {per_year} sản phẩm OCOP 3 sao trở lên", ocop_stars=3,
                    target_value=per_year, years=dict.fromkeys((2023, 2024, 2025), per_year))  # fmt: skip
        self.target(plan, T.OCOP_PRODUCTS, "Mỗi năm có 5 sản phẩm OCOP 4 sao", ocop_stars=4, target_value=Decimal(5))
        self._measured(plan, province, legacy)
        self._milestones(plan, province)

    def _measured(self, plan: Plan, province: Unit, legacy: bool) -> None:
        rng = self.rng
        years = range(2020, 2025) if legacy else range(2024, 2026)
        income, poverty = Decimal(rng.randint(30, 48)), Decimal(rng.randint(40, 120)) / 10
        for year in years:
            self.measurements += [
                Measurement(unit=province, indicator=INCOME, year=year, value=income, unit_of_measure="triệu đồng",
                            source=NOTE, is_demo=True),
                Measurement(unit=province, indicator=POVERTY, year=year, value=poverty, unit_of_measure="%",
                            source=NOTE, is_demo=True),
            ]  # fmt: skip
            income = (income * Decimal(rng.uniform(1.05, 1.12))).quantize(Decimal("0.1"))
            poverty = max(Decimal("0.5"), poverty - Decimal(rng.randint(3, 15)) / 10)
        self.target(plan, T.RATIO_TO_BASELINE, f"Thu nhập năm 2025 gấp 1,5 lần năm {years[0]}", indicator=INCOME,
                    baseline_year=years[0], target_value=Decimal("1.5"), unit_of_measure="triệu đồng")  # fmt: skip
        self.target(plan, T.FREE_INDICATOR, "Tỷ lệ hộ nghèo giảm còn dưới 3%", indicator=POVERTY,
                    target_value=Decimal(3), unit_of_measure="%")  # fmt: skip

    def _milestones(self, plan: Plan, province: Unit) -> None:
        """Named communes not yet NTM in 2021 reach it by 2024 or 2025: one target per district or group."""
        waiting = [c for c in self.communes_of[province.pk] if (self.paths[c.pk].ntm_year or 9999) > 2020]
        groups = defaultdict(list)
        for number, commune in enumerate(waiting):
            key = commune.parent_id if self.tree.is_legacy(commune) else number // COMMUNES_PER_MILESTONE
            groups[key].append(commune)
        for key in sorted(groups):
            named = self.rng.sample(groups[key], min(len(groups[key]), self.rng.randint(2, 6)))
            year = self.rng.choice([2024, 2025])
            names = ", ".join(commune.short_name for commune in named)
            self.target(plan, T.UNIT_MILESTONE, f"Các xã {names} đạt chuẩn NTM năm {year}", status=R.COMMUNE_NTM,
                        units=named, deadline_year=year)  # fmt: skip

    def district_targets(self, plan: Plan, district: Unit) -> None:
        self.target(plan, T.UNIT_SHARE, "100% số xã đạt chuẩn NTM", status=R.COMMUNE_NTM,
                    measure=Target.Measure.PERCENT, target_value=Decimal(100))  # fmt: skip
        self.target(plan, T.AVERAGE_CRITERIA, "Bình quân đạt 19 tiêu chí/xã", target_value=Decimal(19))
        self.target(plan, T.OCOP_PRODUCTS, "Mỗi năm có 2-3 sản phẩm OCOP 3 sao", ocop_stars=3,
                    target_value=Decimal(2), target_value_max=Decimal(3))  # fmt: skip
        waiting = [c for c in self.communes_of[district.pk] if (self.paths[c.pk].ntm_year or 9999) > 2020]
        if waiting:
            named = self.rng.sample(waiting, min(len(waiting), 4))
            self.target(plan, T.UNIT_MILESTONE, "Các xã còn lại đạt chuẩn NTM", status=R.COMMUNE_NTM, units=named)

    def save(self) -> None:
        run = self.run
        size = len(self.plans) + len(self.targets) + len(self.measurements) + len(self.milestones)
        with run.stage("plans", size) as bar:
            with own_timestamps((Plan, "created_at"), (Plan, "updated_at")):
                for plan in self.plans:
                    plan.updated_at = plan.created_at
                run.insert(Plan, [plan for plan in self.plans if plan.parent is None], bar)
                run.insert(Plan, [plan for plan in self.plans if plan.parent is not None], bar)
            forms = dict(
                AwardForm.objects.filter(name__in=[GK_HUYEN, BK_TINH, CO_TINH, BK_TTG]).values_list("name", "pk")
            )
            offered = [
                Plan.award_forms.through(plan_id=plan.pk, awardform_id=forms[name])
                for plan in self.plans
                for name in ([BK_TINH, CO_TINH, BK_TTG] if plan.parent is None else [GK_HUYEN, BK_TINH])
                if name in forms
            ]
            Plan.award_forms.through.objects.bulk_create(offered)
            run.insert(Target, [target for target, _units, _years in self.targets], bar)
            Target.units.through.objects.bulk_create(
                [Target.units.through(target_id=t.pk, unit_id=u.pk) for t, units, _y in self.targets for u in units],
                batch_size=5000,
            )
            run.insert(
                TargetYear, (TargetYear(target=t, year=y, value=v) for t, _u, ys in self.targets for y, v in ys.items())
            )
            taken = set(
                Measurement.objects.filter(unit__kind=Kind.PROVINCE).values_list("unit_id", "indicator", "year")
            )
            run.insert(
                Measurement, (m for m in self.measurements if (m.unit_id, m.indicator, m.year) not in taken), bar
            )
            run.insert(Milestone, self.milestones, bar)
            run.insert(PlanSection, self.sections)
