"""Official wording: issuer names per level, the offices of a level over time, signing modes and signatures."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings

from campaigns.models import Plan
from reports.forms import SIGNING_MODE_CHOICES
from units.models import Kind
from units.wording import (
    SIGNING_MODES,
    SigningMode,
    cited,
    committee_name,
    head_title,
    home_affairs_body,
    home_affairs_head,
    issuer_name,
    office_head,
    place_and_date,
    place_name,
    signature_lines,
)

pytestmark = pytest.mark.django_db

BEFORE = datetime.date(2025, 6, 30)
AFTER = datetime.date(2025, 7, 1)


@pytest.fixture
def levels(make_unit):
    province = make_unit("Tỉnh Cao Bằng", Kind.PROVINCE)
    district = make_unit("Huyện Hà Quảng", Kind.DISTRICT, province, valid_to=BEFORE)
    commune = make_unit("Xã Trường Hà", Kind.COMMUNE, district)
    agency = make_unit("Ban Dân tộc tỉnh Cao Bằng", Kind.AGENCY, province, division_type="Ban")
    return province, district, commune, agency


def test_each_level_issues_as_its_peoples_committee_and_an_agency_under_its_own_name(levels):
    province, district, commune, agency = levels

    assert [issuer_name(unit) for unit in levels] == [
        "UBND tỉnh Cao Bằng",
        "UBND huyện Hà Quảng",
        "UBND xã Trường Hà",
        "Ban Dân tộc tỉnh Cao Bằng",
    ]
    assert committee_name(commune) == "Ủy ban nhân dân xã Trường Hà"
    assert head_title(district) == "Chủ tịch Ủy ban nhân dân huyện Hà Quảng"
    assert head_title(agency) == "Thủ trưởng Ban Dân tộc tỉnh Cao Bằng"


def test_the_district_home_affairs_office_exists_until_the_reform_and_the_provinces_department_on_both_sides(levels):
    province, district, commune, _agency = levels

    assert home_affairs_body(district, on=BEFORE) == "Phòng Nội vụ huyện Hà Quảng"
    assert home_affairs_head(district, on=BEFORE) == "Trưởng phòng Nội vụ"
    assert home_affairs_body(district, on=AFTER) == ""
    assert home_affairs_body(province, on=BEFORE) == home_affairs_body(province, on=AFTER) == "Sở Nội vụ tỉnh Cao Bằng"
    assert home_affairs_head(province, on=AFTER) == "Giám đốc Sở Nội vụ"
    assert home_affairs_body(commune, on=AFTER) == ""


def test_the_office_that_carries_a_decision_out_is_named_for_the_level(levels):
    province, district, commune, _agency = levels

    assert office_head(province, on=AFTER) == "Chánh Văn phòng Ủy ban nhân dân tỉnh Cao Bằng"
    assert office_head(district, on=BEFORE) == "Chánh Văn phòng HĐND và UBND huyện Hà Quảng"
    assert office_head(commune, on=BEFORE) == "Công chức Văn phòng - Thống kê"


def test_the_place_before_the_date_is_the_territory_without_its_type_and_an_agency_writes_its_provinces(levels):
    province, district, commune, agency = levels

    assert place_name(district) == "Hà Quảng"
    assert place_name(agency) == "Cao Bằng"
    assert place_and_date(place_name(commune), datetime.date(2026, 2, 3)) == "Trường Hà, ngày 03 tháng 02 năm 2026"


def test_a_document_is_cited_by_its_number_and_short_date():
    assert cited("3254/KH-UBND", datetime.date(2022, 11, 3)) == "3254/KH-UBND ngày 03/11/2022"
    assert cited("Kế hoạch", None) == "Kế hoạch"


def test_the_signing_modes_are_one_list_for_plans_report_forms_and_decisions():
    assert Plan.SigningMode is SigningMode
    assert Plan._meta.get_field("signing_mode").choices == SigningMode.choices
    assert SIGNING_MODES == ("TM.", "KT.", "TL.", "TUQ.")
    assert [mode for mode, _label in SIGNING_MODE_CHOICES if mode not in ("", "own")] == list(SIGNING_MODES)


@pytest.mark.parametrize(
    "mode, title, issuer, lines",
    [
        ("TM.", "Chủ tịch", "UBND huyện Hà Quảng", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        ("KT.", "Phó Trưởng ban", "Ban Dân tộc tỉnh Cao Bằng", ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]),
        ("TM.", "Trưởng ban", "Ban Dân tộc tỉnh Cao Bằng", ["TM. BAN DÂN TỘC", "TRƯỞNG BAN"]),
        ("TUQ.", "Chánh Văn phòng", "UBND tỉnh Cao Bằng", ["TUQ. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]),
        ("TL.", "Chánh Văn phòng", "UBND huyện Hà Quảng", ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]),
        ("KT.", "", "UBND xã Trường Hà", ["KT. CHỦ TỊCH"]),
        # Decisions store the head in the title: "KT. Chủ tịch - Phó Chủ tịch".
        ("", "KT. Chủ tịch - Phó Chủ tịch", "UBND huyện Hà Quảng", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
        ("KT.", "Chủ tịch - Phó Chủ tịch", "UBND huyện Hà Quảng", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
        ("", "Chủ tịch", "UBND huyện Hà Quảng", ["CHỦ TỊCH"]),
    ],
)
def test_a_deputy_signs_for_the_head_and_a_committee_signs_collectively(mode, title, issuer, lines):
    assert signature_lines(mode=mode, title=title, issuer=issuer) == lines


def test_the_signers_name_follows_the_lines_as_written():
    lines = signature_lines(mode="TM.", title="Chủ tịch", issuer="UBND huyện Hà Quảng", name="Phạm Xuân Tùng")

    assert lines == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Phạm Xuân Tùng"]


def test_no_product_module_builds_a_peoples_committee_name_outside_the_wording_module():
    built_here = re.compile(r"""f["']UBND \{|["']UBND ["']\s*\+""")
    root = Path(settings.BASE_DIR)
    offenders = [
        str(path.relative_to(root))
        for app in ("units", "campaigns", "awards", "reports", "config")
        for path in (root / app).rglob("*.py")
        if not {"tests", "migrations", "demo_data", "national_data"} & set(path.parts)
        and path.name != "wording.py"
        and built_here.search(path.read_text(encoding="utf-8"))
    ]

    assert offenders == []
