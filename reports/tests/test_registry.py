"""Report kinds as a registry: one entry says everything about a kind, and a new kind needs no other file."""

from io import BytesIO

import pytest
from django.conf import settings as django_settings
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from reports.documents import REGISTRY, DocumentType, form_kinds
from reports.forms import ReportRequestForm
from reports.models import Report
from reports.scope import Period

pytestmark = pytest.mark.django_db

LEAFLET = "leaflet"


def leaflet_context(report: Report) -> dict:
    """The builder of the kind this test registers: a one-line document."""
    return {"report": report, "line": f"Tờ rơi {report.year} của {report.unit.name}"}


@pytest.fixture
def leaflet(settings, tmp_path, monkeypatch):
    """A kind registered by this test alone: its builder above, a template in a folder of its own."""
    (tmp_path / "leaflet").mkdir()
    (tmp_path / "leaflet" / "leaflet.html").write_text(
        '<html lang="vi"><body><p>{{ line }}</p></body></html>', encoding="utf-8"
    )
    engine = {**django_settings.TEMPLATES[0], "DIRS": [tmp_path, *django_settings.TEMPLATES[0]["DIRS"]]}
    settings.TEMPLATES = [engine, *django_settings.TEMPLATES[1:]]
    entry = DocumentType(
        LEAFLET,
        "Leaflet",
        "leaflet/leaflet.html",
        f"{__name__}.leaflet_context",
        "to-roi",
        period=lambda campaign, year: Period(LEAFLET, year, year),
        needs_year=True,
    )
    monkeypatch.setitem(REGISTRY, LEAFLET, entry)
    return entry


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def test_the_report_kind_choices_are_the_registry(leaflet):
    choices = Report._meta.get_field("kind").choices

    assert [kind for kind, _label in choices] == list(REGISTRY)
    assert (LEAFLET, "Leaflet") in choices


def test_every_registered_kind_fits_the_field_and_has_its_template_and_builder():
    built_in = {value for name, value in vars(Report.Kind).items() if name.isupper()}

    assert built_in <= set(REGISTRY)
    for entry in REGISTRY.values():
        assert len(entry.kind) <= Report._meta.get_field("kind").max_length
        assert get_template(entry.template)
        assert callable(entry.build_context)
        assert not entry.needs_year or entry.on_form


def test_the_form_offers_the_kinds_with_a_period_rule(leaflet, district_officer):
    offered = [kind for kind, _label in ReportRequestForm(user=district_officer).fields["kind"].choices]

    assert offered == [kind for kind, _label in form_kinds()]
    assert offered == ["annual", "midterm", "final", LEAFLET]


def test_a_kind_registered_in_one_entry_is_requested_built_and_listed(
    client, leaflet, district_with_plan, district_officer, django_capture_on_commit_callbacks
):
    client.force_login(district_officer)
    data = {"kind": LEAFLET, "unit": district_with_plan.district.pk, "grouping": "old"}
    assert "year" in client.post(reverse("reports:create"), data).context["form"].errors

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:create"), {**data, "year": 2024})

    report = Report.objects.get(unit=district_with_plan.district, kind=LEAFLET)
    assert (report.year, report.status, report.get_kind_display()) == (2024, Report.Status.DONE, "Leaflet")
    assert report.file.name.endswith("/to-roi-2024-huyen-thu-nghiem-v1.pdf")
    with report.file.open("rb") as handle:
        text = PdfReader(BytesIO(handle.read())).pages[0].extract_text()
    assert "Tờ rơi 2024 của Huyện Thử Nghiệm" in text
    assert "Leaflet 2024" in client.get(response.url).content.decode()
    assert "Leaflet 2024" in client.get(reverse("reports:list")).content.decode()
