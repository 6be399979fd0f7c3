"""The years of a commune formed in the 2025 reform: which years it sees, that opening one starts nothing, that
an empty one is not sent, and that its province reviews, approves in a batch and counts its 2026 years."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from campaigns.assessments.services import get_or_start_assessment, is_empty, save_assessment, submit_assessment
from campaigns.models import Assessment, CommuneGroup, Evidence, GroupThreshold, Indicator, IndicatorValue
from campaigns.tests.criteria_helpers import qd51, year_form_data
from units.models import CodeScheme, Kind, Role

pytestmark = pytest.mark.django_db

NEW = {"code_scheme": CodeScheme.Y2025, "valid_from": datetime.date(2025, 7, 1)}


@pytest.fixture(autouse=True)
def in_december_2026(clock):
    clock(datetime.date(2026, 12, 16))


@pytest.fixture
def new_officer(make_user, tree):
    return make_user("new-officer", (tree.new_commune, Role.COMMUNE_OFFICER))


@pytest.fixture
def province_reviewer(make_user, tree):
    return make_user("province-reviewer", (tree.new_province, Role.HOME_AFFAIRS))


def year_url(unit, year=2026):
    return reverse("progress:my-year", args=[unit.pk, year])


def post_year(client, unit, *, action="save", year=2026, **overrides):
    """Open the year page and post its form as shown, with `overrides` by field name."""
    form = client.get(year_url(unit, year)).context["form"]
    return client.post(year_url(unit, year), year_form_data(form, action=action, **overrides))


def first_switch(client, unit, year=2026) -> str:
    """The field name of the first criterion's "met" switch (the QĐ 51 criteria have no indicators yet)."""
    form = client.get(year_url(unit, year)).context["form"]
    return f"c{form.results[0].criterion_id}-achieved"


# The years a commune sees.


def test_a_commune_formed_on_1_july_2025_sees_2025_and_2026_and_none_before(client, tree, new_officer):
    client.force_login(new_officer)

    rows = client.get(reverse("progress:my-years")).context["rows"]

    years = {unit: [year for year, _ in its_years] for unit, its_years in rows}
    assert years.pop(tree.new_commune) == [2025, 2026]
    # The communes it was formed from come after it, marked historical, with their own years.
    assert rows[0][0] == tree.new_commune
    assert years == {tree.commune: [2021, 2022, 2023, 2024, 2025], tree.neighbour: [2021, 2022, 2023, 2024, 2025]}
    assert all(unit.is_historical for unit in years)


def test_my_years_stop_at_the_apps_today(client, tree, new_officer, clock):
    clock(datetime.date(2025, 8, 12))
    client.force_login(new_officer)

    rows = client.get(reverse("progress:my-years")).context["rows"]

    assert [year for year, _ in rows[0][1]] == [2025]


# Opening a year starts nothing; the first save does.


def test_opening_a_new_year_shows_its_ten_criteria_and_saves_nothing(client, tree, new_officer):
    client.force_login(new_officer)

    response = client.get(year_url(tree.new_commune))

    assert len(response.context["form"].results) == 10
    assertContains(response, 'data-status="none"')
    assert not Assessment.objects.exists()


def test_an_opened_year_stays_not_started_on_the_province_dashboard(client, tree, new_officer, province_reviewer):
    client.force_login(new_officer)
    client.get(year_url(tree.new_commune))
    client.force_login(province_reviewer)

    response = client.get(reverse("dashboards:status", args=[tree.new_province.pk, 2026]))

    assert [row.status for row in response.context["rows"]] == ["not_started"]


def test_the_first_save_starts_the_year_with_what_was_entered(client, tree, new_officer):
    client.force_login(new_officer)
    switch = first_switch(client, tree.new_commune)
    assert not Assessment.objects.exists()

    response = post_year(client, tree.new_commune, **{switch: "on"})

    assert response.status_code == 302
    assessment = Assessment.objects.get(unit=tree.new_commune, year=2026)
    assert (assessment.status, assessment.criteria_met, assessment.results.count()) == ("draft", 1, 10)


# An empty year is not sent.


def test_an_empty_year_is_refused_in_vietnamese_and_nothing_is_kept(client, tree, new_officer):
    client.force_login(new_officer)

    with translation.override("vi"):
        response = post_year(client, tree.new_commune, action="submit", HTTP_ACCEPT_LANGUAGE="vi")

    assertContains(response, "Năm này chưa có nội dung")
    assert not Assessment.objects.exists()


def test_an_empty_year_already_started_stays_a_draft_when_submitted(client, tree, new_officer):
    get_or_start_assessment(tree.new_commune, 2026, by=new_officer)
    client.force_login(new_officer)

    post_year(client, tree.new_commune, action="submit")

    assert Assessment.objects.get(unit=tree.new_commune).status == Assessment.Status.DRAFT


@pytest.mark.parametrize("entry", ["criterion", "criterion note", "note", "evidence"])
def test_a_year_with_any_one_entry_is_not_empty(tree, new_officer, entry):
    assessment = get_or_start_assessment(tree.new_commune, 2026, by=new_officer)
    assert is_empty(assessment)
    result = assessment.results.first()
    if entry == "criterion":
        result.achieved = True
    elif entry == "criterion note":
        result.note = "Đang rà soát"
    result.save()
    if entry == "evidence":
        Evidence.objects.create(assessment=assessment, title="Biên bản", file="evidence/bien-ban.pdf")
    note = "Ghi chú của năm" if entry == "note" else ""
    results = {r.criterion_id: (r.achieved, r.note) for r in assessment.results.all()}
    save_assessment(assessment, results=results, values={}, note=note, version=assessment.version, by=new_officer)

    assert not is_empty(assessment)


# The province reviews its new communes' years.


@pytest.fixture
def new_communes(make_unit, make_user, tree):
    """make(n): the fixture's new commune and more under the new province to make `n`, each with its officer.
    Called again, it adds `n` more."""
    made = []

    def make(n):
        units = [] if made else [tree.new_commune]
        while len(units) < n:
            number = len(made) + len(units)
            units.append(make_unit(f"Xã Mới {number}", Kind.COMMUNE, tree.new_province, code=f"1{number:04}", **NEW))
        made.extend(units)
        return [(unit, make_user(f"officer-{unit.pk}", (unit, Role.COMMUNE_OFFICER))) for unit in units]

    return make


def submit_2026(client, communes):
    for unit, its_officer in communes:
        client.force_login(its_officer)
        response = post_year(client, unit, action="submit", **{first_switch(client, unit): "on"})
        assert response.status_code == 302


def test_the_province_queue_lists_the_submitted_2026_years_of_its_new_communes(
    client, tree, new_communes, province_reviewer
):
    communes = new_communes(3)
    submit_2026(client, communes)
    client.force_login(province_reviewer)

    response = client.get(reverse("progress:queue"))

    assert {(a.unit, a.year, a.reviewer_unit) for a in response.context["assessments"]} == {
        (unit, 2026, tree.new_province) for unit, _ in communes
    }
    assertContains(response, 'name="pk"', count=3)


def test_the_province_approves_several_2026_years_at_once_and_its_dashboards_count_them(
    client, tree, new_communes, province_reviewer
):
    communes = new_communes(3)
    submit_2026(client, communes)
    client.force_login(province_reviewer)
    waiting = Assessment.objects.filter(status=Assessment.Status.SUBMITTED)

    client.post(reverse("progress:approve-batch"), {"pk": [a.pk for a in waiting]})

    assert set(Assessment.objects.values_list("status", "reviewed_by")) == {("approved", province_reviewer.pk)}
    status = client.get(reverse("dashboards:status", args=[tree.new_province.pk, 2026]))
    assert {key: count for key, _label, count in status.context["counts"]}["approved"] == 3
    matrix = client.get(reverse("dashboards:matrix", args=[tree.new_province.pk, 2026]), {"approved": "on"})
    assert matrix.context["matrix"].assessed == 3
    overview = client.get(reverse("dashboards:overview", args=[tree.new_province.pk]))
    assert overview.context["year"] == 2026
    assert {key: count for key, _label, count in overview.context["counts"]}["approved"] == 3


def test_the_province_queue_costs_the_same_queries_with_ten_times_the_communes(
    client, new_communes, province_reviewer, django_assert_max_num_queries
):
    def submitted(communes):
        for unit, its_officer in communes:
            assessment = get_or_start_assessment(unit, 2026, by=its_officer)
            assessment.results.filter(criterion__number=1).update(achieved=True)
            submit_assessment(assessment, by=its_officer)

    submitted(new_communes(3))
    client.force_login(province_reviewer)
    with django_assert_max_num_queries(12) as small:
        assert client.get(reverse("progress:queue")).context["page"].paginator.count == 3
    submitted(new_communes(27))

    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(reverse("progress:queue")).context["page"].paginator.count == 30


def test_the_post_reform_province_lists_its_communes_without_a_district_column(
    client, tree, new_communes, province_reviewer
):
    submit_2026(client, new_communes(2))
    client.force_login(province_reviewer)

    status = client.get(reverse("dashboards:status", args=[tree.new_province.pk, 2026]))
    matrix = client.get(reverse("dashboards:matrix", args=[tree.new_province.pk, 2026]))

    assert not status.context["show_parent"]
    assert not matrix.context["show_parent"]


def test_the_legacy_province_still_names_the_district_of_each_commune(client, tree, make_user):
    client.force_login(make_user("old-province", (tree.province, Role.HOME_AFFAIRS)))

    response = client.get(reverse("dashboards:status", args=[tree.province.pk, 2024]))

    assertContains(response, "<td>Huyện Hai</td>", html=False)


def test_the_province_queue_tells_the_new_province_from_the_one_it_succeeded(client, tree, province_reviewer):
    client.force_login(province_reviewer)

    response = client.get(reverse("progress:queue"), HTTP_ACCEPT_LANGUAGE="vi")

    assert [unit.pk for unit in response.context["units"]] == [tree.province.pk, tree.new_province.pk]
    assertContains(response, "(đến 30/06/2025)", count=1)


# The cost of a started 2026 year (the bench's "Commune year page 2026").


def grow_indicators(per_criterion: int) -> None:
    """`per_criterion` more indicators on each QĐ 51 criterion, each with thresholds for the three groups."""
    for criterion in qd51().criteria.all():
        start = criterion.indicators.count()
        for index in range(start + 1, start + per_criterion + 1):
            indicator = Indicator.objects.create(
                criterion=criterion, code=f"{criterion.number}.{index}", name=f"Chỉ tiêu {index}", order=index
            )
            GroupThreshold.objects.bulk_create(
                GroupThreshold(indicator=indicator, commune_group=group, from_year=2026, value=1) for group in (1, 2, 3)
            )


def started_year_queries(client, unit, assessment, django_assert_max_num_queries, bound):
    IndicatorValue.objects.bulk_create(
        IndicatorValue(assessment=assessment, indicator=indicator, value=1)
        for indicator in Indicator.objects.filter(criterion__criteria_set=assessment.criteria_set).exclude(
            pk__in=assessment.indicator_values.values("indicator_id")
        )
    )
    client.get(year_url(unit))  # warm the session and the user's memberships
    with django_assert_max_num_queries(bound) as counted:
        response = client.get(year_url(unit))
    assert len(response.context["form"].results) == 10
    return len(counted.captured_queries)


# 13 today: the session (its expiry is moved only every few minutes, config.middleware), the user with the menu's
# unread count, their memberships with the units they were formed from, the year with its commune, whether it is
# complete and its commune group, its results, indicators, thresholds, evidence and values, the baseline
# (recognitions, earlier years) and the thread.
STARTED_YEAR_TODAY = 13


def test_a_started_2026_year_reads_the_same_queries_with_ten_times_the_indicators(
    client, tree, new_officer, django_assert_max_num_queries
):
    CommuneGroup.objects.create(unit=tree.new_commune, group=2, valid_from=datetime.date(2026, 1, 1), decision="1/QĐ")
    grow_indicators(1)
    assessment = get_or_start_assessment(tree.new_commune, 2026, by=new_officer)
    client.force_login(new_officer)
    small = started_year_queries(client, tree.new_commune, assessment, django_assert_max_num_queries, 25)

    grow_indicators(9)  # 100 indicators with their values and 300 thresholds: ten times the first
    large = started_year_queries(client, tree.new_commune, assessment, django_assert_max_num_queries, small)

    assert small == large <= STARTED_YEAR_TODAY


# Issue #14 item 2: at most 15, at 1× and 10× data.
def test_a_started_2026_year_runs_at_most_15_queries(client, tree, new_officer, django_assert_max_num_queries):
    grow_indicators(10)
    assessment = get_or_start_assessment(tree.new_commune, 2026, by=new_officer)
    client.force_login(new_officer)

    started_year_queries(client, tree.new_commune, assessment, django_assert_max_num_queries, 15)
