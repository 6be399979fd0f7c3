"""The project's URLs plus two that fail on purpose, for the error page tests."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


def denied(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a bug with a secret detail: /srv/chungsuc/settings")


urlpatterns = [
    *project_urlpatterns,
    path("test-errors/denied/", denied),
    path("test-errors/broken/", broken),
]
