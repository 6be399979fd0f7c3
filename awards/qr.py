"""QR codes of award verification links, as SVG: the decision page, the certificate and the annex PDF use them."""

import io

import segno
from django.http import HttpRequest
from django.urls import reverse

from awards.models import Award


def qr_svg(url: str, *, scale: int = 4, title: str = "") -> str:
    """An SVG document (no XML declaration, so it can also be inlined in HTML) encoding `url`."""
    # Level M survives a stamp or a fold over part of the printed code.
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=scale, border=2, xmldecl=False, title=title or None, svgclass="qr-code")
    return out.getvalue().decode()


def verification_path(award: Award) -> str:
    return reverse("awards:verify", args=[award.verification_token])


def verification_url(award: Award, request: HttpRequest) -> str:
    """The absolute link the QR code carries (scheme and host of the current request)."""
    return request.build_absolute_uri(verification_path(award))
