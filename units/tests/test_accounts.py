import pytest
from django.conf import settings
from django.urls import reverse
from pytest_django.asserts import assertRedirects, assertTemplateUsed

from conftest import PASSWORD
from units.account_views import counts_by_kind
from units.models import Kind, Role, Unit, User

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("login")


def sign_in(client, username, password=PASSWORD):
    """Through the real login view, as a browser would (django-axes needs the request)."""
    return client.post(LOGIN_URL, {"username": username, "password": password})


def test_login_page_is_in_vietnamese_by_default(client):
    response = client.get(LOGIN_URL)

    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in content
    assert 'id="id_username"' in content and 'id="id_password"' in content
    assert 'type="submit"' in content
    assert "Mật khẩu" in content  # the password label, from Django's own Vietnamese catalogue


def test_the_language_switch_turns_the_interface_to_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": LOGIN_URL})

    assertRedirects(response, LOGIN_URL)
    assert '<html lang="en">' in client.get(LOGIN_URL).content.decode()


def test_a_wrong_password_shows_the_usual_form_error(client, officer):
    response = sign_in(client, "officer", "wrong-password")

    assert response.status_code == 200
    assert [error.code for error in response.context["form"].non_field_errors().as_data()] == ["invalid_login"]
    assert "alert-danger" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_signing_in_lands_on_the_home_page(client, officer):
    response = sign_in(client, "officer")

    assertRedirects(response, reverse("home"))
    assert client.session["_auth_user_id"] == str(officer.pk)


def test_the_session_ends_when_the_browser_closes_and_after_eight_idle_hours(client, officer):
    sign_in(client, "officer")

    assert client.session.get_expire_at_browser_close() is True
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 8 * 3600


def test_anonymous_users_are_sent_to_the_login_page(client):
    response = client.get(reverse("home"))

    assertRedirects(response, f"{LOGIN_URL}?next=/")


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client, officer):
    for _attempt in range(4):
        assert sign_in(client, "officer", "wrong-password").status_code == 200
    assert sign_in(client, "officer", "wrong-password").status_code == 429

    response = sign_in(client, "officer")

    assert response.status_code == 429
    assertTemplateUsed(response, "registration/locked_out.html")
    assert 'id="locked-out"' in response.content.decode()
    assert "15" in response.content.decode()  # the cool-off, in minutes
    assert "_auth_user_id" not in client.session


def test_logout_refuses_get(client, officer):
    client.force_login(officer)

    assert client.get(reverse("logout")).status_code == 405
    assert "_auth_user_id" in client.session


def test_logout_by_post_ends_the_session_and_returns_to_login(client, officer):
    client.force_login(officer)

    response = client.post(reverse("logout"))

    assertRedirects(response, LOGIN_URL)
    assert "_auth_user_id" not in client.session


def test_password_change_replaces_the_password(client, officer):
    client.force_login(officer)
    new_password = "ruộng-lúa-xanh-2025"

    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password},
    )

    assertRedirects(response, reverse("password_change_done"))
    officer.refresh_from_db()
    assert officer.check_password(new_password)
    assert 'id="password-change-done"' in client.get(reverse("password_change_done")).content.decode()


def test_password_change_with_a_wrong_old_password_keeps_the_old_one(client, officer):
    client.force_login(officer)

    response = client.post(
        reverse("password_change"),
        {"old_password": "not-it", "new_password1": "ruộng-lúa-xanh", "new_password2": "ruộng-lúa-xanh"},
    )

    assert response.status_code == 200
    assert "old_password" in response.context["form"].errors
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)


@pytest.mark.parametrize("role", [role for role in Role if role != Role.ADMINISTRATOR])
def test_each_role_lands_on_its_own_page(client, make_user, tree, role):
    client.force_login(make_user("someone", (tree.district, role)))

    response = client.get(reverse("home"))

    assertTemplateUsed(response, f"home/{role.value}.html")
    content = response.content.decode()
    assert f'id="landing-{role.value}"' in content
    assert 'id="shortcut-units"' in content


def test_administrators_land_on_the_admin_page_whatever_their_first_membership(client, make_user, tree):
    user = make_user("admin", (tree.commune, Role.COMMUNE_OFFICER), (tree.province, Role.ADMINISTRATOR))
    client.force_login(user)

    response = client.get(reverse("home"))

    content = response.content.decode()
    assert 'id="landing-administrator"' in content
    assert 'id="shortcut-admin"' in content
    assert response.context["unit"] == tree.province  # the unit they administer, not the first one


def test_a_superuser_without_membership_lands_on_the_admin_page(client, tree):
    client.force_login(User.objects.create_superuser("root", password=PASSWORD))

    response = client.get(reverse("home"))

    assert 'id="landing-administrator"' in response.content.decode()
    assert {kind: count for kind, _label, count in response.context["all_counts"]}[Kind.COMMUNE] == 4


def test_a_user_without_unit_is_asked_to_contact_the_administrator(client, make_user):
    client.force_login(make_user("nobody"))

    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert 'id="landing-none"' in response.content.decode()


def test_the_unit_card_counts_the_units_below_by_kind_in_one_query(tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        counts = counts_by_kind(Unit.objects.within(tree.district).exclude(pk=tree.district.pk))

    assert [(kind, count) for kind, _label, count in counts] == [(Kind.COMMUNE, 2), (Kind.VILLAGE, 1)]


def test_a_historical_unit_shows_the_date_it_ended(client, make_user, tree):
    client.force_login(make_user("old", (tree.district, Role.HOME_AFFAIRS)))

    response = client.get(reverse("home"))

    content = response.content.decode()
    assert 'id="unit-historical"' in content
    assert "30/06/2025" in content
    assert 'data-kind="commune"' in content
    # The district itself is not among the units below it.
    assert [(kind, count) for kind, _label, count in response.context["unit_counts"]] == [
        (Kind.COMMUNE, 2),
        (Kind.VILLAGE, 1),
    ]


def test_a_current_unit_has_no_historical_badge(client, make_user, tree):
    client.force_login(make_user("new", (tree.new_commune, Role.COMMUNE_OFFICER)))

    content = client.get(reverse("home")).content.decode()

    assert 'id="landing-commune_officer"' in content
    assert "Xã Trường Hà" in content
    assert 'id="unit-historical"' not in content


def test_the_navbar_shows_the_users_name_unit_and_role(client, make_user, tree):
    user = make_user("hoa", (tree.commune, Role.COMMUNE_OFFICER), full_name="Nguyễn Thị Hoa")
    client.force_login(user)

    content = client.get(reverse("home")).content.decode()

    assert "Nguyễn Thị Hoa" in content
    assert f"{Role.COMMUNE_OFFICER.label} · Xã Trường Hà" in content


def test_only_administrators_see_the_admin_link(client, make_user, tree):
    client.force_login(make_user("officer2", (tree.commune, Role.COMMUNE_OFFICER)))
    assert 'id="nav-admin"' not in client.get(reverse("home")).content.decode()

    client.force_login(make_user("admin", (tree.province, Role.ADMINISTRATOR)))
    assert 'id="nav-admin"' in client.get(reverse("home")).content.decode()


def test_pages_carry_no_inline_script_or_style_that_the_csp_would_block(client, officer):
    client.force_login(officer)

    response = client.get(reverse("home"))

    content = response.content.decode()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert content.count("<script") == content.count("<script src=")
    assert " style=" not in content and "<style" not in content
    assert "{#" not in content and "{%" not in content  # no template comment or tag leaked through
