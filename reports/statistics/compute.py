"""The statistics tables of a unit and a reporting year: every form in force, each cell counted from the data.

A cell counts the records of its form's subject that match the form's, its row's and its column's filters.
Cells of entered lines hold what the unit typed (or None until it does). A unit formed in 2025 counts the
records of the units it was formed from too: its statistics continue theirs.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from reports.models import StatisticsForm, StatisticsLine
from reports.statistics.dimensions import SUBJECTS, matches
from reports.tables import Column, Row, Table
from units.hierarchy import predecessors
from units.models import Unit

MAX_ENTERED = 10_000_000  # a count no unit reaches: bounds what the request form accepts


def reporting_period(form: StatisticsForm, year: int) -> tuple[datetime.date, datetime.date]:
    """From the form's start day in the year before (01/12) to the day before it in `year` (30/11)."""
    month, day = (int(part) for part in form.period_start.split("-"))
    first = datetime.date(year - 1 if (month, day) != (1, 1) else year, month, day)
    last = datetime.date(first.year + 1, month, day) - datetime.timedelta(days=1)
    return first, last


def forms_in_force(year: int) -> list[StatisticsForm]:
    """The forms whose circular is in force at the end of the reporting year, with their lines (two queries)."""
    day = datetime.date(year, 11, 30)
    lines = Prefetch("lines", queryset=StatisticsLine.objects.order_by("axis", "order"))
    forms = StatisticsForm.objects.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day), valid_from__lte=day)
    return list(forms.prefetch_related(lines))


def cell_key(form: StatisticsForm, row: StatisticsLine, column: StatisticsLine) -> str:
    """The name of an entered cell in the request form and in the report's parameters."""
    return f"{form.code}|{row.code or row.order}|{column.code or column.order}"


@dataclass
class Cell:
    key: str
    value: int | None
    entered: bool


@dataclass
class FormTable:
    form: StatisticsForm
    first: datetime.date
    last: datetime.date
    columns: list[StatisticsLine]
    rows: list[tuple[StatisticsLine, list[Cell]]] = field(default_factory=list)

    def as_table(self) -> Table:
        """For the PDF and the Excel export: A (label), B (code), C (unit of count), then the columns."""
        columns = [Column("Chỉ tiêu", css="wide"), Column("Mã số", css="narrow"), Column("Đơn vị tính")]
        columns += [Column(f"{column.label} ({column.code})", numeric=True) for column in self.columns]
        rows = []
        for line, cells in self.rows:
            if line.is_heading:
                rows.append(Row([line.label], css="group"))
            else:
                measure = line.measure or self.form.measure
                rows.append(Row([line.label, line.code, measure, *(cell.value for cell in cells)]))
        return Table(
            key=f"form-{self.form.pk}", title=f"{self.form.code} {self.form.title}", columns=columns, rows=rows
        )


def combined(*filters: dict) -> dict:
    """Filters that must all hold: a dimension named twice keeps the values both allow."""
    out: dict = {}
    for each in filters:
        for name, values in each.items():
            out[name] = [value for value in out[name] if value in values] if name in out else list(values)
    return out


def counted_units(unit: Unit) -> QuerySet[Unit]:
    return Unit.objects.within(unit, *predecessors(unit))


def compute(unit: Unit, year: int, entered: dict[str, int] | None = None) -> list[FormTable]:
    entered = entered or {}
    units = counted_units(unit)
    records: dict[tuple[str, datetime.date], list[dict]] = {}
    tables = []
    for form in forms_in_force(year):
        first, last = reporting_period(form, year)
        subject = SUBJECTS.get(form.subject)
        if subject and (form.subject, first) not in records:
            records[form.subject, first] = subject.rows(units, first, last)
        found = records.get((form.subject, first), [])
        lines = list(form.lines.all())
        columns = [line for line in lines if line.axis == StatisticsLine.Axis.COLUMN]
        table = FormTable(form, first, last, columns)
        for row in (line for line in lines if line.axis == StatisticsLine.Axis.ROW):
            cells = []
            if not row.is_heading:
                for column in columns:
                    key = cell_key(form, row, column)
                    if subject is None or row.is_entered or column.is_entered:
                        cells.append(Cell(key, entered.get(key), entered=True))
                    else:
                        wanted = combined(form.filters, row.filters, column.filters)
                        cells.append(Cell(key, sum(1 for r in found if matches(r, wanted)), entered=False))
            table.rows.append((row, cells))
        tables.append(table)
    return tables
