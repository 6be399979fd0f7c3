"""Issue 13, the surface of a running copy: missing files, caching of private pages, error pages."""

import os
import re
import subprocess
import sys
import unicodedata

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.db.models import CharField
from django.templatetags.static import static
from django.test import Client
from django.urls import reverse

from awards.models import Award, DossierFile
from campaigns.models import Evidence, Plan, PlanAttachment
from reports.models import Report
from units.text import CleanNames

pytestmark = pytest.mark.django_db

DOWNLOADS = {
    "campaigns:attachment": PlanAttachment,
    "progress:evidence": Evidence,
    "awards:file": DossierFile,
    "reports:download": Report,
}


@pytest.mark.parametrize("name", DOWNLOADS)
def test_a_download_whose_file_is_there_serves_it(demo, client, name):
    record = DOWNLOADS[name].objects.exclude(file="").order_by("pk").last()
    client.force_login(demo.users["admin"])

    response = client.get(reverse(name, args=[record.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("name", DOWNLOADS)
def test_a_download_whose_file_is_missing_from_media_root_answers_not_found(demo, client, settings, tmp_path, name):
    record = DOWNLOADS[name].objects.exclude(file="").order_by("pk").last()
    settings.MEDIA_ROOT = tmp_path / "restored-without-media"
    client.force_login(demo.users["admin"])

    response = client.get(reverse(name, args=[record.pk]))

    assert response.status_code == 404


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.mark.parametrize("name", ["home", "units:browse", "reports:list"])
def test_pages_shown_to_a_signed_in_user_are_never_stored(demo, client, name):
    client.force_login(demo.users["xa.truongha"])

    response = client.get(reverse(name))

    assert response.status_code == 200
    assert {"no-store", "private"} <= cache_control(response)


def test_a_file_downloaded_by_a_signed_in_user_is_never_stored(demo, client):
    record = PlanAttachment.objects.order_by("pk").last()
    client.force_login(demo.users["admin"])

    response = client.get(reverse("campaigns:attachment", args=[record.pk]))

    assert {"no-store", "private"} <= cache_control(response)


def test_static_files_keep_their_caching_for_a_signed_in_user(demo, client):
    client.force_login(demo.users["xa.truongha"])

    response = client.get(static("css/app.css"))

    assert response.status_code == 200
    assert "no-store" not in cache_control(response)


def test_the_public_verification_page_is_not_marked_no_store_for_anonymous_visitors(demo, client):
    award = Award.objects.order_by("pk").first()

    response = client.get(reverse("awards:verify", args=[award.verification_token]))

    assert response.status_code == 200
    assert "no-store" not in cache_control(response)


def assert_error_page_in_the_layout(response, status: int, vietnamese: str) -> str:
    page = response.content.decode()
    assert response.status_code == status
    assert f'data-status="{status}"' in page
    assert 'lang="vi"' in page
    assert vietnamese in page
    assert "app-navbar" in page and "app-footer" in page  # the app's layout, not a bare page
    return page


def test_an_unknown_address_gets_the_vietnamese_not_found_page(demo, client):
    client.force_login(demo.users["xa.truongha"])

    response = client.get("/no-such-page/")

    assert_error_page_in_the_layout(response, 404, "Không tìm thấy trang")


def test_an_object_of_another_unit_gets_the_same_not_found_page(demo, client):
    client.force_login(demo.users["xa.truongha"])
    other = PlanAttachment.objects.filter(plan__issuing_unit__name__contains="Quảng Trị").first()

    response = client.get(reverse("campaigns:attachment", args=[other.pk]))

    assert_error_page_in_the_layout(response, 404, "Không tìm thấy trang")


@pytest.mark.urls("config.tests.error_urls")
def test_a_refused_action_gets_the_vietnamese_forbidden_page(demo, client):
    client.force_login(demo.users["xa.truongha"])

    response = client.get("/test-errors/denied/")

    page = assert_error_page_in_the_layout(response, 403, "Không có quyền truy cập")
    assert "403 Forbidden" not in page


@pytest.mark.urls("config.tests.error_urls")
def test_a_server_error_gets_the_vietnamese_error_page_without_the_exception(demo, client, caplog):
    client.raise_request_exception = False
    client.force_login(demo.users["xa.truongha"])

    response = client.get("/test-errors/broken/")

    page = assert_error_page_in_the_layout(response, 500, "Đã xảy ra lỗi")
    assert "secret detail" not in page and "RuntimeError" not in page
    assert "secret detail" in caplog.text  # the operator still finds it in the log


def test_a_form_posted_without_its_csrf_token_gets_the_vietnamese_expired_form_page(demo):
    client = Client(enforce_csrf_checks=True)
    client.force_login(demo.users["xa.truongha"])

    response = client.post(reverse("reports:create"), {})

    page = assert_error_page_in_the_layout(response, 403, "Biểu mẫu đã hết hạn")
    assert "Forbidden" not in page and "CSRF verification failed" not in page


MAKE_RUN_PROBE = """
from django.conf import settings
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
page = client.get("/no-such-page/")
css = client.get("/static/css/app.css")
print(settings.DEBUG, page.status_code, "Không tìm thấy trang" in page.content.decode(), css.status_code)
"""


def test_make_run_shows_the_friendly_not_found_page_and_still_serves_static_files(tmp_path):
    """`make run` has no variables set: the embedded default must not show Django's debug pages."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS")
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", MAKE_RUN_PROBE],
        cwd=django_settings.BASE_DIR,
        env={**environment, "DJANGO_SETTINGS_MODULE": "config.settings", "SQLITE_PATH": str(tmp_path / "db.sqlite3")},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-4:] == ["False", "404", "True", "200"]


NAME_FIELD = re.compile(r"^(name|title|heading|short_name|full_name|first_name|last_name|.+_name|.+_title)$")


def name_fields(model) -> set[str]:
    return {
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, CharField) and field.editable and not field.choices and NAME_FIELD.match(field.name)
    }


def test_every_name_and_title_field_of_the_apps_is_cleaned_on_every_write():
    """A new model with a name or a title cleans it too (units.text.CleanNames), or this test names it."""
    uncleaned = {
        model.__name__: name_fields(model) - set(getattr(model, "clean_name_fields", ()))
        for app in ("units", "campaigns", "awards", "reports")
        for model in apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical")  # simple_history's copies: written from the cleaned row
    }
    assert {name: fields for name, fields in uncleaned.items() if fields} == {}
    assert all(issubclass(model, CleanNames) for model in apps.get_models() if getattr(model, "clean_name_fields", ()))


def test_a_plan_title_keeps_its_diacritics_and_loses_a_right_to_left_override(demo):
    plan = Plan.objects.order_by("pk").first()
    plan.title = "\u202e" + unicodedata.normalize("NFD", "Phong trào chung sức") + "\u200b"
    plan.save(update_fields=["title"])

    plan.refresh_from_db()
    assert plan.title == "Phong trào chung sức"
