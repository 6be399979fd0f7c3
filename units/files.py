"""Serving stored files (plan attachments, evidence, dossier files, report PDFs) through the views that scope them."""

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404


def stored_file_response(
    file: FieldFile, *, filename: str | None = None, as_attachment: bool = False, content_type: str | None = None
) -> FileResponse:
    """The file as a download, or 404 when the row has no file or the file is gone from MEDIA_ROOT.

    A restored database with an older media folder, or a file removed by hand, then reads as "not found"
    instead of a server error.
    """
    if not file:
        raise Http404
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=as_attachment,
        filename=filename or file.name.rsplit("/", 1)[-1],
        content_type=content_type,
    )
