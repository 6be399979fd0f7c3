"""The award catalogue is data the migrations load: it is there before any demo (apart from test_demo_plans.py,
whose demo is loaded once for the whole module)."""

import datetime

import pytest

from awards.models import AuthorityLevel, AwardForm
from campaigns.models import Plan

pytestmark = pytest.mark.django_db


def test_the_award_catalogue_exists_after_migrate_alone():
    forms = {form.name: form for form in AwardForm.objects.all()}

    assert not Plan.objects.exists()  # no demo was loaded
    assert {
        "Huân chương Lao động hạng Ba",
        "Bằng khen của Thủ tướng Chính phủ",
        "Cờ thi đua của UBND tỉnh",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Giấy khen của Chủ tịch UBND huyện",
        "Giấy khen của Chủ tịch UBND xã",
        "Giấy khen của Thủ trưởng cơ quan, đơn vị",
    } <= set(forms)
    district = forms["Giấy khen của Chủ tịch UBND huyện"]
    assert district.valid_to == datetime.date(2025, 6, 30)
    assert district.authority_level == AuthorityLevel.DISTRICT
    assert "council_minutes" in district.required_parts
    assert forms["Huân chương Lao động hạng Ba"].authority_title == "Chủ tịch nước"
    assert forms["Huân chương Lao động hạng Ba"].rank > forms["Giấy khen của Chủ tịch UBND xã"].rank
