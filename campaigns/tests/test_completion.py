"""The levels of the 2026-2030 period: the "NTM hiện đại" pilot and a province's completion conditions (Phụ lục III).

The conditions here are invented test data: the annex text was not available.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from campaigns.models import Campaign, CompletionCondition, Recognition, RecognitionStatus
from campaigns.models.progress import statuses_at_or_above
from campaigns.targets.completion import evaluate_completion, province_completion
from units.models import CodeScheme, Kind, Role, User

pytestmark = pytest.mark.django_db

R = RecognitionStatus
NEW = {"code_scheme": CodeScheme.Y2025, "valid_from": datetime.date(2025, 7, 1)}
ON = datetime.date(2026, 12, 1)
THIS_YEAR = datetime.date.today().year


@pytest.fixture
def programme(db):
    return Campaign.objects.covering(2026).order_by("is_demo", "pk").first()


@pytest.fixture
def province(make_unit):
    return make_unit("Tỉnh Cao Bằng", Kind.PROVINCE, code="04", **NEW)


@pytest.fixture
def communes(make_unit, province, recognise):
    """Four xã (two at NTM, one hiện đại, one not yet), a phường (not yet) and an đặc khu (NTM)."""
    made = {
        name: make_unit(name, Kind.COMMUNE, province, code=f"9{index:04d}", division_type=name[:-2], **NEW)
        for index, name in enumerate(["Xã A", "Xã B", "Xã C", "Xã D", "Phường E", "Đặc khu F"])
    }
    recognise(made["Xã A"], R.COMMUNE_NTM, "2026-03-01")
    recognise(made["Xã B"], R.COMMUNE_MODERN, "2026-05-01")
    recognise(made["Xã C"], R.COMMUNE_NTM, "2025-12-20")
    recognise(made["Đặc khu F"], R.COMMUNE_NTM, "2026-04-01")
    return made


def condition(campaign, level=R.COMMUNE_NTM, threshold=80, types=(), kind="share", **fields):
    return CompletionCondition.objects.create(
        campaign=campaign,
        label=fields.pop("label", f"{level} ≥ {threshold}"),
        kind=kind,
        level=level,
        threshold=Decimal(threshold),
        division_types=list(types),
        **fields,
    )


def judged(conditions, province):
    with translation.override("vi"):
        return [
            (result.met, result.reached, result.total, result.figures)
            for result in evaluate_completion(conditions, province=province, on=ON)
        ]


# The level of the new period ------------------------------------------------------------------------------


def test_a_modern_commune_holds_the_ntm_standard_but_not_the_levels_of_2021_2025():
    assert R.COMMUNE_MODERN in statuses_at_or_above(R.COMMUNE_NTM)
    assert statuses_at_or_above(R.COMMUNE_MODERN) == [R.COMMUNE_MODERN]
    assert R.COMMUNE_MODERN not in statuses_at_or_above(R.COMMUNE_ADVANCED)


@pytest.fixture
def province_staff(make_user, province):
    return make_user("tinh", (province, Role.PROVINCE_STAFF))


def recognition_data(unit, **changes):
    data = {
        "unit": unit.pk,
        "status": R.COMMUNE_MODERN,
        "decision_number": "812/QĐ-UBND",
        "decision_date": "20/03/2026",
        "issuer": "UBND tỉnh Cao Bằng",
    }
    return data | changes


def test_province_staff_record_a_modern_level_and_the_recognitions_page_shows_it(client, province_staff, communes):
    client.force_login(province_staff)
    commune = communes["Xã D"]

    response = client.post(reverse("records:recognition-create", args=[commune.pk]), recognition_data(commune))

    assert response.status_code == 302
    recognition = Recognition.objects.get(unit=commune)
    assert (recognition.status, recognition.decision_number) == (R.COMMUNE_MODERN, "812/QĐ-UBND")
    page = client.get(reverse("records:recognitions", args=[commune.pk]), HTTP_ACCEPT_LANGUAGE="vi")
    assert "NTM hiện đại" in page.content.decode()
    assert "812/QĐ-UBND" in page.content.decode()


def test_a_modern_level_decided_before_the_period_is_refused_in_vietnamese(client, province_staff, communes):
    client.force_login(province_staff)
    commune = communes["Xã D"]

    with translation.override("vi"):
        response = client.post(
            reverse("records:recognition-create", args=[commune.pk]),
            recognition_data(commune, decision_date="15/12/2025"),
        )

    assert response.status_code == 200
    assert "01/01/2026" in response.context["form"].errors["decision_date"][0]
    assert "Cấp độ này" in response.context["form"].errors["decision_date"][0]
    assert not Recognition.objects.filter(unit=commune).exists()


# Evaluation -------------------------------------------------------------------------------------------------


def test_a_share_condition_counts_only_the_kinds_of_unit_it_names(programme, province, communes):
    only_xa = condition(programme, threshold=75, types=["Xã"])
    every_unit = condition(programme, threshold=75)
    xa_and_special_zones = condition(programme, threshold=80, types=["Xã", "Đặc khu"])

    assert judged([only_xa, every_unit, xa_and_special_zones], province) == [
        (True, 3, 4, "3/4 xã (75,0%), yêu cầu ≥ 75%"),  # the hiện đại commune counts at NTM
        (False, 4, 6, "4/6 xã (66,7%), yêu cầu ≥ 75%"),  # the ward is not recognised
        (True, 4, 5, "4/5 xã (80,0%), yêu cầu ≥ 80%"),
    ]


def test_a_modern_share_and_a_count_condition(programme, province, communes):
    modern = condition(programme, R.COMMUNE_MODERN, threshold=Decimal("12.5"), types=["Xã"])
    modern_everywhere = condition(programme, R.COMMUNE_MODERN, threshold=20)
    count = condition(programme, threshold=5, kind="count")

    assert judged([modern, modern_everywhere, count], province) == [
        (True, 1, 4, "1/4 xã (25,0%), yêu cầu ≥ 12,5%"),
        (False, 1, 6, "1/6 xã (16,7%), yêu cầu ≥ 20%"),
        (False, 4, 6, "4 xã, yêu cầu ≥ 5"),
    ]


def test_revoked_recognitions_and_decisions_before_the_chosen_date_do_not_count(programme, province, communes):
    Recognition.objects.filter(unit=communes["Xã A"]).update(revoked_on=datetime.date(2026, 6, 1))
    new_period_only = condition(programme, threshold=50, types=["Xã"], decided_from=datetime.date(2026, 1, 1))

    # Xã A revoked, Xã C decided in 2025: only the hiện đại Xã B counts.
    assert judged([new_period_only], province) == [(False, 1, 4, "1/4 xã (25,0%), yêu cầu ≥ 50%")]


def test_a_province_without_communes_does_not_meet_a_share(programme, province):
    assert judged([condition(programme, threshold=0)], province)[0][:3] == (False, 0, 0)


def test_province_completion_judges_the_programmes_of_the_year_on_its_last_day(programme, province, communes):
    condition(programme, threshold=75, types=["Xã"])

    found = province_completion(province, year=2026, today=datetime.date(2027, 3, 1))

    assert [(block.campaign, block.on, block.all_met) for block in found] == [
        (programme, datetime.date(2026, 12, 31), True)
    ]
    assert province_completion(province, year=2031, today=datetime.date(2031, 3, 1)) == []


# The conditions page ----------------------------------------------------------------------------------------


@pytest.fixture
def national_admin(db):
    return User.objects.create_superuser("quantri", password="x")


def condition_data(**changes):
    data = {
        "order": "1",
        "label": "Tỷ lệ xã đạt chuẩn nông thôn mới",
        "kind": "share",
        "level": R.COMMUNE_NTM,
        "threshold": "100",
        "division_types": ["Xã", "Đặc khu"],
        "decided_from": "",
        "source": "chưa xác nhận — nhập khi có văn bản",
    }
    return data | changes


def test_a_national_admin_enters_a_condition_through_the_page(client, national_admin, programme):
    client.force_login(national_admin)

    response = client.post(reverse("campaigns:completion-create", args=[programme.pk]), condition_data())

    assert response.status_code == 302
    saved = CompletionCondition.objects.get(campaign=programme)
    assert (saved.threshold, saved.division_types, saved.confirmed) == (100, ["Xã", "Đặc khu"], False)
    page = client.get(reverse("campaigns:completion", args=[programme.pk]))
    assert "Tỷ lệ xã đạt chuẩn nông thôn mới" in page.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"threshold": "120"}, "từ 0 đến 100"),
        ({"threshold": "-5"}, "không được âm"),
        ({"kind": "count", "threshold": "2.5"}, "số nguyên"),
        ({"division_types": ["Xã", "Quận"]}, "“Quận” không phải là loại đơn vị cấp xã"),
    ],
)
def test_the_conditions_form_refuses_bad_input_next_to_the_field(client, national_admin, programme, changes, message):
    client.force_login(national_admin)
    field = "division_types" if "division_types" in changes else "threshold"

    with translation.override("vi"):
        response = client.post(reverse("campaigns:completion-create", args=[programme.pk]), condition_data(**changes))

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert not CompletionCondition.objects.exists()


def test_the_database_refuses_a_share_above_100_even_without_the_form(programme):
    with pytest.raises(IntegrityError), transaction.atomic():
        condition(programme, threshold=101)
    condition(programme, threshold=101, kind="count")  # a count may exceed 100


def test_province_staff_read_the_conditions_but_cannot_edit_them(client, province_staff, programme):
    existing = condition(programme)
    client.force_login(province_staff)

    page = client.get(reverse("campaigns:completion", args=[programme.pk]))
    assert page.status_code == 200
    assert 'id="new-condition"' not in page.content.decode()
    assert client.get(reverse("campaigns:completion-create", args=[programme.pk])).status_code == 403
    assert client.post(reverse("campaigns:completion-create", args=[programme.pk]), condition_data()).status_code == 403
    edit = client.post(reverse("campaigns:completion-edit", args=[existing.pk]), condition_data(threshold="1"))
    assert edit.status_code == 403
    assert client.post(reverse("campaigns:completion-delete", args=[existing.pk])).status_code == 403
    existing.refresh_from_db()
    assert existing.threshold == 80


def test_a_national_admin_deletes_a_condition(client, national_admin, programme):
    existing = condition(programme)
    client.force_login(national_admin)

    assert client.post(reverse("campaigns:completion-delete", args=[existing.pk])).status_code == 302
    assert not CompletionCondition.objects.exists()


# The province dashboard -------------------------------------------------------------------------------------


@pytest.mark.skipif(THIS_YEAR < 2026 or THIS_YEAR > 2030, reason="the dashboard judges the programme of this year")
def test_the_province_dashboard_shows_each_condition_met_or_not_with_its_figures(
    client, province_staff, programme, communes
):
    condition(programme, threshold=75, types=["Xã"], label="Xã đạt chuẩn")
    condition(programme, R.COMMUNE_MODERN, threshold=20, label="Xã hiện đại")
    client.force_login(province_staff)

    with translation.override("vi"):
        html = client.get(reverse("dashboards:overview", args=[communes["Xã A"].parent_id])).content.decode()

    block = html[html.index(f'id="completion-{programme.pk}-block"') :]
    assert "Xã đạt chuẩn" in block and "3/4 xã (75,0%), yêu cầu ≥ 75%" in block
    assert "Xã hiện đại" in block and "1/6 xã (16,7%), yêu cầu ≥ 20%" in block
    assert block.count('data-met="yes"') == 1 and block.count('data-met="no"') == 1
    assert "Chưa đạt đủ các điều kiện" in block
    assert "chưa xác nhận" in block


def test_another_provinces_dashboard_is_404(client, province_staff, make_unit):
    other = make_unit("Tỉnh Lạng Sơn", Kind.PROVINCE, code="20", **NEW)
    client.force_login(province_staff)

    assert client.get(reverse("dashboards:overview", args=[other.pk])).status_code == 404


def add_communes(make_unit, recognise, province, start, count):
    for index in range(start, start + count):
        commune = make_unit(f"Xã Thêm {index}", Kind.COMMUNE, province, code=f"8{index:04d}", **NEW)
        if index % 2:
            recognise(commune, R.COMMUNE_NTM, "2026-02-01")
        if index % 5 == 0:
            recognise(commune, R.COMMUNE_MODERN, "2026-06-01")


def test_the_dashboard_and_the_evaluation_cost_the_same_queries_at_ten_times_the_data(
    client, province_staff, programme, province, make_unit, recognise, django_assert_max_num_queries
):
    for threshold in (50, 80):
        condition(programme, threshold=threshold, types=["Xã"])
    condition(programme, R.COMMUNE_MODERN, threshold=10)
    conditions = list(CompletionCondition.objects.all())
    client.force_login(province_staff)
    url = reverse("dashboards:overview", args=[province.pk])
    client.get(url)  # warms the session and the content types

    add_communes(make_unit, recognise, province, 0, 5)
    with django_assert_max_num_queries(2):  # the communes, then their recognitions
        evaluate_completion(conditions, province=province, on=ON)
    with django_assert_max_num_queries(18) as small:  # 16 when written; the point is that 10× costs no more
        client.get(url)

    add_communes(make_unit, recognise, province, 5, 45)
    with django_assert_max_num_queries(2):
        evaluate_completion(conditions, province=province, on=ON)
    with django_assert_max_num_queries(len(small.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count('data-met="') == 3


def test_the_demo_holds_only_placeholders_marked_unconfirmed_and_loads_once(programme):
    from campaigns.demo.completion import load_completion  # demo code: named here, never by product code

    assert load_completion()["created"] == 2
    assert load_completion()["created"] == 0
    placeholders = CompletionCondition.objects.filter(campaign=programme)
    assert placeholders.count() == 2
    assert all(c.is_demo and not c.confirmed and "Chưa xác nhận" in c.source for c in placeholders)
    assert all(c.label.startswith("[Demo]") for c in placeholders)
