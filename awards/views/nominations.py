"""The proposer's pages: their nominations, the form, the dossier page, uploads and submission."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards import services
from awards.catalogue import DOSSIER_PARTS
from awards.forms import KIND_FIELDS, DossierFileForm, NominationForm, NoteForm, nominee_initial
from awards.models import AwardForm, DossierFile, Nomination, Nominee, NomineeKind
from awards.permissions import can_appraise, can_edit, can_propose, proposing_units
from awards.services.grants import regime_label
from awards.views import query_int
from awards.views.discussion import thread_context, with_comments
from campaigns.models import Campaign
from units.files import stored_file_response
from units.models import Unit

PAGE_SIZE = 50


def load_nomination(request: HttpRequest, pk: int) -> Nomination:
    """The nomination if the user may see it; 404 outside their scope."""
    queryset = Nomination.objects.visible_to(request.user).select_related(
        "nominee__unit", "award_form", "campaign", "plan", "proposing_unit", "reviewer_unit", "created_by"
    )
    return get_object_or_404(queryset, pk=pk)


@login_required
def nomination_list(request: HttpRequest) -> HttpResponse:
    """Nominations proposed within the user's subtree, newest first, with filters."""
    user = request.user
    nominations = (
        Nomination.objects.visible_to(user)
        .filter(proposing_unit__in=Unit.objects.visible_to(user))
        .select_related("nominee", "award_form", "proposing_unit", "reviewer_unit")
    )
    status = request.GET.get("status", "")
    if status in Nomination.Status.values:
        nominations = nominations.filter(status=status)
    year = query_int(request.GET.get("year"))
    if year:
        nominations = nominations.filter(round_year=year)
    form_id = query_int(request.GET.get("form"))
    if form_id:
        nominations = nominations.filter(award_form_id=form_id)
    page = Paginator(nominations, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "nominations": page.object_list,
        "statuses": Nomination.Status.choices,
        "award_forms": AwardForm.objects.all(),
        "years": range(datetime.date.today().year, Campaign.objects.first_year() - 1, -1),
        "filters": {"status": status, "year": year, "form": form_id},
        "can_create": bool(proposing_units(user)),
    }
    return render(request, "awards/nomination_list.html", context)


@login_required
def create(request: HttpRequest) -> HttpResponse:
    units = proposing_units(request.user)
    if not units:
        raise PermissionDenied
    form = NominationForm(
        request.POST or None, user=request.user, proposing_units=units, initial=_suggested(request, units)
    )
    if request.method == "POST" and form.is_valid():
        nomination = form.save()
        messages.success(request, _("Draft saved. Add the dossier files, then submit it."))
        return redirect("awards:detail", nomination.pk)
    return render(request, "awards/nomination_form.html", {"form": form, "nomination": None, **_form_context()})


def _suggested(request: HttpRequest, units: list[Unit]) -> dict:
    """Initial values from a suggestion's "propose" link (awards:suggestions): nominee, form and text."""
    initial = {}
    campaign = Campaign.objects.order_by("-start_year").first()
    if campaign:
        initial["campaign"] = campaign.pk
    nominee = Nominee.objects.filter(
        pk=query_int(request.GET.get("nominee")), unit__in=Unit.objects.within(*units)
    ).first()
    if nominee:
        initial.update(nominee_initial(nominee))
    elif collective := Unit.objects.within(*units).filter(pk=query_int(request.GET.get("collective"))).first():
        initial.update(nominee_kind=NomineeKind.COLLECTIVE, collective_unit=collective.pk)
    unit = next((u for u in units if u.pk == query_int(request.GET.get("unit"))), units[0] if len(units) == 1 else None)
    if unit is not None:
        initial["proposing_unit"] = unit.pk
        # A body dissolved in the reform proposes with a date while it existed: its last day, by default.
        if unit.valid_to and unit.valid_to < datetime.date.today():
            initial["submission_date"] = unit.valid_to
    for name in ("award_form", "round_year", "plan", "campaign"):
        if value := query_int(request.GET.get(name)):
            initial[name] = value
    for name in ("achievements", "round", "type"):
        if value := request.GET.get(name, "").strip():
            initial[name] = value
    return initial


def _form_context() -> dict:
    return {"kind_fields": {str(kind): names for kind, names in KIND_FIELDS.items()}}


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = load_nomination(request, pk)
    if not can_edit(request.user, nomination):
        raise PermissionDenied
    form = NominationForm(
        request.POST or None, instance=nomination, user=request.user, proposing_units=[nomination.proposing_unit]
    )
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except ValidationError as error:  # someone else saved since the form was read: keep the user's input
            form.add_error(None, error)
        else:
            messages.success(request, _("Nomination saved."))
            return redirect("awards:detail", nomination.pk)
    context = {"form": form, "nomination": nomination, **_form_context()}
    return render(request, "awards/nomination_form.html", context)


def dossier_parts(nomination: Nomination, files: list[DossierFile]) -> list[dict]:
    """Each dossier part with its files; the parts the award form requires come first, marked."""
    required = nomination.award_form.required_parts or []
    parts = [
        {"key": key, "label": label, "required": key in required, "files": [f for f in files if f.part == key]}
        for key, label in DOSSIER_PARTS.items()
    ]
    return sorted(parts, key=lambda part: not part["required"])


def nomination_context(nomination: Nomination) -> dict:
    """What both the detail and the appraisal page show: the dossier, the findings and the timeline."""
    files = list(nomination.files.select_related("uploaded_by"))
    findings = services.check_nomination(nomination)
    return {
        "nomination": nomination,
        "parts": dossier_parts(nomination, files),
        "findings": findings,
        "has_errors": any(finding.level == "error" for finding in findings),
        "events": _labelled(nomination.events.select_related("by", "unit")),
        "award": getattr(nomination, "award", None) if nomination.status == Nomination.Status.DECISION_ISSUED else None,
        # The texts named by the grant rule the tờ trình cites, not a second table of regime dates.
        "regime": regime_label(nomination.award_form, nomination.submission_date) if nomination.submission_date else "",
    }


def _labelled(events) -> list:
    events = list(events)
    for event in events:
        event.label = services.ACTION_LABELS.get(event.action) or event.get_to_status_display()
    return events


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = load_nomination(request, pk)
    user = request.user
    editable = can_edit(user, nomination)
    context = nomination_context(nomination)
    thread = thread_context(user, nomination)
    context |= {
        **thread,
        "events": with_comments(context["events"], thread["comments"]),
        "can_edit": editable,
        "can_upload": editable or can_appraise(user, nomination),
        "can_appraise": can_appraise(user, nomination),
        "can_close": _may_close_dissolved(request, nomination),
        "close_form": NoteForm(),
    }
    return render(request, "awards/nomination_detail.html", context)


def _may_close_dissolved(request: HttpRequest, nomination: Nomination) -> bool:
    """Open, with a proposing or reviewing body that no longer exists, and the user acts for one of them."""
    if nomination.status in Nomination.CLOSED_STATUSES:
        return False
    bodies = [unit for unit in (nomination.proposing_unit, nomination.reviewer_unit) if unit is not None]
    if not any(unit.is_historical for unit in bodies):
        return False
    return can_appraise(request.user, nomination) or can_propose(request.user, nomination.proposing_unit)


@login_required
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = load_nomination(request, pk)
    if not (can_edit(request.user, nomination) or can_appraise(request.user, nomination)):
        raise PermissionDenied
    form = DossierFileForm(
        request.POST or None,
        request.FILES or None,
        instance=DossierFile(nomination=nomination, uploaded_by=request.user),
        initial={"part": request.GET.get("part", "")},
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("File added to the dossier."))
        return redirect("awards:detail", nomination.pk)
    required = nomination.award_form.required_parts or []
    context = {"form": form, "nomination": nomination, "required": [DOSSIER_PARTS[key] for key in required]}
    return render(request, "awards/dossier_form.html", context)


@login_required
def download(request: HttpRequest, pk: int) -> FileResponse:
    """Dossier files go through the nomination's scoping: they are no public media."""
    file = get_object_or_404(
        DossierFile.objects.filter(nomination__in=Nomination.objects.visible_to(request.user)), pk=pk
    )
    return stored_file_response(file.file)


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = load_nomination(request, pk)
    if not can_edit(request.user, nomination):
        raise PermissionDenied
    try:
        nomination = services.submit_nomination(nomination, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Submitted to %(unit)s.") % {"unit": nomination.reviewer_unit or _("the level above")}
        )
    return redirect("awards:detail", nomination.pk)


@login_required
@require_POST
def close_dissolved(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = load_nomination(request, pk)
    if not _may_close_dissolved(request, nomination):
        raise PermissionDenied
    form = NoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the nomination is closed."))
        return redirect("awards:detail", nomination.pk)
    try:
        services.close_dissolved(nomination, by=request.user, note=form.cleaned_data["note"])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Nomination closed: the body was dissolved."))
    return redirect("awards:detail", nomination.pk)
