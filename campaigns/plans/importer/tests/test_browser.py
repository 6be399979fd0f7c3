"""A district official imports the Hà Quảng plan in a real browser: pasted, then as a Word file."""

import os

import pytest
from django.urls import reverse

from campaigns.models import Plan
from campaigns.plans.importer.tests.conftest import seed
from campaigns.plans.importer.tests.test_files import docx_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("SCREENSHOTS", "")


def shoot(page, name):
    if not SHOTS:
        return
    page.screenshot(path=f"{SHOTS}/{name}-desktop.png", full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path=f"{SHOTS}/{name}-375.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def review_and_save(page):
    assert page.locator("#id_number").input_value() == "3254/KH-UBND"
    # The number's source line is shown beside it, as the OCR gave it.
    assert page.locator(".import-source", has_text="Sb: 3254/KH-UBND").count() >= 1
    # The OCR lost the signer's diacritics: the official corrects it beside its source line.
    page.fill("#id_signer_name", "Phạm Xuân Tùng")
    with page.expect_navigation():
        page.click("#import-save")


def check_plan_page(page, live_server):
    plan = Plan.objects.get(number="3254/KH-UBND")
    assert page.url == live_server.url + reverse("campaigns:plan", args=[plan.pk])
    text = page.locator("main").inner_text()
    for words in ("3254/KH-UBND", "Phạm Xuân Tùng", "Cả nước chung sức xây dựng nông thôn mới", "16,5"):
        assert words in text, words
    assert plan.issuing_unit.name == "Huyện Hà Quảng" and plan.signing_mode == "TM."
    assert plan.targets.count() == 10 and plan.subjects.count() == 6
    return plan


def test_official_pastes_the_ha_quang_text_reviews_and_saves_it(sign_in, live_server, official, ha_quang):
    page = sign_in("official")
    page.goto(live_server.url + reverse("campaigns:plan-create"))
    with page.expect_navigation():
        page.click("#import-plan-link")
    page.fill("#id_text", seed("ha-quang-district-plan-2022"))
    shoot(page, "import-form")
    with page.expect_navigation():
        page.click("#plan-import-form button[type=submit]")
    shoot(page, "import-review")
    review_and_save(page)
    plan = check_plan_page(page, live_server)
    shoot(page, "imported-plan")
    assert plan.parent.is_summary and plan.parent.number == "2452/KH-UBND"


def test_official_uploads_the_ha_quang_word_file(sign_in, live_server, official, ha_quang, tmp_path):
    path = tmp_path / "kh-3254-ubnd.docx"
    path.write_bytes(docx_bytes(seed("ha-quang-district-plan-2022")))
    page = sign_in("official")
    page.goto(live_server.url + reverse("campaigns:plan-import"))
    page.set_input_files("#id_file", str(path))
    with page.expect_navigation():
        page.click("#plan-import-form button[type=submit]")
    review_and_save(page)
    check_plan_page(page, live_server)
