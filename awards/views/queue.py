"""The reviewing level's pages: its queue, the appraisal page and the appraisal actions."""

import operator
from collections import Counter
from functools import reduce

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards import services
from awards.forms import AgendaForm, ReasonForm
from awards.forms_postings import PostingForm
from awards.models import AwardForm, CouncilSession, Nomination, PublicPosting, Round
from awards.permissions import appraising_units, can_appraise
from awards.views import query_int
from awards.views.discussion import thread_context, with_comments
from awards.views.nominations import load_nomination, nomination_context
from units.fields import row_pks
from units.models import Unit

Status = Nomination.Status
# The queue in the order the work goes: new files, files being appraised, at the council, awaiting the decision.
QUEUE_STATUSES = [Status.SUBMITTED, Status.IN_APPRAISAL, Status.COUNCIL, Status.APPROVED]
# In that order on the page, each status's files by submission date.
QUEUE_ORDER = Case(*(When(status=s, then=Value(i)) for i, s in enumerate(QUEUE_STATUSES)), output_field=IntegerField())
# A province's Sở Nội vụ may have several hundred files waiting: the page shows them 25 at a time (issue #14).
QUEUE_PAGE_SIZE = 25
# A batch is a council's day of work; more ticked rows than this are a forged form.
MAX_BATCH = 200


def queue_of(units: list[Unit]) -> QuerySet[Nomination]:
    """What waits at `units`: awaiting() (submitted, in appraisal, at the council) plus the approved ones
    that wait for this level's decision or forwarding. One query, whatever the number of units."""
    if not units:
        return Nomination.objects.none()
    waiting = reduce(operator.or_, (Nomination.objects.awaiting(unit) for unit in units))
    return waiting | Nomination.objects.filter(reviewer_unit__in=units, status=Status.APPROVED)


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    units = appraising_units(request.user)
    if not units:
        raise PermissionDenied
    nominations = queue_of(units)
    filters = {
        "round": request.GET.get("round", ""),
        "year": query_int(request.GET.get("year")),
        "form": query_int(request.GET.get("form")),
    }
    if filters["round"] in Round.values:
        nominations = nominations.filter(round=filters["round"])
    if filters["year"]:
        nominations = nominations.filter(round_year=filters["year"])
    if filters["form"]:
        nominations = nominations.filter(award_form_id=filters["form"])
    context = {
        "units": units,
        **queue_page(nominations, request.GET.get("page")),
        "filters": filters,
        "rounds": Round.choices,
        "years": sorted(set(queue_of(units).order_by().values_list("round_year", flat=True).distinct()), reverse=True),
        "award_forms": AwardForm.objects.all(),
        "sessions": list(open_sessions(units)),
    }
    template = "awards/_queue_table.html" if request.htmx else "awards/queue.html"
    return render(request, template, context)


def queue_page(nominations: QuerySet[Nomination], number: str | None) -> dict:
    """One page of the queue, its rows under their status, and what the whole queue holds.

    The whole queue is read as (pk, status) in page order, one light query: the counts, the page, where each
    status begins and the approved files (the tờ trình covers all of them, not only this page's) come from it;
    then the page's rows in full. Two queries, whatever the length of the queue.
    """
    ordered = list(nominations.order_by(QUEUE_ORDER, "submission_date", "pk").values_list("pk", "status"))
    page = Paginator(ordered, QUEUE_PAGE_SIZE).get_page(number)
    loaded = Nomination.objects.filter(pk__in=[pk for pk, _status in page.object_list]).select_related(
        "nominee__unit", "award_form", "proposing_unit", "reviewer_unit"
    )
    by_pk = {nomination.pk: nomination for nomination in loaded}
    counts, begins = Counter(), {}
    for index, (_pk, status) in enumerate(ordered):
        counts[status] += 1
        begins.setdefault(status, index // QUEUE_PAGE_SIZE + 1)
    groups = [
        {"status": status, "label": status.label, "count": counts[status], "rows": [], "page": begins.get(status, 1)}
        for status in QUEUE_STATUSES
    ]
    by_status = {group["status"]: group for group in groups}
    for pk, status in page.object_list:
        if pk in by_pk:  # not gone since the first query
            by_status[status]["rows"].append(by_pk[pk])
    return {
        "groups": groups,
        "total": len(ordered),
        "page": page,
        "approved": [pk for pk, status in ordered if status == Status.APPROVED],
    }


def load_for_appraisal(request: HttpRequest, pk: int) -> Nomination:
    """404 outside the user's scope, 403 for someone who does not appraise at the nomination's level."""
    nomination = load_nomination(request, pk)
    if not can_appraise(request.user, nomination):
        raise PermissionDenied
    return nomination


def optional_url(name: str, *args, query: str = "") -> str:
    """A link to a page another part of the app provides; empty while that page does not exist."""
    try:
        return reverse(name, args=args) + (f"?{query}" if query else "")
    except NoReverseMatch:
        return ""


def appraise_page(request: HttpRequest, nomination: Nomination, **forms) -> HttpResponse:
    unit = nomination.reviewer_unit
    sessions = CouncilSession.objects.filter(council_unit=unit, status=CouncilSession.Status.OPEN)
    agenda_item = (
        nomination.agenda_items.select_related("session").order_by("-pk").first()
        if nomination.status in (Status.COUNCIL, Status.APPROVED)
        else None
    )
    context = nomination_context(nomination)
    thread = thread_context(request.user, nomination)
    context |= {
        **thread,
        "events": with_comments(context["events"], thread["comments"]),
        "changes": services.changes_since_return(nomination),
        "return_form": forms.get("return_form") or ReasonForm(prefix="return"),
        "reject_form": forms.get("reject_form") or ReasonForm(prefix="reject"),
        "agenda_form": forms.get("agenda_form") or AgendaForm(sessions=sessions),
        "has_sessions": sessions.exists(),
        "can_decide": services.can_decide(unit, nomination.award_form),
        "agenda_item": agenda_item,
        "session_url": optional_url("awards:session", agenda_item.session_id) if agenda_item else "",
        "new_session_url": optional_url("awards:session-create", query=f"unit={unit.pk}"),
        "decision_url": optional_url("awards:decision-create", query=f"nomination={nomination.pk}"),
        **posting_context(nomination, forms.get("posting_form")),
    }
    return render(request, "awards/appraise.html", context)


def posting_context(nomination: Nomination, form=None) -> dict:
    """The public posting box of the appraisal page: the posting and its comments, or the form to open one."""
    posting = PublicPosting.objects.filter(nomination=nomination).first()
    return {
        "posting": posting,
        "posting_comments": list(posting.comments.all()) if posting else [],
        "posting_form": form or PostingForm(prefix="posting", initial={"starts_on": timezone.localdate()}),
        "vote_blocked": services.posting_blocks_vote(nomination) if posting else "",
    }


@login_required
def appraise(request: HttpRequest, pk: int) -> HttpResponse:
    return appraise_page(request, load_for_appraisal(request, pk))


def _act(request: HttpRequest, action, nomination: Nomination, success: str, **kwargs) -> bool:
    """Run a workflow service; its refusal (someone acted first, a check failed) becomes a flash message."""
    try:
        action(nomination, by=request.user, **kwargs)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    messages.success(request, success)
    return True


@login_required
@require_POST
def start_appraisal(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = load_for_appraisal(request, pk)
    _act(request, services.start_appraisal, nomination, _("Appraisal started."))
    return redirect("awards:appraise", nomination.pk)


@login_required
@require_POST
def return_(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = load_for_appraisal(request, pk)
    form = ReasonForm(request.POST, prefix="return")
    if not form.is_valid():
        return appraise_page(request, nomination, return_form=form)
    reason = form.cleaned_data["reason"]
    _act(request, services.return_nomination, nomination, _("Returned to the proposer."), reason=reason)
    return redirect("awards:appraise", nomination.pk)


@login_required
@require_POST
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = load_for_appraisal(request, pk)
    form = ReasonForm(request.POST, prefix="reject")
    if not form.is_valid():
        return appraise_page(request, nomination, reject_form=form)
    if _act(
        request, services.reject_nomination, nomination, _("Nomination rejected."), reason=form.cleaned_data["reason"]
    ):
        return redirect("awards:detail", nomination.pk)  # no longer in this level's queue
    return redirect("awards:appraise", nomination.pk)


@login_required
@require_POST
def put_on_agenda(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = load_for_appraisal(request, pk)
    sessions = CouncilSession.objects.filter(council_unit=nomination.reviewer_unit, status=CouncilSession.Status.OPEN)
    form = AgendaForm(request.POST, sessions=sessions)
    if not form.is_valid():
        return appraise_page(request, nomination, agenda_form=form)
    session = form.cleaned_data["session"]
    success = _("Put on the agenda of %(session)s.") % {"session": session}
    _act(request, services.put_on_agenda, nomination, success, session=session)
    return redirect("awards:appraise", nomination.pk)


@login_required
@require_POST
def forward(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = load_for_appraisal(request, pk)
    try:
        nomination = services.forward_nomination(nomination, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("awards:appraise", nomination.pk)
    if nomination.reviewer_unit is not None:
        messages.success(request, _("Forwarded to %(unit)s.") % {"unit": nomination.reviewer_unit})
    else:
        messages.success(request, _("Forwarded outside the app to the central level."))
    return redirect("awards:detail", nomination.pk)


def _chosen(request: HttpRequest, units: list[Unit]) -> list[Nomination]:
    """The ticked rows, each scoped to the user's queue: a pk from elsewhere is simply not found."""
    pks = row_pks(request.POST.getlist("pk"))[:MAX_BATCH]
    return list(queue_of(units).filter(pk__in=pks).select_related("nominee", "reviewer_unit").order_by("pk"))


def _report_batch(request: HttpRequest, done: int, skipped: list[str], success: str) -> None:
    if done:
        messages.success(request, success)
    for message in skipped:
        messages.warning(request, message)


@login_required
@require_POST
def start_batch(request: HttpRequest) -> HttpResponse:
    """Take the ticked submitted nominations into appraisal; one refused (someone acted first) is named."""
    units = appraising_units(request.user)
    if not units:
        raise PermissionDenied
    chosen = _chosen(request, units)
    if not chosen:
        messages.warning(request, _("Tick the nominations first."))
        return redirect("awards:queue")
    done, skipped = 0, []
    for nomination in chosen:
        try:
            services.start_appraisal(nomination, by=request.user)
            done += 1
        except ValidationError as error:
            skipped.append(f"{nomination.nominee.name}: {' '.join(error.messages)}")
    _report_batch(request, done, skipped, _("Appraisal started for %(count)s nominations.") % {"count": done})
    return redirect("awards:queue")


@login_required
@require_POST
def agenda_batch(request: HttpRequest) -> HttpResponse:
    """Put the ticked nominations in appraisal on an open session of their reviewing unit's council."""
    units = appraising_units(request.user)
    if not units:
        raise PermissionDenied
    form = AgendaForm(request.POST, sessions=open_sessions(units))
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("awards:queue")
    chosen = _chosen(request, units)
    if not chosen:
        messages.warning(request, _("Tick the nominations first."))
        return redirect("awards:queue")
    session = form.cleaned_data["session"]
    done, skipped = 0, []
    for nomination in chosen:
        try:
            services.put_on_agenda(nomination, session=session, by=request.user)
            done += 1
        except ValidationError as error:
            skipped.append(f"{nomination.nominee.name}: {' '.join(error.messages)}")
    success = _("%(count)s nominations put on the agenda of %(session)s.") % {"count": done, "session": session}
    _report_batch(request, done, skipped, success)
    return redirect("awards:queue")


def open_sessions(units: list[Unit]) -> QuerySet[CouncilSession]:
    return CouncilSession.objects.filter(council_unit__in=units, status=CouncilSession.Status.OPEN).select_related(
        "council_unit"
    )
