"""The Excel templates of a criteria set and of the commune groups: downloaded and uploaded back unchanged they
change nothing; an edited cell changes that row only; a bad row saves nothing and says where."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from pytest_django.asserts import assertContains

from campaigns.models import CommuneGroup, GroupThreshold, Indicator
from campaigns.tests.criteria_helpers import add_indicator, add_threshold, qd51
from units.models import Kind, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, make_user):
    user = make_user("national", is_superuser=True)
    client.force_login(user)
    return user


@pytest.fixture
def entered(client, admin):
    """Three invented indicators of criterion 5, one of each kind of value, with group thresholds."""
    criterion = qd51().criteria.get(number=5)
    share = add_indicator(client, criterion, code="5.1")
    add_threshold(client, share, 1, "95,5")
    add_threshold(client, share, 3, "70", to_year=2027)
    clinic = add_indicator(client, criterion, code="5.2", value_type="bool", unit="")
    add_threshold(client, clinic, 2, "Có", comparator="eq")
    level = add_indicator(client, criterion, code="5.3", value_type="text", unit="")
    add_threshold(client, level, 1, "Tốt", comparator="eq")
    add_indicator(client, criterion, code="5.4", value_type="count", unit="trường")  # no threshold yet
    return criterion


def snapshot():
    indicators = Indicator.objects.filter(criterion__criteria_set=qd51()).order_by("code")
    thresholds = GroupThreshold.objects.filter(indicator__in=indicators).order_by("pk")
    return (
        list(indicators.values_list("pk", "code", "name", "value_type", "unit_of_measure", "source", "is_confirmed")),
        list(
            thresholds.values_list("pk", "commune_group", "from_year", "to_year", "comparator", "value", "text_value")
        ),
    )


def xlsx(content: bytes, name="mau.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def edited(content: bytes, edit) -> bytes:
    workbook = load_workbook(io.BytesIO(content))
    edit(workbook.active)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_set_template_uploaded_back_unchanged_changes_nothing(client, entered):
    before = snapshot()
    content = client.get(reverse("criteria:set-download", args=[qd51().pk])).content
    response = client.post(reverse("criteria:set-upload", args=[qd51().pk]), {"file": xlsx(content)}, follow=True)
    assertContains(response, "Không có thay đổi")
    assert snapshot() == before


def test_an_edited_threshold_in_the_set_template_changes_that_threshold_only(client, entered):
    content = client.get(reverse("criteria:set-download", args=[qd51().pk])).content

    def raise_first_threshold(sheet):
        for row in sheet.iter_rows(min_row=2):
            if row[1].value == "5.1" and row[8].value == 1:
                row[12].value = 97

    response = client.post(
        reverse("criteria:set-upload", args=[qd51().pk]), {"file": xlsx(edited(content, raise_first_threshold))}
    )
    assert response.status_code == 302
    share = Indicator.objects.get(criterion=entered, code="5.1")
    assert share.group_thresholds.get(commune_group=1).value == 97
    assert share.group_thresholds.get(commune_group=3).value == 70


def test_a_threshold_of_the_wrong_type_in_the_set_template_saves_nothing(client, entered):
    before = snapshot()
    content = client.get(reverse("criteria:set-download", args=[qd51().pk])).content

    def spoil(sheet):
        sheet.append([5, "5.9", "Chỉ tiêu mới (thử)", "percent", "%", "", "Không", "Không", 1, 2026, None, "≥", "cao"])
        sheet.append([11, "11.1", "Tiêu chí không có", "number", "", "", "Không", "Không"])

    response = client.post(reverse("criteria:set-upload", args=[qd51().pk]), {"file": xlsx(edited(content, spoil))})
    assert response.status_code == 200
    assertContains(response, "Dòng 7, ngưỡng: Nhập một số")
    assertContains(response, "Dòng 8: tiêu chí “11” không có trong bộ này")
    assert snapshot() == before


@pytest.fixture
def communes(make_unit, tree):
    opened = {"valid_from": datetime.date(2025, 7, 1)}
    return [tree.new_commune] + [
        make_unit(f"Xã Thử {n}", Kind.COMMUNE, tree.new_province, code=f"0009{n}", **opened) for n in (1, 2)
    ]


@pytest.fixture
def staff(client, make_user, tree, communes):
    user = make_user("staff", (tree.new_province, Role.PROVINCE_STAFF))
    client.force_login(user)
    CommuneGroup.objects.create(unit=communes[0], group=1, valid_from=datetime.date(2026, 2, 1), decision="QĐ 1 (thử)")
    CommuneGroup.objects.create(unit=communes[1], group=3, valid_from=datetime.date(2026, 2, 1), decision="QĐ 1 (thử)")
    return user


def groups_snapshot():
    return list(CommuneGroup.objects.order_by("pk").values_list("pk", "unit", "group", "valid_from", "decision"))


def test_the_groups_template_uploaded_back_unchanged_changes_nothing(client, tree, staff):
    before = groups_snapshot()
    content = client.get(reverse("criteria:groups-download", args=[tree.new_province.pk])).content
    response = client.post(
        reverse("criteria:groups-upload", args=[tree.new_province.pk]), {"file": xlsx(content)}, follow=True
    )
    assertContains(response, "Không có thay đổi")
    assert groups_snapshot() == before


def test_a_group_filled_in_the_template_is_recorded_and_the_others_kept(client, tree, staff, communes):
    content = client.get(reverse("criteria:groups-download", args=[tree.new_province.pk])).content

    def fill(sheet):
        for row in sheet.iter_rows(min_row=2):
            if row[0].value == communes[2].pk:
                row[3].value, row[4].value, row[5].value = 2, "15/03/2026", "QĐ 7/QĐ-UBND (thử)"

    response = client.post(
        reverse("criteria:groups-upload", args=[tree.new_province.pk]), {"file": xlsx(edited(content, fill))}
    )
    assert response.status_code == 302
    added = CommuneGroup.objects.get(unit=communes[2])
    assert (added.group, added.valid_from, added.recorded_by) == (2, datetime.date(2026, 3, 15), staff)
    assert CommuneGroup.objects.count() == 3


def test_a_group_for_a_unit_that_is_not_a_commune_in_the_template_saves_nothing(client, make_unit, tree, staff):
    village = make_unit("Thôn Thử", Kind.VILLAGE, tree.new_commune)
    before = groups_snapshot()
    content = client.get(reverse("criteria:groups-download", args=[tree.new_province.pk])).content

    def add_village(sheet):
        sheet.append([village.pk, "", village.name, 1, "01/03/2026", "QĐ 2 (thử)"])

    response = client.post(
        reverse("criteria:groups-upload", args=[tree.new_province.pk]), {"file": xlsx(edited(content, add_village))}
    )
    assertContains(response, "Thôn Thử không phải là xã")
    assert groups_snapshot() == before
