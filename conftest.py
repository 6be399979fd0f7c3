"""Shared fixtures: a small unit tree, a user factory, threads released at once and the browser launch settings."""

import datetime
import os
import shutil
import threading

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connections
from django.urls import reverse
from django.utils import timezone

from units.models import CodeScheme, Kind, Lineage, Membership, Role, Unit, User

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API + ORM calls in tests

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")  # Debian's chromium package
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "chungsuc-test"


@pytest.fixture(autouse=True)
def empty_local_cache():
    """Each test starts with an empty local-memory cache, as a new server would: the database is rolled back after
    each test, so a pk comes back in the next one, and a plan's cached page parts (campaigns.plans.page_parts) are
    keyed by pk and version. A shared cache (Redis in CI's worker tests) is left alone."""
    if isinstance(caches["default"], LocMemCache):
        caches["default"].clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


def pytest_collection_modifyitems(config, items):
    """Skip browser tests where Chromium is missing, so a plain `pytest` still passes.

    `make test` installs Chromium first, so CI always runs them.
    """
    if shutil.which(CHROMIUM):
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not found (make test installs it)")
    for item in items:
        if "page" in getattr(item, "fixturenames", ()):
            item.add_marker(skip)


@pytest.fixture
def at_once(transactional_db):
    """Run `work(i)` for i in range(n) in n threads released together; their results in order.

    Each thread has its own database connection, as each request of a server does, so the test sees the
    real locking of the database (on SQLite a file: config/test_settings.py). The data must be committed,
    hence transactional_db (its flush also removes the rows data migrations loaded). Errors in
    the threads are raised together.
    """

    def run(work, n):
        barrier = threading.Barrier(n)
        results, errors = [None] * n, []

        def thread(i):
            try:
                barrier.wait(timeout=30)
                results[i] = work(i)
            except Exception as error:
                errors.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=thread, args=(i,)) for i in range(n)]
        for each in threads:
            each.start()
        for each in threads:
            each.join(timeout=120)
        if errors:
            raise ExceptionGroup(f"{len(errors)} of {n} threads failed", errors)
        return results

    return run


@pytest.fixture
def make_unit(db):
    """Factory: make_unit("Xã Một", Kind.COMMUNE, parent=district, code="00001", ...)."""

    def make(name, kind, parent=None, **fields):
        division_type = fields.pop("division_type", name.split(" ")[0])
        return Unit.objects.create(name=name, kind=kind, parent=parent, division_type=division_type, **fields)

    return make


@pytest.fixture
def make_user(db):
    """Factory: make_user("name", (unit, Role.X), (unit2, Role.Y))."""

    def make(username, *memberships, **fields):
        user = User.objects.create_user(username, password=PASSWORD, **fields)
        for unit, role in memberships:
            Membership.objects.create(user=user, unit=unit, role=role)
        return user

    return make


@pytest.fixture
def tree(make_unit):
    """Two provinces; one with a district, two communes and a village, and its 2025 successor."""
    legacy = {"code_scheme": CodeScheme.LEGACY, "valid_to": datetime.date(2025, 6, 30)}
    province = make_unit("Tỉnh Một", Kind.PROVINCE, code="01", **legacy)
    district = make_unit("Huyện Hai", Kind.DISTRICT, province, code="001", **legacy)
    commune = make_unit("Xã Trường Hà", Kind.COMMUNE, district, code="00001", **legacy)
    neighbour = make_unit("Xã Ngọc Đào", Kind.COMMUNE, district, code="00002", **legacy)
    village = make_unit("Xóm Một", Kind.VILLAGE, commune)
    other_province = make_unit("Tỉnh Khác", Kind.PROVINCE, code="02", **legacy)
    other_commune = make_unit(
        "Xã Xa",
        Kind.COMMUNE,
        make_unit("Huyện Xa", Kind.DISTRICT, other_province, code="002", **legacy),
        code="00003",
        **legacy,
    )
    new = {"code_scheme": CodeScheme.Y2025, "valid_from": datetime.date(2025, 7, 1)}
    new_province = make_unit("Tỉnh Một", Kind.PROVINCE, code="01", **new)
    new_commune = make_unit("Xã Trường Hà", Kind.COMMUNE, new_province, code="00001", **new)
    Lineage.objects.create(predecessor=province, successor=new_province)
    Lineage.objects.create(predecessor=commune, successor=new_commune)
    Lineage.objects.create(predecessor=neighbour, successor=new_commune)
    return type("Tree", (), locals())


@pytest.fixture
def officer(make_user, tree):
    return make_user("officer", (tree.commune, Role.COMMUNE_OFFICER))


@pytest.fixture
def reviewer(make_user, tree):
    return make_user("reviewer", (tree.district, Role.HOME_AFFAIRS))


@pytest.fixture
def outsider(make_user, tree):
    return make_user("outsider", (tree.other_province, Role.PROVINCE_STAFF))


@pytest.fixture
def clock(monkeypatch):
    """Sets the app's today: clock(datetime.date(2024, 12, 16)) makes timezone.now() and localdate() run from
    9:00 that day on, still moving forward so that what is done later in the test is stamped later."""
    real_now = timezone.now

    def set_day(day: datetime.date) -> None:
        started = real_now()
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
        monkeypatch.setattr(timezone, "now", lambda: moment + (real_now() - started))

    return set_day


def browser_sign_in(browser, live_server, password: str):
    """A sign-in factory: open(username, viewport=…) → a page of a fresh browser context signed in with
    `password`; `close()` closes every context it opened."""
    contexts = []

    def open_page(username, viewport=None):
        context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        page.goto(live_server.url + reverse("login"))
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        with page.expect_navigation():
            page.click("button[type=submit]")
        return page

    open_page.close = lambda: [context.close() for context in contexts]
    return open_page


@pytest.fixture
def sign_in(browser, live_server):
    """sign_in(username, viewport=…) → a page signed in as a test user (password PASSWORD); closed at the end."""
    open_page = browser_sign_in(browser, live_server, PASSWORD)
    yield open_page
    open_page.close()


@pytest.fixture
def demo_sign_in(browser, live_server):
    """demo_sign_in(username, viewport=…) → a page signed in as a demo account; closed at the end."""
    from units.demo import DEMO_PASSWORD

    open_page = browser_sign_in(browser, live_server, DEMO_PASSWORD)
    yield open_page
    open_page.close()
