"""Hostile workbooks at the units import: each is refused next to the file field, quickly, and saves nothing.

The files are assembled part by part in units/tests/xlsx_files.py; openpyxl would never write them.
"""

import io
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from units import excel
from units.models import CodeScheme, Role, Unit
from units.tests.xlsx_files import LAUGHS_PROLOG, Shared, package, shared_strings, sheet, xxe_sheet

pytestmark = pytest.mark.django_db

HEADER = ["Kind", "Type", "Name", "Code"]
DAMAGED = "The Excel file is damaged or not laid out as the template; open it in Excel, save it again as .xlsx."
TOO_BIG = "The Excel file is too large once unpacked (at most 50 MB in 200 parts); split it into smaller files."
TOO_MANY_ROWS = "The file has more than 5,000 rows; split it into smaller files."
MB = 1024 * 1024


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def staff(make_user, tree):
    return make_user("staff", (tree.new_province, Role.PROVINCE_STAFF))


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """About 200 KB that inflate to a 200 MB shared string, used as the name of the one unit."""
    return package(sheet({1: HEADER, 2: ["Thôn", "Thôn", Shared(0)]}), bomb_size=200 * MB)


def post(client, user, parent, content: bytes):
    client.force_login(user)
    upload = SimpleUploadedFile("units.xlsx", content)
    return client.post(reverse("units:import", args=[parent.pk]), {"file": upload})


def local_units() -> int:
    return Unit.objects.filter(code_scheme=CodeScheme.LOCAL).count()


def test_a_zip_bomb_is_refused_without_inflating_it(client, staff, tree, bomb):
    before = local_units()
    assert len(bomb) < 300 * 1024
    post(client, staff, tree.new_commune, b"")  # the first request loads templates: not the upload's cost

    tracemalloc.start()
    try:
        response = post(client, staff, tree.new_commune, bomb)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < 100 * MB
    assert response.context["form"].errors["file"] == [TOO_BIG]
    assert local_units() == before


@pytest.mark.parametrize(
    "content",
    [
        package(xxe_sheet({1: HEADER, 2: ["Thôn", "Thôn", "&secret;"]})),
        package(sheet({1: HEADER, 2: ["Thôn", "Thôn", Shared(0)]}), f"{LAUGHS_PROLOG}<sst><si><t>&i;</t></si></sst>"),
        package(sheet({1: HEADER, 2: ["Thôn", "Thôn", "Thôn Nà Pồng"]})[:-30]),
        package(sheet({1: HEADER, 2: ["Thôn", "Thôn", Shared(7)]}), shared_strings("Thôn Nà Pồng")),
        package(sheet({1: HEADER, 2: ["Thôn", "Thôn", Shared(0)]}), "<sst><si><t>Thôn Nà Pồng</t></si>"),
    ],
    ids=["xxe-entity", "billion-laughs", "malformed-sheet-xml", "missing-shared-string", "malformed-shared-strings"],
)
def test_a_damaged_or_hostile_workbook_is_refused_next_to_the_field(client, staff, tree, content):
    before = local_units()

    response = post(client, staff, tree.new_commune, content)

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [DAMAGED]
    assert local_units() == before


@pytest.mark.parametrize(
    "dimension", ["A1:C10000000", None, "A1:C2"], ids=["declared", "no-dimension", "lying-dimension"]
)
def test_a_row_at_ten_million_is_refused_by_the_row_cap(client, staff, tree, dimension):
    rows = {1: HEADER, 2: ["Thôn", "Thôn", "Thôn Nà Pồng"], 10_000_000: ["Thôn", "Thôn", "Thôn Xa"]}
    before = local_units()

    response = post(client, staff, tree.new_commune, package(sheet(rows, dimension=dimension)))

    assert response.context["form"].errors["file"] == [TOO_MANY_ROWS]
    assert local_units() == before


def test_a_sheet_wider_than_the_import_reads_is_refused_before_any_row(client, staff, tree):
    rows = {1: HEADER, 2: ["Thôn", "Thôn", "Thôn Nà Pồng"]}

    response = post(client, staff, tree.new_commune, package(sheet(rows, dimension="A1:XFD2")))

    assert response.context["form"].errors["file"] == [
        "The first sheet uses more than 30 columns; remove the columns the template does not have."
    ]


def test_a_cell_of_5005_characters_is_refused_with_its_address(client, staff, tree):
    rows = {1: HEADER, 2: ["Thôn", "Thôn", "Thôn " + "A" * 5000]}

    response = post(client, staff, tree.new_commune, package(sheet(rows)))

    assert response.context["form"].errors["file"] == ["Cell C2 holds 5,005 characters; a cell may hold at most 1,000."]
    assert not Unit.objects.filter(name__startswith="Thôn AAA").exists()


def test_values_longer_than_the_model_allows_are_row_errors_and_nothing_is_saved(client, staff, tree):
    rows = {
        1: HEADER,
        2: ["Thôn", "Thôn", "Thôn Nà Pồng", "T01"],
        3: ["Thôn", "Thôn", "Thôn " + "B" * 245, ""],
        4: ["Thôn", "Thôn", "Thôn Bó Mạ", "C" * 25],
    }
    before = local_units()

    response = post(client, staff, tree.new_commune, package(sheet(rows)))

    assert [(e.row, e.column, e.message) for e in response.context["row_errors"]] == [
        (3, "Name", "Row 3: Ensure this value has at most 200 characters (it has 250)."),
        (4, "Code", "Row 4: Ensure this value has at most 20 characters (it has 25)."),
    ]
    assert local_units() == before


def test_the_import_validates_each_unit_before_saving_it(tree):
    """The last line of defence when check_rows was skipped: the model's validation, all or nothing."""
    rows = [
        excel.Row(
            number=2, values={"name": "Thôn Nà Pồng"}, kind="village", division_type="Thôn", parent=tree.new_commune
        ),
        excel.Row(number=3, values={"name": "T" * 201}, kind="village", division_type="Thôn", parent=tree.new_commune),
    ]
    before = local_units()

    with pytest.raises(ValidationError):
        excel.import_units(rows, root=tree.new_commune)

    assert local_units() == before


def test_a_zip_that_is_no_workbook_is_refused_as_damaged(client, staff, tree):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")

    response = post(client, staff, tree.new_commune, buffer.getvalue())

    assert response.context["form"].errors["file"] == [DAMAGED]


def test_a_zip_of_thousands_of_entries_is_refused_before_its_directory_is_read(client, staff, tree):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(5000):
            archive.writestr(f"xl/media/image{number}.png", b"")

    response = post(client, staff, tree.new_commune, buffer.getvalue())

    assert response.context["form"].errors["file"] == [TOO_BIG]
