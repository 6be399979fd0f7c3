"""Every URL refuses a POST without a CSRF token, and takes the same POST with one.

The URLs come from the resolver, so a new URL (or a view marked csrf_exempt) is checked without editing
this file. CSRF_FAILURE_VIEW is swapped for one that answers with a marker, so that a refusal for a missing
token cannot be mistaken for a 403 of the view's own permission check.
"""

import pytest
from django.http import HttpResponseForbidden
from django.test import Client
from django.urls import Resolver404, resolve

from config.tests.security_helpers import Route, build_path, walk_routes

ROUTES = walk_routes()
MARKER = "refused: no CSRF token"
# Values for parameters whose pattern accepts only some words; any other parameter takes "1" or "x".
CONSTRAINED = {"app_label": "units"}


def refused_for_csrf(request, reason=""):
    return HttpResponseForbidden(MARKER)


@pytest.fixture(autouse=True)
def marked_csrf_failures(settings):
    settings.CSRF_FAILURE_VIEW = f"{__name__}.refused_for_csrf"


def any_path(route: Route) -> str:
    """A path that resolves to the route; the object need not exist, the middleware decides first."""
    kwargs = {param: CONSTRAINED.get(param) or (1 if param in route.int_params else "x") for param in route.params}
    path = build_path(route, kwargs, ("1",) * route.positional)
    try:
        resolve(path)
    except Resolver404:
        pytest.fail(f"{path} does not resolve: add a value for the parameters of {route.id} to CONSTRAINED")
    return path


def is_refused(response) -> bool:
    return response.status_code == 403 and response.content.decode() == MARKER


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.id)
def test_a_post_without_a_csrf_token_is_refused(route, db, make_user):
    path = any_path(route)
    client = Client(enforce_csrf_checks=True)
    anonymous = client.post(path)
    client.force_login(make_user("staff", is_staff=True, is_superuser=True))
    signed_in = client.post(path)

    for response in (anonymous, signed_in):
        assert is_refused(response) or response.status_code == 405, (path, response.status_code)


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.id)
def test_the_same_post_with_the_token_gets_past_the_csrf_check(route, db):
    path = any_path(route)
    client = Client(enforce_csrf_checks=True)
    client.get("/accounts/login/")  # sets the csrftoken cookie
    token = client.cookies["csrftoken"].value

    response = client.post(path, {"csrfmiddlewaretoken": token})

    assert not is_refused(response), path


def test_a_wrong_token_is_refused_too(db):
    client = Client(enforce_csrf_checks=True)
    client.get("/accounts/login/")

    response = client.post("/accounts/login/", {"csrfmiddlewaretoken": "x" * 32, "username": "a", "password": "b"})

    assert is_refused(response)
