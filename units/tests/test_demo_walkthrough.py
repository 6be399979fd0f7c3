"""Every demo account signs in, lands on its page, and every link of its navigation and shortcuts works."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import transaction

from units.models import User

ACCOUNTS = [
    "admin",
    "tinh.caobang",
    "noivu.haquang",
    "lanhdao.haquang",
    "xa.truongha",
    "xa.ngocdao",
    "bandantoc.caobang",
    "tinh.quangtri",
    "xa.truongha2025",
    "noivu.caobang",
]
LINK = re.compile(r'href="(/[^"#?]*)"')
SKIP = ("/static/", "/media/", "/admin/", "/accounts/logout/")

# pytest-django creates the test database only when a collected test asks for it (a django_db mark or the db
# fixture); without the mark this module, run alone, reached a database with no tables.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """load_demo once for the module, rolled back at its end (each test runs in a savepoint inside)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.mark.parametrize("username", ACCOUNTS)
def test_a_demo_account_signs_in_lands_on_its_page_and_every_link_answers(client, demo, username):
    response = client.post("/accounts/login/", {"username": username, "password": "chungsuc-demo"}, follow=True)
    assert response.status_code == 200
    assert response.wsgi_request.user.username == username
    page = response.content.decode()
    assert re.search(r'id="landing-[a-z_]+"', page), "no landing page"

    # Two clicks deep from the landing page: every page a user reaches in two clicks must answer.
    seen, frontier, broken = set(), [page], []
    for _depth in range(2):
        next_frontier = []
        for html in frontier:
            for url in sorted(set(LINK.findall(html)) - seen):
                seen.add(url)
                if url.startswith(SKIP) or url.endswith((".pdf", ".xlsx", ".svg")):
                    continue
                response = client.get(url, follow=True)
                if response.status_code != 200:
                    broken.append((url, response.status_code))
                elif "text/html" in response.get("Content-Type", ""):
                    next_frontier.append(response.content.decode())
        frontier = next_frontier
    assert len(seen) > 5
    assert broken == []


def test_the_demo_accounts_hold_the_roles_the_readme_lists(demo):
    roles = {user.username: {m.role for m in user.memberships.all()} for user in User.objects.all()}
    assert roles["noivu.haquang"] == {"home_affairs"}
    assert roles["lanhdao.haquang"] == {"leader"}
    assert roles["xa.truongha"] == {"commune_officer"}
    assert roles["tinh.quangtri"] == {"province_staff"}
    assert roles["xa.truongha2025"] == {"commune_officer"}
    assert roles["noivu.caobang"] == {"home_affairs"}
    assert User.objects.get(username="admin").is_superuser
