"""The council (Hội đồng Thi đua - Khen thưởng) pages: its sessions, the agenda, the votes and the minutes.

Home Affairs (or province staff) over the council's unit runs a session; a commune's own council is run by
its văn phòng - thống kê officer, who appraises the commune's Giấy khen (awards.permissions). Council
members and leaders read. Sessions outside the user's units → 404; a wrong role → 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards import services
from awards.forms_council import (
    AgendaAddForm,
    MemberFormSet,
    MinutesForm,
    SessionForm,
    TallyForm,
    VoteForm,
)
from awards.models import AgendaItem, Ballot, CouncilMember, CouncilSession, Nomination
from awards.permissions import REVIEWER_ROLES, can_manage, council_units
from units.models import Membership, Role, Unit, User
from units.wording import council_name

READER_ROLES = (*REVIEWER_ROLES, Role.COUNCIL_MEMBER, Role.LEADER)


def can_read(user: User, unit: Unit) -> bool:
    return user.has_role_over(unit, *READER_ROLES) or can_manage(user, unit)


def load_session(request: HttpRequest, pk: int, *, manage: bool = False) -> CouncilSession:
    """The session if the user's units include its council (404 otherwise) and their role fits (403)."""
    session = get_object_or_404(CouncilSession.objects.visible_to(request.user).select_related("council_unit"), pk=pk)
    allowed = can_manage if manage else can_read
    if not allowed(request.user, session.council_unit):
        raise PermissionDenied
    return session


def _readable_roots(user: User) -> list[Unit]:
    roots = [unit for unit, membership in user.scope if membership.role in READER_ROLES]
    return roots + council_units(user)


@login_required
def sessions(request: HttpRequest) -> HttpResponse:
    user = request.user
    queryset = CouncilSession.objects.visible_to(user)
    if not user.sees_everything:
        roots = _readable_roots(user)
        if not roots:
            raise PermissionDenied
        queryset = queryset.filter(council_unit__in=Unit.objects.within(*roots))
    rows = (
        queryset.select_related("council_unit")
        .annotate(items=Count("agenda"), passed=Count("agenda", filter=Q(agenda__result=AgendaItem.Result.PASSED)))
        .order_by("-date", "-pk")  # an aggregate query drops Meta.ordering
    )
    context = {"sessions": rows, "can_create": bool(council_units(user))}
    return render(request, "awards/council/session_list.html", context)


def _member_users(units: list[Unit]) -> QuerySet[User]:
    """Accounts that may sit on these councils: people with a role within or above the units."""
    ancestors = {pk for unit in units for pk in unit.path.strip("/").split("/") if pk}
    memberships = Membership.objects.filter(unit__in=Unit.objects.within(*units)) | Membership.objects.filter(
        unit__pk__in=ancestors
    )
    return User.objects.filter(pk__in=memberships.values("user")).order_by("full_name", "username")


def _previous_members(unit: Unit | None) -> list[dict]:
    """The members of the unit's last session: a council's membership rarely changes between sessions."""
    last = CouncilSession.objects.filter(council_unit=unit).order_by("-date", "-pk").first() if unit else None
    if last is None:
        return []
    return [
        {"name": m.name, "position": m.position, "role": m.role, "user": m.user_id, "present": True}
        for m in last.members.order_by("pk")
    ]


@login_required
def session_create(request: HttpRequest) -> HttpResponse:
    units = council_units(request.user)
    if not units:
        raise PermissionDenied
    chosen = next((u for u in units if str(u.pk) == request.GET.get("unit")), units[0] if len(units) == 1 else None)
    initial = {"council_unit": chosen.pk, "title": f"Phiên họp {council_name(chosen)}"} if chosen else {}
    form = SessionForm(request.POST or None, user=request.user, units=units, initial=initial)
    members = MemberFormSet(
        request.POST or None, prefix="members", users=_member_users(units), initial=_previous_members(chosen)
    )
    # Validate both, so that the members' errors show even when a session field is wrong too.
    valid = [form.is_valid(), members.is_valid()] if request.method == "POST" else [False]
    if all(valid):
        data = form.cleaned_data
        try:
            session = services.create_council_session(
                council_unit=data["council_unit"],
                title=data["title"],
                date=data["date"],
                place=data["place"],
                secret_ballot=data["secret_ballot"],
                threshold=form.threshold,
                members=members.members(),
                by=request.user,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Council session created. Add the nominations to its agenda."))
            return redirect("awards:session", session.pk)
    context = {"form": form, "members": members}
    return render(request, "awards/council/session_form.html", context)


def _form_errors(form, error: ValidationError) -> None:
    """A service's refusal next to the field it names, or above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _candidates(session: CouncilSession) -> QuerySet[Nomination]:
    """Nominations in appraisal at the council's unit, ready to go on its agenda."""
    return (
        Nomination.objects.filter(reviewer_unit=session.council_unit, status=Nomination.Status.IN_APPRAISAL)
        .select_related("nominee", "award_form", "proposing_unit")
        .order_by("submission_date", "pk")
    )


def _voters(session: CouncilSession) -> list[CouncilMember]:
    # In the order they were entered (chair first), as on the session page.
    return [member for member in session.members.order_by("pk") if member.votes]


def _item_form(session: CouncilSession, item: AgendaItem, voters: list[CouncilMember], data=None):
    prefix = f"item{item.pk}"
    if session.secret_ballot:
        return TallyForm(data, prefix=prefix)
    return VoteForm(data, prefix=prefix, voters=voters)


def _session_page(request: HttpRequest, session: CouncilSession, **bound) -> HttpResponse:
    """The session: its members, the agenda with tallies and vote forms, the minutes. `bound` keeps a refused
    form with its errors (vote_form for one item, agenda_form, minutes_form)."""
    manage = can_manage(request.user, session.council_unit) and session.status == CouncilSession.Status.OPEN
    members = list(session.members.select_related("user").order_by("pk"))
    voters = [member for member in members if member.votes]
    items = list(
        session.agenda.select_related(
            "nomination__nominee", "nomination__award_form", "nomination__proposing_unit", "nomination__posting"
        ).prefetch_related(
            "nomination__award_form__rules",
            Prefetch("ballots", queryset=Ballot.objects.select_related("member").order_by("member__pk")),
        )
    )
    failed_item = bound.get("item")
    for item in items:
        item.form = None
        item.can_decide = services.can_decide(session.council_unit, item.nomination.award_form, on=session.date)
        item.vote_blocked = services.posting_blocks_vote(item.nomination)
        if manage and item.result == AgendaItem.Result.PENDING:
            if item.pk == getattr(failed_item, "pk", None):
                item.form = bound["vote_form"]
            else:
                item.form = _item_form(session, item, voters)
    candidates = _candidates(session) if manage else Nomination.objects.none()
    context = {
        "session": session,
        "members": members,
        "voters": voters,
        "items": items,
        "manage": manage,
        "can_act": can_manage(request.user, session.council_unit),
        "pending": sum(item.result == AgendaItem.Result.PENDING for item in items),
        "agenda_form": bound.get("agenda_form") or AgendaAddForm(candidates=candidates),
        "has_candidates": manage and candidates.exists(),
        "minutes_form": bound.get("minutes_form") or MinutesForm(initial={"minutes": session.minutes}),
        "decisions": session.decisions.order_by("number"),
    }
    return render(request, "awards/council/session_detail.html", context, status=400 if bound else 200)


@login_required
def session(request: HttpRequest, pk: int) -> HttpResponse:
    return _session_page(request, load_session(request, pk))


@login_required
@require_POST
def agenda_add(request: HttpRequest, pk: int) -> HttpResponse:
    session = load_session(request, pk, manage=True)
    form = AgendaAddForm(request.POST, candidates=_candidates(session))
    if not form.is_valid():
        return _session_page(request, session, agenda_form=form)
    added = 0
    for nomination in form.cleaned_data["nominations"]:
        try:
            services.put_on_agenda(nomination, session=session, by=request.user)
        except ValidationError as error:
            messages.error(request, f"{nomination}: {' '.join(error.messages)}")
        else:
            added += 1
    if added:
        messages.success(request, _("%(count)s nomination(s) added to the agenda.") % {"count": added})
    return redirect("awards:session", session.pk)


@login_required
@require_POST
def record_votes(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    session = load_session(request, pk, manage=True)
    agenda_item = get_object_or_404(session.agenda.select_related("nomination"), pk=item)
    voters = _voters(session)
    form = _item_form(session, agenda_item, voters, request.POST)
    if not form.is_valid():
        return _session_page(request, session, item=agenda_item, vote_form=form)
    try:
        if session.secret_ballot:
            agenda_item = services.record_tally(agenda_item, by=request.user, **form.cleaned_data)
        else:
            agenda_item = services.record_votes(agenda_item, votes=form.votes(), by=request.user)
    except ValidationError as error:
        agenda_item.refresh_from_db()
        if agenda_item.result != AgendaItem.Result.PENDING:  # counted meanwhile (a second click)
            messages.error(request, " ".join(error.messages))
            return redirect("awards:session", session.pk)
        _form_errors(form, error)
        return _session_page(request, session, item=agenda_item, vote_form=form)
    values = {"nomination": agenda_item.nomination, "agree": agenda_item.agree, "cast": _cast(agenda_item)}
    if agenda_item.result == AgendaItem.Result.PASSED:
        messages.success(request, _("%(nomination)s: passed (%(agree)s of %(cast)s votes agree).") % values)
    else:
        messages.warning(request, _("%(nomination)s: not passed (%(agree)s of %(cast)s votes agree).") % values)
    return redirect("awards:session", session.pk)


def _cast(item: AgendaItem) -> int:
    return item.agree + item.disagree + item.abstain


@login_required
@require_POST
def session_close(request: HttpRequest, pk: int) -> HttpResponse:
    session = load_session(request, pk, manage=True)
    form = MinutesForm(request.POST)
    if not form.is_valid():
        return _session_page(request, session, minutes_form=form)
    try:
        services.close_session(session, minutes=form.cleaned_data["minutes"], by=request.user)
    except ValidationError as error:
        _form_errors(form, error)
        return _session_page(request, session, minutes_form=form)
    messages.success(request, _("Session closed with its minutes."))
    return redirect("awards:session", session.pk)
