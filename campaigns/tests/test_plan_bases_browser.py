"""A district official adds a legal basis and an emulation subject with two criteria to the district plan, then
enters the figures of a ratio target and sees its value on the plan page. A national administrator edits the
award catalogue. Screenshots (desktop and 375 px) go to /tmp/shots."""

from pathlib import Path

import pytest
from django.urls import reverse

from awards.models import AwardForm, GrantRule
from campaigns.models import Measurement, Target
from conftest import PASSWORD
from units.models import Role, User

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at, not secrets
PHONE = {"width": 375, "height": 800}


def shoot(page, name):
    """The page at desktop width, then at 375 px, then back."""
    page.screenshot(path=SHOTS / f"{name}.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=SHOTS / f"{name}-375.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def submit(page, form_id):
    with page.expect_navigation():
        page.click(f"#{form_id} button[type=submit]")


def test_an_official_adds_a_basis_and_a_subject_and_enters_a_ratio_targets_data(
    sign_in, live_server, make_user, plan, district, make_target
):
    SHOTS.mkdir(exist_ok=True)
    income = make_target(
        Target.Type.RATIO_TO_BASELINE,
        description="Thu nhập bình quân đầu người khu vực nông thôn tăng 2 lần so với năm 2020",
        indicator="Thu nhập bình quân đầu người",
        baseline_year=2020,
        target_value=2,
    )
    make_user("noivu", (district, Role.HOME_AFFAIRS))
    page = sign_in("noivu")
    plan_url = live_server.url + reverse("campaigns:plan", args=[plan.pk])
    page.goto(plan_url)

    with page.expect_navigation():
        page.click("#add-basis")
    page.select_option("#id_kind", "NQ")
    page.fill("#id_number", "12-NQ/HU")
    page.fill("#id_date", "2022-03-01")
    page.fill("#id_issuer", "Huyện ủy Hà Quảng")
    page.fill("#id_subject", "về xây dựng nông thôn mới giai đoạn 2021-2025")
    shoot(page, "basis-form")
    submit(page, "basis-form")
    assert "12-NQ/HU" in page.locator("#legal-bases").inner_text()

    with page.expect_navigation():
        page.click("#add-subject")
    page.select_option("#id_kind", "villages")
    page.fill("#id_description", "Các xóm trên địa bàn huyện")
    page.fill("#id_criteria", "Đạt chuẩn thôn nông thôn mới\nCó mô hình khu dân cư kiểu mẫu")
    shoot(page, "subject-form")
    submit(page, "subject-form")
    subject = plan.subjects.get()
    assert page.locator(f"#subject-{subject.pk} li").all_inner_texts() == [
        "Đạt chuẩn thôn nông thôn mới",
        "Có mô hình khu dân cư kiểu mẫu",
    ]

    row = page.locator(f"#target-{income.pk}")
    assert row.get_attribute("data-state") == "no_data"
    with page.expect_navigation():
        page.click(f"#target-data-{income.pk}")
    page.fill("#id_unit_of_measure", "triệu đồng")
    page.fill("#id_value_2020", "20")
    page.fill("#id_value_2024", "-36")
    submit(page, "target-data-form")
    assert page.locator("#id_value_2024.is-invalid").count() == 1  # refused next to its year, input kept
    assert page.input_value("#id_value_2020") == "20"
    shoot(page, "target-data-error")
    page.fill("#id_value_2024", "36.5")
    page.fill("#id_source_2024", "Chi cục Thống kê")
    submit(page, "target-data-form")

    assert Measurement.objects.filter(unit=district, indicator=income.indicator).count() == 2
    row = page.locator(f"#target-{income.pk}")
    assert row.get_attribute("data-state") != "no_data"
    assert "1,82×" in row.inner_text()  # 36.5 / 20, shown to two places
    row.scroll_into_view_if_needed()
    shoot(page, "plan-with-data")

    page.goto(live_server.url + reverse("records:figures", args=[district.pk]))
    assert "36,5" in page.locator("#figures").inner_text()
    shoot(page, "unit-figures")


def test_a_national_administrator_closes_a_rule_and_adds_its_successor(sign_in, live_server, make_user, tree):
    SHOTS.mkdir(exist_ok=True)
    User.objects.create_superuser("quantri", password=PASSWORD)
    form = AwardForm.objects.create(
        name="Bằng khen thử", category="merit", authority_level="province", authority_title="Chủ tịch UBND tỉnh"
    )
    open_rule = GrantRule.objects.create(
        award_form=form,
        authority_level="province",
        authority_title="Chủ tịch UBND tỉnh",
        regime="NĐ 152/2025",
        legal_basis="Căn cứ …",
        valid_from="2025-07-01",
        status="confirmed",
    )
    page = sign_in("quantri")
    page.goto(live_server.url + reverse("awards:catalogue"))
    shoot(page, "award-catalogue")
    page.goto(live_server.url + reverse("awards:catalogue-rule-create", args=[form.pk]))
    page.fill("#id_regime", "NĐ mới")
    page.fill("#id_legal_basis", "Căn cứ Nghị định mới;")
    page.fill("#id_valid_from", "2027-03-01")
    page.select_option("#id_status", "reported")
    submit(page, "catalogue-form")
    assert page.locator("#id_valid_from.is-invalid").count() == 1
    shoot(page, "grant-rule-overlap")
    page.goto(live_server.url + reverse("awards:catalogue-rule-edit", args=[open_rule.pk]))
    page.fill("#id_valid_to", "2027-02-28")
    submit(page, "catalogue-form")
    assert GrantRule.objects.get(pk=open_rule.pk).valid_to.isoformat() == "2027-02-28"
