"""Excel (.xlsx) import of villages, agencies, enterprises, cooperatives and organisations.

Reading and checking write nothing: `read_workbook` turns a file into plain rows, `check_rows`
reports every problem by row and column, and only a file without any goes to `import_units`,
which creates all its units in one transaction.
"""

import datetime
import re
from contextlib import closing
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from units.hierarchy import LOCAL_KINDS, has_ended
from units.models import DIVISION_TYPES, CodeScheme, Kind, Unit, User
from units.permissions import CHILD_KINDS, may_create
from units.text import fold
from units.workbooks import WorkbookError, model_errors, read_sheet, workbook_bytes

MAX_ROWS = 5000
MAX_COLUMNS = 30

# (key, English header, other accepted headers, folded). The template writes the translated headers;
# a file is read with the English, the translated or the Vietnamese ones alike.
# Kind and type need headers of their own: "Kind" and "Type" both translate to "Loại", and a template whose two
# columns read "Loại" was read back as two kind columns ("phải nhập loại hình" on every row).
COLUMNS = [
    ("kind", gettext_noop("Unit kind"), ["kind", "loai", "loai don vi"]),
    ("division_type", gettext_noop("Division type"), ["type", "loai hinh", "kieu"]),
    ("name", gettext_noop("Name"), ["ten", "ten don vi"]),
    ("code", gettext_noop("Code"), ["ma", "ma so"]),
    ("parent", gettext_noop("Parent"), ["parent code", "parent name", "don vi cap tren", "cap tren"]),
    ("valid_from", gettext_noop("Valid from"), ["tu ngay", "hieu luc tu", "ngay thanh lap"]),
    ("is_mountainous", gettext_noop("Mountainous"), ["mien nui"]),
    ("is_ethnic_minority_area", gettext_noop("Ethnic-minority area"), ["ethnic minority", "dtts", "vung dtts"]),
    ("is_border", gettext_noop("Border"), ["bien gioi"]),
    ("is_especially_difficult", gettext_noop("Especially difficult"), ["dbkk", "dac biet kho khan"]),
    ("notes", gettext_noop("Notes"), ["ghi chu"]),
]
COLUMN_KEYS = {key for key, _label, _extra in COLUMNS}
COMPUTED = ["search_name", "path", "depth"]  # set by Unit.save()
COLUMN_HINTS = {"parent": gettext_lazy("code or name"), "valid_from": "dd/mm/yyyy"}
FLAGS = ["is_mountainous", "is_ethnic_minority_area", "is_border", "is_especially_difficult"]

# Matched on the lower-cased text first, so "bản" (village) and "ban" (agency) stay apart.
KIND_WORDS = {
    Kind.VILLAGE: ["village", "thôn/xóm", "kdc", *DIVISION_TYPES[Kind.VILLAGE]],
    Kind.AGENCY: ["agency", "department", "cơ quan", "phòng ban", *DIVISION_TYPES[Kind.AGENCY]],
    Kind.ENTERPRISE: ["enterprise", "company", "dn", *DIVISION_TYPES[Kind.ENTERPRISE]],
    Kind.COOPERATIVE: ["cooperative", "htx", *DIVISION_TYPES[Kind.COOPERATIVE]],
    Kind.ORGANISATION: ["organisation", "organization", "other", *DIVISION_TYPES[Kind.ORGANISATION]],
}
# Abbreviations people write in the kind or type column.
TYPE_ABBREVIATIONS = {"htx": "Hợp tác xã", "dn": "Doanh nghiệp", "kdc": "Khu dân cư", "tdp": "Tổ dân phố"}
YES = {"x", "có", "co", "1", "yes", "y", "true", "đúng", "✓"}
NO = {"", "0", "không", "khong", "no", "n", "false", "-"}


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class Row:
    number: int
    values: dict
    kind: str = ""
    division_type: str = ""
    parent: Unit | None = None
    parent_row: "Row | None" = None
    unit: Unit | None = field(default=None, repr=False)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code typed as a number: 123.0 → "123"
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return " ".join(str(value).split())


def _header_key(header) -> str | None:
    text = fold(re.sub(r"\(.*?\)|\*", " ", _text(header)))
    for key, label, extra in COLUMNS:
        if text in {key, key.replace("_", " "), fold(label), fold(_(label)), *extra}:
            return key
    return None


def read_workbook(upload) -> list[Row]:
    """The data rows of the first sheet, keyed by column, numbered as Excel numbers them.

    Raises WorkbookError (units.workbooks) for a file that cannot be read: not an xlsx, damaged,
    too big, more than MAX_ROWS rows, an overlong cell, no header row.
    """
    with closing(read_sheet(upload, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)) as lines:
        _number, header = next(lines, (1, None))
        if header is None:
            raise WorkbookError(_("The file is empty."))
        keys = [_header_key(cell) for cell in header]
        missing = [_(label) for key, label, _extra in COLUMNS if key in ("kind", "name") and key not in keys]
        if missing:
            raise WorkbookError(
                _("The first row must hold the column headers; missing: %(columns)s.") % {"columns": ", ".join(missing)}
            )
        rows = []
        for number, line in lines:
            values: dict[str, str] = {}
            for key, cell in zip(keys, line, strict=False):
                if key and not values.get(key):
                    # Dates stay dates (Excel date cells); everything else is read as text.
                    values[key] = cell if key == "valid_from" and isinstance(cell, datetime.date) else _text(cell)
            if any(values.values()):
                rows.append(Row(number=number, values=values))
    if not rows:
        raise WorkbookError(_("The file has no rows to import."))
    return rows


def _kind(text: str) -> str | None:
    lowered, folded = text.lower(), fold(text)
    for kind, words in KIND_WORDS.items():
        if lowered in {w.lower() for w in words} or lowered == str(Kind(kind).label).lower():
            return kind
    for kind, words in KIND_WORDS.items():
        if folded in {fold(w) for w in words if w != "Ban"} or folded == fold(str(Kind(kind).label)):
            return kind
    return None


def _division_type(text: str, kind: str) -> str | None:
    text = TYPE_ABBREVIATIONS.get(fold(text), text)
    return next((t for t in DIVISION_TYPES[kind] if fold(t) == fold(text)), None)


def _date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def _label(key: str) -> str:
    return next(_(label) for k, label, _extra in COLUMNS if k == key)


def check_rows(rows: list[Row], *, root: Unit, user: User) -> list[RowError]:
    """Every problem of every row; fills in kind, type and parent of each row on the way."""
    checker = _Checker(rows, root=root, user=user)
    for row in rows:
        checker.check(row)
    return checker.errors


class _Checker:
    """Checks rows in file order, remembering the earlier ones: a row may be the parent of a later one."""

    def __init__(self, rows: list[Row], *, root: Unit, user: User):
        self.root, self.user = root, user
        self.errors: list[RowError] = []
        self.existing = _existing_units(rows, root=root)
        self.taken_codes = {
            (u.kind, u.code) for u in Unit.objects.filter(code_scheme=CodeScheme.LOCAL, code__in=_all(rows, "code"))
        }
        self.earlier: dict[str, Row] = {}  # by code and by folded name
        self.identities: dict[tuple, Row] = {}  # (parent, kind, folded name)
        self.codes: dict[tuple, Row] = {}  # (kind, code)

    def error(self, row: Row, key: str, message: str, **params) -> None:
        self.errors.append(RowError(row.number, _label(key), message % {"row": row.number, **params}))

    def check(self, row: Row) -> None:
        self.check_kind(row)
        self.find_parent(row)
        if row.kind and (row.parent or (row.parent_row and row.parent_row.kind)):
            self.check_placement(row)
        self.check_values(row)
        self.check_duplicates(row)
        self.check_model(row)
        name, code = row.values.get("name", ""), row.values.get("code", "")
        if code:
            self.earlier.setdefault(code, row)
        if name:
            self.earlier.setdefault(fold(name), row)

    def check_kind(self, row: Row) -> None:
        values = row.values
        kind_text, type_text = values.get("kind", ""), values.get("division_type", "")
        if not values.get("name"):
            self.error(row, "name", _("Row %(row)s: name is required"))
        if not kind_text:
            self.error(row, "kind", _("Row %(row)s: kind is required"))
            return
        row.kind = _kind(kind_text) or ""
        if not row.kind:
            self.error(row, "kind", _("Row %(row)s: unknown kind '%(value)s'"), value=kind_text)
            return
        # "Xóm" in the kind column is both the kind and the type.
        row.division_type = _division_type(type_text or kind_text, row.kind) or ""
        if type_text and not row.division_type:
            kind_label = Kind(row.kind).label.lower()
            message = _("Row %(row)s: type '%(value)s' does not fit kind %(kind)s")
            self.error(row, "division_type", message, value=type_text, kind=kind_label)
        elif not row.division_type:
            self.error(row, "division_type", _("Row %(row)s: type is required"))

    def find_parent(self, row: Row) -> None:
        reference = row.values.get("parent", "")
        if not reference:
            row.parent = self.root
            return
        row.parent_row = self.earlier.get(reference) or self.earlier.get(fold(reference))
        if row.parent_row:
            return
        found = self.existing.get(reference) or self.existing.get(fold(reference)) or []
        if len(found) > 1:
            self.error(row, "parent", _("Row %(row)s: parent '%(value)s' is ambiguous"), value=reference)
        elif found:
            row.parent = found[0]
        else:
            self.error(row, "parent", _("Row %(row)s: parent '%(value)s' not found"), value=reference)

    def check_placement(self, row: Row) -> None:
        if row.parent_row:
            # Not saved yet: placed under the import root for the role check, its own kind for the fit.
            parent = Unit(kind=row.parent_row.kind, name=row.parent_row.values["name"], path=f"{self.root.path}0/")
        else:
            parent = row.parent
        kind_label = Kind(row.kind).label.lower()
        if not row.parent_row and has_ended(parent):
            message = _("Row %(row)s: %(parent)s ended on %(date)s; add new units under the unit that succeeded it")
            self.error(row, "parent", message, parent=parent, date=f"{parent.valid_to:%d/%m/%Y}")
        elif row.kind not in CHILD_KINDS.get(parent.kind, []):
            message = _("Row %(row)s: kind %(kind)s cannot be placed under %(parent)s")
            self.error(row, "parent", message, kind=kind_label, parent=parent)
        elif not may_create(self.user, row.kind, under=parent):
            message = _("Row %(row)s: you may not add units of kind %(kind)s under %(parent)s")
            self.error(row, "kind", message, kind=kind_label, parent=parent)

    def check_values(self, row: Row) -> None:
        valid_from = row.values.get("valid_from", "")
        if valid_from and _date(valid_from) is None:
            message = _("Row %(row)s: '%(value)s' is not a date (dd/mm/yyyy)")
            self.error(row, "valid_from", message, value=valid_from)
        for flag in FLAGS:
            value = row.values.get(flag, "")
            if value.lower() not in YES | NO:
                self.error(row, flag, _("Row %(row)s: write x or leave empty, not '%(value)s'"), value=value)

    def check_duplicates(self, row: Row) -> None:
        name, code = row.values.get("name", ""), row.values.get("code", "")
        if not row.kind:
            return
        parent = ("row", row.parent_row.number) if row.parent_row else ("unit", getattr(row.parent, "pk", None))
        identity = (parent, row.kind, fold(name))
        if name and identity in self.identities:
            other = self.identities[identity].number
            self.error(row, "name", _("Row %(row)s: duplicate of row %(other)s"), other=other)
        elif name and row.parent and self.exists(fold(name), kind=row.kind, parent=row.parent):
            message = _("Row %(row)s: %(name)s already exists under %(parent)s")
            self.error(row, "name", message, name=name, parent=row.parent)
        elif name:
            self.identities[identity] = row
        if code and (row.kind, code) in self.codes:
            other = self.codes[(row.kind, code)].number
            self.error(row, "code", _("Row %(row)s: code %(code)s is also in row %(other)s"), code=code, other=other)
        elif code and (row.kind, code) in self.taken_codes:
            self.error(row, "code", _("Row %(row)s: code %(code)s is already used"), code=code)
        elif code:
            self.codes[(row.kind, code)] = row

    def check_model(self, row: Row) -> None:
        """The model's own rules (lengths above all) on the unit a row the checks above let through would create."""
        if any(error.row == row.number for error in self.errors):
            return
        # The parent was checked above, and may be a row not saved yet.
        for name, messages in model_errors(new_unit(row, parent=None), exclude=[*COMPUTED, "parent"]).items():
            for message in messages:
                key = name if name in COLUMN_KEYS else "name"
                self.error(row, key, _("Row %(row)s: %(error)s"), error=message)

    def exists(self, folded_name: str, *, kind: str, parent: Unit) -> bool:
        return any(u.parent_id == parent.pk and u.kind == kind for u in self.existing.get(folded_name, []))


def _all(rows: list[Row], key: str) -> set[str]:
    return {row.values[key] for row in rows if row.values.get(key)}


def _existing_units(rows: list[Row], *, root: Unit) -> dict[str, list[Unit]]:
    """Units under `root` that rows may name as parents or duplicate, by code and by folded name; one query."""
    names = {fold(n) for n in _all(rows, "name") | _all(rows, "parent")}
    codes = _all(rows, "parent")
    units = Unit.objects.within(root).filter(Q(search_name__in=names) | Q(code__in=codes))
    found: dict[str, list[Unit]] = {}
    for unit in units:
        for key in {unit.search_name, unit.code} - {""}:
            found.setdefault(key, []).append(unit)
    return found


def new_unit(row: Row, *, parent: Unit | None) -> Unit:
    """The unit a checked row creates, not saved."""
    values = row.values
    valid_from = values.get("valid_from")
    return Unit(
        kind=row.kind,
        division_type=row.division_type,
        name=values.get("name", ""),
        code=values.get("code", ""),
        code_scheme=CodeScheme.LOCAL,
        parent=parent,
        valid_from=_date(valid_from) if valid_from else None,
        **{flag: values.get(flag, "").lower() in YES for flag in FLAGS},
    )


@transaction.atomic
def import_units(rows: list[Row], *, root: Unit) -> list[Unit]:
    """Create the units of rows that `check_rows` accepted, parents first (the file's own order).

    Each unit passes the model's validation before it is saved (objects.create would skip it); a
    ValidationError or IntegrityError rolls back every unit of the file.
    """
    for row in rows:
        row.unit = new_unit(row, parent=row.parent_row.unit if row.parent_row else row.parent)
        row.unit.full_clean(exclude=COMPUTED, validate_unique=False, validate_constraints=False)
        row.unit.save()
    return [row.unit for row in rows]


def build_template() -> bytes:
    """A workbook to fill in: headers, one example row, and a sheet with the allowed values."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Units")
    headers = [f"{_(label)} ({COLUMN_HINTS[key]})" if key in COLUMN_HINTS else _(label) for key, label, _e in COLUMNS]
    sheet.append(headers)
    village = str(Kind.VILLAGE.label)
    sheet.append(
        [village, "Thôn", "Thôn Nà Pồng", "", "", "01/01/2020", "x", "x", "", "", _("Example: replace this row")]
    )
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGHIJK", [14, 14, 30, 10, 24, 20, 12, 18, 10, 18, 30], strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    # Text, so that Excel keeps the leading zeros of codes such as 01392.
    sheet.column_dimensions["D"].number_format = "@"

    allowed = workbook.create_sheet(_("Allowed values"))
    allowed.append([_("Unit kind"), _("Division type"), _("Yes/no columns"), _("Dates")])
    kinds = [(str(Kind(kind).label), DIVISION_TYPES[kind]) for kind in LOCAL_KINDS]
    for index, (label, types) in enumerate(kinds):
        allowed.append(
            [label, ", ".join(types), "x / có / 1 / yes" if index == 0 else "", "dd/mm/yyyy" if index == 0 else ""]
        )
    for cell in allowed[1]:
        cell.font = Font(bold=True)
    allowed.column_dimensions["A"].width = 20
    allowed.column_dimensions["B"].width = 60
    # A drop-down on the kind column; typed values (thôn, xóm, HTX…) are accepted as well.
    choices = DataValidation(
        type="list", formula1=f"'{allowed.title}'!$A$2:$A${len(kinds) + 1}", showErrorMessage=False
    )
    sheet.add_data_validation(choices)
    choices.add(f"A2:A{MAX_ROWS + 1}")

    return workbook_bytes(workbook)
