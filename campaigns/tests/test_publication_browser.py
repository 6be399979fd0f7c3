"""The public board in a real browser: a province publishes its year, then an anonymous visitor finds it from
the sign-in page, on the map, the province page and the commune page. Screenshots go to /tmp/shots."""

import datetime
from pathlib import Path

import pytest
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import expect

from campaigns.models import Assessment, Campaign, Recognition, RecognitionStatus
from campaigns.publication import services
from units.models import CodeScheme, Kind, Role

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at
PHONE = {"width": 375, "height": 812}
NEW = {"code_scheme": CodeScheme.Y2025, "valid_from": datetime.date(2025, 7, 1)}
# The 2025 provinces' names, in the order of their codes (north to south).
NAMES = [
    "Cao Bằng", "Tuyên Quang", "Điện Biên", "Lai Châu", "Sơn La", "Lào Cai", "Thái Nguyên", "Lạng Sơn",
    "Quảng Ninh", "Bắc Ninh", "Phú Thọ", "Hải Phòng", "Hưng Yên", "Ninh Bình", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Quảng Trị", "Huế", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Đắk Lắk", "Lâm Đồng",
    "Đồng Nai", "Hồ Chí Minh", "Tây Ninh", "Đồng Tháp", "Vĩnh Long", "An Giang", "Cần Thơ", "Cà Mau",
]  # fmt: skip


def shoot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"public-{name}.png", full_page=True)
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    page.screenshot(path=SHOTS / f"public-{name}-phone.png", full_page=True)
    page.set_viewport_size(size)


@pytest.fixture
def country(tree, make_unit, make_user, clock):
    """33 more provinces of today, most of them with a published 2026, and the first one's staff."""
    clock(datetime.date(2026, 12, 16))
    cache.clear()
    Campaign.objects.create(name="NTM 2021-2025", start_year=2021, end_year=2025)
    Campaign.objects.create(name="NTM 2026-2030", start_year=2026, end_year=2030)
    staff = make_user("tinh.mot", (tree.new_province, Role.PROVINCE_STAFF))
    for number, name in enumerate(NAMES):
        province = make_unit(f"Tỉnh {name}", Kind.PROVINCE, code=f"{number + 2:02d}", **NEW)
        if number % 7 == 6:
            continue  # not published: grey on the map
        for c in range(4):
            commune = make_unit(f"Xã {name} {c + 1}", Kind.COMMUNE, province, code=f"9{number:02d}{c:02d}", **NEW)
            Assessment.objects.create(
                unit=commune, year=2026, criteria_met=19, criteria_total=19, status=Assessment.Status.APPROVED
            )
            if c < number % 5:
                Recognition.objects.create(
                    unit=commune, status=RecognitionStatus.COMMUNE_NTM, decision_date=datetime.date(2026, 5, 1)
                )
        services.publish_year(province, year=2026, by=staff)
    Assessment.objects.create(
        unit=tree.new_commune, year=2026, criteria_met=19, criteria_total=19, status=Assessment.Status.APPROVED
    )
    Recognition.objects.create(
        unit=tree.new_commune,
        status=RecognitionStatus.COMMUNE_ADVANCED,
        decision_date=datetime.date(2026, 10, 2),
        decision_number="245/QĐ-UBND",
    )
    return staff


def test_a_province_publishes_and_an_anonymous_visitor_reads_the_board(sign_in, browser, live_server, tree, country):
    staff_page = sign_in("tinh.mot")
    staff_page.goto(live_server.url + reverse("public:publish"))
    with staff_page.expect_navigation():
        staff_page.click("#publish-2026")
    expect(staff_page.locator("#withdraw-2026")).to_be_visible()
    shoot(staff_page, "publish")

    visitor = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN").new_page()
    violations = []
    visitor.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    visitor.goto(live_server.url + reverse("login"))
    with visitor.expect_navigation():
        visitor.click("#link-public-board")
    expect(visitor.locator("#public-map rect")).to_have_count(34)
    expect(visitor.locator(f'#province-table tr[data-province="{tree.new_province.pk}"]')).to_contain_text("100%")
    shoot(visitor, "board")

    with visitor.expect_navigation():
        visitor.click(f'#public-map a:has(rect[data-province="{tree.new_province.pk}"])')
    expect(visitor.locator("#commune-table")).to_contain_text("Xã Trường Hà")
    expect(visitor.locator("#commune-table")).to_contain_text("245/QĐ-UBND")
    shoot(visitor, "province")

    with visitor.expect_navigation():
        visitor.click(f'#commune-table tr[data-commune="{tree.new_commune.pk}"] a')
    expect(visitor.locator("#commune-years")).to_contain_text("19/19")
    shoot(visitor, "commune")
    assert not violations
    visitor.context.close()
