"""Login throttling behind a reverse proxy: each person is keyed by their own address, and only a proxy we
trust may say what that address is (config/client_address.py)."""

import ipaddress

import pytest
from django.urls import reverse

from conftest import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"  # nginx, as gunicorn sees it
CLIENT_A = "203.0.113.7"
CLIENT_B = "198.51.100.23"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXY_NETWORKS = [ipaddress.ip_network("10.0.0.0/24")]


def sign_in(client, password, *, remote, forwarded=None):
    """A login as it reaches gunicorn: from `remote`, with the X-Forwarded-For the proxy wrote, if any."""
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(reverse("login"), {"username": "reviewer", "password": password}, **headers)


def test_behind_the_proxy_five_wrong_passwords_from_one_client_do_not_lock_the_account_for_another(
    client, reviewer, behind_proxy
):
    for _attempt in range(5):
        sign_in(client, "wrong-password", remote=PROXY, forwarded=CLIENT_A)
    assert sign_in(client, PASSWORD, remote=PROXY, forwarded=CLIENT_A).status_code == 429

    response = sign_in(client, PASSWORD, remote=PROXY, forwarded=CLIENT_B)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(reviewer.pk)


def test_behind_the_proxy_an_address_the_client_wrote_itself_does_not_dodge_the_lockout(client, reviewer, behind_proxy):
    # nginx appends the address it saw; whatever stands to its left came from the client.
    for attempt in range(5):
        sign_in(client, "wrong-password", remote=PROXY, forwarded=f"192.0.2.{attempt}, {CLIENT_A}")

    response = sign_in(client, PASSWORD, remote=PROXY, forwarded=f"192.0.2.99, {CLIENT_A}")

    assert response.status_code == 429


def test_without_a_trusted_proxy_a_forged_forwarded_address_does_not_dodge_the_lockout(client, reviewer):
    for attempt in range(5):
        sign_in(client, "wrong-password", remote=CLIENT_A, forwarded=f"192.0.2.{attempt}")

    response = sign_in(client, PASSWORD, remote=CLIENT_A, forwarded="192.0.2.99")

    assert response.status_code == 429


def test_without_a_trusted_proxy_a_forged_forwarded_address_cannot_lock_out_someone_else(client, reviewer):
    for _attempt in range(5):
        sign_in(client, "wrong-password", remote=CLIENT_A, forwarded=CLIENT_B)

    response = sign_in(client, PASSWORD, remote=CLIENT_B)

    assert response.status_code == 302


def test_a_request_from_an_untrusted_address_is_keyed_on_that_address_even_with_a_proxy_configured(
    client, reviewer, behind_proxy
):
    # Someone reaching gunicorn directly, past nginx, cannot choose their address either.
    for attempt in range(5):
        sign_in(client, "wrong-password", remote=CLIENT_A, forwarded=f"192.0.2.{attempt}")

    assert sign_in(client, PASSWORD, remote=CLIENT_A, forwarded="192.0.2.99").status_code == 429
