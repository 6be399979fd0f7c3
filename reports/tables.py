"""Report tables: one structure that the PDF template prints and the Excel export writes as a sheet.

Cells hold raw values (text, numbers, dates, None) so the workbook keeps numbers as numbers; the
PDF formats them the Vietnamese way (1.234.567; 16,5) through `formatted()`.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format

# Glyphs the vendored serif font lacks: a fallback font would be embedded for them.
SUBSTITUTES = str.maketrans({"✓": "", "✔": "", "✗": "-", "★": "*"})


@dataclass
class Column:
    label: str
    numeric: bool = False
    css: str = ""  # e.g. "narrow", "wide" (print.css)


@dataclass
class Row:
    cells: list
    css: str = ""  # "group": a heading spanning the row; "total": a bold sum row


@dataclass
class Table:
    key: str  # stable id: the HTML id and the sheet name's source
    title: str
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    note: str = ""
    empty_text: str = ""

    @property
    def is_empty(self) -> bool:
        return not any(row.css != "group" for row in self.rows)

    @property
    def width(self) -> int:
        return len(self.columns)

    def formatted(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(row css, [(text, cell css), …]) per row, for the template; a group row has one cell."""
        classes = [" ".join(filter(None, ["num" if c.numeric else "", c.css])) for c in self.columns]
        out = []
        for row in self.rows:
            cells = [format_cell(value) for value in row.cells]
            out.append((row.css, list(zip(cells, classes if row.css != "group" else [""], strict=False))))
        return out


def format_number(value, places: int | None = None) -> str:
    """Vietnamese grouping and decimal comma (in the active language's format)."""
    if isinstance(value, float):
        value = Decimal(str(round(value, 2)))
    if isinstance(value, Decimal):
        if places is None:
            value = value.normalize()
            places = max(0, -value.as_tuple().exponent)
        return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
    return number_format(value, use_l10n=True, force_grouping=True)


def format_cell(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, int | float | Decimal):
        return format_number(value)
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    return printable(str(value))


def printable(text: str) -> str:
    return text.translate(SUBSTITUTES).strip()


def grouped_rows(scope, items, cells_of) -> list[Row]:
    """Rows for commune-keyed items with a heading row per group (old or new units) when useful.

    `items` are (commune, payload) pairs; `cells_of(number, commune, payload)` gives the row's cells,
    `number` counting the rows from 1 (the "STT" column).
    """
    keyed = sorted(items, key=lambda item: (scope.group_of(item[0])[0], item[0].name, item[0].pk))
    rows: list[Row] = []
    show_groups = scope.needs_group_rows()
    current = None
    for number, (commune, payload) in enumerate(keyed, start=1):
        key, heading = scope.group_of(commune)
        if show_groups and key != current:
            rows.append(Row([heading], css="group"))
            current = key
        rows.append(Row(cells_of(number, commune, payload)))
    return rows
