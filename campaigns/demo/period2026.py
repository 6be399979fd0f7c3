"""Demo step for `manage.py load_demo`: the 2026-2030 programme in the new Tỉnh Cao Bằng (after the 2025 reform).

Everything here is invented for the demonstration and says so: the province plan has "DEMO" as its number and a
subject that calls it sample content, the commune groups cite a deciding document marked DEMO, and the 2026 figures
are illustrations. The programme row itself and the QĐ 51/2025 set come from the migrations (campaigns 0006, 0011).

The 2026 years cover every state a reviewer meets: Xã Trường Hà (new) is left unstarted for the walk-through of
xa.truongha2025, Tổng Cọt is a draft, Thanh Long waits in the province's queue, Lũng Nặm was returned, and
Thông Nông, Cần Yên and Hà Quảng are approved. Rows are found again by their natural key and written only when they
differ, so a second run changes nothing; rows entered for real (is_demo False) are left alone.
"""

import datetime
from collections import Counter
from zoneinfo import ZoneInfo

from simple_history.utils import bulk_create_with_history

from campaigns.assessments.services import applied_region
from campaigns.demo import assessments
from campaigns.demo.plans import UnitCache, _milestones, _sections, _targets
from campaigns.demo.plans import _upsert as upsert_plan_row
from campaigns.models import (
    Assessment,
    Campaign,
    CommuneGroup,
    CriteriaSet,
    CriterionResult,
    DocumentKind,
    Milestone,
    Plan,
    PlanSection,
    Recognition,
    RecognitionStatus,
    Target,
)
from units.hierarchy import level_above
from units.models import CodeScheme, Kind, Unit, User

QD51_SET = "qd51-2025-xa-2026"
YEAR = 2026
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
D = datetime.date
DEMO_NOTE = "Demo: số liệu minh họa, không phải số liệu chính thức"


def new(kind: str, code: str) -> tuple[str, str, str]:
    """An official unit from 07/2025, keyed as units.demo creates it."""
    return (CodeScheme.Y2025, kind, code)


CAO_BANG = new(Kind.PROVINCE, "04")
THONG_NONG, CAN_YEN, THANH_LONG = "01363", "01366", "01387"
TRUONG_HA, LUNG_NAM, TONG_COT, HA_QUANG = "01392", "01393", "01414", "01438"

# Commune groups (Nhóm 1, 2, 3 of QĐ 51/2025) of the new Cao Bằng communes: invented, by an invented decision.
GROUP_FROM = D(2026, 3, 2)
GROUP_DECISION = "DEMO — Quyết định phân nhóm xã (minh họa, không phải văn bản thật)"
GROUPS = {
    TRUONG_HA: 1,  # holds the former district seat (Thị trấn Xuân Hòa) and the Sóc Giang border gate
    THONG_NONG: 2,
    CAN_YEN: 3,
    THANH_LONG: 3,
    LUNG_NAM: 3,
    TONG_COT: 3,
    HA_QUANG: 3,
}

A, S, R, DRAFT = (
    Assessment.Status.APPROVED,
    Assessment.Status.SUBMITTED,
    Assessment.Status.RETURNED,
    Assessment.Status.DRAFT,
)
# 2026 of each new commune: (status, criteria numbers met of the QĐ 51 set). Trường Hà has none: not started.
YEARS_2026 = {
    THONG_NONG: (A, [1, 2, 5, 6, 8, 9, 10]),
    CAN_YEN: (A, [1, 5, 6, 9, 10]),
    HA_QUANG: (A, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    THANH_LONG: (S, [1, 5, 9, 10]),
    LUNG_NAM: (R, [1, 9, 10]),
    TONG_COT: (DRAFT, [1, 10]),
}
RETURN_REASON = "Demo: bổ sung minh chứng cho tiêu chí 2 (Hạ tầng kinh tế - xã hội) và tiêu chí 6 (Giảm nghèo)."
SUBMITTERS: dict[str, str] = {}  # the new Trường Hà's officer enters 2026 in the walk-through
REVIEWER = "noivu.caobang"

# Xã Hà Quảng (new) meets all ten in 2026: an invented NTM decision, so the completion conditions have a figure.
RECOGNITIONS = [(HA_QUANG, RecognitionStatus.COMMUNE_NTM, D(2026, 12, 2), "DEMO/QĐ-UBND", "UBND tỉnh Cao Bằng")]

PROGRAMME = "Chương trình MTQG xây dựng nông thôn mới giai đoạn 2026-2030"
DEMO_WARNING = (
    "[DEMO] Nội dung minh họa cho bản trình diễn: số liệu, chỉ tiêu và mốc thời gian do nhóm phát triển tự đặt, "
    "không phải văn bản của UBND tỉnh Cao Bằng."
)
PLAN = {
    "document_kind": DocumentKind.PLAN,
    "number": "DEMO/KH-UBND",
    "issue_date": D(2026, 3, 16),
    "place": "Cao Bằng",
    "issuer_name": "UBND tỉnh Cao Bằng",
    "issuing_unit": CAO_BANG,
    "title": PROGRAMME,
    "subject": f"{DEMO_WARNING} Thực hiện {PROGRAMME} trên địa bàn tỉnh Cao Bằng",
    "signer_name": "",
    "signer_title": "",
    "recipients": ["Các sở, ban, ngành tỉnh;", "UBND các xã, phường;", "Lưu: VT."],
    "sections": [
        (PlanSection.Kind.OTHER, "Lưu ý", DEMO_WARNING),
        (
            PlanSection.Kind.PURPOSE,
            "I. Mục đích, yêu cầu",
            "Triển khai Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026-2030 (10 tiêu chí, theo ba nhóm xã) "
            "trên địa bàn tỉnh sau sắp xếp đơn vị hành chính; mỗi năm xã tự đánh giá, UBND tỉnh thẩm định.\n\n"
            "Chỉ tiêu dưới đây là số liệu minh họa.",
        ),
        (
            PlanSection.Kind.SCHEDULE,
            "II. Tiến độ thực hiện",
            "1. Năm 2026: phân nhóm xã, xã đánh giá năm đầu.\n2. Năm 2028: sơ kết.\n3. Năm 2030: tổng kết.",
        ),
    ],
    "award_forms": ["Bằng khen của Chủ tịch UBND tỉnh"],
    "milestones": [
        {
            "kind": Milestone.Kind.BUILD_PLAN,
            "title": "[Demo] Phân nhóm xã và giao chỉ tiêu cho các xã",
            "due_year": 2026,
            "due_quarter": 2,
            "responsible": "Sở Nông nghiệp và Môi trường",
            "done_date": D(2026, 3, 2),
        },
        {
            "kind": Milestone.Kind.ANNUAL_REPORT,
            "title": "[Demo] Báo cáo kết quả năm 2026",
            "due_year": 2026,
            "due_quarter": 4,
            "responsible": "Sở Nội vụ",
        },
        {
            "kind": Milestone.Kind.MIDTERM_REVIEW,
            "title": "[Demo] Sơ kết giai đoạn 2026-2028",
            "due_year": 2028,
            "responsible": "Sở Nội vụ",
        },
        {
            "kind": Milestone.Kind.FINAL_REVIEW,
            "title": "[Demo] Tổng kết giai đoạn 2026-2030",
            "due_year": 2030,
            "responsible": "Sở Nội vụ",
        },
    ],
    "targets": [
        {
            "type": Target.Type.UNIT_SHARE,
            "description": "[Demo] Đến năm 2030 có 45% số xã đạt chuẩn nông thôn mới (chỉ tiêu minh họa)",
            "status": RecognitionStatus.COMMUNE_NTM,
            "unit_kind": Kind.COMMUNE,
            "measure": Target.Measure.PERCENT,
            "target_value": 45,
            "deadline_year": 2030,
            "years": {2026: 10, 2027: 15, 2028: 25, 2029: 35, 2030: 45},
        },
        {
            "type": Target.Type.UNIT_SHARE,
            "description": "[Demo] Đến năm 2030 có 01 xã đạt nông thôn mới hiện đại (chỉ tiêu minh họa)",
            "status": RecognitionStatus.COMMUNE_MODERN,
            "unit_kind": Kind.COMMUNE,
            "measure": Target.Measure.COUNT,
            "target_value": 1,
            "deadline_year": 2030,
        },
        {
            "type": Target.Type.AVERAGE_CRITERIA,
            "description": "[Demo] Bình quân mỗi xã đạt 8 tiêu chí/xã năm 2030 (chỉ tiêu minh họa)",
            "target_value": 8,
            "deadline_year": 2030,
            "years": {2026: 5, 2027: 6, 2028: 6.5, 2029: 7, 2030: 8},
        },
        {
            "type": Target.Type.MINIMUM_CRITERIA,
            "description": "[Demo] Không còn xã đạt dưới 5 tiêu chí năm 2030 (chỉ tiêu minh họa)",
            "target_value": 5,
            "deadline_year": 2030,
        },
    ],
}


def load_period_2026() -> Counter:
    """The province plan under the 2026-2030 programme, the commune groups, and the 2026 years of the new communes."""
    tally = Counter(created=0, updated=0, unchanged=0)
    programme = Campaign.objects.filter(criteria_sets__code=QD51_SET).order_by("is_demo", "pk").first()
    criteria_set = CriteriaSet.objects.filter(code=QD51_SET).first()
    if programme is None or criteria_set is None:
        return tally  # the migrations that make them have not run: nothing to hang the demo on
    communes = {
        unit.code: unit
        for unit in Unit.objects.filter(code_scheme=CodeScheme.Y2025, kind=Kind.COMMUNE, code__in=GROUPS)
    }
    missing = set(GROUPS) - set(communes)
    if missing:
        raise Unit.DoesNotExist(f"Demo communes {sorted(missing)} are missing: run units.demo.load_units first.")
    _plan(tally, programme)
    _groups(tally, communes)
    _years(tally, communes, criteria_set)
    _recognitions(tally, communes)
    return tally


def _plan(tally, programme) -> None:
    units = UnitCache()
    key = {name: PLAN[name] for name in ("issuer_name", "number", "issue_date", "title")}
    values = {name: PLAN[name] for name in ("document_kind", "subject", "place", "signer_name", "signer_title")}
    values |= {
        "campaign": programme,
        "parent": None,
        "issuing_unit": units(PLAN["issuing_unit"]),
        "recipients": "\n".join(PLAN["recipients"]),
        "status": Plan.Status.ISSUED,
        "is_summary": False,
    }
    plan = upsert_plan_row(tally, Plan, key, values)
    if not plan.is_demo:
        return
    _sections(tally, plan, PLAN["sections"])
    _milestones(tally, units, plan, PLAN["milestones"])
    _targets(tally, units, plan, PLAN["targets"])


def _groups(tally, communes) -> None:
    for code, group in GROUPS.items():
        key = {"unit": communes[code], "valid_from": GROUP_FROM}
        upsert_plan_row(tally, CommuneGroup, key, {"group": group, "decision": GROUP_DECISION})


def _years(tally, communes, criteria_set) -> None:
    criteria = {criterion.number: criterion for criterion in criteria_set.criteria.all()}
    users = {user.username: user for user in User.objects.filter(username__in=[REVIEWER, *SUBMITTERS.values()])}
    existing = {a.unit_id: a for a in Assessment.objects.filter(unit__in=list(communes.values()), year=YEAR)}
    new_results = []
    for code, (status, met) in YEARS_2026.items():
        commune = communes[code]
        assessment = existing.get(commune.pk)
        if assessment is not None and (not assessment.is_demo or assessment.version != 1):
            tally["unchanged"] += 1  # entered for real, or moved on in the app since: not ours any more
            continue
        values = _assessment_values(commune, status, met, users) | {
            "criteria_set": criteria_set,
            "criteria_total": len(criteria),
        }
        assessment = assessments._upsert(tally, Assessment, {"unit": commune, "year": YEAR}, values, found=assessment)
        results = {result.criterion_id: result for result in assessment.results.all()}
        for number, criterion in criteria.items():
            result = results.get(criterion.pk)
            if result is None:
                new_results.append(CriterionResult(assessment=assessment, criterion=criterion, achieved=number in met))
            elif result.achieved != (number in met):
                result.achieved = number in met
                result.save(update_fields=["achieved"])
                tally["updated"] += 1
            else:
                tally["unchanged"] += 1
    if new_results:
        bulk_create_with_history(new_results, CriterionResult)
        tally["created"] += len(new_results)


def _assessment_values(commune, status, met, users) -> dict:
    submitted_on = datetime.datetime(YEAR, 11, 20, 9, 0, tzinfo=TZ)
    sent = status != DRAFT
    reviewed = status in (A, R)
    return {
        "applied_region": applied_region(commune),
        "criteria_met": len(met),
        "status": status,
        "reviewer_unit": level_above(commune, on=submitted_on.date()) if sent else None,
        "submitted_at": submitted_on if sent else None,
        "submitted_by": users.get(SUBMITTERS.get(commune.code)) if sent else None,
        "returned_at": datetime.datetime(YEAR, 11, 27, 14, 0, tzinfo=TZ) if status == R else None,
        "return_reason": RETURN_REASON if status == R else "",
        "reviewed_by": users.get(REVIEWER) if reviewed else None,
        "approved_at": datetime.datetime(YEAR, 12, 1, 15, 0, tzinfo=TZ) if status == A else None,
        "note": DEMO_NOTE,
    }


def _recognitions(tally, communes) -> None:
    for code, status, decided, number, issuer in RECOGNITIONS:
        key = {"unit": communes[code], "status": status, "decision_number": number}
        values = {"decision_date": decided, "issuer": issuer, "note": DEMO_NOTE}
        assessments._upsert(tally, Recognition, key, values)
