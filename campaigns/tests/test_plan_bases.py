"""A plan's legal bases, emulation subjects and the figures of its measured targets, edited in the app."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from campaigns.models import Document, EmulationSubject, Measurement, PlanBasis, Target
from campaigns.tests.factories import LEGACY, make_communes
from units.models import Kind, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def noivu(make_user, district):
    """Home Affairs of the district: writes the district plan and records the district's figures."""
    return make_user("noivu", (district, Role.HOME_AFFAIRS))


@pytest.fixture
def quang_tri(make_user, make_unit):
    return make_user("quangtri", (make_unit("Tỉnh Quảng Trị", Kind.PROVINCE, **LEGACY), Role.PROVINCE_STAFF))


@pytest.fixture
def commune_officer(make_user, district, make_unit):
    commune = make_unit("Xã Trường Hà", Kind.COMMUNE, district, **LEGACY)
    return make_user("truongha", (commune, Role.COMMUNE_OFFICER))


@pytest.fixture
def basis(plan):
    document = Document.objects.create(kind="QD", number="587/QĐ-TTg", date=datetime.date(2022, 5, 18))
    return PlanBasis.objects.create(plan=plan, document=document, order=1)


@pytest.fixture
def subject(plan):
    return EmulationSubject.objects.create(plan=plan, kind="communes", criteria="Đạt chuẩn NTM")


@pytest.fixture
def income(make_target, district):
    """Rural income per head doubles from 2020 to 2025 (a ratio target counted in the district)."""
    return make_target(
        Target.Type.RATIO_TO_BASELINE,
        description="Thu nhập bình quân tăng 2 lần so với năm 2020",
        indicator="Thu nhập bình quân đầu người",
        baseline_year=2020,
        target_value=2,
    )


BASIS = {"kind": "NQ", "number": "12-NQ/HU", "date": "2022-03-01", "issuer": "Huyện ủy Hà Quảng", "subject": "x"}


def url(name, obj):
    return reverse(f"campaigns:{name}", args=[obj.pk])


# --- Legal bases ----------------------------------------------------------------------------------


def test_an_editor_adds_a_legal_basis_and_sees_it_on_the_plan(client, noivu, plan):
    client.force_login(noivu)
    response = client.post(url("basis-create", plan), {**BASIS, "order": "2"})
    assertRedirects(response, url("plan", plan) + "#legal-bases", fetch_redirect_response=False)
    basis = plan.bases.get()
    assert (basis.document.number, basis.document.issuer, basis.order) == ("12-NQ/HU", "Huyện ủy Hà Quảng", 2)
    assertContains(client.get(url("plan", plan)), "12-NQ/HU")


def test_editing_a_basis_that_another_plan_cites_leaves_the_other_plan_unchanged(client, noivu, plan, basis):
    other = PlanBasis.objects.create(
        plan=plan.__class__.objects.create(
            campaign=plan.campaign, title="x", issuer_name="y", issuing_unit=plan.issuing_unit
        ),
        document=basis.document,
    )
    client.force_login(noivu)
    client.post(url("basis-edit", basis), {**BASIS, "number": "588/QĐ-TTg"})
    basis.refresh_from_db(), other.refresh_from_db()
    assert basis.document.number == "588/QĐ-TTg"
    assert other.document.number == "587/QĐ-TTg"


def test_the_same_document_typed_twice_is_refused_next_to_the_number(client, noivu, plan, basis):
    client.force_login(noivu)
    posted = {"kind": "QD", "number": "587/QĐ-TTg", "date": "2022-05-18", "issuer": "", "subject": ""}
    response = client.post(url("basis-create", plan), posted)
    assert response.status_code == 200
    assert response.context["form"].errors["number"] == ["Kế hoạch này đã viện dẫn văn bản này."]
    assert plan.bases.count() == 1


def test_a_basis_without_number_or_subject_is_refused(client, noivu, plan):
    client.force_login(noivu)
    response = client.post(url("basis-create", plan), {"kind": "QD", "order": "70000"})
    errors = response.context["form"].errors
    assert "order" in errors and not plan.bases.exists()


def test_removing_a_basis_keeps_the_document(client, noivu, basis):
    client.force_login(noivu)
    client.post(url("basis-delete", basis))
    assert not PlanBasis.objects.filter(pk=basis.pk).exists()
    assert Document.objects.filter(pk=basis.document_id).exists()


def test_basis_changes_appear_in_the_plan_history(client, noivu, plan, basis):
    client.force_login(noivu)
    client.post(url("basis-edit", basis), {**BASIS, "number": "588/QĐ-TTg"})
    response = client.get(url("plan-history", plan))
    assertContains(response, "588/QĐ-TTg")


# --- Emulation subjects ---------------------------------------------------------------------------


def test_an_editor_adds_a_subject_with_two_criteria(client, noivu, plan):
    client.force_login(noivu)
    posted = {"kind": "villages", "description": "Các xóm", "criteria": "- Đạt chuẩn NTM\n\n- Có mô hình\n", "order": 1}
    response = client.post(url("subject-create", plan), posted)
    assertRedirects(response, url("plan", plan) + "#subjects", fetch_redirect_response=False)
    assert plan.subjects.get().criteria_list == ["Đạt chuẩn NTM", "Có mô hình"]


def test_a_subject_without_criteria_is_refused_with_a_message(client, noivu, plan):
    client.force_login(noivu)
    response = client.post(url("subject-create", plan), {"kind": "villages", "criteria": " - \n", "order": 1})
    assert response.context["form"].errors["criteria"] == ["Nhập ít nhất một tiêu chí."]


def test_an_editor_edits_and_deletes_a_subject(client, noivu, subject):
    client.force_login(noivu)
    client.post(url("subject-edit", subject), {"kind": "communes", "criteria": "Mới", "order": 3})
    subject.refresh_from_db()
    assert (subject.criteria, subject.order) == ("Mới", 3)
    client.post(url("subject-delete", subject))
    assert not EmulationSubject.objects.filter(pk=subject.pk).exists()


# --- Who may ------------------------------------------------------------------------------------


def test_another_provinces_user_gets_404_on_every_new_page(client, quang_tri, plan, basis, subject, income):
    client.force_login(quang_tri)
    for name, obj in [
        ("basis-create", plan),
        ("basis-edit", basis),
        ("subject-create", plan),
        ("subject-edit", subject),
        ("target-data", income),
    ]:
        assert client.get(url(name, obj)).status_code == 404, name
    for name, obj in [("basis-delete", basis), ("subject-delete", subject)]:
        assert client.post(url(name, obj)).status_code == 404, name
    assert PlanBasis.objects.filter(pk=basis.pk).exists() and EmulationSubject.objects.filter(pk=subject.pk).exists()


def test_a_commune_officer_reads_the_district_plan_but_may_not_edit_its_parts(
    client, commune_officer, plan, basis, subject, income
):
    client.force_login(commune_officer)
    response = client.get(url("plan", plan))
    for name, obj in [("basis-edit", basis), ("subject-edit", subject), ("target-data", income)]:
        assertNotContains(response, url(name, obj))
        assert client.get(url(name, obj)).status_code == 403, name
    assertNotContains(response, 'id="add-basis"')


# --- Target data --------------------------------------------------------------------------------


def test_entering_figures_changes_the_ratio_shown_on_the_plan(client, noivu, plan, district, income):
    client.force_login(noivu)
    page = client.get(url("plan", plan))
    assertContains(page, url("target-data", income))
    response = client.post(
        url("target-data", income),
        {
            "unit_of_measure": "triệu đồng",
            "value_2020": "20",
            "value_2024": "36,5".replace(",", "."),
            "source_2024": "Cục Thống kê",
        },
    )
    assertRedirects(response, url("plan", plan) + f"#target-{income.pk}", fetch_redirect_response=False)
    assert Measurement.objects.get(unit=district, year=2024).source == "Cục Thống kê"
    result = dict(client.get(url("plan", plan)).context["rows"])[income]
    assert result.current == Decimal("1.825")


def test_a_bad_figure_is_refused_next_to_its_year_and_nothing_is_saved(client, noivu, district, income):
    Measurement.objects.create(unit=district, indicator=income.indicator, year=2020, value=20)
    client.force_login(noivu)
    response = client.post(url("target-data", income), {"value_2020": "25", "value_2021": "-3", "value_2022": "abc"})
    errors = response.context["form"].errors
    assert errors["value_2021"] == ["Nhập số bằng 0 hoặc lớn hơn."]
    assert "value_2022" in errors
    assertContains(response, 'value="-3"')
    assert Measurement.objects.get(unit=district, year=2020).value == 20


def test_clearing_a_figure_removes_that_year_only(client, noivu, district, income):
    for year, value in ((2020, 20), (2021, 22)):
        Measurement.objects.create(unit=district, indicator=income.indicator, year=year, value=value)
    client.force_login(noivu)
    client.post(url("target-data", income), {"value_2020": "20"})
    assert list(Measurement.objects.values_list("year", flat=True)) == [2020]


def test_a_target_without_an_indicator_says_so(client, noivu, make_target):
    target = make_target(Target.Type.FREE_INDICATOR, description="Tỷ lệ hộ nghèo giảm")
    client.force_login(noivu)
    response = client.get(url("target-data", target))
    assertContains(response, 'id="no-indicator"')


def test_a_target_counted_in_another_unit_is_entered_by_that_units_staff(
    client, make_user, make_target, district, plan
):
    commune = make_communes(district, 1)[0]
    target = make_target(Target.Type.FREE_INDICATOR, scope_unit=commune, indicator="Hộ nghèo", target_value=1)
    client.force_login(make_user("xa", (commune, Role.COMMUNE_OFFICER)))
    assert client.get(url("target-data", target)).status_code == 200
    client.post(url("target-data", target), {"value_2023": "4"})
    assert Measurement.objects.get().unit == commune


def test_the_plan_page_query_count_does_not_grow_with_measured_targets(
    client, noivu, plan, district, make_target, django_assert_max_num_queries
):
    def grow(n):
        for i in range(Target.objects.count(), Target.objects.count() + n):
            target = make_target(Target.Type.FREE_INDICATOR, indicator=f"Chỉ số {i}", target_value=5)
            Measurement.objects.create(unit=district, indicator=target.indicator, year=2023, value=i)
            PlanBasis.objects.create(plan=plan, document=Document.objects.create(number=f"{i}/QĐ"))
            EmulationSubject.objects.create(plan=plan, kind="communes", criteria="a\nb")

    client.force_login(noivu)
    grow(1)
    with CaptureQueriesContext(connection) as once:
        client.get(url("plan", plan))
    grow(10)
    with django_assert_max_num_queries(len(once)):
        response = client.get(url("plan", plan))
    assert len(response.context["data_targets"]) == 11


def test_the_data_page_query_count_does_not_grow_with_recorded_years(
    client, noivu, district, income, django_assert_max_num_queries
):
    client.force_login(noivu)
    Measurement.objects.create(unit=district, indicator=income.indicator, year=2020, value=1)
    with CaptureQueriesContext(connection) as once:
        client.get(url("target-data", income))
    for year in range(2010, 2020):
        Measurement.objects.create(unit=district, indicator=income.indicator, year=year, value=1)
    with django_assert_max_num_queries(len(once)):
        response = client.get(url("target-data", income))
    assert len(response.context["form"].years) == 16


def test_a_figure_changed_by_someone_else_meanwhile_is_not_overwritten(client, noivu, district, income):
    """Two officials open the grid; the second saves 2024; the first, who saw 2024 blank, changes 2023 only."""
    client.force_login(noivu)
    seen = client.get(url("target-data", income)).context["form"].fresh_seen
    Measurement.objects.create(unit=district, indicator=income.indicator, year=2024, value=30)
    response = client.post(url("target-data", income), {"seen": seen, "value_2023": "28"})
    assert response.status_code == 302
    assert dict(Measurement.objects.values_list("year", "value")) == {2023: 28, 2024: 30}


def test_a_year_both_changed_is_refused_next_to_it_and_saved_on_the_second_try(client, noivu, district, income):
    client.force_login(noivu)
    seen = client.get(url("target-data", income)).context["form"].fresh_seen
    Measurement.objects.create(unit=district, indicator=income.indicator, year=2024, value=30)
    response = client.post(url("target-data", income), {"seen": seen, "value_2024": "31", "value_2023": "28"})
    form = response.context["form"]
    assert "30" in form.errors["value_2024"][0]
    assert not Measurement.objects.filter(year=2023).exists()
    client.post(url("target-data", income), {"seen": form.fresh_seen, "value_2024": "31", "value_2023": "28"})
    assert dict(Measurement.objects.values_list("year", "value")) == {2023: 28, 2024: 31}


def test_changing_the_unit_of_measure_relabels_every_recorded_year(client, noivu, district, income):
    for year in (2020, 2021):
        Measurement.objects.create(unit=district, indicator=income.indicator, year=year, value=1)
    client.force_login(noivu)
    form = client.get(url("target-data", income)).context["form"]
    client.post(
        url("target-data", income),
        {"seen": form.fresh_seen, "unit_of_measure": "triệu đồng", "value_2020": "1", "value_2021": "1"},
    )
    assert set(Measurement.objects.values_list("unit_of_measure", flat=True)) == {"triệu đồng"}


@pytest.mark.parametrize(
    "seen", ["", "not json", "null", "[1]", '{"a": 1}', '{"2020": ["sNaN", ""]}', '{"2020": "ab"}']
)
def test_a_mangled_seen_field_falls_back_to_the_stored_rows(client, noivu, district, income, seen):
    Measurement.objects.create(unit=district, indicator=income.indicator, year=2020, value=20)
    client.force_login(noivu)
    response = client.post(url("target-data", income), {"seen": seen, "value_2020": "20", "value_2021": "21"})
    assert response.status_code == 302
    assert dict(Measurement.objects.values_list("year", "value")) == {2020: 20, 2021: 21}


# --- A unit's figures (records) -----------------------------------------------------------------


def test_the_units_figures_page_lists_its_figures_and_links_the_targets_data_pages(client, noivu, district, income):
    Measurement.objects.create(unit=district, indicator=income.indicator, year=2024, value=Decimal("36.5"))
    client.force_login(noivu)
    response = client.get(reverse("records:figures", args=[district.pk]))
    assertContains(response, "36,5")
    assertContains(response, url("target-data", income))


def test_a_commune_officer_reads_the_district_figures_only_if_the_district_is_in_reach(
    client, commune_officer, quang_tri, district, income
):
    client.force_login(quang_tri)
    assert client.get(reverse("records:figures", args=[district.pk])).status_code == 404
    client.force_login(commune_officer)
    response = client.get(reverse("records:figures", args=[commune_officer.memberships.get().unit_id]))
    assertNotContains(response, url("target-data", income))


def test_the_figures_page_query_count_does_not_grow_with_indicators_and_targets(
    client, noivu, district, make_target, django_assert_max_num_queries
):
    def grow(n):
        for i in range(Target.objects.count(), Target.objects.count() + n):
            target = make_target(Target.Type.FREE_INDICATOR, indicator=f"Chỉ số {i}", target_value=5)
            for year in (2022, 2023):
                Measurement.objects.create(unit=district, indicator=target.indicator, year=year, value=i)

    client.force_login(noivu)
    figures_url = reverse("records:figures", args=[district.pk])
    grow(1)
    with CaptureQueriesContext(connection) as once:
        client.get(figures_url)
    grow(10)
    with django_assert_max_num_queries(len(once)):
        response = client.get(figures_url)
    assert len(response.context["rows"]) == 11
