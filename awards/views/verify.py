"""Public verification of an award: the page the QR code on a certificate leads to, and the QR code itself.

No login. The page confirms the award is genuine with what the certificate already shows (the form, the
awardee's name, the decision, the issuing body, the serial) and nothing else. An unknown code gets the same
404 whatever the reason, so the page tells nothing about which codes exist.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from awards.models import Award
from awards.qr import qr_svg, verification_url


def _award(token: str) -> Award | None:
    return Award.objects.select_related("award_form", "nominee", "decision").filter(verification_token=token).first()


def _no_index(response: HttpResponse) -> HttpResponse:
    # Verification pages name people: search engines must not list them.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_safe
@cache_control(private=True, max_age=0)
def verify(request: HttpRequest, token: str) -> HttpResponse:
    award = _award(token)
    if award is None:
        return _no_index(render(request, "awards/verify/not_found.html", status=404))
    return _no_index(render(request, "awards/verify/verify.html", {"award": award, "decision": award.decision}))


@require_safe
@cache_control(public=True, max_age=86400)
def award_qr(request: HttpRequest, token: str) -> HttpResponse:
    award = _award(token)
    if award is None:
        return _no_index(render(request, "awards/verify/not_found.html", status=404))
    svg = qr_svg(verification_url(award, request), title=award.serial)
    return _no_index(HttpResponse(svg, content_type="image/svg+xml"))
