"""Excel (.xlsx) for the yearly assessments of the communes below a district or province.

`build_template` writes one row per commune and one column per criterion; `read_upload` turns a
filled file into plain rows; `check_rows` reports every problem with its row and criterion; only a
file without any goes to `save_rows`, which writes all its rows as drafts in one transaction (all or
nothing). `build_matrix_workbook` exports the criteria matrix page.
"""

import re
from contextlib import closing
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from campaigns.assessments.services import get_or_start_assessment, save_assessment
from campaigns.models import Assessment, Criterion
from units.models import Kind, Unit, User
from units.text import fold
from units.workbooks import WorkbookError, read_sheet, workbook_bytes

MAX_ROWS = 3000
MAX_COLUMNS = 60
CODE_LENGTH = 5  # commune codes of the national list: 01399
HEADER_SCAN = 10  # the header row is looked for in the first rows, below the title

CODE_HEADERS = {"code", "commune code", "ma", "ma xa", "ma don vi"}
NAME_HEADERS = {"commune", "name", "xa", "ten xa", "ten", "ten don vi"}
NOTE_HEADERS = {"note", "notes", "ghi chu"}
YEAR_LABELS = {"year", "nam"}
CRITERION_HEADER = re.compile(r"^(?:tc|tieu chi|criterion)?\s*(\d{1,2})(?:\s*[.:)\-–]|\s|$)")
ACHIEVED = {"1", "x", "dat", "co", "yes", "y", "v", "✓", "✔", "√", "true"}
NOT_ACHIEVED = {"", "0", "khong dat", "khong", "chua dat", "no", "n", "-", "✗", "✘", "false"}

RELATIONS = [f.name for f in Assessment._meta.fields if f.is_relation]  # read from the database, not the file

HEADER_FILL = PatternFill("solid", fgColor="E8F3EC")
BELOW_FILL = PatternFill("solid", fgColor="F8D7DA")


@dataclass
class RowError:
    row: int
    message: str

    def __str__(self):
        return self.message


@dataclass
class UploadRow:
    number: int  # as Excel numbers it
    code: str
    name: str
    cells: dict[int, object]  # criterion number → the raw cell value
    note: str
    unit: Unit | None = field(default=None, repr=False)
    achieved: dict[int, bool] = field(default_factory=dict)


@dataclass
class TemplateRow:
    unit: Unit
    achieved: dict[int, bool]  # prefilled from a draft or returned assessment
    note: str = ""


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code typed as a number: 1399.0 → "1399"
    return " ".join(str(value).split())


def build_template(*, unit: Unit, year: int, criteria: list[Criterion], rows: list[TemplateRow], locked: list) -> bytes:
    """Title, year, a header row (code, commune, one column per criterion, note) and a row per commune."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Assessments")[:31]
    sheet.append([_("NTM criteria assessments %(year)s: %(unit)s") % {"year": year, "unit": unit.name}])
    sheet.append([_("Year"), year])
    sheet.append([_("Enter 1 (or x, Đạt) when the criterion is achieved, 0 or blank when it is not.")])
    header = [_("Code"), _("Commune")] + [f"{c.number}. {c.name}" for c in criteria] + [_("Note")]
    sheet.append(header)
    header_row = sheet.max_row
    for row in rows:
        values = [int(row.achieved[c.number]) if c.number in row.achieved else None for c in criteria]
        sheet.append([row.unit.code, row.unit.name, *values, row.note])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"].font = Font(bold=True)
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
    for index in range(3, 3 + len(criteria)):
        sheet.cell(header_row, index).alignment = Alignment(text_rotation=90, vertical="bottom")
        sheet.column_dimensions[get_column_letter(index)].width = 5
    sheet.row_dimensions[header_row].height = 150
    sheet.column_dimensions["A"].width = 10
    sheet.column_dimensions["B"].width = 26
    sheet.column_dimensions[get_column_letter(3 + len(criteria))].width = 40
    # Text, so that Excel keeps the leading zeros of codes such as 01399.
    for (cell,) in sheet.iter_rows(min_row=header_row + 1, max_col=1):
        cell.number_format = "@"
    sheet.freeze_panes = sheet.cell(header_row + 1, 3)

    help_sheet = workbook.create_sheet(_("Instructions")[:31])
    lines = [
        _("How to fill this template"),
        _("One row per commune; keep the code column as it is: rows are matched by commune code."),
        _("In each criterion column enter 1, x or Đạt when the criterion is achieved; 0, blank or Không đạt when not."),
        _("A row left entirely blank is skipped; the note column is optional and replaces the commune's note."),
        _("Upload the file on the same page. Nothing is saved while any row has an error."),
        _("Saved rows become drafts: each commune still checks and submits its own year."),
    ]
    if locked:
        lines.append(
            _("Not in the template because already submitted or approved: %(names)s.")
            % {"names": ", ".join(u.name for u in locked)}
        )
    for line in lines:
        help_sheet.append([line])
    help_sheet["A1"].font = Font(bold=True, size=13)
    help_sheet.column_dimensions["A"].width = 110
    return workbook_bytes(workbook)


def _header_columns(line: tuple) -> dict | None:
    """Which column holds the code, the name, the note and each criterion; None if this is not the header."""
    columns = {"criteria": {}}
    for index, cell in enumerate(line):
        if isinstance(cell, int | float) and not isinstance(cell, bool) and float(cell).is_integer():
            columns["criteria"].setdefault(int(cell), index)
            continue
        text = fold(_text(cell))
        if text in CODE_HEADERS or fold(_("Code")) == text:
            columns.setdefault("code", index)
        elif text in NAME_HEADERS or fold(_("Commune")) == text:
            columns.setdefault("name", index)
        elif text in NOTE_HEADERS or fold(_("Note")) == text:
            columns.setdefault("note", index)
        elif match := CRITERION_HEADER.match(text):
            columns["criteria"].setdefault(int(match.group(1)), index)
    return columns if "code" in columns and columns["criteria"] else None


def read_upload(upload, *, year: int, numbers: list[int]) -> list[UploadRow]:
    """The filled rows of the first sheet, numbered as Excel numbers them; blank rows are skipped.

    Raises WorkbookError (units.workbooks) for a file that cannot be used: not an xlsx, damaged, too
    big, more than MAX_ROWS rows below the header, another year, no header row.
    """
    with closing(read_sheet(upload, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS, header_rows=HEADER_SCAN)) as lines:
        columns = None
        for number, line in lines:
            if line and fold(_text(line[0])) in YEAR_LABELS | {fold(_("Year"))} and len(line) > 1:
                file_year = _text(line[1])
                if file_year and file_year != str(year):
                    raise WorkbookError(
                        _("This file is for %(file_year)s; this page imports %(year)s.")
                        % {"file_year": file_year, "year": year}
                    )
            columns = _header_columns(line)
            if columns or number >= HEADER_SCAN:
                break
        if not columns:
            raise WorkbookError(_("The header row (code, commune, one column per criterion) was not found."))
        missing = [str(n) for n in numbers if n not in columns["criteria"]]
        if missing:
            raise WorkbookError(
                _("Criteria missing from the header row: %(numbers)s.") % {"numbers": ", ".join(missing)}
            )
        rows = [row for number, line in lines if (row := _row(number, line, columns, numbers))]
    if not rows:
        raise WorkbookError(_("No commune row has any value; nothing to import."))
    return rows


def _row(number: int, line: tuple, columns: dict, numbers: list[int]) -> UploadRow | None:
    def cell(index):
        return line[index] if index is not None and index < len(line) else None

    cells = {n: cell(columns["criteria"][n]) for n in numbers}
    note = _text(cell(columns.get("note")))
    if not note and all(_text(value) == "" for value in cells.values()):
        return None  # a commune left blank: not filled in this file
    code, name = _text(cell(columns["code"])), _text(cell(columns.get("name")))
    if code.isdigit() and len(code) < CODE_LENGTH:
        code = code.zfill(CODE_LENGTH)  # Excel turned 01399 into the number 1399
    return UploadRow(number=number, code=code, name=name, cells=cells, note=note)


def _achieved(value) -> bool | None:
    if isinstance(value, bool):
        return value
    text = fold(_text(value))
    if text in ACHIEVED:
        return True
    if text in NOT_ACHIEVED:
        return False
    return None


def check_rows(rows: list[UploadRow], *, unit: Unit, year: int, communes) -> list[RowError]:
    """Every problem of every row; fills row.unit and row.achieved on the way. `communes`: those allowed."""
    errors = []
    codes = {row.code for row in rows if row.code}
    allowed = {c.code: c for c in communes.filter(code__in=codes)}
    known = set(Unit.objects.filter(kind=Kind.COMMUNE, code__in=codes - set(allowed)).values_list("code", flat=True))
    existing = {
        a.unit_id: a for a in Assessment.objects.filter(unit__in=allowed.values(), year=year).select_related("unit")
    }
    first_row: dict[str, int] = {}
    for row in rows:
        if not row.code:
            errors.append(RowError(row.number, _("Row %(row)s: the commune code is missing.") % {"row": row.number}))
        elif row.code in first_row:
            errors.append(
                RowError(
                    row.number,
                    _("Row %(row)s: commune %(code)s already appears in row %(first)s.")
                    % {"row": row.number, "code": row.code, "first": first_row[row.code]},
                )
            )
        elif row.code in allowed:
            first_row[row.code] = row.number
            row.unit = allowed[row.code]
            assessment = existing.get(row.unit.pk)
            if assessment and assessment.is_locked:
                errors.append(
                    RowError(
                        row.number,
                        _("Row %(row)s: the %(year)s assessment of %(commune)s is %(status)s and locked.")
                        % {
                            "row": row.number,
                            "year": year,
                            "commune": row.unit.name,
                            "status": assessment.get_status_display().lower(),
                        },
                    )
                )
        elif row.code in known:
            errors.append(
                RowError(
                    row.number,
                    _("Row %(row)s: commune %(code)s is not a commune of %(unit)s in %(year)s.")
                    % {"row": row.number, "code": row.code, "unit": unit.name, "year": year},
                )
            )
        else:
            errors.append(
                RowError(
                    row.number,
                    _("Row %(row)s: no commune has the code '%(code)s'.") % {"row": row.number, "code": row.code},
                )
            )
        for number, value in row.cells.items():
            achieved = _achieved(value)
            if achieved is None:
                errors.append(
                    RowError(
                        row.number,
                        _("Row %(row)s, criterion %(number)s: '%(value)s' is not 1 or 0.")
                        % {"row": row.number, "number": number, "value": _text(value)},
                    )
                )
            else:
                row.achieved[number] = achieved
    return errors


class RowRefused(Exception):
    """The service refused a row (submitted meanwhile, saved by someone else): nothing is saved."""

    def __init__(self, error: RowError):
        super().__init__(error.message)
        self.error = error


def save_rows(rows: list[UploadRow], *, year: int, by: User) -> int:
    """Write every checked row as a draft in one transaction; any refusal rolls all of them back."""
    with transaction.atomic():
        for row in rows:
            try:
                _save_row(row, year=year, by=by)
            except ValidationError as error:
                message = _("Row %(row)s: %(commune)s: %(error)s") % {
                    "row": row.number,
                    "commune": row.unit.name,
                    "error": " ".join(error.messages),
                }
                raise RowRefused(RowError(row.number, message)) from error
    return len(rows)


def _save_row(row: UploadRow, *, year: int, by: User) -> None:
    """Through the assessment services, so that criteria_met, the version and the audit history stay right."""
    assessment = get_or_start_assessment(row.unit, year, by=by)
    results = {
        result.criterion_id: (row.achieved.get(result.criterion.number, result.achieved), result.note)
        for result in assessment.results.select_related("criterion")
    }
    # The model's own validation, which save_assessment's update_fields saves would skip.
    assessment.note = row.note or assessment.note
    assessment.full_clean(exclude=RELATIONS, validate_unique=False, validate_constraints=False)
    save_assessment(
        assessment,
        results=results,
        values={},
        note=assessment.note,
        version=assessment.version,
        by=by,
    )


def build_matrix_workbook(matrix, *, unit: Unit) -> bytes:
    """The matrix page as a sheet: a row per commune (✓ 1 / ✗ 0), counts per criterion at the bottom."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Criteria matrix")[:31]
    sheet.append([_("Criteria matrix %(year)s: %(unit)s") % {"year": matrix.year, "unit": unit.name}])
    sheet.append([_("Approved assessments only") if matrix.approved_only else _("Submitted and approved assessments")])
    if matrix.minimum is not None:
        sheet.append(
            [_("Minimum criteria"), int(matrix.minimum), matrix.minimum_plan.number if matrix.minimum_plan else ""]
        )
    sheet.append([])
    total_label = _("Criteria met")
    sheet.append(
        [_("Code"), _("Commune"), _("Status")] + [f"{c.number}. {c.name}" for c in matrix.criteria] + [total_label]
    )
    header_row = sheet.max_row
    for row in matrix.rows:
        cells = [None if value is None else int(value) for value in row.cells]
        sheet.append([row.unit.code, row.unit.name, str(row.status_label), *cells, row.total])
        if row.below_minimum:
            for cell in sheet[sheet.max_row]:
                cell.fill = BELOW_FILL
    sheet.append(["", _("Communes achieving the criterion"), "", *matrix.counts, matrix.assessed])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet["A1"].font = Font(bold=True, size=13)
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for index in range(4, 4 + len(matrix.criteria)):
        sheet.cell(header_row, index).alignment = Alignment(text_rotation=90, vertical="bottom")
        sheet.column_dimensions[get_column_letter(index)].width = 5
    sheet.row_dimensions[header_row].height = 150
    sheet.column_dimensions["A"].width = 10
    sheet.column_dimensions["B"].width = 26
    sheet.column_dimensions["C"].width = 14
    sheet.freeze_panes = sheet.cell(header_row + 1, 3)
    return workbook_bytes(workbook)
