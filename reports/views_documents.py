"""Print buttons of the award pages: each queues an award document and shows its progress on the report page.

The decision and the session load through their scoped querysets (404 outside the user's units); printing
needs Home Affairs, province staff or a leader over the issuing or council unit (403 otherwise). A tờ trình
is printed by its proposing unit's officers, or by the reviewing level that forwards the nominations.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards.models import Award, CouncilSession, Decision, Nomination, Round
from awards.permissions import can_manage, can_print, can_propose
from reports import services
from reports.documents_certificates import MAX_DECISIONS
from reports.models import Report
from units.fields import row_pks, year_or_none
from units.models import Unit


def _queued(request: HttpRequest, report: Report) -> HttpResponse:
    messages.success(request, _("Document requested. It is being built; this page follows its progress."))
    return redirect("reports:detail", report.pk)


def _decision_document(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    decision = get_object_or_404(Decision.objects.visible_to(request.user).select_related("issuing_unit"), pk=pk)
    if not can_print(request.user, decision.issuing_unit):
        raise PermissionDenied
    report = services.request_report(
        kind, unit=decision.issuing_unit, year=decision.year, narrative={}, by=request.user, decision=decision
    )
    return _queued(request, report)


@login_required
@require_POST
def decision_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _decision_document(request, pk, Report.Kind.DECISION)


@login_required
@require_POST
def certificates_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _decision_document(request, pk, Report.Kind.CERTIFICATES)


@login_required
@require_POST
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(CouncilSession.objects.visible_to(request.user).select_related("council_unit"), pk=pk)
    unit = session.council_unit
    # A commune's council is run by its commune officer (awards.permissions.can_manage).
    if not (can_print(request.user, unit) or can_manage(request.user, unit)):
        raise PermissionDenied
    report = services.request_report(
        Report.Kind.MINUTES, unit=unit, year=session.date.year, narrative={}, by=request.user, session=session
    )
    return _queued(request, report)


def _ids(values: list[str]) -> list[int]:
    return sorted(set(row_pks(values)))


@login_required
@require_POST
def submission_pdf(request: HttpRequest) -> HttpResponse:
    """A tờ trình of `unit`: the chosen nominations, or all it proposed in a round (`round` and `year`)."""
    unit_pk = request.POST.get("unit", "")
    unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=int(unit_pk) if unit_pk.isdecimal() else 0)
    if not (can_propose(request.user, unit) or can_print(request.user, unit)):
        raise PermissionDenied
    chosen = _ids(request.POST.getlist("nominations"))
    if chosen:
        visible = Nomination.objects.visible_to(request.user).filter(
            pk__in=chosen, proposing_unit__in=Unit.objects.within(unit)
        )
        chosen = sorted(visible.values_list("pk", flat=True))
        if not chosen:
            raise Http404
        year = Nomination.objects.filter(pk=chosen[0]).values_list("round_year", flat=True).get()
        parameters = {"nominations": chosen}
    else:
        round_, year = request.POST.get("round", ""), year_or_none(request.POST.get("year"))
        if round_ not in Round.values or year is None:
            messages.error(request, _("Choose the round and the year of the submission."))
            return redirect("awards:list")
        parameters = {"round": round_, "round_year": year}
    report = services.request_report(
        Report.Kind.SUBMISSION, unit=unit, year=year, narrative={}, by=request.user, parameters=parameters
    )
    return _queued(request, report)


@login_required
@require_POST
def batch_certificates_pdf(request: HttpRequest) -> HttpResponse:
    """The certificates of the chosen decisions, or of every decision of `unit` in a round, in one PDF.

    One batch is signed by one leader, so its decisions share their issuing unit.
    """
    chosen = _ids(request.POST.getlist("decisions"))
    if len(chosen) > MAX_DECISIONS:
        messages.error(request, _("Choose at most %(count)d decisions at a time.") % {"count": MAX_DECISIONS})
        return redirect("awards:decisions")
    if chosen:
        decisions = list(Decision.objects.visible_to(request.user).filter(pk__in=chosen).select_related("issuing_unit"))
        if len(decisions) < len(chosen):
            raise Http404
        units = {decision.issuing_unit for decision in decisions}
        if len(units) > 1:
            messages.error(request, _("Choose decisions issued by one unit: each batch is signed by its own leader."))
            return redirect("awards:decisions")
        unit = units.pop()
        year = max(decision.year for decision in decisions)
        parameters = {"decisions": chosen}
    else:
        unit_pk = request.POST.get("unit", "")
        unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=int(unit_pk) if unit_pk.isdecimal() else 0)
        if not can_print(request.user, unit):
            raise PermissionDenied
        round_, year = request.POST.get("round", ""), year_or_none(request.POST.get("year"))
        if round_ not in Round.values or year is None:
            messages.error(request, _("Choose the round and the year of the certificates."))
            return redirect("awards:decisions")
        granted = Award.objects.filter(decision__issuing_unit=unit, round=round_, round_year=year)
        if not granted.exists():
            messages.error(request, _("No decision of this unit granted awards in that round."))
            return redirect("awards:decisions")
        parameters = {"round": round_, "round_year": year}
    if not can_print(request.user, unit):
        raise PermissionDenied
    report = services.request_report(
        Report.Kind.CERTIFICATE_BATCH, unit=unit, year=year, narrative={}, by=request.user, parameters=parameters
    )
    return _queued(request, report)
