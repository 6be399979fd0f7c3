"""The text of an uploaded plan: a .docx or a PDF with a text layer, bounded before anything is read."""

import io
import zipfile

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from units.uploads import FileKind, check_upload

# A plan is a few pages: these bounds are generous for one and refuse what would tie up the server.
MAX_TEXT = 300_000  # characters read from a paste or a file
MAX_UNPACKED = 30 * 1024 * 1024  # bytes a .docx may unpack to (a zip bomb is refused before unpacking)
MAX_PARTS = 2000  # entries in a .docx
MAX_PAGES = 200
# A PDF with fewer characters a page than this is a scan without a text layer.
MIN_CHARS_PER_PAGE = 40

DOCX = FileKind(b"PK\x03\x04", frozenset({".docx"}))
PDF = FileKind(b"%PDF", frozenset({".pdf"}))


def text_of_upload(upload: UploadedFile) -> str:
    """The upload's text, or a ValidationError in Vietnamese saying why it cannot be read."""
    check_upload(upload, [DOCX, PDF], _("Upload a Word file (.docx) or a PDF."))
    return text_of_bytes(upload.read())


def text_of_bytes(data: bytes) -> str:
    """The text of a .docx, a PDF or plain UTF-8 text (what `manage.py import_plan` reads)."""
    if data.startswith(DOCX.magic):
        text = _docx_text(data)
    elif data.startswith(PDF.magic):
        text = _pdf_text(data)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("Upload a Word file (.docx) or a PDF.")) from error
    return text[:MAX_TEXT]


def _docx_text(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as error:
        raise forms.ValidationError(_("This Word file is damaged and cannot be read.")) from error
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED:
        raise forms.ValidationError(
            _("This Word file unpacks to %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(unpacked), "limit": filesizeformat(MAX_UNPACKED)}
        )
    if "word/document.xml" not in archive.namelist():
        raise forms.ValidationError(_("This file is not a Word document (.docx)."))
    import docx  # python-docx, only where a Word file is read

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several kinds on a malformed part
        raise forms.ValidationError(_("This Word file is damaged and cannot be read.")) from error
    return "\n".join(_body_lines(document))


def _body_lines(document) -> list[str]:
    """Paragraphs and tables in document order. The header (issuer | national motto) and the signature
    (Nơi nhận | TM. …) are usually two-column tables: each cell is read whole, left before right."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(element, document).text)
        elif tag == "tbl":
            for row in Table(element, document).rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is listed once per column it spans
                        continue
                    seen.add(id(cell._tc))
                    lines += [paragraph.text for paragraph in cell.paragraphs]
    return lines


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise forms.ValidationError(
                _("This PDF has %(count)d pages; the limit is %(limit)d.") % {"count": len(pages), "limit": MAX_PAGES}
            )
        chunks, size = [], 0
        for page in pages:
            chunk = page.extract_text() or ""
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_TEXT:
                break
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise forms.ValidationError(_("This PDF is damaged and cannot be read.")) from error
    text = "\n".join(chunks)
    if len(text.strip()) < MIN_CHARS_PER_PAGE * max(1, len(chunks)):
        raise forms.ValidationError(
            _("This PDF has no text layer (it is a scan): run it through OCR first, or paste its text.")
        )
    return text
