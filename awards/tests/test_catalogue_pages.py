"""The award catalogue in the app: everyone reads it, national administrators edit it as dated data."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from awards.models import AuthorityLevel, AwardForm, BaseSalary, Evidence, GrantRule
from units.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def national(make_user, tree):
    return make_user("national", (tree.province, Role.ADMINISTRATOR))


@pytest.fixture
def staff(make_user, tree):
    return make_user("staff", (tree.province, Role.PROVINCE_STAFF))


@pytest.fixture
def flag(db):
    """A form with the two rules of 2024-2025 and from 07/2025 (open-ended)."""
    form = AwardForm.objects.create(
        name="Cờ thi đua thử", category="flag", authority_level="province", authority_title="Chủ tịch UBND tỉnh"
    )
    for start, end, regime in (
        (datetime.date(2024, 1, 1), datetime.date(2025, 6, 30), "NĐ 98"),
        (datetime.date(2025, 7, 1), None, "NĐ 152"),
    ):
        GrantRule.objects.create(
            award_form=form,
            authority_level="province",
            authority_title="Chủ tịch UBND tỉnh",
            regime=regime,
            legal_basis="Căn cứ …",
            valid_from=start,
            valid_to=end,
            status=Evidence.CONFIRMED,
        )
    return form


RULE = {
    "authority_level": AuthorityLevel.PROVINCE,
    "authority_title": "Chủ tịch UBND tỉnh",
    "regime": "NĐ mới",
    "legal_basis": "Căn cứ Nghị định mới;",
    "status": Evidence.REPORTED,
    "bonus_multiple": "4.5",
}


def test_everyone_signed_in_reads_the_catalogue_with_its_marks_but_sees_no_edit_link(client, staff, flag):
    client.force_login(staff)
    response = client.get(reverse("awards:catalogue"))
    assertContains(response, "Cờ thi đua thử")
    assertContains(response, 'data-evidence="confirmed"')
    assertNotContains(response, reverse("awards:catalogue-form-edit", args=[flag.pk]))
    assertContains(client.get(reverse("home")), 'id="nav-award-catalogue"')


def test_province_staff_may_not_edit_the_national_catalogue(client, staff, flag):
    client.force_login(staff)
    rule = flag.rules.first()
    for url in (
        reverse("awards:catalogue-form-create"),
        reverse("awards:catalogue-form-edit", args=[flag.pk]),
        reverse("awards:catalogue-rule-create", args=[flag.pk]),
        reverse("awards:catalogue-rule-edit", args=[rule.pk]),
        reverse("awards:catalogue-salary-create"),
    ):
        assert client.post(url, RULE).status_code == 403, url
    assert flag.rules.count() == 2


def test_an_administrator_adds_a_rule_after_closing_the_open_one(client, national, flag):
    client.force_login(national)
    new = {**RULE, "valid_from": "2027-03-01"}
    response = client.post(reverse("awards:catalogue-rule-create", args=[flag.pk]), new)
    assert response.status_code == 200
    error = response.context["form"].errors["valid_from"][0]
    assert "NĐ 152" in error and "01/07/2025" in error
    open_rule = flag.rules.get(regime="NĐ 152")
    response = client.post(
        reverse("awards:catalogue-rule-edit", args=[open_rule.pk]),
        {**RULE, "regime": "NĐ 152", "valid_from": "2025-07-01", "valid_to": "2027-02-28", "status": "confirmed"},
    )
    assertRedirects(response, reverse("awards:catalogue") + f"#form-{flag.pk}", fetch_redirect_response=False)
    client.post(reverse("awards:catalogue-rule-create", args=[flag.pk]), new)
    rule = GrantRule.objects.on(datetime.date(2027, 5, 1)).get(award_form=flag)
    assert (rule.regime, rule.bonus_multiple) == ("NĐ mới", Decimal("4.5"))


def test_an_end_before_the_start_is_refused_next_to_the_end(client, national, flag):
    client.force_login(national)
    posted = {**RULE, "valid_from": "2030-01-01", "valid_to": "2029-01-01"}
    response = client.post(reverse("awards:catalogue-rule-create", args=[flag.pk]), posted)
    assert "valid_to" in response.context["form"].errors
    assert flag.rules.count() == 2


def test_a_bonus_out_of_bounds_is_refused(client, national, flag):
    client.force_login(national)
    for bonus in ("0", "-1", "123456"):
        posted = {**RULE, "valid_from": "2030-01-01", "bonus_multiple": bonus}
        response = client.post(reverse("awards:catalogue-rule-create", args=[flag.pk]), posted)
        assert "bonus_multiple" in response.context["form"].errors, bonus


def test_an_administrator_adds_an_award_form_with_its_validity(client, national):
    client.force_login(national)
    posted = {
        "name": "Bằng khen mới",
        "category": "merit",
        "authority_level": "province",
        "authority_title": "Chủ tịch UBND tỉnh",
        "eligible_nominees": ["individual", "collective"],
        "required_parts": ["submission"],
        "valid_from": "2026-01-01",
        "valid_to": "2025-01-01",
        "rank": "5",
    }
    response = client.post(reverse("awards:catalogue-form-create"), posted)
    assert "valid_to" in response.context["form"].errors
    client.post(reverse("awards:catalogue-form-create"), {**posted, "valid_to": ""})
    form = AwardForm.objects.get(name="Bằng khen mới")
    assert form.eligible_nominees == ["individual", "collective"] and form.valid_from == datetime.date(2026, 1, 1)


def test_a_second_base_salary_on_the_same_day_is_refused(client, national):
    BaseSalary.objects.create(
        valid_from=datetime.date(2031, 7, 1), amount=3_000_000, legal_basis="x", status="reported"
    )
    client.force_login(national)
    posted = {"valid_from": "2031-07-01", "amount": "3100000", "legal_basis": "NĐ", "status": "reported"}
    response = client.post(reverse("awards:catalogue-salary-create"), posted)
    assert "valid_from" in response.context["form"].errors
    response = client.post(reverse("awards:catalogue-salary-create"), {**posted, "amount": "0"})
    assert "amount" in response.context["form"].errors
    client.post(reverse("awards:catalogue-salary-create"), {**posted, "valid_from": "2032-01-01"})
    assert BaseSalary.on(datetime.date(2032, 2, 1)).amount == 3_100_000


def test_the_catalogue_page_query_count_does_not_grow_with_forms_and_rules(
    client, staff, django_assert_max_num_queries
):
    def grow(n):
        start = AwardForm.objects.count()
        for i in range(start, start + n):
            form = AwardForm.objects.create(
                name=f"Hình thức {i}", category="merit", authority_level="province", authority_title="x"
            )
            GrantRule.objects.create(
                award_form=form,
                authority_level="province",
                authority_title="x",
                regime="r",
                legal_basis="b",
                status=Evidence.CONFIRMED,
            )
            BaseSalary.objects.create(
                valid_from=datetime.date(2040 + i, 1, 1), amount=1, legal_basis="x", status="confirmed"
            )

    client.force_login(staff)
    grow(1)
    with CaptureQueriesContext(connection) as once:
        client.get(reverse("awards:catalogue"))
    grow(10)
    with django_assert_max_num_queries(len(once)):
        response = client.get(reverse("awards:catalogue"))
    assert len(response.context["award_forms"]) == AwardForm.objects.count()
