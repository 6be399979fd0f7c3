"""Every URL × every demo role × an object of another unit: 403 or 404, never another unit's data, never 500.

The URLs come from the resolver at collection time, so a new URL is in the matrix without editing this file;
if it takes parameters that security_helpers.FINDERS does not know, its test fails with "add a resolver for
<name>". The other unit is Quảng Trị for the Cao Bằng accounts, Cao Bằng for tinh.quangtri and the
neighbouring commune for a commune officer. POSTs go without a CSRF token: the test client skips the check
(test_csrf.py checks it).
"""

import re

import pytest
from django.db import transaction
from django.urls import reverse

from awards.models import Award
from config.tests.security_helpers import (
    FINDERS,
    OTHER_REGIONS,
    PUBLIC,
    SHARED,
    SUPERUSER,
    MissingResolver,
    Route,
    admin_arguments,
    build_path,
    object_kwargs,
    walk_routes,
)
from units.models import Kind, Unit

ROUTES = walk_routes()
APP_ROUTES = [route for route in ROUTES if not route.is_admin and not route.is_public]
OBJECT_ROUTES = [route for route in APP_ROUTES if route.takes_object]
LIST_ROUTES = [route for route in APP_ROUTES if not route.takes_object]
ADMIN_ROUTES = [route for route in ROUTES if route.is_admin and not route.is_public]
PUBLIC_ROUTES = [route for route in ROUTES if route.is_public]
METHODS = ("get", "post")
# An answer that shows nothing: refused, not found, or the wrong method for this URL.
REFUSED = {403, 404, 405}


def route_id(route: Route) -> str:
    return route.id


def fetch(client, method: str, path: str) -> tuple[int, str, str]:
    """(status, body text if HTML, Location) of one request, rolled back; an exception counts as a 500."""
    with transaction.atomic():
        try:
            response = getattr(client, method)(path)
        except Exception as error:  # the test client re-raises what the view raised
            transaction.set_rollback(True)
            return 500, f"{type(error).__name__}: {error}", ""
        transaction.set_rollback(True)
    # Reading a file response through the test client's wrapper closes it without closing the database
    # connection (response.close() alone would, on PostgreSQL, inside the test's transaction).
    content = b"".join(response.streaming_content) if response.streaming else response.content
    body = content.decode(errors="replace") if "html" in response.get("Content-Type", "") else ""
    return response.status_code, body, response.get("Location", "")


def path_for(route: Route, regions) -> str:
    try:
        return build_path(route, object_kwargs(route, regions) if route.params else {})
    except MissingResolver as error:
        pytest.fail(str(error))


# Help texts give made-up examples ("e.g. UBND huyện Hà Quảng"): not data of any unit.
HELP_TEXT = re.compile(r'<div[^>]*class="form-text"[^>]*>.*?</div>', re.DOTALL)


def leaked(body: str, names: set[str]) -> list[str]:
    body = HELP_TEXT.sub("", body)
    return sorted(name for name in names if name in body)


def summary(body: str) -> str:
    """The page's title, or the start of the error, for the failure message."""
    title = re.search(r"<title>(.*?)</title>", body, re.DOTALL)
    return " ".join(title.group(1).split()) if title else body[:300]


@pytest.mark.parametrize("route", OBJECT_ROUTES, ids=route_id)
def test_no_demo_role_reaches_an_object_of_another_unit(route, demo, client):
    problems = []
    for username in OTHER_REGIONS:
        path = path_for(route, demo.regions[username])
        client.force_login(demo.users[username])
        for method in METHODS:
            status, body, _location = fetch(client, method, path)
            names = leaked(body, demo.foreign_names[username])
            if status not in REFUSED or names:
                problems.append(f"{username} {method.upper()} {path} → {status} {names or summary(body)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", LIST_ROUTES, ids=route_id)
def test_pages_without_an_object_show_no_other_units_names(route, demo, client):
    problems = []
    for username in OTHER_REGIONS:
        path = path_for(route, demo.regions[username])
        client.force_login(demo.users[username])
        for method in METHODS:
            status, body, _location = fetch(client, method, path)
            names = leaked(body, demo.foreign_names[username])
            if status >= 500 or names:
                problems.append(f"{username} {method.upper()} {path} → {status} {names or summary(body)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", APP_ROUTES, ids=route_id)
def test_anonymous_visitors_are_sent_to_the_login_page(route, demo, client):
    path = path_for(route, demo.regions[SUPERUSER])
    login = reverse("login")
    problems = []
    for method in METHODS:
        status, body, location = fetch(client, method, path)
        if not (status in REFUSED or (status == 302 and location.startswith(login))):
            problems.append(f"{method.upper()} {path} → {status} {location or summary(body)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", ADMIN_ROUTES, ids=route_id)
def test_the_django_admin_sends_everyone_but_staff_to_its_login(route, demo, client):
    try:
        kwargs, args = admin_arguments(route)
    except MissingResolver as error:
        pytest.fail(str(error))
    path = build_path(route, kwargs, args)
    login = reverse("admin:login")
    problems = []
    for username in [None, *OTHER_REGIONS]:
        client.logout()
        if username:
            client.force_login(demo.users[username])
        for method in METHODS:
            status, _body, location = fetch(client, method, path)
            if not (status == 302 and location.startswith(login)):
                problems.append(f"{username or 'anonymous'} {method.upper()} {path} → {status} {location}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", [route for route in ROUTES if not route.is_public], ids=route_id)
def test_the_superuser_gets_no_server_error_on_any_page(route, demo, client):
    try:
        kwargs, args = admin_arguments(route) if route.is_admin else (None, ())
    except MissingResolver as error:
        pytest.fail(str(error))
    path = build_path(route, kwargs, args) if route.is_admin else path_for(route, demo.regions[SUPERUSER])
    client.force_login(demo.users[SUPERUSER])
    failures = []
    for method in METHODS:
        status, body, _location = fetch(client, method, path)
        if status >= 500:
            failures.append(f"{method.upper()} {path} → {status} {body[:300]}")
        # The superuser sees everything: a 404 here means the matrix names an object that does not exist,
        # and every refusal the other tests saw would prove nothing.
        if method == "get" and route.takes_object and not route.is_admin and status == 404:
            failures.append(f"GET {path} → 404 for the superuser: the resolver finds no real object")
    assert not failures, "\n".join(failures)


PUBLIC_PARAMETERS = {
    "token": lambda: Award.objects.order_by("pk").first().verification_token,
    # Public board and postings: any pk answers (404 when nothing was published or posted), never a 500.
    "province": lambda: Unit.objects.filter(kind=Kind.PROVINCE).order_by("pk").first().pk,
    "commune": lambda: Unit.objects.filter(kind=Kind.COMMUNE).order_by("pk").first().pk,
    "posting": lambda: 1,
    "uidb64": lambda: "MQ",  # a set-password link's account (pk 1, base64); the token above is not its token
}


@pytest.mark.parametrize("route", PUBLIC_ROUTES, ids=route_id)
def test_public_pages_answer_anyone_without_failing(route, demo, client):
    unknown = [param for param in route.params if param not in PUBLIC_PARAMETERS]
    assert not unknown, f"add a resolver for {', '.join(unknown)} (public URL {route.id}) to PUBLIC_PARAMETERS"
    path = build_path(route, {param: PUBLIC_PARAMETERS[param]() for param in route.params})
    for method in METHODS:
        status, body, _location = fetch(client, method, path)
        assert status < 500, f"{method.upper()} {path} → {status} {body[:300]}"


def test_a_made_up_verification_token_finds_nothing(demo, client):
    assert client.get(reverse("awards:verify", args=["not-a-real-token"])).status_code == 404


def test_a_new_url_with_parameters_and_no_resolver_fails_the_matrix(demo):
    new = Route("things/<int:pk>/", "things:detail", ("pk",), 0, ("pk",))
    with pytest.raises(MissingResolver, match="add a resolver for things:detail"):
        object_kwargs(new, demo.regions["tinh.caobang"])
    admin = Route("admin/units/unit/<slug:token>/", "admin:units_unit_token", ("token",), 0)
    with pytest.raises(MissingResolver, match="add a resolver for token"):
        admin_arguments(admin)


def test_every_exemption_and_resolver_names_a_url_that_still_exists():
    names = {route.name for route in ROUTES}
    stale = (set(FINDERS) | set(PUBLIC) | SHARED) - names
    assert not stale, f"remove these from security_helpers: {sorted(stale)}"


def test_every_demo_role_has_names_of_another_unit_to_look_for(demo):
    assert all(len(names) >= 3 for names in demo.foreign_names.values()), demo.foreign_names
    assert "Đào Ngạn" in demo.foreign_names["xa.truongha"]
    assert "Hướng Phùng" in demo.foreign_names["tinh.caobang"]
    assert "Trường Hà" in demo.foreign_names["tinh.quangtri"]
