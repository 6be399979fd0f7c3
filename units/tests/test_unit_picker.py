"""The searchable unit picker: the search endpoint, its scope and the field that reads a typed name."""

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from units.fields import UnitChoiceField, UnitMultipleChoiceField
from units.models import Kind, Role, Unit
from units.picker import MAX_QUERY, scope_token

pytestmark = pytest.mark.django_db


class PickForm(forms.Form):
    unit = UnitChoiceField(scope="units:visible", label="Unit")
    others = UnitMultipleChoiceField(scope="units:visible", label="Others", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].limit_to(user)
        self.fields["others"].limit_to(user)


@pytest.fixture
def staff(make_user, tree):
    """Province staff of the new Tỉnh Một: sees it and, through the lineage, the legacy province."""
    return make_user("staff", (tree.new_province, Role.PROVINCE_STAFF))


def search(client, user, q, scope="units:visible", **arguments):
    client.force_login(user)
    return client.get(reverse("units:search"), {"scope": scope_token(scope, arguments), "q": q})


def bulk_communes(parent: Unit, count: int, prefix: str = "Xã Số") -> None:
    """`count` communes under `parent` in one INSERT (bulk_create skips save(), so path and search name are set
    here)."""
    # Explicit pks (the path holds them), far above the ones PostgreSQL's sequence, which they do not move,
    # hands out next.
    start = (Unit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 100_000
    Unit.objects.bulk_create(
        Unit(
            pk=start + i,
            name=f"{prefix} {i}",
            search_name=f"{prefix} {i}".lower().replace("ã", "a").replace("ố", "o"),
            kind=Kind.COMMUNE,
            division_type="Xã",
            short_name=f"{prefix} {i}",
            parent=parent,
            path=f"{parent.path}{start + i}/",
            depth=parent.depth + 1,
        )
        for i in range(count)
    )


def test_search_finds_a_unit_typed_without_diacritics_and_shows_its_parent(client, staff, tree):
    response = search(client, staff, "truong ha")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('role="option"') == 2  # the legacy commune and its 2025 successor
    assert "Xã Trường Hà" in html
    assert "— Huyện Hai, Tỉnh Một" in html
    assert "30/06/2025" in html  # the legacy commune says when it ended


def test_search_finds_a_unit_by_its_code(client, staff, tree):
    html = search(client, staff, "00002").content.decode()

    assert "Xã Ngọc Đào" in html
    assert "Xã Trường Hà" not in html


def test_search_never_returns_a_unit_outside_the_users_scope(client, staff, tree):
    assert "Xã Xa" not in search(client, staff, "xa").content.decode()
    assert "Xã Xa" not in search(client, staff, "00003").content.decode()
    assert 'role="option" aria-disabled="true"' in search(client, staff, "00003").content.decode()


def test_search_refuses_a_query_longer_than_the_cap(client, staff, tree):
    assert search(client, staff, "a" * (MAX_QUERY + 1)).status_code == 400


def test_search_refuses_a_scope_the_server_did_not_sign(client, staff, tree):
    client.force_login(staff)
    url = reverse("units:search")
    assert client.get(url, {"scope": "units:visible", "q": "xa"}).status_code == 400
    forged = scope_token("units:visible", {}).replace(":", ";", 1)
    assert client.get(url, {"scope": forged, "q": "xa"}).status_code == 400


def test_search_needs_a_signed_in_user(client, tree):
    response = client.get(reverse("units:search"), {"scope": scope_token("units:visible", {}), "q": "xa"})
    assert response.status_code == 302


def test_search_answers_at_most_twenty_matches(client, staff, tree):
    bulk_communes(tree.new_province, 50)
    assert search(client, staff, "xa so").content.decode().count('role="option"') == 20


def test_search_costs_the_same_queries_whatever_the_number_of_units(client, staff, tree, django_assert_max_num_queries):
    client.force_login(staff)
    params = {"scope": scope_token("units:visible", {}), "q": "xa so 1"}
    counts = []
    client.get(reverse("units:search"), params)  # a fresh session's expiry is stamped once
    for count in (100, 900):  # 1× then 10× the units
        bulk_communes(tree.new_province, count)
        # session, user, axes, memberships, the lineage of the user's scope, the search itself
        with django_assert_max_num_queries(10) as captured:
            assert client.get(reverse("units:search"), params).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_the_field_refuses_the_pk_of_a_unit_outside_the_users_scope(staff, tree):
    form = PickForm(data={"unit": tree.other_commune.pk}, user=staff)

    assert not form.is_valid()
    assert "unit" in form.errors


def test_the_field_accepts_a_pk_as_the_select_and_the_picker_send_it(staff, tree):
    form = PickForm(data={"unit": tree.neighbour.pk}, user=staff)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["unit"] == tree.neighbour


def test_the_field_reads_a_code_typed_without_javascript(staff, tree):
    form = PickForm(data={"unit__text": "00002"}, user=staff)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["unit"] == tree.neighbour


def test_the_field_lists_the_candidates_in_vietnamese_when_several_units_match(staff, tree):
    with translation.override("vi"):
        form = PickForm(data={"unit__text": "truong ha"}, user=staff)
        assert not form.is_valid()
        message = form.errors["unit"][0]

    assert message.startswith("Có nhiều đơn vị khớp với “truong ha”")
    assert "Xã Trường Hà — Huyện Hai, Tỉnh Một" in message
    assert "Xã Trường Hà — Tỉnh Một" in message
    assert "[00001]" in message


def test_the_field_takes_the_exact_label_among_units_of_the_same_name(staff, tree):
    form = PickForm(data={"unit__text": "Xã Trường Hà — Tỉnh Một"}, user=staff)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["unit"] == tree.new_commune


def test_the_field_reads_the_text_when_it_no_longer_names_the_chosen_unit(staff, tree):
    # The hidden pk still says Ngọc Đào, but the user typed another name without picking from the list.
    form = PickForm(data={"unit": tree.neighbour.pk, "unit__text": "xom mot"}, user=staff)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["unit"] == tree.village


def test_the_field_keeps_the_chosen_unit_while_the_text_is_its_label(staff, tree):
    form = PickForm(
        data={"unit": tree.commune.pk, "unit__text": "Xã Trường Hà — Huyện Hai, Tỉnh Một (đến 30/06/2025)"}, user=staff
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["unit"] == tree.commune


def test_the_field_says_when_no_unit_it_may_offer_matches(staff, tree):
    with translation.override("vi"):
        form = PickForm(data={"unit__text": "00003"}, user=staff)  # Xã Xa, in the other province
        assert not form.is_valid()
        assert "Không có đơn vị nào" in form.errors["unit"][0]


def test_the_multiple_field_adds_names_typed_one_per_line_to_the_units_ticked(staff, tree):
    form = PickForm(
        data={"unit": tree.commune.pk, "others": [tree.neighbour.pk], "others__text": "xom mot; 00001"}, user=staff
    )
    assert not form.is_valid()  # 00001 is the code of both Trường Hà
    assert "others" in form.errors

    form = PickForm(
        data={"unit": tree.commune.pk, "others": [tree.neighbour.pk], "others__text": "xom mot"}, user=staff
    )
    assert form.is_valid(), form.errors
    assert set(form.cleaned_data["others"]) == {tree.neighbour, tree.village}


def test_a_large_scope_renders_a_search_box_and_a_small_one_a_select(staff, tree):
    html = PickForm(user=staff, initial={"unit": tree.commune.pk}).as_div()
    assert "<select" in html and "data-unit-picker" not in html

    bulk_communes(tree.new_province, 100)
    html = PickForm(user=staff, initial={"unit": tree.commune.pk}).as_div()
    assert "data-unit-picker" in html
    assert 'role="combobox"' in html and 'aria-autocomplete="list"' in html
    assert f'value="{tree.commune.pk}"' in html
    assert "Xã Số 7" not in html  # the scope is searched, not listed
