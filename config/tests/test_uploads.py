"""Every upload form refuses a file of the wrong type (by its content) or over MAX_UPLOAD_SIZE, with a form
error, and saves nothing: no row, no file, no other field of the same POST.

Each form also takes a good file, so that a refusal here is the check at work and not a broken request.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from awards.models import DossierFile, Nomination, NominationComment
from campaigns.assessments.services import get_or_start_assessment
from campaigns.models import Assessment, AssessmentComment, Evidence, Plan, PlanAttachment
from config.tests.security_helpers import EXE, PDF, filled_assessment_template, post_form_fields
from units.demo import LEGACY, Y2025, demo_unit
from units.models import Unit, User

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LIMIT = 8192  # MAX_UPLOAD_SIZE in these tests: bigger than the good files, smaller than the big ones


@dataclass
class Form:
    """One upload form: who posts it where, with which other fields, and what an upload would change.

    The file factories take the signed-in client: the assessment import's good file is the district's
    own template, downloaded and filled in.
    """

    username: str
    url: Callable[[], str]
    field: str
    good: Callable[[Client], SimpleUploadedFile]
    wrong_type: Callable[[Client], SimpleUploadedFile]
    too_big: Callable[[Client], SimpleUploadedFile]
    rows: Callable[[], object]  # anything that changes when the upload is saved
    data: Callable[[Client, str], dict] = lambda client, url: {}


def pdf(name="bien-ban.pdf", content=PDF, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def exe_as(name: str, content_type: str):
    """A Windows program renamed to look like the expected file, with the browser's content type to match."""
    return SimpleUploadedFile(name, EXE, content_type=content_type)


def big_pdf(client=None):
    return pdf(content=PDF + b"0" * (LIMIT * 2))


def xlsx(content: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=XLSX_TYPE)


def workbook(rows: list[list]) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return xlsx(buffer.getvalue(), "units.xlsx")


def padded(upload: SimpleUploadedFile) -> SimpleUploadedFile:
    """The same workbook with bytes after its end (a zip reader skips them), so that it passes LIMIT."""
    return SimpleUploadedFile(upload.name, upload.read() + b"\0" * LIMIT, content_type=upload.content_type)


def trường_hà() -> Unit:
    return demo_unit((LEGACY, "01399"))


def hà_quảng() -> Unit:
    return demo_unit((LEGACY, "045"))


def page_fields(client, url: str) -> dict:
    """What the page's own form would post: every field with its current value."""
    fields = post_form_fields(client.get(url).content.decode(), url)
    return {f.name: f.value for f in fields if f.type not in ("file", "submit") and (f.value or f.type != "checkbox")}


# Units import: a village under Trường Hà.
UNIT_ROWS = [["Kind", "Type", "Name", "Notes"], ["Thôn", "Thôn", "Thôn Nà Pồng", ""]]
# Assessments import: the district's own 2024 template, every open commune's criteria marked 1.
ASSESSMENT_YEAR = 2024


def filled_template(client) -> SimpleUploadedFile:
    template = client.get(reverse("dashboards:template", args=[hà_quảng().pk, ASSESSMENT_YEAR])).content
    return xlsx(filled_assessment_template(template), "assessments.xlsx")


def assessment_state():
    return list(
        Assessment.objects.filter(unit__parent=hà_quảng(), year=ASSESSMENT_YEAR)
        .order_by("pk")
        .values_list("pk", "version", "criteria_met", "note")
    )


FORMS = {
    "evidence": Form(
        username="xa.truongha",
        url=lambda: reverse("progress:my-year", args=[trường_hà().pk, 2024]),
        field="year_file",
        good=lambda client: pdf(),
        wrong_type=lambda client: exe_as("bien-ban.pdf", "application/pdf"),
        too_big=big_pdf,
        rows=lambda: (
            Evidence.objects.count(),
            list(Assessment.objects.filter(unit=trường_hà()).values_list("version", "note")),
        ),
        data=lambda client, url: page_fields(client, url) | {"note": "Ghi chú mới"},
    ),
    "dossier": Form(
        username="xa.truongha",
        url=lambda: reverse(
            "awards:upload",
            args=[Nomination.objects.get(proposing_unit=trường_hà(), status=Nomination.Status.RETURNED).pk],
        ),
        field="file",
        good=lambda client: pdf("to-trinh.pdf"),
        wrong_type=lambda client: exe_as("to-trinh.pdf", "application/pdf"),
        too_big=big_pdf,
        rows=lambda: DossierFile.objects.count(),
        data=lambda client, url: {"part": "related_documents", "title": "Tờ trình"},
    ),
    "nomination comment": Form(
        username="xa.truongha",
        url=lambda: reverse(
            "awards:comment",
            args=[Nomination.objects.get(proposing_unit=trường_hà(), status=Nomination.Status.RETURNED).pk],
        ),
        field="attachment",
        good=lambda client: pdf("bien-ban.pdf"),
        wrong_type=lambda client: exe_as("bien-ban.pdf", "application/pdf"),
        too_big=big_pdf,
        rows=lambda: NominationComment.objects.count(),
        data=lambda client, url: {"text": "Xã gửi kèm biên bản."},
    ),
    "assessment comment": Form(
        username="xa.truongha",
        url=lambda: reverse(
            # The year the evidence form writes to, started as the officer's first visit would.
            "progress:comment",
            args=[get_or_start_assessment(trường_hà(), 2024, by=User.objects.get(username="xa.truongha")).pk],
        ),
        field="attachment",
        good=lambda client: pdf("bien-ban.pdf"),
        wrong_type=lambda client: exe_as("bien-ban.pdf", "application/pdf"),
        too_big=big_pdf,
        rows=lambda: AssessmentComment.objects.count(),
        data=lambda client, url: {"text": "Xã gửi kèm biên bản."},
    ),
    "plan attachment": Form(
        username="noivu.haquang",
        url=lambda: reverse("campaigns:attachment-upload", args=[Plan.objects.get(issuing_unit=hà_quảng()).pk]),
        field="file",
        good=lambda client: pdf("ke-hoach.pdf"),
        wrong_type=lambda client: exe_as("ke-hoach.pdf", "application/pdf"),
        too_big=big_pdf,
        rows=lambda: PlanAttachment.objects.count(),
        data=lambda client, url: {"kind": PlanAttachment.Kind.SIGNED_ORIGINAL, "title": "Bản ký"},
    ),
    "units import": Form(
        # Into the commune formed on 01/07/2025: the legacy one has ended and takes no new units.
        username="tinh.caobang",
        url=lambda: reverse("units:import", args=[demo_unit((Y2025, "01392")).pk]),
        field="file",
        good=lambda client: workbook(UNIT_ROWS),
        wrong_type=lambda client: exe_as("units.xlsx", XLSX_TYPE),
        too_big=lambda client: padded(workbook(UNIT_ROWS)),
        rows=lambda: Unit.objects.count(),
    ),
    "assessments import": Form(
        username="noivu.haquang",
        url=lambda: reverse("dashboards:upload", args=[hà_quảng().pk, ASSESSMENT_YEAR]),
        field="file",
        good=filled_template,
        wrong_type=lambda client: exe_as("assessments.xlsx", XLSX_TYPE),
        too_big=lambda client: padded(filled_template(client)),
        rows=assessment_state,
    ),
}


def media_files(root) -> list[Path]:
    return sorted(path for path in Path(root).rglob("*") if path.is_file())


@pytest.fixture
def small_uploads(settings):
    settings.MAX_UPLOAD_SIZE = LIMIT


def prepare(client, demo, name: str) -> tuple[str, dict]:
    """Signed in as the form's user, its URL and other fields (reading the page may start a year)."""
    form = FORMS[name]
    client.force_login(demo.users[form.username])
    url = form.url()
    return url, form.data(client, url)


@pytest.mark.parametrize("name", FORMS)
def test_an_upload_form_takes_a_good_file(name, demo, client):
    form = FORMS[name]
    url, data = prepare(client, demo, name)
    upload = form.good(client)
    before = form.rows()

    response = client.post(url, {**data, form.field: upload})

    assert response.status_code == 302, response.context and response.context["form"].errors
    assert form.rows() != before


@pytest.mark.parametrize("kind", ["wrong_type", "too_big"])
@pytest.mark.parametrize("name", FORMS)
def test_an_upload_form_refuses_a_wrong_or_too_big_file_and_saves_nothing(name, kind, demo, client, small_uploads):
    form = FORMS[name]
    url, data = prepare(client, demo, name)
    upload = getattr(form, kind)(client)
    before, files_before = form.rows(), media_files(demo.media)

    response = client.post(url, {**data, form.field: upload})

    assert response.status_code == 200
    assert form.field in response.context["form"].errors, response.context["form"].errors
    assert form.rows() == before
    assert media_files(demo.media) == files_before


# A real PDF under a name that would make the download a web page (file responses take their content type
# from the name): the content check alone does not stop it.
FILE_FORMS = ["evidence", "dossier", "plan attachment", "nomination comment", "assessment comment"]


@pytest.mark.parametrize("name", FILE_FORMS)
def test_a_file_form_refuses_good_content_under_a_name_of_another_type(name, demo, client):
    form = FORMS[name]
    url, data = prepare(client, demo, name)
    before = form.rows()

    response = client.post(url, {**data, form.field: pdf("bao-cao.html", PDF + b"<h1>x</h1>", "text/html")})

    assert response.status_code == 200
    assert form.field in response.context["form"].errors
    assert form.rows() == before


@pytest.mark.parametrize("name", FORMS)
def test_the_too_big_file_of_each_form_is_over_the_limit_and_the_good_one_under_it(name, demo, client):
    form = FORMS[name]
    prepare(client, demo, name)
    assert form.too_big(client).size > LIMIT >= form.good(client).size
