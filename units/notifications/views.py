"""The inbox: a person's notifications, newest first; opening one marks it read and follows its link."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from units.notifications.models import Notification
from units.notifications.services import mark_all_read, mark_read

PAGE_SIZE = 30


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    notifications = Notification.objects.for_user(request.user)
    only_unread = request.GET.get("unread") == "1"
    if only_unread:
        notifications = notifications.unread()
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page, "only_unread": only_unread})


@login_required
@require_POST
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark it read and go to what it is about; someone else's notification answers 404."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    mark_read(notification)
    # The link is stored by the app, but only ever followed within the site.
    if notification.url and url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None):
        return redirect(notification.url)
    return redirect("notifications:inbox")


@login_required
@require_POST
def read(request: HttpRequest, pk: int) -> HttpResponse:
    mark_read(get_object_or_404(Notification, pk=pk, recipient=request.user))
    return redirect("notifications:inbox")


@login_required
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    mark_all_read(request.user)
    return redirect("notifications:inbox")
