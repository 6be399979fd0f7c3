"""Project-wide views that belong to no app."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A refused form, explained in the app's layout (Django's own page is bare English and has no request).

    `reason` is for developers only; the log records it (django.security.csrf).
    """
    return render(request, "403_csrf.html", status=403)
