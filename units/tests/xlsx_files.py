"""Hand-made .xlsx files for the import tests: the smallest package openpyxl reads, with parts a test may break.

openpyxl itself only writes well-formed files, so the attacks on the readers (a shared string of 200 MB,
a DTD, a missing shared string, a row at 10,000,000) are assembled here part by part.
"""

import io
import zipfile
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CONTENT_TYPES = (
    HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{XLSX_TYPE}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{XLSX_TYPE}.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{XLSX_TYPE}.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    HEAD + f'<Relationships xmlns="{PACKAGE_RELS}">'
    f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    HEAD + f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    HEAD + f'<Relationships xmlns="{PACKAGE_RELS}">'
    f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)


class Shared(int):
    """A cell holding the index of a shared string rather than an inline string."""


def sheet(rows: dict[int, list], *, dimension: str | None = None, prolog: str = HEAD) -> str:
    """A worksheet part: row number → cell values (str inline, Shared(n) from the shared strings, numbers)."""
    lines = []
    for number, values in sorted(rows.items()):
        cells = []
        for index, value in enumerate(values, start=1):
            ref = f"{get_column_letter(index)}{number}"
            if isinstance(value, Shared):
                cells.append(f'<c r="{ref}" t="s"><v>{int(value)}</v></c>')
            elif isinstance(value, str):
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
            elif value is not None:
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        lines.append(f'<row r="{number}">{"".join(cells)}</row>')
    dimension_xml = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'{prolog}<worksheet xmlns="{MAIN}">{dimension_xml}<sheetData>{"".join(lines)}</sheetData></worksheet>'


def shared_strings(*texts: str) -> str:
    items = "".join(f"<si><t>{escape(text)}</t></si>" for text in texts)
    return f'{HEAD}<sst xmlns="{MAIN}" count="{len(texts)}" uniqueCount="{len(texts)}">{items}</sst>'


def package(sheet_xml: str, strings: str | None = None, *, bomb_size: int = 0) -> bytes:
    """The .xlsx bytes; `bomb_size` > 0 makes the one shared string that many bytes of "A", written in chunks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        if bomb_size:
            with archive.open("xl/sharedStrings.xml", "w") as part:
                part.write(f'{HEAD}<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>'.encode())
                chunk = b"A" * (1024 * 1024)
                for _ in range(bomb_size // len(chunk)):
                    part.write(chunk)
                part.write(b"</t></si></sst>")
        else:
            archive.writestr("xl/sharedStrings.xml", strings if strings is not None else shared_strings())
    return buffer.getvalue()


# A DTD whose entity names a local file: XML external entities (XXE).
XXE_PROLOG = HEAD + '<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
# The classic "billion laughs": a few hundred bytes of entities that expand to gigabytes.
LAUGHS_PROLOG = (
    HEAD
    + '<!DOCTYPE sst [<!ENTITY a "AAAAAAAAAA">'
    + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8))
    + "]>"
)


def xxe_sheet(rows: dict[int, list]) -> str:
    """A worksheet declaring XXE_PROLOG's entity; cells reading "&secret;" use it."""
    return sheet(rows, prolog=XXE_PROLOG).replace("&amp;secret;", "&secret;")
