"""The one check every upload form makes: size, then extension, first bytes and content type agreeing."""

from dataclasses import dataclass
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FileKind:
    magic: bytes  # the first bytes of such a file
    extensions: frozenset[str]
    # What browsers send for it; None leaves the browser's content type unchecked.
    content_types: frozenset[str] | None = None


def check_upload(upload: UploadedFile, kinds: list[FileKind], refusal: str) -> None:
    """Refuse a file over MAX_UPLOAD_SIZE, or one that is none of `kinds` (with `refusal` as the message).

    The extension alone proves nothing, so the first bytes decide; the name must agree with them too,
    because a download takes its content type from the name (a PDF named .html would open as a web page).
    """
    if upload.size > settings.MAX_UPLOAD_SIZE:
        raise forms.ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(settings.MAX_UPLOAD_SIZE)}
        )
    extension = PurePath(upload.name or "").suffix.lower()
    head = upload.read(8)
    upload.seek(0)
    for kind in kinds:
        if head.startswith(kind.magic):
            if extension in kind.extensions and (
                kind.content_types is None or (upload.content_type or "") in kind.content_types
            ):
                return
            break
    raise forms.ValidationError(refusal)
