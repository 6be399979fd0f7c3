import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook
from pytest_django.asserts import assertContains, assertRedirects

from units import excel
from units.models import CodeScheme, Kind, Role, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are asserted in English (the msgids), whatever the Vietnamese catalogue says."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


HEADERS = ["Kind", "Type", "Name", "Code", "Parent", "Valid from", "Mountainous", "Ethnic-minority area", "Notes"]


def xlsx(rows, headers=HEADERS, name="units.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def staff(make_user, tree):
    return make_user("staff", (tree.new_province, Role.PROVINCE_STAFF))


def upload(client, user, parent, file):
    client.force_login(user)
    return client.post(reverse("units:import", args=[parent.pk]), {"file": file})


GOOD_ROWS = [
    ["thôn", "", "Thôn Nà Pồng", "T01", "", "01/01/2020", "x", "có", "a note"],
    ["Xóm", "Xóm", "Xóm Bó Mạ", "", "", datetime.datetime(2021, 3, 15), "", "1", ""],
    ["bản", "", "Bản Giốc", "", "", "", "yes", "", ""],
    ["agency", "Ban", "Ban Chỉ đạo NTM xã", "BCD", "", "", "", "", ""],
    ["cơ quan", "Phòng", "Tổ giúp việc", "", "BCD", "", "", "", ""],  # under the agency above, by code
    ["HTX", "", "HTX Chè Shan", "", "", "", "", "", ""],
    ["doanh nghiệp", "Công ty", "Công ty Cổ phần Hà Quảng", "", "", "", "", "", ""],
]


def test_a_good_file_imports_every_row_with_its_parent(client, staff, tree):
    response = upload(client, staff, tree.new_commune, xlsx(GOOD_ROWS))

    assertRedirects(response, reverse("units:detail", args=[tree.new_commune.pk]))
    created = {u.name: u for u in Unit.objects.filter(code_scheme=CodeScheme.LOCAL)}
    assert len(created) == 8  # the tree's Xóm Một and the 7 rows
    village = created["Thôn Nà Pồng"]
    assert (village.kind, village.division_type, village.code, village.parent) == (
        Kind.VILLAGE,
        "Thôn",
        "T01",
        tree.new_commune,
    )
    assert village.valid_from == datetime.date(2020, 1, 1)
    assert village.is_mountainous and village.is_ethnic_minority_area and not village.is_border
    assert created["Xóm Bó Mạ"].valid_from == datetime.date(2021, 3, 15)
    assert created["Xóm Bó Mạ"].is_ethnic_minority_area and not created["Xóm Bó Mạ"].is_mountainous
    assert created["Bản Giốc"].division_type == "Bản"
    assert created["Tổ giúp việc"].parent == created["Ban Chỉ đạo NTM xã"]
    assert created["Tổ giúp việc"].path.startswith(tree.new_commune.path)
    assert created["HTX Chè Shan"].kind == Kind.COOPERATIVE
    assert created["Công ty Cổ phần Hà Quảng"].kind == Kind.ENTERPRISE
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Imported 7 units."]


def test_a_row_may_name_an_existing_unit_as_its_parent(client, staff, tree, make_unit):
    agency = make_unit("Ban Quản lý", Kind.AGENCY, tree.new_commune)

    upload(client, staff, tree.new_province, xlsx([["agency", "Phòng", "Phòng Một", "", "ban quan ly"]]))

    assert Unit.objects.get(name="Phòng Một").parent == agency


def test_one_bad_row_among_good_ones_imports_nothing_and_names_the_row(client, staff, tree):
    rows = [*GOOD_ROWS[:2], ["xyz", "", "Thôn Lạ", "", ""], *GOOD_ROWS[2:]]
    before = Unit.objects.count()

    response = upload(client, staff, tree.new_commune, xlsx(rows))

    assert response.status_code == 200
    assert Unit.objects.count() == before
    assert [(e.row, e.column, e.message) for e in response.context["row_errors"]] == [
        (4, "Unit kind", "Row 4: unknown kind 'xyz'")
    ]
    assertContains(response, "Row 4: unknown kind &#x27;xyz&#x27;")


def check(rows, root, user, headers=HEADERS):
    return [e.message for e in excel.check_rows(excel.read_workbook(xlsx(rows, headers)), root=root, user=user)]


def test_every_row_problem_is_reported_with_its_row_number(staff, tree):
    rows = [
        ["village", "Thôn", "Thôn Một"],
        ["village", "Thôn", ""],
        ["village", "Sở", "Thôn Hai"],
        ["village", "Thôn", "thon mot"],
        ["village", "Thôn", "Thôn Ba", "", "ABC"],
        ["village", "Thôn", "Thôn Bốn", "", "", "31/02/2024", "maybe"],
        ["province", "Tỉnh", "Tỉnh Mới"],
        ["", "", "Không loại"],
    ]

    assert check(rows, tree.new_commune, staff) == [
        "Row 3: name is required",
        "Row 4: type 'Sở' does not fit kind village",
        "Row 5: duplicate of row 2",
        "Row 6: parent 'ABC' not found",
        "Row 7: '31/02/2024' is not a date (dd/mm/yyyy)",
        "Row 7: write x or leave empty, not 'maybe'",
        "Row 8: unknown kind 'province'",
        "Row 9: kind is required",
    ]


def test_a_unit_that_already_exists_or_a_taken_code_is_refused(staff, tree, make_unit):
    make_unit("Thôn Cũ", Kind.VILLAGE, tree.new_commune, code="T09")

    assert check([["village", "Thôn", "Thôn Cũ"], ["village", "Thôn", "Thôn Mới", "T09"]], tree.new_commune, staff) == [
        "Row 2: Thôn Cũ already exists under Xã Trường Hà",
        "Row 3: code T09 is already used",
    ]


def test_a_row_cannot_be_placed_where_its_kind_does_not_fit_or_the_user_may_not_add_it(make_user, tree):
    officer = make_user("officer.new", (tree.new_commune, Role.COMMUNE_OFFICER))
    rows = [
        ["village", "Thôn", "Thôn Một"],
        ["agency", "Ban", "Ban Một"],
        ["village", "Thôn", "Thôn Con", "", "Thôn Một"],
    ]

    assert check(rows, tree.new_commune, officer) == [
        "Row 3: you may not add units of kind agency under Xã Trường Hà",
        "Row 4: kind village cannot be placed under Thôn Một",
    ]


def test_a_row_under_a_unit_that_has_ended_is_refused_in_the_parent_column(staff, tree):
    rows = [["village", "Thôn", "Thôn Mới", "", "Xã Trường Hà"]]
    root = tree.district  # the legacy Xã Trường Hà is the only one below the abolished district

    errors = excel.check_rows(excel.read_workbook(xlsx(rows)), root=root, user=staff)

    assert [(e.row, e.column, e.message) for e in errors] == [
        (2, "Parent", "Row 2: Xã Trường Hà ended on 30/06/2025; add new units under the unit that succeeded it")
    ]


def test_vietnamese_headers_are_understood(staff, tree):
    rows = excel.read_workbook(
        xlsx(
            [["Thôn", "", "Thôn Việt", "", "", "", "x"]],
            headers=["Loại", "Loại hình", "Tên", "Mã", "Đơn vị cấp trên", "Từ ngày", "Miền núi"],
        )
    )

    assert excel.check_rows(rows, root=tree.new_commune, user=staff) == []
    assert rows[0].values["is_mountainous"] == "x"


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("units.csv", b"kind,name\nvillage,Thon"), "Upload an Excel file (.xlsx)."),
        (
            SimpleUploadedFile("units.xlsx", b"kind,name\nvillage,Thon"),
            "This file is not a valid Excel workbook (.xlsx).",
        ),
        (SimpleUploadedFile("units.xlsx", b""), "The submitted file is empty."),
        (xlsx([]), "The file has no rows to import."),
        (
            xlsx([["village", "Thôn"]], headers=["Kind", "Type"]),
            "The first row must hold the column headers; missing: Name.",
        ),
    ],
    ids=["csv", "not-a-workbook", "empty-file", "headers-only", "no-name-column"],
)
def test_a_file_that_cannot_be_read_is_refused_next_to_the_field(client, staff, tree, file, message):
    before = Unit.objects.count()

    response = upload(client, staff, tree.new_commune, file)

    assert response.context["form"].errors["file"] == [message]
    assert Unit.objects.count() == before


def test_a_file_with_more_than_5000_rows_is_refused(client, staff, tree):
    rows = [["village", "Thôn", f"Thôn {n}"] for n in range(excel.MAX_ROWS + 1)]

    response = upload(client, staff, tree.new_commune, xlsx(rows))

    assert response.context["form"].errors["file"] == [
        "The file has more than 5,000 rows; split it into smaller files."
    ]
    assert not Unit.objects.filter(name="Thôn 1").exists()


def test_a_file_over_the_upload_limit_is_refused(client, staff, tree, settings):
    settings.MAX_UPLOAD_SIZE = 1000

    response = upload(client, staff, tree.new_commune, xlsx(GOOD_ROWS))

    assert response.context["form"].errors["file"][0].startswith("The file is too large")


def test_the_template_downloads_and_imports_once_filled(client, staff, tree):
    client.force_login(staff)
    response = client.get(reverse("units:import-template"))

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.sheetnames) == 2
    allowed = [row[0] for row in workbook.worksheets[1].iter_rows(min_row=2, values_only=True)]
    assert allowed == ["Village", "Agency", "Enterprise", "Cooperative", "Other organisation"]
    sheet = workbook.worksheets[0]
    sheet.append(["Agency", "Ban", "Ban Chỉ đạo", "", "", "01/07/2025"])
    sheet.append(["Agency", "Phòng", "Tổ thư ký", "", "Ban Chỉ đạo"])
    filled = io.BytesIO()
    workbook.save(filled)

    response = upload(client, staff, tree.new_commune, SimpleUploadedFile("filled.xlsx", filled.getvalue()))

    assertRedirects(response, reverse("units:detail", args=[tree.new_commune.pk]))
    example = Unit.objects.get(parent=tree.new_commune, kind=Kind.VILLAGE)  # the example row, kept in
    assert example.is_mountainous
    assert Unit.objects.get(name="Tổ thư ký").parent.name == "Ban Chỉ đạo"


def test_someone_who_may_add_nothing_here_cannot_import(client, reviewer, tree):
    response = upload(client, reviewer, tree.commune, xlsx(GOOD_ROWS))

    assert response.status_code == 403


# In the browser


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_import_page_lists_the_row_errors(page, live_server, staff, tree, tmp_path):
    from units.tests.test_unit_views import shot, sign_in

    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(xlsx([*GOOD_ROWS[:3], ["xyz", "", "Thôn Lạ"], ["village", "Thôn", ""]]).read())
    sign_in(page, live_server, staff)
    page.goto(live_server.url + reverse("units:import", args=[tree.new_commune.pk]))

    page.set_input_files("#id_file", str(bad))
    with page.expect_navigation():
        page.click("#import-form button[type=submit]")

    assert page.locator("#row-errors tbody tr").count() == 2
    assert page.locator("#row-errors tbody tr td").first.inner_text() == "5"
    assert "'xyz'" in page.locator("#row-errors").inner_text()
    shot(page, "units-import-errors.png")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_template_uploaded_as_downloaded_imports_without_errors(client, staff, tree, language):
    client.force_login(staff)
    with translation.override(language):
        template = client.get(reverse("units:import-template"), HTTP_ACCEPT_LANGUAGE=language).content
        headers = [cell.value for cell in load_workbook(io.BytesIO(template)).worksheets[0][1]]
        assert len(set(headers)) == len(headers)  # no two columns share a header
        rows = excel.read_workbook(SimpleUploadedFile("template.xlsx", template))

        assert excel.check_rows(rows, root=tree.new_commune, user=staff) == []
    response = upload(client, staff, tree.new_commune, SimpleUploadedFile("template.xlsx", template))
    assertRedirects(response, reverse("units:detail", args=[tree.new_commune.pk]))
    assert Unit.objects.get(parent=tree.new_commune, kind=Kind.VILLAGE).division_type == "Thôn"
