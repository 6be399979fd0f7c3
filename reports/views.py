"""Report pages: request a report, watch it being built, download it, build a new version, export its tables.

Reports load through Report.objects.visible_to (404 outside the user's subtree): a leader reads and
downloads every report of the units under theirs. Requesting needs a requesting role at the unit.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reports import services
from reports.content import tables_of
from reports.documents import REGISTRY, filename_of, form_kinds
from reports.excel import XLSX, build_workbook
from reports.forms import ReportRequestForm, requestable_units
from reports.models import Report
from units.files import stored_file_response

LIST_LIMIT = 300


def visible_report(request: HttpRequest, pk: int) -> Report:
    return get_object_or_404(Report.objects.visible_to(request.user).select_related("unit", "requested_by"), pk=pk)


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    """Newest first, the versions of one report (kind, unit, year) together."""
    reports = list(
        Report.objects.visible_to(request.user)
        .select_related("unit", "requested_by")
        .order_by("-requested_at", "-pk")[:LIST_LIMIT]
    )
    groups: dict[tuple, list[Report]] = {}
    for report in reports:
        groups.setdefault((report.kind, report.unit_id, report.year, report.decision_id, report.session_id), []).append(
            report
        )
    context = {
        "groups": [sorted(versions, key=lambda r: -r.version) for versions in groups.values()],
        "can_request": requestable_units(request.user).exists(),
    }
    return render(request, "reports/report_list.html", context)


@login_required
def create(request: HttpRequest) -> HttpResponse:
    units = list(requestable_units(request.user)[:2])
    if not units:
        raise PermissionDenied
    if request.method == "POST":
        form = ReportRequestForm(request.POST, user=request.user)
        if form.is_valid():
            report = services.request_report(
                form.cleaned_data["kind"],
                unit=form.cleaned_data["unit"],
                year=form.cleaned_data["year"],
                narrative=form.narrative,
                parameters=form.parameters,
                by=request.user,
            )
            messages.success(request, _("Report requested. It is being built; this page follows its progress."))
            return redirect("reports:detail", report.pk)
    else:
        # ?kind=final&unit=<pk> preselects, e.g. from a unit's page; a single unit is preselected anyway.
        unit = units[0].pk if len(units) == 1 else request.GET.get("unit")
        kind = request.GET.get("kind") or next(iter(form_kinds()), ("", ""))[0]
        form = ReportRequestForm(initial={"kind": kind, "unit": unit}, user=request.user)
    return render(request, "reports/report_form.html", {"form": form})


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = visible_report(request, pk)
    versions = Report.objects.visible_to(request.user).versions_of(report).select_related("requested_by")
    context = {
        "report": report,
        "versions": [version for version in versions if version.pk != report.pk],
        "can_regenerate": services.can_request(request.user, report.unit),
        "can_export": report.kind in REGISTRY,
    }
    return render(request, "reports/report_detail.html", context)


@login_required
def status(request: HttpRequest, pk: int) -> HttpResponse:
    """The status fragment: polled by htmx while the report is queued or running."""
    report = visible_report(request, pk)
    if not request.htmx:
        return redirect("reports:detail", report.pk)
    return render(request, "reports/_report_status.html", {"report": report, "can_export": report.kind in REGISTRY})


@login_required
def download(request: HttpRequest, pk: int) -> FileResponse:
    report = visible_report(request, pk)
    if report.status != Report.Status.DONE:
        raise Http404
    return stored_file_response(
        report.file, as_attachment=True, filename=filename_of(report), content_type="application/pdf"
    )


@login_required
@require_POST
def regenerate(request: HttpRequest, pk: int) -> HttpResponse:
    report = visible_report(request, pk)
    if not services.can_request(request.user, report.unit):
        raise PermissionDenied
    new = services.regenerate_report(report, by=request.user)
    messages.success(
        request,
        _("Version %(version)s requested; version %(old)s is kept.") % {"version": new.version, "old": report.version},
    )
    return redirect("reports:detail", new.pk)


@login_required
def xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """The report's tables as a workbook, computed now with the report's parameters."""
    report = visible_report(request, pk)
    if report.kind not in REGISTRY:
        raise Http404
    with translation.override(report.language):
        context = REGISTRY[report.kind].build_context(report)
        content = build_workbook(context, tables_of(context))
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename_of(report, "xlsx")}"'
    return response
