"""Every table of a report as one sheet of an .xlsx workbook, from the same context the PDF prints."""

import datetime
import re
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from reports.tables import Table, printable
from units.workbooks import workbook_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
# Excel refuses these in sheet names, and names longer than 31 characters.
FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_name(title: str, taken: set[str]) -> str:
    base = FORBIDDEN.sub(" ", title).strip()[:31] or "Sheet"
    name, counter = base, 2
    while name.lower() in taken:
        suffix = f" ({counter})"
        name, counter = base[: 31 - len(suffix)] + suffix, counter + 1
    taken.add(name.lower())
    return name


def cell_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, str):
        return printable(value)
    return value


def write_table(sheet, table: Table) -> None:
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([column.label for column in table.columns])
    for cell in sheet[2]:
        cell.font, cell.border = BOLD, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in table.rows:
        sheet.append([cell_value(value) for value in row.cells])
        line = sheet.max_row
        if row.css == "group":
            sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=max(table.width, 1))
            sheet.cell(line, 1).font = Font(bold=True, italic=True)
            continue
        for index, cell in enumerate(sheet[line], start=1):
            cell.border = BORDER
            if row.css == "total":
                cell.font = BOLD
            if isinstance(cell.value, int | float) and index <= table.width and table.columns[index - 1].numeric:
                cell.number_format = "#,##0" if isinstance(cell.value, int) else "#,##0.00"
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
    if table.is_empty and table.empty_text:
        sheet.append([table.empty_text])
    if table.note:
        sheet.append([])
        sheet.append([printable(table.note)])
    sheet.freeze_panes = "A3"
    for index, column in enumerate(table.columns, start=1):
        longest = max(
            [len(column.label)]
            + [len(str(row.cells[index - 1])) for row in table.rows if len(row.cells) >= index and row.css != "group"]
        )
        sheet.column_dimensions[get_column_letter(index)].width = min(max(6, longest + 2), 60)


def build_workbook(context: dict, tables: list[Table]) -> bytes:
    workbook = Workbook()
    about = workbook.active
    about.title = sheet_name(_("Report"), taken := set())
    letterhead, period, scope = context["letterhead"], context["period"], context["scope"]
    rows = [
        (_("Report"), f"{letterhead.doc_type} – {letterhead.subject}"),
        (_("Unit"), scope.unit.name),
        (_("Period"), period.label),
        (_("Computed on"), timezone.localtime().strftime("%d/%m/%Y %H:%M")),
    ]
    if scope.formed_from_note:
        rows.append((_("Scope"), scope.formed_from_note))
    for label, value in rows:
        about.append([label, value])
        about.cell(about.max_row, 1).font = BOLD
    about.column_dimensions["A"].width = 18
    about.column_dimensions["B"].width = 100
    for table in tables:
        write_table(workbook.create_sheet(sheet_name(table.title, taken)), table)
    return workbook_bytes(workbook)
