"""A national admin enters a completion condition; the province account sees it judged on its dashboard.

The condition is invented test data. Assertions read ids and figures; screenshots go to /tmp/shots.
"""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse

from campaigns.models import Campaign, CompletionCondition, Recognition, RecognitionStatus
from conftest import PASSWORD
from units.models import CodeScheme, Kind, Role, Unit, User

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at, not secrets
NEW = {"code_scheme": CodeScheme.Y2025, "valid_from": datetime.date(2025, 7, 1)}
THIS_YEAR = datetime.date.today().year


@pytest.fixture
def province(make_unit, recognise):
    province = make_unit("Tỉnh Cao Bằng", Kind.PROVINCE, code="04", **NEW)
    for index in range(8):
        commune = make_unit(f"Xã Số {index}", Kind.COMMUNE, province, code=f"9{index:04d}", **NEW)
        if index < 5:
            recognise(commune, RecognitionStatus.COMMUNE_NTM, "2026-03-01")
    make_unit("Phường Thục Phán", Kind.COMMUNE, province, code="90100", **NEW)
    return province


@pytest.fixture
def programme(db):
    # The programmes migration's row, when the emptied database of a transactional test has it again.
    return Campaign.objects.covering(2026).first() or Campaign.objects.create(
        name="Chương trình MTQG xây dựng nông thôn mới 2026-2030", start_year=2026, end_year=2030
    )


@pytest.mark.skipif(THIS_YEAR < 2026 or THIS_YEAR > 2030, reason="the dashboard judges the programme of this year")
def test_a_condition_entered_by_the_national_admin_is_judged_on_the_province_dashboard(
    sign_in, live_server, make_user, province, programme
):
    User.objects.create_superuser("quantri", password=PASSWORD)
    make_user("tinh", (province, Role.PROVINCE_STAFF))
    SHOTS.mkdir(exist_ok=True)

    admin = sign_in("quantri")
    admin.goto(live_server.url + reverse("campaigns:completion", args=[programme.pk]))
    with admin.expect_navigation():
        admin.click("#new-condition")
    admin.fill("#id_label", "Tỷ lệ xã đạt chuẩn nông thôn mới (dữ liệu thử)")
    admin.select_option("#id_level", RecognitionStatus.COMMUNE_NTM)
    admin.fill("#id_threshold", "120")
    admin.check("input[name=division_types][value='Xã']")
    admin.fill("#id_source", "chưa xác nhận — nhập khi có văn bản")
    with admin.expect_navigation():
        admin.click("#condition-form button[type=submit]")
    assert admin.locator("#id_threshold.is-invalid").count() == 1  # 120 % is refused next to the field
    admin.screenshot(path=SHOTS / "completion-condition-error.png", full_page=True)
    admin.fill("#id_threshold", "60")
    with admin.expect_navigation():
        admin.click("#condition-form button[type=submit]")
    assert CompletionCondition.objects.get().division_types == ["Xã"]
    admin.screenshot(path=SHOTS / "completion-conditions.png", full_page=True)

    staff = sign_in("tinh")
    staff.goto(live_server.url + reverse("dashboards:overview", args=[province.pk]))
    block = staff.locator(f"#completion-{programme.pk}-block")
    assert block.locator("[data-met=yes] .completion-figures").inner_text() == "5/8 xã (62,5%), yêu cầu ≥ 60%"
    block.scroll_into_view_if_needed()
    staff.screenshot(path=SHOTS / "completion-dashboard.png", full_page=True)

    Recognition.objects.filter(unit__in=Unit.objects.filter(name__in=["Xã Số 0", "Xã Số 1"])).delete()
    staff.reload()
    assert block.locator("[data-met=no] .completion-figures").inner_text() == "3/8 xã (37,5%), yêu cầu ≥ 60%"


def test_province_staff_record_a_commune_at_the_modern_level_on_the_recognitions_page(
    sign_in, live_server, make_user, province
):
    make_user("tinh", (province, Role.PROVINCE_STAFF))
    commune = Unit.objects.get(name="Xã Số 7")
    SHOTS.mkdir(exist_ok=True)

    staff = sign_in("tinh")
    staff.goto(live_server.url + reverse("records:recognition-create", args=[commune.pk]))
    staff.select_option("#id_status", RecognitionStatus.COMMUNE_MODERN)
    staff.fill("#id_decision_number", "812/QĐ-UBND")
    staff.fill("#id_decision_date", "2026-03-20")
    staff.fill("#id_issuer", "UBND tỉnh Cao Bằng")
    with staff.expect_navigation():
        staff.click("#record-form button[type=submit]")

    recognition = Recognition.objects.get(unit=commune)
    assert (recognition.status, recognition.decision_date) == (
        RecognitionStatus.COMMUNE_MODERN,
        datetime.date(2026, 3, 20),
    )
    assert staff.get_by_text("812/QĐ-UBND").count() >= 1
    staff.screenshot(path=SHOTS / "recognition-modern.png", full_page=True)
