"""Random workbooks through the two Excel imports: units (units/excel.py) and assessments
(campaigns/dashboards/excel.py), posted through the real upload pages.

Headers may be missing, misspelt, shuffled or joined by extra columns; cells hold text, numbers, dates,
booleans, formulas or nothing. Never a server error, and all or nothing: either every row of the file is
imported or nothing changed. Each example runs in a savepoint rolled back after it.
"""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from campaigns.dashboards import excel as excel_assessments
from campaigns.dashboards.views import criteria_for
from campaigns.models import Assessment, CriterionResult
from config.tests.security_helpers import filled_assessment_template
from units import excel
from units.demo import LEGACY, Y2025, demo_unit
from units.models import CodeScheme, Kind, Unit

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
YEAR = 2024
FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,  # the same workbooks on every run: CI stays deterministic
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Text an xlsx can hold (openpyxl refuses control characters, as Excel does).
text = st.text(max_size=30).map(lambda value: ILLEGAL_CHARACTERS_RE.sub("", value))
anything = st.one_of(
    st.none(),
    text,
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 1, 1)),
    st.datetimes(datetime.datetime(1900, 1, 1), datetime.datetime(2100, 1, 1)),
    st.sampled_from(["=1/0", "=A1", "=SUM(A1:A3)", "#N/A", " ", "x" * 300]),
)


def workbook_bytes(rows: list[list], *, blank_sheet_first: bool = False) -> bytes:
    book = Workbook()
    sheet = book.active
    if blank_sheet_first:
        sheet = book.create_sheet("Data")
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(content: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=XLSX_TYPE)


def post(client, url: str, content: bytes, name: str):
    try:
        return client.post(url, {"file": upload(content, name)})
    except Exception as error:  # the test client re-raises what the view raised: a 500
        pytest.fail(f"{type(error).__name__}: {error}")


# ---------------------------------------------------------------------------------------------------------
# Units

UNIT_HEADERS = [
    "Kind",
    "Loại",
    "Type",
    "Loại hình",
    "Name",
    "Tên",
    "Tên đơn vị",
    "Code",
    "Mã",
    "Parent",
    "Đơn vị cấp trên",
    "Valid from",
    "Từ ngày",
    "Mountainous",
    "Border",
    "DTTS",
    "Notes",
]
unit_cell = st.one_of(
    anything,
    st.sampled_from(["Thôn", "Xóm", "thôn", "village", "HTX", "Ban", "Phòng", "agency", "Doanh nghiệp", "Tỉnh"]),
    st.sampled_from(["x", "có", "1", "không", "01/01/2020", "31/02/2020", "Thôn A", "Thôn B", "T01", "T01"]),
    st.integers(1, 30).map(lambda n: f"Thôn Mới {n}"),
)
unit_sheets = st.tuples(
    st.lists(st.one_of(st.sampled_from(UNIT_HEADERS), anything), max_size=12),
    st.lists(st.lists(unit_cell, max_size=13), max_size=8),
    st.booleans(),
)


def units_under(root: Unit) -> list:
    return list(Unit.objects.within(root).order_by("pk").values_list("pk", "name", "kind", "code", "parent_id"))


@pytest.mark.parametrize("username", ["xa.truongha"])
@FUZZ
@given(sheet=unit_sheets)
def test_a_random_units_workbook_imports_every_row_or_none(username, sheet, demo, client):
    headers, rows, headerless = sheet
    content = workbook_bytes(rows if headerless else [headers, *rows])
    root = demo_unit((LEGACY, "01399"))
    client.force_login(demo.users[username])
    with transaction.atomic():
        before = units_under(root)
        response = post(client, reverse("units:import", args=[root.pk]), content, "units.xlsx")
        event(f"HTTP {response.status_code}")  # shown by --hypothesis-show-statistics
        after = units_under(root)
        if response.status_code == 302:
            added = len(after) - len(before)
            assert added == len(excel.read_workbook(upload(content, "units.xlsx"))) > 0
            assert Unit.objects.filter(code_scheme=CodeScheme.LOCAL, pk__in=[row[0] for row in after[-added:]]).count()
        else:
            assert response.status_code == 200
            assert response.context["form"].errors or response.context["row_errors"]
            assert after == before
        transaction.set_rollback(True)


def test_a_plain_units_workbook_goes_in(demo, client):
    """The strategy's own baseline: a file the import must accept, so that refusals above mean something."""
    root = demo_unit((Y2025, "01392"))  # the commune formed on 01/07/2025: the legacy one takes no new units
    client.force_login(demo.users["tinh.caobang"])
    content = workbook_bytes([["Kind", "Type", "Name"], ["Thôn", "Thôn", "Thôn Mới 1"], ["Xóm", "", "Xóm Mới 2"]])

    response = post(client, reverse("units:import", args=[root.pk]), content, "units.xlsx")

    assert response.status_code == 302
    assert Unit.objects.filter(parent=root, name__in=["Thôn Mới 1", "Xóm Mới 2"]).count() == 2


# ---------------------------------------------------------------------------------------------------------
# Assessments


def district() -> Unit:
    return demo_unit((LEGACY, "045"))


def commune_codes() -> tuple[list[str], list[str]]:
    """(every commune code of the district, the codes whose YEAR assessment may still be written)."""
    codes = sorted(Unit.objects.within(district()).filter(kind=Kind.COMMUNE).values_list("code", flat=True))
    locked = Assessment.objects.filter(unit__code__in=codes, year=YEAR).exclude(
        status__in=[Assessment.Status.DRAFT, Assessment.Status.RETURNED]
    )
    locked_codes = set(locked.values_list("unit__code", flat=True))
    return codes, [code for code in codes if code not in locked_codes]


def assessment_rows() -> dict[str, tuple]:
    """Each commune's YEAR assessment and its results, by commune code."""
    rows = {}
    for assessment in Assessment.objects.filter(unit__in=Unit.objects.within(district()), year=YEAR).select_related(
        "unit"
    ):
        results = CriterionResult.objects.filter(assessment=assessment).order_by("criterion__number")
        rows[assessment.unit.code] = (
            assessment.pk,
            assessment.version,
            assessment.status,
            assessment.criteria_met,
            assessment.note,
            list(results.values_list("criterion__number", "achieved")),
        )
    return rows


ACHIEVED_WORDS = ["1", "0", "x", "X", "Đạt", "Không đạt", "✓", "", "có", "2", "-1", "yes", "Chưa đạt"]


@st.composite
def assessment_sheets(draw, codes: tuple[list[str], list[str]]):
    """A filled template, more or less: title, year, header row, a row per commune, extra columns.

    Biased toward files that can go in (every criterion, communes still open, 1/0 words), so that the
    examples show both outcomes.
    """
    every_code, open_codes = codes
    numbers = list(range(1, 20))
    kept = draw(st.one_of(st.permutations(numbers), st.lists(st.sampled_from(numbers), unique=True, min_size=15)))
    criterion_header = st.sampled_from(["{n}", "{n}. Tiêu chí", "TC{n}", "Tiêu chí {n}", "int"])
    headers = []
    for number in kept:
        style = draw(criterion_header)
        headers.append(number if style == "int" else style.format(n=number))
    code_header = draw(st.sampled_from(["Code", "Mã xã", "Mã", "Commune code", "Số"]))
    extra = draw(st.lists(st.one_of(text, st.integers(20, 99)), max_size=3))
    header = [code_header, draw(st.sampled_from(["Commune", "Tên xã"])), *headers, *extra, "Note"]
    lines = []
    if draw(st.booleans()):
        lines.append([draw(st.one_of(text, st.just("Đánh giá tiêu chí")))])
    if draw(st.booleans()):
        lines.append(["Year", draw(st.one_of(st.just(YEAR), st.just(str(YEAR)), st.integers(2000, 2030), anything))])
    lines.append(header)
    some_code = st.sampled_from(every_code)
    open_code = st.sampled_from(open_codes)
    code = st.one_of(open_code, open_code.map(int), some_code, text, st.just(""), st.just("99999"))
    word = st.sampled_from(ACHIEVED_WORDS)
    cell = st.one_of(word, word, word, st.integers(0, 1), st.booleans(), anything)
    width = len(header)
    for _ in range(draw(st.integers(0, 6))):
        row = [draw(code), draw(text)] + [draw(cell) for _ in range(width - 2)]
        lines.append(row[: draw(st.integers(1, width))] if draw(st.booleans()) else row)
    return lines


@FUZZ
@given(data=st.data())
def test_a_random_assessments_workbook_saves_every_row_or_none(data, demo, client):
    lines = data.draw(assessment_sheets(commune_codes()), label="rows")
    content = workbook_bytes(lines)
    client.force_login(demo.users["noivu.haquang"])
    with transaction.atomic():
        before = assessment_rows()
        response = post(client, reverse("dashboards:upload", args=[district().pk, YEAR]), content, "assessments.xlsx")
        event(f"HTTP {response.status_code}")
        after = assessment_rows()
        if response.status_code == 302:
            numbers = [criterion.number for criterion in criteria_for(district(), YEAR)]
            file_rows = excel_assessments.read_upload(upload(content, "a.xlsx"), year=YEAR, numbers=numbers)
            changed = {code for code, row in after.items() if before.get(code, (None, None))[:2] != row[:2]}
            assert changed == {row.code for row in file_rows}
        else:
            assert response.status_code == 200
            assert response.context["form"].errors or response.context["row_errors"]
            assert after == before
        transaction.set_rollback(True)


def test_the_districts_own_template_filled_in_goes_in(demo, client):
    """The strategy's baseline: the template as downloaded, every criterion marked 1, is accepted."""
    client.force_login(demo.users["noivu.haquang"])
    template = client.get(reverse("dashboards:template", args=[district().pk, YEAR])).content
    before = assessment_rows()

    content = filled_assessment_template(template)
    response = post(client, reverse("dashboards:upload", args=[district().pk, YEAR]), content, "a.xlsx")

    assert response.status_code == 302
    assert assessment_rows() != before
