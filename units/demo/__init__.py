"""Demo data for `manage.py load_demo`: the real units behind the four seed plans and one account per role.

The seed plans are those of huyện Hà Quảng (Cao Bằng), a commune of huyện Chi Lăng (Lạng Sơn), tỉnh Quảng Trị
and Ban Dân tộc tỉnh Cao Bằng. Official units carry their real codes and are keyed exactly as
`import_admin_units` keys them, by (code_scheme, kind, code), so the two commands can run in either order
without duplicating a unit. Names and codes are those of the vietnamadminunits 1.0.4 dataset
(`admin_units_legacy`, `admin_units`) and the lineage is its `converter_2025.json`.

Later apps add their own steps (plans, the award forms they offer, progress, awards) by appending a dotted path to DEMO_STEPS. A step is a
function without arguments that returns a Counter of "created", "updated" and "unchanged"; running it twice
must change nothing.
"""

import datetime
from collections import Counter

from units.hierarchy import TERRITORIES
from units.importers import PROVINCE_LEGAL_BASIS
from units.models import (
    DIVISION_TYPES,
    REFORM_DATE,
    CodeScheme,
    Kind,
    Lineage,
    Membership,
    NtmRegion,
    Role,
    Unit,
    User,
)
from units.villages import carry_villages_over

DEMO_STEPS = [
    "units.demo.load_units",
    "units.demo.load_villages",
    "units.demo.load_accounts",
    "campaigns.demo.plans.load_plans",
    "awards.demo.plans.load_plan_award_forms",
    "campaigns.demo.assessments.load_progress",
    "campaigns.demo.completion.load_completion",
    "campaigns.demo.period2026.load_period_2026",
    "awards.demo.plans.load_plan_award_forms",  # again, for the 2026-2030 plan
    "awards.demo.load_awards",
    "campaigns.demo.publication.load_publication",
]

DEMO_PASSWORD = "chungsuc-demo"  # noqa: S105 (printed by `manage.py demo_accounts`; demo only)

LEGACY = CodeScheme.LEGACY
Y2025 = CodeScheme.Y2025
LOCAL = CodeScheme.LOCAL
VALIDITY = {
    LEGACY: {"valid_to": REFORM_DATE - datetime.timedelta(days=1)},
    Y2025: {"valid_from": REFORM_DATE},
}

# Classification bundles. Mountain and ethnic-minority flags follow the province's character; border marks
# communes on the China (Cao Bằng) or Laos (Quảng Trị) border. "Especially difficult" is a demo approximation
# of the seed's "xã đặc biệt khó khăn khu vực biên giới": the official list (QĐ 861/QĐ-TTg) is not loaded, so
# no rule may rely on these flags being exact.
NORTH = {"ntm_region": NtmRegion.NORTHERN_MOUNTAINS}
HIGHLAND_NORTH = {**NORTH, "is_mountainous": True, "is_ethnic_minority_area": True}
BORDER_NORTH = {**HIGHLAND_NORTH, "is_border": True}
DIFFICULT_BORDER_NORTH = {**BORDER_NORTH, "is_especially_difficult": True}
LOWLAND_CENTRAL = {"ntm_region": NtmRegion.NORTH_CENTRAL}
BORDER_PROVINCE_CENTRAL = {**LOWLAND_CENTRAL, "is_border": True}
HIGHLAND_CENTRAL = {**LOWLAND_CENTRAL, "is_mountainous": True, "is_ethnic_minority_area": True}
BORDER_CENTRAL = {**HIGHLAND_CENTRAL, "is_border": True}
DIFFICULT_BORDER_CENTRAL = {**BORDER_CENTRAL, "is_especially_difficult": True}

# Units before 07/2025: (kind, code, full name, parent code, classification).
LEGACY_UNITS = [
    (Kind.PROVINCE, "04", "Tỉnh Cao Bằng", None, BORDER_NORTH),
    (Kind.DISTRICT, "045", "Huyện Hà Quảng", "04", BORDER_NORTH),
    # All 21 communes of Hà Quảng. Border: the communes that hold the pre-2020 border communes of the
    # district (Sóc Hà has the Sóc Giang border gate, Trường Hà the Pác Bó site on the border).
    # Sóc Hà was already NTM in 2022 (seed), so it is not marked especially difficult.
    (Kind.COMMUNE, "01363", "Thị trấn Thông Nông", "045", HIGHLAND_NORTH),
    (Kind.COMMUNE, "01366", "Xã Cần Yên", "045", HIGHLAND_NORTH),
    (Kind.COMMUNE, "01367", "Xã Cần Nông", "045", HIGHLAND_NORTH),
    (Kind.COMMUNE, "01372", "Xã Lương Thông", "045", HIGHLAND_NORTH),
    (Kind.COMMUNE, "01375", "Xã Đa Thông", "045", HIGHLAND_NORTH),
    (Kind.COMMUNE, "01378", "Xã Ngọc Động", "045", HIGHLAND_NORTH),
    (Kind.COMMUNE, "01381", "Xã Yên Sơn", "045", HIGHLAND_NORTH),
    (Kind.COMMUNE, "01384", "Xã Lương Can", "045", HIGHLAND_NORTH),
    (Kind.COMMUNE, "01387", "Xã Thanh Long", "045", HIGHLAND_NORTH),
    (Kind.COMMUNE, "01392", "Thị trấn Xuân Hòa", "045", HIGHLAND_NORTH),
    (Kind.COMMUNE, "01393", "Xã Lũng Nặm", "045", DIFFICULT_BORDER_NORTH),
    (Kind.COMMUNE, "01399", "Xã Trường Hà", "045", DIFFICULT_BORDER_NORTH),
    (Kind.COMMUNE, "01402", "Xã Cải Viên", "045", DIFFICULT_BORDER_NORTH),
    (Kind.COMMUNE, "01411", "Xã Nội Thôn", "045", DIFFICULT_BORDER_NORTH),
    (Kind.COMMUNE, "01414", "Xã Tổng Cọt", "045", DIFFICULT_BORDER_NORTH),
    (Kind.COMMUNE, "01417", "Xã Sóc Hà", "045", BORDER_NORTH),
    (Kind.COMMUNE, "01420", "Xã Thượng Thôn", "045", HIGHLAND_NORTH),
    (Kind.COMMUNE, "01429", "Xã Hồng Sỹ", "045", HIGHLAND_NORTH),
    (Kind.COMMUNE, "01432", "Xã Quý Quân", "045", HIGHLAND_NORTH),
    (Kind.COMMUNE, "01435", "Xã Mã Ba", "045", HIGHLAND_NORTH),
    (Kind.COMMUNE, "01438", "Xã Ngọc Đào", "045", HIGHLAND_NORTH),
    (Kind.PROVINCE, "20", "Tỉnh Lạng Sơn", None, BORDER_NORTH),
    (Kind.DISTRICT, "187", "Huyện Chi Lăng", "20", HIGHLAND_NORTH),
    # The lang-son seed names no commune. Xã Chi Lăng is the demo's issuer: a xã (the plan is addressed to
    # the Đảng ủy and HĐND of a xã, so not a thị trấn) whose 2025 successor, also called Xã Chi Lăng, merges
    # it with the two thị trấn, so the demo shows a merge that keeps the name but changes the code.
    (Kind.COMMUNE, "06463", "Thị trấn Đồng Mỏ", "187", HIGHLAND_NORTH),
    (Kind.COMMUNE, "06466", "Thị trấn Chi Lăng", "187", HIGHLAND_NORTH),
    (Kind.COMMUNE, "06523", "Xã Chi Lăng", "187", HIGHLAND_NORTH),
    # Old Quảng Trị is 45; 44 is old Quảng Bình, and from 07/2025 the merged Quảng Trị is 44 again.
    (Kind.PROVINCE, "44", "Tỉnh Quảng Bình", None, BORDER_PROVINCE_CENTRAL),
    (Kind.PROVINCE, "45", "Tỉnh Quảng Trị", None, BORDER_PROVINCE_CENTRAL),
    (Kind.DISTRICT, "465", "Huyện Hướng Hóa", "45", BORDER_CENTRAL),
    (Kind.COMMUNE, "19441", "Xã Hướng Phùng", "465", BORDER_CENTRAL),
    (Kind.COMMUNE, "19444", "Xã Hướng Sơn", "465", HIGHLAND_CENTRAL),
    (Kind.COMMUNE, "19447", "Xã Hướng Linh", "465", HIGHLAND_CENTRAL),
    (Kind.DISTRICT, "466", "Huyện Gio Linh", "45", LOWLAND_CENTRAL),
    (Kind.COMMUNE, "19498", "Xã Trung Giang", "466", LOWLAND_CENTRAL),
    (Kind.COMMUNE, "19501", "Xã Trung Hải", "466", LOWLAND_CENTRAL),
    (Kind.COMMUNE, "19504", "Xã Trung Sơn", "466", LOWLAND_CENTRAL),
    # The dataset spells the district "Đa Krông" (the commune is "Đakrông"); keep its spelling so that
    # load_demo and import_admin_units agree on every name.
    (Kind.DISTRICT, "467", "Huyện Đa Krông", "45", BORDER_CENTRAL),
    (Kind.COMMUNE, "19591", "Xã A Bung", "467", DIFFICULT_BORDER_CENTRAL),
    (Kind.COMMUNE, "19594", "Xã A Ngo", "467", DIFFICULT_BORDER_CENTRAL),
]

# Units from 07/2025: (kind, code, full name, parent code, classification, legacy predecessor codes).
# Predecessors as converter_2025.json gives them; none of these old units was split, so every edge is the
# default one.
Y2025_UNITS = [
    (Kind.PROVINCE, "04", "Tỉnh Cao Bằng", None, BORDER_NORTH, ["04"]),
    (Kind.COMMUNE, "01363", "Xã Thông Nông", "04", HIGHLAND_NORTH, ["01363", "01375", "01384"]),
    (Kind.COMMUNE, "01366", "Xã Cần Yên", "04", HIGHLAND_NORTH, ["01366", "01367", "01372"]),
    (Kind.COMMUNE, "01387", "Xã Thanh Long", "04", HIGHLAND_NORTH, ["01378", "01381", "01387"]),
    (Kind.COMMUNE, "01392", "Xã Trường Hà", "04", BORDER_NORTH, ["01392", "01399", "01417", "01432"]),
    (Kind.COMMUNE, "01393", "Xã Lũng Nặm", "04", BORDER_NORTH, ["01393", "01420"]),
    (Kind.COMMUNE, "01414", "Xã Tổng Cọt", "04", BORDER_NORTH, ["01402", "01411", "01414"]),
    (Kind.COMMUNE, "01438", "Xã Hà Quảng", "04", HIGHLAND_NORTH, ["01429", "01435", "01438"]),
    (Kind.PROVINCE, "20", "Tỉnh Lạng Sơn", None, BORDER_NORTH, ["20"]),
    (Kind.COMMUNE, "06463", "Xã Chi Lăng", "20", HIGHLAND_NORTH, ["06463", "06466", "06523"]),
    (Kind.PROVINCE, "44", "Tỉnh Quảng Trị", None, BORDER_PROVINCE_CENTRAL, ["44", "45"]),
    (Kind.COMMUNE, "19441", "Xã Hướng Phùng", "44", BORDER_CENTRAL, ["19441", "19444", "19447"]),
    (Kind.COMMUNE, "19501", "Xã Bến Hải", "44", LOWLAND_CENTRAL, ["19498", "19501", "19504"]),
    (Kind.COMMUNE, "19594", "Xã La Lay", "44", BORDER_CENTRAL, ["19591", "19594"]),
]

# The dataset tells apart two units of one district that share a name; the import keeps its short names.
SHORT_NAMES = {(LEGACY, "06466"): "Chi Lăng (Thị trấn)", (LEGACY, "06523"): "Chi Lăng (Xã)"}

BAN_DAN_TOC = "Ban Dân tộc tỉnh Cao Bằng"

# Units made for the demo (no official code): (parent, kind, division type, full name). The parent is a
# legacy code above or the name of an earlier row. Village names are real where known (the xóm of
# Trường Hà) and made up elsewhere; every row is marked is_demo.
LOCAL_UNITS = [
    ("04", Kind.AGENCY, "Ban", BAN_DAN_TOC),
    (BAN_DAN_TOC, Kind.AGENCY, "Phòng", "Văn phòng Ban"),
    (BAN_DAN_TOC, Kind.AGENCY, "Phòng", "Phòng Chính sách"),
    (BAN_DAN_TOC, Kind.AGENCY, "Phòng", "Phòng Kế hoạch - Tổng hợp"),
    ("01399", Kind.VILLAGE, "Xóm", "Xóm Pác Bó"),
    ("01399", Kind.VILLAGE, "Xóm", "Xóm Nà Mạ"),
    ("01399", Kind.VILLAGE, "Xóm", "Xóm Bản Hoàng"),
    ("01399", Kind.VILLAGE, "Xóm", "Xóm Cốc Sâu"),
    ("01399", Kind.VILLAGE, "Xóm", "Xóm Hồng Việt"),
    ("01438", Kind.VILLAGE, "Xóm", "Xóm Đào Ngạn"),
    ("01438", Kind.VILLAGE, "Xóm", "Xóm Phù Ngọc"),
    ("01438", Kind.VILLAGE, "Xóm", "Xóm Nà Giàng"),
    ("01438", Kind.VILLAGE, "Xóm", "Xóm Bản Sao"),
    ("06523", Kind.VILLAGE, "Thôn", "Thôn Đồng Bành"),
    ("06523", Kind.VILLAGE, "Thôn", "Thôn Làng Ải"),
    ("06523", Kind.VILLAGE, "Thôn", "Thôn Quán Bàn"),
    ("06523", Kind.VILLAGE, "Khu dân cư", "Khu dân cư Phố Chi Lăng"),
    ("19441", Kind.VILLAGE, "Thôn", "Thôn Hướng Choa"),
    ("19441", Kind.VILLAGE, "Thôn", "Thôn Phùng Lâm"),
    ("19441", Kind.VILLAGE, "Bản", "Bản Cheng"),
    ("19501", Kind.VILLAGE, "Thôn", "Thôn Xuân Mỹ"),
    ("19501", Kind.VILLAGE, "Thôn", "Thôn Phúc Lâm"),
    ("19501", Kind.VILLAGE, "Thôn", "Thôn Lâm Xuân"),
    ("19594", Kind.VILLAGE, "Thôn", "Thôn A Ngo"),
    ("19594", Kind.VILLAGE, "Thôn", "Thôn La Lay"),
    ("19594", Kind.VILLAGE, "Bản", "Bản A Đeng"),
    # Award nominees outside the administrative tree, for the awards demo.
    ("01399", Kind.COOPERATIVE, "Hợp tác xã", "Hợp tác xã Nông nghiệp Pác Bó"),
    ("01438", Kind.ENTERPRISE, "Công ty", "Công ty TNHH Chè Shan tuyết Ngọc Đào"),
]

# (username, full name, position, role, unit). A unit is (scheme, code) or a LOCAL_UNITS name; admin is a
# superuser and needs no membership.
DEMO_ACCOUNTS = [
    ("admin", "Quản trị hệ thống", "Quản trị viên", None, None),
    (
        "tinh.caobang",
        "Nông Thị Hạnh",
        "Chuyên viên Ban Thi đua - Khen thưởng, Sở Nội vụ tỉnh Cao Bằng",
        Role.PROVINCE_STAFF,
        (Y2025, "04"),
    ),
    (
        "noivu.haquang",
        "Hoàng Văn Thắng",
        "Chuyên viên Phòng Nội vụ huyện Hà Quảng",
        Role.HOME_AFFAIRS,
        (LEGACY, "045"),
    ),
    ("lanhdao.haquang", "Lương Văn Dũng", "Phó Chủ tịch UBND huyện Hà Quảng", Role.LEADER, (LEGACY, "045")),
    (
        "xa.truongha",
        "Đàm Thị Lan",
        "Công chức Văn phòng - Thống kê xã Trường Hà",
        Role.COMMUNE_OFFICER,
        (LEGACY, "01399"),
    ),
    (
        "xa.ngocdao",
        "Triệu Văn Minh",
        "Công chức Văn phòng - Thống kê xã Ngọc Đào",
        Role.COMMUNE_OFFICER,
        (LEGACY, "01438"),
    ),
    ("bandantoc.caobang", "Lục Thị Thu", "Chánh Văn phòng Ban Dân tộc tỉnh Cao Bằng", Role.AGENCY_OFFICER, BAN_DAN_TOC),
    (
        "tinh.quangtri",
        "Lê Quang Huy",
        "Chuyên viên Văn phòng Điều phối nông thôn mới tỉnh Quảng Trị",
        Role.PROVINCE_STAFF,
        (Y2025, "44"),
    ),
    # After the 2025 reform: an officer of the new Xã Trường Hà and the new province's Home Affairs reviewer.
    (
        "xa.truongha2025",
        "Nông Văn Hùng",
        "Công chức Văn phòng - Thống kê xã Trường Hà (từ 01/7/2025)",
        Role.COMMUNE_OFFICER,
        (Y2025, "01392"),
    ),
    (
        "noivu.caobang",
        "Bế Thị Huyền",
        "Chuyên viên Phòng Thi đua - Khen thưởng, Sở Nội vụ tỉnh Cao Bằng",
        Role.HOME_AFFAIRS,
        (Y2025, "04"),
    ),
]

OFFICIAL_KIND = {(LEGACY, row[1]): row[0] for row in LEGACY_UNITS} | {(Y2025, row[1]): row[0] for row in Y2025_UNITS}


def load_units() -> Counter:
    """The official units, their lineage, then the demo organisations and villages."""
    tally = Counter()
    legacy = {}
    for kind, code, name, parent, flags in LEGACY_UNITS:
        legacy[code] = _official(tally, LEGACY, kind, code, name, legacy.get(parent), flags)
    new = {}
    for kind, code, name, parent, flags, predecessors in Y2025_UNITS:
        new[code] = _official(tally, Y2025, kind, code, name, new.get(parent), flags)
        for old in predecessors:
            _, created = Lineage.objects.get_or_create(
                predecessor=legacy[old],
                successor=new[code],
                defaults={
                    "is_default": True,
                    "effective_date": REFORM_DATE,
                    "legal_basis": PROVINCE_LEGAL_BASIS if kind == Kind.PROVINCE else "",
                },
            )
            tally["created" if created else "unchanged"] += 1
    local = {}
    for parent, kind, division_type, name in LOCAL_UNITS:
        local[name] = _local(tally, kind, division_type, name, legacy.get(parent) or local[parent])
    return tally


def load_villages() -> Counter:
    """The demo villages of merged communes continue under the new communes (units.villages)."""
    tally = carry_villages_over(demo_only=True)
    return Counter({"created": tally["carried over"], "unchanged": tally["waiting"]})


def load_accounts() -> Counter:
    """One account per role; the password is set only when the account is created."""
    tally = Counter()
    for username, full_name, position, role, unit in DEMO_ACCOUNTS:
        fields = {"full_name": full_name, "position": position}
        if role is None:
            fields |= {"is_staff": True, "is_superuser": True}
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username, password=DEMO_PASSWORD, **fields)
            tally["created"] += 1
        else:
            tally[_update(user, fields)] += 1
        if role is not None:
            _, created = Membership.objects.get_or_create(user=user, unit=demo_unit(unit), role=role)
            tally["created" if created else "unchanged"] += 1
    return tally


def demo_unit(ref) -> Unit:
    """The unit a DEMO_ACCOUNTS row points at: (scheme, code) or a LOCAL_UNITS name."""
    if isinstance(ref, tuple):
        scheme, code = ref
        return Unit.objects.get(code_scheme=scheme, kind=OFFICIAL_KIND[ref], code=code)
    parent, kind, _division_type, name = next(row for row in LOCAL_UNITS if row[3] == ref)
    parent_unit = demo_unit((LEGACY, parent) if (LEGACY, parent) in OFFICIAL_KIND else parent)
    return Unit.objects.get(code_scheme=LOCAL, kind=kind, name=name, parent=parent_unit)


def _official(tally, scheme, kind, code, name, parent, flags) -> Unit:
    unit = Unit.objects.filter(code_scheme=scheme, kind=kind, code=code).first()
    if unit is None:
        unit = Unit.objects.create(
            code_scheme=scheme,
            kind=kind,
            code=code,
            name=name,
            short_name=SHORT_NAMES.get((scheme, code)) or _short_name(kind, name),
            division_type=_division_type(kind, name),
            parent=parent,
            is_demo=True,
            **VALIDITY[scheme],
            **flags,
        )
        tally["created"] += 1
        return unit
    # An existing row came from import_admin_units (or an earlier run): its names, parent and dates are
    # the official import's. The demo only adds classification the import does not know, and never
    # clears a flag or a region someone set.
    changes = {field: value for field, value in flags.items() if value and not getattr(unit, field)}
    tally[_update(unit, changes)] += 1
    return unit


def _local(tally, kind, division_type, name, parent) -> Unit:
    unit, created = Unit.objects.get_or_create(
        code_scheme=LOCAL,
        kind=kind,
        name=name,
        parent=parent,
        defaults={
            "division_type": division_type,
            "short_name": _short_name(kind, name, division_type),
            "is_demo": True,
        },
    )
    tally["created" if created else "unchanged"] += 1
    return unit


def _update(obj, fields: dict) -> str:
    """Set only the fields that differ, so an unchanged row is not written again."""
    changed = [field for field, value in fields.items() if getattr(obj, field) != value]
    if not changed:
        return "unchanged"
    for field in changed:
        setattr(obj, field, fields[field])
    obj.save(update_fields=changed)
    return "updated"


def _division_type(kind, name: str) -> str:
    return next(type_ for type_ in DIVISION_TYPES[kind] if name.startswith(type_ + " "))


def _short_name(kind, name: str, division_type: str = "") -> str:
    """Territories drop their type, as the national import does: "Xã Trường Hà" → "Trường Hà"."""
    if kind not in TERRITORIES:
        return name
    return name.removeprefix((division_type or _division_type(kind, name)) + " ")
