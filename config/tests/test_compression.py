"""Pages are gzipped for slow links; hashed static files are cached for years, other files briefly (issue #14)."""

import gzip

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from units.models import Role

pytestmark = pytest.mark.django_db

YEAR = 365 * 24 * 3600


def max_age(response) -> int:
    directives = dict(part.strip().partition("=")[::2] for part in response["Cache-Control"].split(",") if "=" in part)
    return int(directives["max-age"])


def test_a_page_is_sent_gzipped_to_a_browser_that_accepts_it(client, make_user, tree):
    client.force_login(make_user("officer", (tree.commune, Role.COMMUNE_OFFICER)))
    url = reverse("progress:my-years")
    plain = client.get(url)
    packed = client.get(url, headers={"accept-encoding": "gzip, deflate, br"})
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    html = gzip.decompress(packed.content)
    assert b"</html>" in html and len(packed.content) < len(html)


@pytest.fixture
def collected(settings, tmp_path):
    """Production's static set-up: collectstatic into a fresh folder with the hashed, compressed manifest storage."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return Client()  # a new client loads the middleware, so WhiteNoise reads the new folder


def test_a_hashed_static_file_is_cached_for_a_year_and_sent_compressed_and_an_unhashed_one_briefly(collected):
    url = staticfiles_storage.url("css/app.css")
    assert url != "/static/css/app.css"  # named by its hash
    response = collected.get(url, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert max_age(response) >= YEAR
    assert "immutable" in response["Cache-Control"]
    assert response["Content-Encoding"] in ("gzip", "br")
    # One collectstatic (slow) serves both checks.
    response = collected.get("/static/css/app.css")
    assert response.status_code == 200
    assert max_age(response) < 24 * 3600
