"""Issue 13, the surface of a running copy: missing files, caching of private pages, error pages."""

import pytest
from django.urls import reverse

from awards.models import DossierFile
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
