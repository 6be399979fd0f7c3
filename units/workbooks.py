"""Uploaded Excel workbooks read within bounds, and the workbooks we write kept free of formulas.

An .xlsx is a zip of XML parts, and openpyxl trusts both layers: a 200 KB file may inflate to gigabytes
(one huge shared string), declare entities in a DTD, or put a single cell at row 10,000,000 so that
reading walks ten million empty rows. `read_sheet` checks the zip's declared sizes and refuses DTDs
before openpyxl parses anything, refuses a sheet whose declared dimension is too large before
iterating, and still counts rows and measures cells while it streams, since the dimension may lie.
Every problem becomes a `WorkbookError` whose message can be shown next to the file field.

Every Excel import and export goes through here: `read_sheet` for uploads, `workbook_bytes` for downloads.
"""

import io
import zipfile
from collections.abc import Iterator
from xml.parsers import expat

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

MB = 1024 * 1024
MAX_ENTRIES = 200  # an Excel file holds a dozen parts; a few more with images or comments
MAX_DIRECTORY_SIZE = MAX_ENTRIES * 1024  # the zip's list of entries: their names, sizes and offsets
MAX_PART_SIZE = 30 * MB  # any one part once decompressed, a sheet of 5,000 full rows included
MAX_SHARED_STRINGS_SIZE = 10 * MB  # openpyxl loads the shared strings into memory at once
MAX_TOTAL_SIZE = 50 * MB
MAX_CELL_LENGTH = 1000  # longer than any field an import fills (names 200, notes 500)
CHUNK = 64 * 1024

# A cell starting with these is a formula, or becomes one when someone edits it in Excel or LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class WorkbookError(Exception):
    """The file as a whole cannot be read; the message is for the person who uploaded it."""


class _DoctypeFound(Exception):
    pass


def read_sheet(upload, *, max_rows: int, max_columns: int, header_rows: int = 1) -> Iterator[tuple[int, tuple]]:
    """(row number as Excel numbers it, values) of the first sheet, blank rows included, read-only.

    At most `header_rows + max_rows` rows and `max_columns` columns; the rows are `max_columns` wide.
    Raises WorkbookError for a file that is not an xlsx, is damaged, too big, or past these limits.
    """
    last_row = header_rows + max_rows
    upload.seek(0)
    archive = _checked_archive(upload)
    upload.seek(0)
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception as error:  # openpyxl raises whatever a malformed part triggers; all mean "damaged"
        raise WorkbookError(_damaged()) from error
    finally:
        archive.close()
    try:
        # The dimension is what Excel says the used range is: refuse a huge one before reading any row.
        if (sheet.max_row or 0) > last_row:
            raise WorkbookError(_too_many_rows(max_rows))
        if (sheet.max_column or 0) > max_columns:
            raise WorkbookError(_too_many_columns(max_columns))
        # ...but a crafted file may declare A1:C3 and hold a row at 10,000,000: count the rows as they come.
        sheet.reset_dimensions()
        yield from _rows(sheet, last_row=last_row, max_rows=max_rows, max_columns=max_columns)
    finally:
        workbook.close()


def _rows(sheet, *, last_row: int, max_rows: int, max_columns: int) -> Iterator[tuple[int, tuple]]:
    lines = sheet.iter_rows(max_col=max_columns, values_only=True)
    number = 0
    while True:
        try:
            line = next(lines, None)
        except Exception as error:  # a missing shared string, broken XML, a bad CRC: openpyxl's own errors
            raise WorkbookError(_damaged()) from error
        if line is None:
            return
        number += 1
        if number > last_row:  # openpyxl fills the gap before a far row lazily, one row at a time
            raise WorkbookError(_too_many_rows(max_rows))
        for index, value in enumerate(line):
            if isinstance(value, str) and len(value) > MAX_CELL_LENGTH:
                raise WorkbookError(
                    _("Cell %(cell)s holds %(length)s characters; a cell may hold at most %(max)s.")
                    % {
                        "cell": f"{get_column_letter(index + 1)}{number}",
                        "length": f"{len(value):,}",
                        "max": f"{MAX_CELL_LENGTH:,}",
                    }
                )
        yield number, line


def _checked_archive(upload) -> zipfile.ZipFile:
    """The upload as a zip whose declared sizes are within bounds and whose XML declares no DTD."""
    # ZipFile reads the whole central directory at once: 10 MB of empty entries cost seconds and 60 MB.
    # The end record gives its size first; zipfile offers no public way to read it.
    end = zipfile._EndRecData(upload)
    if end and end[zipfile._ECD_SIZE] > MAX_DIRECTORY_SIZE:
        raise WorkbookError(_too_big())
    upload.seek(0)
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise WorkbookError(_("This file is not a valid Excel workbook (.xlsx).")) from error
    try:
        entries = archive.infolist()
        # zipfile stops reading an entry at its declared size (and fails its CRC if that was a lie),
        # so checking the declared sizes bounds what openpyxl can inflate.
        if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_TOTAL_SIZE:
            raise WorkbookError(_too_big())
        for entry in entries:
            limit = MAX_SHARED_STRINGS_SIZE if entry.filename.lower().endswith("sharedstrings.xml") else MAX_PART_SIZE
            if entry.file_size > limit:
                raise WorkbookError(_too_big())
        for entry in entries:
            _refuse_doctype(archive, entry)
    except WorkbookError:
        archive.close()
        raise
    except Exception as error:  # bad CRC, unsupported compression, encrypted entries
        archive.close()
        raise WorkbookError(_damaged()) from error
    return archive


def _refuse_doctype(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    """Refuse a part that declares a DTD: its entities could expand without end or name local files.

    Every part is tried, whatever its name, since the package's relationships decide what openpyxl
    parses; expat gives up at once on an image and detects UTF-16, which a byte search would miss.
    """
    parser = expat.ParserCreate()

    def refuse(*args):
        raise _DoctypeFound

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    with archive.open(entry) as part:
        try:
            while chunk := part.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except _DoctypeFound as error:
            raise WorkbookError(_damaged()) from error
        except expat.ExpatError:
            return  # not XML, or broken XML: openpyxl fails on it later, and that is reported too


def _damaged() -> str:
    return _("The Excel file is damaged or not laid out as the template; open it in Excel, save it again as .xlsx.")


def _too_big() -> str:
    return _(
        "The Excel file is too large once unpacked (at most %(size)s MB in %(entries)s parts); "
        "split it into smaller files."
    ) % {"size": MAX_TOTAL_SIZE // MB, "entries": MAX_ENTRIES}


def _too_many_rows(max_rows: int) -> str:
    return _("The file has more than %(max)s rows; split it into smaller files.") % {"max": f"{max_rows:,}"}


def _too_many_columns(max_columns: int) -> str:
    return _("The first sheet uses more than %(max)s columns; remove the columns the template does not have.") % {
        "max": max_columns
    }


def model_errors(instance: models.Model, *, exclude: list[str] | None = None) -> dict[str, list[str]]:
    """The model's own validation of an object built from a row: field name → messages ("__all__" for clean()).

    Imports create objects directly, which skips max_length, choices and validators; this runs them.
    Uniqueness and constraints are left to the import's own checks and to the database.
    """
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        return error.message_dict
    return {}


def workbook_bytes(workbook: Workbook) -> bytes:
    """The workbook as an .xlsx, every cell that starts like a formula written as text.

    openpyxl turns a string starting with "=" into a formula, so a commune's note reading
    =HYPERLINK(…) would become a live link in the district's download. Text stays text, and the
    quote prefix keeps Excel from reading it as a formula once edited; the value itself is unchanged,
    so a downloaded template uploads back as it was.
    """
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                    cell.data_type = "s"
                    cell.quotePrefix = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
