"""Account pages: a province or district administrator manages the accounts of its subtree, and nothing else."""

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from pytest_django.asserts import assertRedirects

from conftest import PASSWORD
from units.models import Kind, Membership, Role, User
from units.people import administered_units, grantable_roles, managed_users, may_grant

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "ruộng-lúa-xanh-2025"


@pytest.fixture
def district_admin(make_user, tree):
    return make_user("qt.huyenhai", (tree.district, Role.ACCOUNT_ADMIN), full_name="Quản trị Huyện Hai")


@pytest.fixture
def province_staff(make_user, tree):
    return make_user("so.noivu", (tree.new_province, Role.PROVINCE_STAFF))


def signs_in(client, username, password) -> bool:
    """Through the real login view, as a browser would (django-axes needs the request)."""
    client.post(reverse("login"), {"username": username, "password": password})
    return "_auth_user_id" in client.session


def new_account(unit, role=Role.COMMUNE_OFFICER, **fields):
    return {
        "username": "xa.truongha.hoa",
        "full_name": "Nguyễn Thị Hoa",
        "position": "Công chức văn hóa - xã hội",
        "email": "hoa@example.vn",
        "unit": unit.pk,
        "role": role,
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        **fields,
    }


def test_a_district_account_administrator_lists_only_the_accounts_of_its_district(
    client, district_admin, officer, outsider, make_user, tree
):
    both = make_user("both", (tree.commune, Role.COMMUNE_OFFICER), (tree.other_commune, Role.COMMUNE_OFFICER))
    client.force_login(district_admin)

    response = client.get(reverse("people:list"))

    people = list(response.context["page"].object_list)
    assert people == [officer]
    assert both not in people  # a membership elsewhere puts the account out of this administrator's reach
    assert 'id="nav-people"' in response.content.decode()


def test_the_list_searches_by_name_and_username(client, district_admin, make_user, tree):
    make_user("xa.a", (tree.commune, Role.COMMUNE_OFFICER), full_name="Lý Văn An")
    make_user("xa.b", (tree.neighbour, Role.COMMUNE_OFFICER), full_name="Hoàng Thị Bình")
    client.force_login(district_admin)

    by_name = client.get(reverse("people:list"), {"q": "Bình"}).context["page"].object_list
    by_username = client.get(reverse("people:list"), {"q": "xa.a"}).context["page"].object_list

    assert [user.username for user in by_name] == ["xa.b"]
    assert [user.username for user in by_username] == ["xa.a"]


def test_people_without_an_administering_role_get_403_and_no_menu_entry(client, officer, reviewer):
    client.force_login(reviewer)

    assert client.get(reverse("people:list")).status_code == 403
    assert client.get(reverse("people:create")).status_code == 403
    assert 'id="nav-people"' not in client.get(reverse("home")).content.decode()


def test_an_administrator_creates_a_commune_officer_who_can_sign_in(client, district_admin, tree):
    client.force_login(district_admin)

    response = client.post(reverse("people:create"), new_account(tree.commune))

    user = User.objects.get(username="xa.truongha.hoa")
    assertRedirects(response, reverse("people:edit", args=[user.pk]))
    assert [(m.unit, m.role) for m in user.memberships.all()] == [(tree.commune, Role.COMMUNE_OFFICER)]
    assert user.full_name == "Nguyễn Thị Hoa" and user.is_active
    client.logout()
    assert signs_in(client, "xa.truongha.hoa", NEW_PASSWORD)


def test_without_a_password_the_new_account_gets_a_set_password_link_shown_once(client, district_admin, tree):
    client.force_login(district_admin)

    response = client.post(reverse("people:create"), new_account(tree.commune, password1="", password2=""), follow=True)

    user = User.objects.get(username="xa.truongha.hoa")
    assert not user.has_usable_password()
    content = response.content.decode()
    assert 'id="set-password-link"' in content
    link = content.split('id="set-password-link">')[1].split("<")[0]
    assert 'id="set-password-link"' not in client.get(reverse("people:edit", args=[user.pk])).content.decode()
    client.logout()
    form_page = client.get(link, follow=True)
    assert 'id="set-password-form"' in form_page.content.decode()
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assertRedirects(done, reverse("password_reset_complete"))
    assert signs_in(client, "xa.truongha.hoa", NEW_PASSWORD)
    client.logout()
    assert 'id="set-password-invalid"' in client.get(link, follow=True).content.decode()  # it worked once


def test_an_administrator_cannot_grant_a_membership_outside_its_subtree(client, district_admin, tree):
    client.force_login(district_admin)

    response = client.post(reverse("people:create"), new_account(tree.other_commune))

    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not User.objects.filter(username="xa.truongha.hoa").exists()


def test_an_administrator_cannot_grant_a_role_above_its_own(client, district_admin, tree):
    client.force_login(district_admin)

    response = client.post(reverse("people:create"), new_account(tree.commune, role=Role.PROVINCE_STAFF))

    assert "role" in response.context["form"].errors
    assert response.context["form"].errors["role"]  # a message next to the field
    assert Role.ADMINISTRATOR not in dict(grantable_roles(district_admin))
    assert not User.objects.filter(username="xa.truongha.hoa").exists()


def test_province_staff_may_appoint_a_district_account_administrator_but_not_a_national_one(province_staff, tree):
    # The 2025 province reads the pre-2025 province it was formed from, and administers it.
    assert may_grant(province_staff, Role.ACCOUNT_ADMIN, tree.district)
    assert not may_grant(province_staff, Role.ADMINISTRATOR, tree.district)
    assert not may_grant(province_staff, Role.COMMUNE_OFFICER, tree.other_commune)


def test_a_bad_new_account_keeps_what_was_typed_with_messages_next_to_the_fields(client, district_admin, tree):
    client.force_login(district_admin)

    response = client.post(
        reverse("people:create"), new_account(tree.commune, password1="short", password2="other", username="")
    )

    form = response.context["form"]
    assert set(form.errors) >= {"username", "password2"}
    content = response.content.decode()
    assert "Nguyễn Thị Hoa" in content  # kept
    assert "invalid-feedback" in content


def test_another_units_administrator_gets_404_on_an_account_and_its_actions(client, officer, make_user, tree):
    elsewhere = make_user("qt.khac", (tree.other_province, Role.ACCOUNT_ADMIN))
    membership = officer.memberships.get()
    client.force_login(elsewhere)

    assert client.get(reverse("people:edit", args=[officer.pk])).status_code == 404
    for name in ("deactivate", "activate", "password-link", "membership-add", "unlock"):
        assert client.post(reverse(f"people:{name}", args=[officer.pk])).status_code == 404
    assert client.post(reverse("people:membership-remove", args=[membership.pk])).status_code == 404
    officer.refresh_from_db()
    assert officer.is_active and officer.memberships.count() == 1


def test_an_administrator_cannot_reach_its_own_account_or_a_higher_ones(
    client, district_admin, province_staff, make_user, tree
):
    higher = make_user("tinh", (tree.district, Role.PROVINCE_STAFF))
    client.force_login(district_admin)

    assert client.get(reverse("people:edit", args=[district_admin.pk])).status_code == 404
    assert client.get(reverse("people:edit", args=[higher.pk])).status_code == 404
    assert district_admin not in managed_users(district_admin)


def test_deactivating_keeps_the_account_and_stops_its_sign_in(client, district_admin, officer):
    client.force_login(district_admin)

    response = client.post(reverse("people:deactivate", args=[officer.pk]))

    assertRedirects(response, reverse("people:edit", args=[officer.pk]))
    officer.refresh_from_db()
    assert not officer.is_active and officer.memberships.count() == 1
    client.logout()
    assert not signs_in(client, "officer", PASSWORD)

    client.force_login(district_admin)
    client.post(reverse("people:activate", args=[officer.pk]))
    officer.refresh_from_db()
    assert officer.is_active


def test_actions_refuse_get(client, district_admin, officer):
    client.force_login(district_admin)

    assert client.get(reverse("people:deactivate", args=[officer.pk])).status_code == 405


def test_adding_and_removing_a_membership(client, district_admin, officer, tree):
    client.force_login(district_admin)

    response = client.post(
        reverse("people:membership-add", args=[officer.pk]), {"unit": tree.village.pk, "role": Role.COMMUNE_OFFICER}
    )

    assertRedirects(response, reverse("people:edit", args=[officer.pk]))
    added = officer.memberships.get(unit=tree.village)
    client.post(reverse("people:membership-remove", args=[added.pk]))
    assert list(officer.memberships.values_list("unit", flat=True)) == [tree.commune.pk]


def test_the_last_membership_is_kept_and_the_page_says_to_deactivate_instead(client, district_admin, officer):
    client.force_login(district_admin)

    response = client.post(reverse("people:membership-remove", args=[officer.memberships.get().pk]), follow=True)

    assert officer.memberships.count() == 1
    assert "alert-danger" in response.content.decode()


def test_a_duplicate_membership_is_refused_next_to_the_unit(client, district_admin, officer, tree):
    client.force_login(district_admin)

    response = client.post(
        reverse("people:membership-add", args=[officer.pk]), {"unit": tree.commune.pk, "role": Role.COMMUNE_OFFICER}
    )

    assert response.status_code == 200
    assert "unit" in response.context["membership_form"].errors
    assert officer.memberships.count() == 1


def test_the_unit_picker_offers_only_the_administered_subtree_and_finds_a_commune_by_its_name(
    client, district_admin, tree
):
    units = administered_units(district_admin)
    assert set(units) == {tree.district, tree.commune, tree.neighbour, tree.village}

    client.force_login(district_admin)
    page = client.get(reverse("people:create"))
    token = page.context["form"].fields["unit"].widget.token
    found = client.get(reverse("units:search"), {"scope": token, "q": "truong ha"}).content.decode()
    assert "Xã Trường Hà" in found and "Xã Xa" not in found


def test_a_national_administrator_sees_accounts_without_membership_but_not_superusers(client, make_user, tree):
    nobody = make_user("nobody")
    root = User.objects.create_superuser("root", password=PASSWORD)
    admin = make_user("admin", (tree.province, Role.ADMINISTRATOR))
    client.force_login(admin)

    listed = client.get(reverse("people:list")).context["page"].object_list
    assert nobody in listed and root not in listed
    assert client.get(reverse("people:edit", args=[root.pk])).status_code == 404
    assert client.get(reverse("people:edit", args=[nobody.pk])).status_code == 200


def grow(tree, make_user, count):
    for i in range(count):
        user = make_user(f"u{count}-{i}", (tree.commune, Role.COMMUNE_OFFICER), full_name=f"Người {i}")
        Membership.objects.create(user=user, unit=tree.village, role=Role.COMMUNE_OFFICER)


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_keeps_a_constant_number_of_queries(
    client, district_admin, make_user, tree, count, django_assert_max_num_queries
):
    grow(tree, make_user, count)
    client.force_login(district_admin)
    client.get(reverse("people:list"))  # warm the session

    with django_assert_max_num_queries(12):
        response = client.get(reverse("people:list"))

    assert len(response.context["page"].object_list) == count


@pytest.mark.parametrize("count", [1, 10])
def test_the_account_page_keeps_a_constant_number_of_queries(
    client, district_admin, make_user, make_unit, tree, count, django_assert_max_num_queries
):
    person = make_user("many", (tree.commune, Role.COMMUNE_OFFICER))
    for i in range(count):
        Membership.objects.create(user=person, unit=make_unit(f"Xóm {i}", Kind.VILLAGE, tree.commune), role="leader")
    client.force_login(district_admin)

    with django_assert_max_num_queries(14):
        response = client.get(reverse("people:edit", args=[person.pk]))

    assert len(re.findall(r'id="membership-\d+"', response.content.decode())) == count + 1


def test_a_made_up_set_password_link_sets_nothing(client, officer):
    response = client.get(reverse("password_reset_confirm", args=["MQ", "made-up-token"]))

    assert 'id="set-password-invalid"' in response.content.decode()
    assert not default_token_generator.check_token(officer, "made-up-token")


def test_an_administrator_sees_a_locked_out_account_and_unlocks_it(client, district_admin, officer):
    for _attempt in range(5):
        signs_in(client, "officer", "wrong-password")
    assert not signs_in(client, "officer", PASSWORD)  # locked out, even with the right password
    client.force_login(district_admin)

    page = client.get(reverse("people:edit", args=[officer.pk])).content.decode()
    client.post(reverse("people:unlock", args=[officer.pk]))

    assert 'id="person-locked"' in page
    assert 'id="person-locked"' not in client.get(reverse("people:edit", args=[officer.pk])).content.decode()
    client.logout()
    assert signs_in(client, "officer", PASSWORD)
