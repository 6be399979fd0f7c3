"""Issue 13, the surface of a running copy: missing files, caching of private pages, error pages."""

import pytest
from django.templatetags.static import static
from django.urls import reverse

from awards.models import Award, DossierFile
from campaigns.models import Evidence, PlanAttachment
from reports.models import Report

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
