"""Account pages: administrators of a province or district manage the accounts of their subtree (units/people.py).

Accounts are deactivated, never deleted: their names stay on the assessments, nominations and history they signed.
"""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset as reset_attempts
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.html import format_html
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from units.models import Membership, User
from units.people import managed_memberships, managed_users, may_administer
from units.people_forms import AccountForm, MembershipForm, NewAccountForm, PeopleFilterForm

PAGE_SIZE = 50


def check_administrator(request: HttpRequest) -> None:
    if not may_administer(request.user):
        raise PermissionDenied


def with_memberships(users):
    return users.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("unit__parent").order_by("pk"))
    )


@login_required
def people(request: HttpRequest) -> HttpResponse:
    check_administrator(request)
    users = managed_users(request.user)
    form = PeopleFilterForm(request.GET)
    if form.is_valid() and (text := form.cleaned_data["q"].strip()):
        users = users.filter(Q(username__icontains=text) | Q(full_name__icontains=text))
    page = Paginator(with_memberships(users.order_by("-is_active", "full_name", "username", "pk")), PAGE_SIZE)
    return render(request, "people/person_list.html", {"form": form, "page": page.get_page(request.GET.get("page"))})


def set_password_link(request: HttpRequest, user: User) -> str:
    """A link with which `user` chooses a password; it stops working once used (the token hashes the password)."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return request.build_absolute_uri(path)


def show_link_once(request: HttpRequest, user: User) -> None:
    link = set_password_link(request, user)
    messages.info(
        request,
        format_html(
            '{} <code class="d-block user-select-all text-break" id="set-password-link">{}</code>',
            _("Give this link to %(name)s to set a password; it is shown only once and works once.") % {"name": user},
            link,
        ),
    )


@login_required
def person_create(request: HttpRequest) -> HttpResponse:
    check_administrator(request)
    form = NewAccountForm(request.POST or None, by=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
        messages.success(request, _("Account %(username)s created.") % {"username": user.username})
        if not user.has_usable_password():
            show_link_once(request, user)
        return redirect("people:edit", user.pk)
    return render(request, "people/person_create.html", {"form": form})


def load_person(request: HttpRequest, pk: int) -> User:
    check_administrator(request)
    return get_object_or_404(managed_users(request.user), pk=pk)


@login_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = load_person(request, pk)
    form = AccountForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Account saved."))
        return redirect("people:edit", person.pk)
    return _person_page(request, person, form, MembershipForm(by=request.user, user=person))


def _person_page(request: HttpRequest, person: User, form: AccountForm, membership_form: MembershipForm):
    context = {
        "person": person,
        "form": form,
        "membership_form": membership_form,
        "memberships": person.memberships.select_related("unit__parent").order_by("pk"),
        "locked_out": is_locked_out(person),
    }
    return render(request, "people/person_form.html", context)


def is_locked_out(person: User) -> bool:
    """Too many wrong passwords lately (django-axes), from any address: the person waits out the cool-off."""
    recent = AccessAttempt.objects.filter(
        username=person.username, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    )
    if cool_off := get_cool_off():
        recent = recent.filter(attempt_time__gte=timezone.now() - cool_off)
    return recent.exists()


@login_required
@require_POST
def membership_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = load_person(request, pk)
    membership_form = MembershipForm(request.POST, by=request.user, user=person)
    if membership_form.is_valid():
        membership = membership_form.save()
        messages.success(request, _("Membership added: %(membership)s.") % {"membership": membership})
        return redirect("people:edit", person.pk)
    return _person_page(request, person, AccountForm(instance=person), membership_form)


@login_required
@require_POST
def membership_remove(request: HttpRequest, pk: int) -> HttpResponse:
    check_administrator(request)
    membership = get_object_or_404(managed_memberships(request.user).select_related("user", "unit"), pk=pk)
    person = membership.user
    # Below national level the last membership keeps the account in its administrator's reach.
    if not request.user.sees_everything and person.memberships.count() == 1:
        messages.error(request, _("This is the account's only membership: deactivate the account instead."))
    else:
        membership.delete()
        messages.success(request, _("Membership removed: %(membership)s.") % {"membership": membership})
    return redirect("people:edit", person.pk)


@login_required
@require_POST
def person_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    person = load_person(request, pk)
    person.is_active = False
    person.save(update_fields=["is_active"])
    messages.success(
        request, _("Account %(username)s deactivated: it can no longer sign in.") % {"username": person.username}
    )
    return redirect("people:edit", person.pk)


@login_required
@require_POST
def person_activate(request: HttpRequest, pk: int) -> HttpResponse:
    person = load_person(request, pk)
    person.is_active = True
    person.save(update_fields=["is_active"])
    messages.success(request, _("Account %(username)s reactivated.") % {"username": person.username})
    return redirect("people:edit", person.pk)


@login_required
@require_POST
def person_password_link(request: HttpRequest, pk: int) -> HttpResponse:
    """A new set-password link for someone who forgot theirs; the old password stops working at once."""
    person = load_person(request, pk)
    person.set_unusable_password()
    person.save(update_fields=["password"])
    show_link_once(request, person)
    return redirect("people:edit", person.pk)


@login_required
@require_POST
def person_unlock(request: HttpRequest, pk: int) -> HttpResponse:
    """Lets someone locked out by wrong passwords try again at once (a colleague vouched for them)."""
    person = load_person(request, pk)
    reset_attempts(username=person.username)
    messages.success(request, _("Account %(username)s unlocked: it may sign in again.") % {"username": person.username})
    return redirect("people:edit", person.pk)
