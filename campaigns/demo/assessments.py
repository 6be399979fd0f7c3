"""Demo step for `manage.py load_demo`: yearly assessments 2021-2024 of the demo communes and the other records.

The figures are illustrative, chosen to agree with the seed plans and with the recognitions of campaigns.demo:
Ngọc Đào, Sóc Hà and Lương Can were NTM already; Trường Hà climbs to 19 in 2023 and Quý Quân in 2024; Đa Thông
reaches 19 in 2024 before its 2025 decision; the other communes gain one or two criteria a year, a few staying
below 15. Thị trấn (towns) are urban units outside the NTM programme: they get no assessment.

Xã Trường Hà's 2024 is left unstarted for the demo walk-through, Cải Viên's 2024 waits in the district's queue
and Yên Sơn's is a draft. Every row is found again by its natural key and written only when it differs, so a
second run changes nothing, history included. Rows entered for real (is_demo False) are never touched, nor an
assessment someone has moved on since (its version is no longer 1).
"""

import datetime
import random
from collections import Counter
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Model
from simple_history.utils import bulk_create_with_history

from campaigns.assessments.services import applied_region
from campaigns.models import (
    Assessment,
    CriteriaSet,
    CriterionResult,
    ExemplaryModel,
    OcopProduct,
    OcopRating,
    Recognition,
    RecognitionStatus,
    ResourceContribution,
    VillageYear,
)
from units.models import CodeScheme, Kind, Unit, User

CRITERIA_SET = "qd318-xa-2021"
YEARS = (2021, 2022, 2023, 2024)
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
D = datetime.date
A, S, DRAFT = Assessment.Status.APPROVED, Assessment.Status.SUBMITTED, Assessment.Status.DRAFT

# Legacy commune code → criteria met in 2021, 2022, 2023, 2024 (None: the year is not started).
CRITERIA_MET = {
    # Hà Quảng (Cao Bằng)
    "01366": (13, 14, 15, 17),  # Cần Yên, NTM due 2025
    "01367": (11, 12, 14, 15),  # Cần Nông
    "01372": (12, 13, 14, 16),  # Lương Thông
    "01375": (14, 15, 17, 19),  # Đa Thông, NTM due 2025 (decided 06/2025)
    "01378": (12, 14, 15, 16),  # Ngọc Động
    "01381": (11, 12, 13, 15),  # Yên Sơn
    "01384": (19, 19, 19, 19),  # Lương Can, NTM 12/2021
    "01387": (13, 14, 15, 16),  # Thanh Long
    "01393": (9, 10, 12, 13),  # Lũng Nặm, especially difficult
    "01399": (15, 17, 19, None),  # Trường Hà, NTM 2023; 2024 is entered in the walk-through
    "01402": (8, 9, 11, 12),  # Cải Viên, especially difficult
    "01411": (10, 12, 13, 15),  # Nội Thôn, especially difficult
    "01414": (10, 11, 13, 14),  # Tổng Cọt, especially difficult
    "01417": (19, 19, 19, 19),  # Sóc Hà, NTM 2020
    "01420": (12, 13, 15, 16),  # Thượng Thôn
    "01429": (11, 13, 14, 15),  # Hồng Sỹ
    "01432": (15, 16, 17, 19),  # Quý Quân, NTM 2024
    "01435": (12, 13, 14, 15),  # Mã Ba
    "01438": (19, 19, 19, 19),  # Ngọc Đào, NTM 2019, advanced 2024
    # Chi Lăng (Lạng Sơn): NTM 2020, advanced due 2025
    "06523": (19, 19, 19, 19),
    # Quảng Trị
    "19441": (19, 19, 19, 19),  # Hướng Phùng, NTM 2020
    "19444": (11, 12, 14, 15),  # Hướng Sơn
    "19447": (15, 17, 19, 19),  # Hướng Linh, NTM 2023
    "19498": (19, 19, 19, 19),  # Trung Giang, NTM 2016, advanced 2024
    "19501": (19, 19, 19, 19),  # Trung Hải, NTM 2017
    "19504": (19, 19, 19, 19),  # Trung Sơn, NTM 2014
    "19591": (8, 9, 10, 12),  # A Bung, especially difficult
    "19594": (9, 10, 11, 13),  # A Ngo, especially difficult
}
# Every other year is approved.
OPEN_2024 = {"01402": S, "01381": DRAFT}

# Criteria numbers from the first a mountain commune usually meets to the last (income and poverty).
EASE = [1, 19, 18, 4, 12, 8, 3, 9, 16, 15, 7, 14, 6, 5, 13, 2, 17, 11, 10]

# Demo accounts that submit and review, where the demo has one for the unit.
SUBMITTERS = {"01399": "xa.truongha", "01438": "xa.ngocdao"}
REVIEWERS = {"045": "noivu.haquang"}

R = RecognitionStatus
# (commune code, status, decision date, number, issuer). campaigns.demo records the seed baselines and most steps
# (with these dates): a step is added here only when the unit holds no recognition at that status yet.
RECOGNITIONS = [
    ("01399", R.COMMUNE_NTM, D(2023, 12, 27), "Demo: 2105/QĐ-UBND", "UBND tỉnh Cao Bằng"),
    ("01432", R.COMMUNE_NTM, D(2024, 12, 30), "Demo: 2291/QĐ-UBND", "UBND tỉnh Cao Bằng"),
    ("01438", R.COMMUNE_ADVANCED, D(2024, 12, 27), "Demo: 2276/QĐ-UBND", "UBND tỉnh Cao Bằng"),
]
RECOGNITION_NOTE = "Demo: illustrative recognition, not taken from the seed"

V = VillageYear.Status
NO, BUILD, NTM, MODEL = V.NOT_YET, V.BUILDING, V.NTM, V.MODEL
# Village name → status 2021-2024, in step with the village recognitions of campaigns.demo.
VILLAGES = {
    "Xóm Pác Bó": (BUILD, BUILD, NTM, NTM),
    "Xóm Nà Mạ": (NO, BUILD, BUILD, BUILD),
    "Xóm Bản Hoàng": (NO, NO, BUILD, BUILD),
    "Xóm Cốc Sâu": (NO, BUILD, BUILD, BUILD),
    "Xóm Hồng Việt": (NO, NO, NO, BUILD),
    "Xóm Đào Ngạn": (BUILD, BUILD, BUILD, MODEL),
    "Xóm Phù Ngọc": (BUILD, BUILD, NTM, NTM),
    "Xóm Nà Giàng": (NO, BUILD, BUILD, BUILD),
    "Xóm Bản Sao": (NO, NO, BUILD, BUILD),
    "Thôn Đồng Bành": (BUILD, BUILD, BUILD, MODEL),
    "Thôn Làng Ải": (NO, BUILD, BUILD, BUILD),
    "Thôn Quán Bàn": (BUILD, BUILD, BUILD, BUILD),
    "Khu dân cư Phố Chi Lăng": (NO, NO, BUILD, BUILD),
    "Thôn Hướng Choa": (NO, BUILD, BUILD, BUILD),
    "Thôn Phùng Lâm": (NO, NO, BUILD, BUILD),
    "Bản Cheng": (NO, NO, NO, BUILD),
    "Thôn Xuân Mỹ": (BUILD, BUILD, BUILD, BUILD),
    "Thôn Phúc Lâm": (BUILD, BUILD, BUILD, BUILD),
    "Thôn Lâm Xuân": (NO, BUILD, BUILD, BUILD),
    "Thôn A Ngo": (NO, BUILD, BUILD, NTM),
    "Thôn La Lay": (NO, NO, BUILD, BUILD),
    "Bản A Đeng": (NO, NO, NO, BUILD),
}

P, LV, RV = OcopProduct, OcopRating.Level, OcopRating.RulesVersion
OLD, NEW = RV.QD_1048_2019, RV.QD_148_2023
# (commune code, product, owner, owner kind, group, ratings: (stars, level, rules, decision number, date, score)).
OCOP = [
    ("01438", "Chè Shan tuyết Ngọc Đào", "Công ty TNHH Chè Shan tuyết Ngọc Đào", P.OwnerKind.ENTERPRISE,
     P.Group.DRINKS, [(3, LV.PROVINCE, OLD, "Demo: 1785/QĐ-UBND", D(2021, 11, 25), 68),
                      (3, LV.PROVINCE, NEW, "Demo: 2210/QĐ-UBND", D(2024, 11, 20), 69)]),
    ("01399", "Gạo nếp Pác Bó", "Hợp tác xã Nông nghiệp Pác Bó", P.OwnerKind.COOPERATIVE, P.Group.FOOD,
     [(2, LV.DISTRICT, OLD, "Demo: 1503/QĐ-UBND", D(2022, 10, 18), 45),
      (3, LV.PROVINCE, NEW, "Demo: 2398/QĐ-UBND", D(2023, 12, 12), 66)]),
    ("01417", "Lạp sườn hun khói Sóc Hà", "Hộ kinh doanh Lạp sườn Sóc Hà", P.OwnerKind.HOUSEHOLD, P.Group.FOOD,
     [(3, LV.PROVINCE, OLD, "Demo: 2011/QĐ-UBND", D(2022, 11, 30), 63)]),
    ("01432", "Bánh khảo Quý Quân", "Tổ hợp tác Bánh khảo Quý Quân", P.OwnerKind.COOPERATIVE_GROUP, P.Group.FOOD,
     [(2, LV.DISTRICT, OLD, "Demo: 1288/QĐ-UBND", D(2022, 9, 15), 42),
      (3, LV.PROVINCE, NEW, "Demo: 2302/QĐ-UBND", D(2024, 12, 10), 61)]),
    ("01393", "Rượu ngô Lũng Nặm", "Hợp tác xã Rượu ngô Lũng Nặm", P.OwnerKind.COOPERATIVE, P.Group.DRINKS,
     [(3, LV.PROVINCE, OLD, "Demo: 2064/QĐ-UBND", D(2022, 12, 5), 60)]),
    ("01387", "Trà dây Thanh Long", "Hộ kinh doanh Trà dây Thanh Long", P.OwnerKind.HOUSEHOLD, P.Group.HERBS,
     [(2, LV.DISTRICT, OLD, "Demo: 52/QĐ-UBND", D(2023, 1, 16), 47),
      (3, LV.PROVINCE, NEW, "Demo: 2187/QĐ-UBND", D(2023, 11, 20), 65)]),
    ("01366", "Thịt trâu gác bếp Cần Yên", "Hợp tác xã Dịch vụ Nông nghiệp Cần Yên", P.OwnerKind.COOPERATIVE,
     P.Group.FOOD, [(3, LV.PROVINCE, NEW, "Demo: 2455/QĐ-UBND", D(2023, 12, 20), 67)]),
    ("01414", "Tinh dầu hồi Tổng Cọt", "Tổ hợp tác Hồi Tổng Cọt", P.OwnerKind.COOPERATIVE_GROUP, P.Group.HERBS,
     [(2, LV.DISTRICT, OLD, "Demo: 53/QĐ-UBND", D(2023, 1, 16), 44)]),
    ("06523", "Na Chi Lăng", "Hợp tác xã Na Chi Lăng", P.OwnerKind.COOPERATIVE, P.Group.FOOD,
     [(3, LV.PROVINCE, OLD, "Demo: 1930/QĐ-UBND", D(2021, 10, 12), 69),
      (4, LV.PROVINCE, NEW, "Demo: 1877/QĐ-UBND", D(2024, 10, 8), 78)]),
    ("19441", "Cà phê Arabica Hướng Phùng", "Hợp tác xã Cà phê Hướng Phùng", P.OwnerKind.COOPERATIVE,
     P.Group.DRINKS, [(3, LV.PROVINCE, NEW, "Demo: 2230/QĐ-UBND", D(2023, 9, 28), 66)]),
    ("19498", "Nước mắm Trung Giang", "Cơ sở chế biến nước mắm Trung Giang", P.OwnerKind.HOUSEHOLD, P.Group.FOOD,
     [(3, LV.PROVINCE, OLD, "Demo: 1954/QĐ-UBND", D(2022, 8, 30), 64)]),
]  # fmt: skip

E = ExemplaryModel.Kind
# (commune code, or a village name, year, kind, title, description)
EXEMPLARY = [
    ("Xóm Pác Bó", 2023, E.PRACTICE, "Tuyến đường hoa xóm Pác Bó",
     "42 hộ góp công trồng và chăm sóc 1,2 km đường hoa dẫn vào khu di tích; mỗi hộ nhận một đoạn."),
    ("01438", 2022, E.PERSON, "Hộ ông Nông Văn Pản hiến đất làm đường",
     "Hiến 350 m² đất vườn để mở rộng đường liên xóm Đào Ngạn - Phù Ngọc và vận động thêm 6 hộ cùng hiến đất."),
    ("01438", 2024, E.COLLECTIVE, "Công ty TNHH Chè Shan tuyết Ngọc Đào",
     "Liên kết với 120 hộ trồng chè theo chuỗi giá trị, bao tiêu sản phẩm; chè đạt OCOP 3 sao cấp tỉnh."),
    ("01399", 2024, E.PRACTICE, "Tổ tự quản vệ sinh môi trường",
     "Mỗi xóm có tổ tự quản thu gom rác hằng tuần; rác hữu cơ được ủ làm phân bón tại hộ."),
    ("Thôn Đồng Bành", 2024, E.PRACTICE, "Khu dân cư kiểu mẫu thôn Đồng Bành",
     "Thôn đầu tiên của xã đạt khu dân cư nông thôn mới kiểu mẫu, nhờ mô hình trồng na theo VietGAP."),
    ("19441", 2023, E.COLLECTIVE, "Hợp tác xã Cà phê Hướng Phùng",
     "Tổ chức sản xuất cà phê Arabica theo chuỗi, giúp 85 hộ đồng bào Vân Kiều tăng thu nhập."),
]  # fmt: skip


def load_progress() -> Counter:
    """Assessments with their criteria results, recognitions, villages, OCOP, resources and exemplary models."""
    tally = Counter()
    criteria_set = CriteriaSet.objects.get(code=CRITERIA_SET)
    criteria = {criterion.number: criterion for criterion in criteria_set.criteria.all()}
    communes = {
        unit.code: unit
        for unit in Unit.objects.filter(
            code_scheme=CodeScheme.LEGACY, kind=Kind.COMMUNE, code__in=CRITERIA_MET
        ).select_related("parent")
    }
    missing = set(CRITERIA_MET) - set(communes)
    if missing:
        raise Unit.DoesNotExist(f"Demo communes {sorted(missing)} are missing: run units.demo.load_units first.")
    users = {
        user.username: user for user in User.objects.filter(username__in=[*SUBMITTERS.values(), *REVIEWERS.values()])
    }

    _assessments(tally, communes, criteria_set, criteria, users)
    _recognitions(tally, communes)
    # The 2021-2024 statuses belong to the villages as they were then, not to their versions under the new communes.
    villages = Unit.objects.filter(code_scheme=CodeScheme.LOCAL, kind=Kind.VILLAGE, valid_from__isnull=True)
    villages = {unit.name: unit for unit in villages}
    _villages(tally, villages)
    _ocop(tally, communes)
    _resources(tally, communes)
    _exemplary(tally, communes, villages)
    return tally


def _assessments(tally, communes, criteria_set, criteria, users) -> None:
    wanted = {}
    for code, counts in CRITERIA_MET.items():
        commune = communes[code]
        for year, met in zip(YEARS, counts, strict=True):
            if met is not None:
                wanted[commune.pk, year] = (commune, year, met, OPEN_2024.get(code, A) if year == 2024 else A)
    existing = {
        (a.unit_id, a.year): a for a in Assessment.objects.filter(unit__in=list(communes.values()), year__in=YEARS)
    }
    results = {}
    for result in CriterionResult.objects.filter(assessment__in=list(existing.values())):
        results[result.assessment_id, result.criterion_id] = result
    new_results = []
    for key, (commune, year, met, status) in wanted.items():
        assessment = existing.get(key)
        if assessment is not None and (not assessment.is_demo or assessment.version != 1):
            tally["unchanged"] += 1  # entered for real, or moved on in the app since: not ours any more
            continue
        values = _assessment_values(commune, year, met, status, criteria_set, users) | {"criteria_total": len(criteria)}
        assessment = _upsert(tally, Assessment, {"unit": commune, "year": year}, values, found=assessment)
        achieved = set(_order(commune.code)[:met])
        for number, criterion in criteria.items():
            result = results.get((assessment.pk, criterion.pk))
            if result is None:
                new_results.append(
                    CriterionResult(assessment=assessment, criterion=criterion, achieved=number in achieved)
                )
            elif result.achieved != (number in achieved):
                result.achieved = number in achieved
                result.save(update_fields=["achieved"])
                tally["updated"] += 1
            else:
                tally["unchanged"] += 1
    if new_results:
        bulk_create_with_history(new_results, CriterionResult)
        tally["created"] += len(new_results)


def _assessment_values(commune, year, met, status, criteria_set, users) -> dict:
    submitted = status != DRAFT
    approved = status == A
    district = commune.parent
    return {
        "criteria_set": criteria_set,
        "applied_region": applied_region(commune),
        "criteria_met": met,
        "status": status,
        "reviewer_unit": district if submitted else None,
        "submitted_at": datetime.datetime(year, 11, 25, 9, 0, tzinfo=TZ) if submitted else None,
        "submitted_by": users.get(SUBMITTERS.get(commune.code)) if submitted else None,
        "reviewed_by": users.get(REVIEWERS.get(district.code)) if approved else None,
        "approved_at": datetime.datetime(year, 12, 10, 15, 0, tzinfo=TZ) if approved else None,
        "note": "Demo: illustrative figures",
    }


def _order(code: str) -> list[int]:
    """The commune's own order of criteria: EASE with a few neighbours swapped, the same on every run."""
    order = list(EASE)
    rng = random.Random(f"chungsuc-demo-{code}")  # a fixed seed: deterministic, but communes differ
    for _ in range(4):
        i = rng.randrange(len(order) - 1)
        order[i], order[i + 1] = order[i + 1], order[i]
    return order


def _recognitions(tally, communes) -> None:
    for code, status, decided, number, issuer in RECOGNITIONS:
        unit = communes[code]
        ours = Recognition.objects.filter(unit=unit, status=status, decision_number=number, is_demo=True).first()
        if ours is None and Recognition.objects.filter(unit=unit, status=status).exists():
            tally["unchanged"] += 1  # recorded already (by campaigns.demo or for real)
            continue
        values = {"decision_date": decided, "issuer": issuer, "note": RECOGNITION_NOTE}
        _upsert(tally, Recognition, {"unit": unit, "status": status, "decision_number": number}, values, found=ours)


def _villages(tally, villages) -> None:
    for name, statuses in VILLAGES.items():
        for year, status in zip(YEARS, statuses, strict=True):
            _upsert(tally, VillageYear, {"unit": villages[name], "year": year}, {"status": status})


def _ocop(tally, communes) -> None:
    for code, name, owner, owner_kind, group, ratings in OCOP:
        values = {"owner_name": owner, "owner_kind": owner_kind, "group": group}
        product = _upsert(tally, OcopProduct, {"unit": communes[code], "name": name}, values)
        if not product.is_demo:
            continue
        for stars, level, rules, number, decided, score in ratings:
            values = {"stars": stars, "level": level, "rules_version": rules, "decision_number": number}
            values["score"] = Decimal(score)
            _upsert(tally, OcopRating, {"product": product, "decision_date": decided}, values)


def _resources(tally, communes) -> None:
    """Plausible amounts, larger in the years a commune closes in on the standard; fixed seeds, no surprises."""
    for code, counts in CRITERIA_MET.items():
        for year, met in zip(YEARS, counts, strict=True):
            rng = random.Random(f"chungsuc-resources-{code}-{year}")
            push = 1.6 if (met is not None and 17 <= met < 19) or (met == 19 and counts[0] != 19) else 1.0
            values = {
                "state_budget": Decimal(round(rng.randint(900, 3200) * push)) * 1_000_000,
                "people": Decimal(rng.randint(40, 420)) * 1_000_000,
                "enterprises": Decimal(rng.choice([0, 0, 50, 120, 300, 650])) * 1_000_000,
                "land_donated_m2": Decimal(rng.randint(20, 300) * 10),
                "labour_days": rng.randint(30, 250) * 10,
                "note": "Demo: illustrative figures",
            }
            _upsert(tally, ResourceContribution, {"unit": communes[code], "year": year}, values)


def _exemplary(tally, communes, villages) -> None:
    for where, year, kind, title, description in EXEMPLARY:
        unit = communes.get(where) or villages[where]
        _upsert(
            tally,
            ExemplaryModel,
            {"unit": unit, "year": year, "title": title},
            {"kind": kind, "description": description},
        )


def _upsert(tally, model: type[Model], key: dict, values: dict, *, found: Model | None = None) -> Model:
    """The row found by `key` (or `found`), created or brought up to `values`; only changed fields are saved.

    A row with is_demo False was entered for real and is left alone.
    """
    has_demo_flag = any(field.name == "is_demo" for field in model._meta.fields)
    obj = found or model.objects.filter(**key).first()
    if obj is None:
        obj = model(**key, **values)
        if has_demo_flag:
            obj.is_demo = True  # not editable, so not a create() argument that forms would see
        obj.save()
        tally["created"] += 1
        return obj
    if has_demo_flag and not obj.is_demo:
        tally["unchanged"] += 1
        return obj
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    if changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.save(update_fields=changed)
    tally["updated" if changed else "unchanged"] += 1
    return obj
