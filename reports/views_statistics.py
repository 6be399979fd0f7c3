"""The yearly emulation statistics of a unit: the tables on a page, an Excel export, and a PDF requested with the
figures the unit enters (reports.statistics)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reports import services
from reports.excel import XLSX, build_workbook
from reports.models import Report
from reports.statistics.compute import compute
from reports.statistics.document import statistics_context
from reports.statistics.forms import EnteredFiguresForm, StatisticsChoiceForm


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    """GET shows the tables of the chosen unit and year; POST requests their PDF with the entered figures."""
    data = request.POST if request.method == "POST" else (request.GET or None)
    choice = StatisticsChoiceForm(data, user=request.user, initial={"year": _default_year()})
    if data is None:
        # Most officials report for one unit: show its current year at once.
        units = list(choice.fields["unit"].queryset[:2])
        if len(units) == 1:
            choice = StatisticsChoiceForm({"unit": units[0].pk, "year": _default_year()}, user=request.user)
    tables, entered = [], None
    if choice.is_valid():
        unit, year = choice.cleaned_data["unit"], choice.cleaned_data["year"]
        if not services.can_request(request.user, unit):
            raise PermissionDenied
        tables = compute(unit, year)
        entered = EnteredFiguresForm(request.POST if request.method == "POST" else None, tables=tables)
        if request.method == "POST" and entered.is_valid():
            report = services.request_report(
                Report.Kind.STATISTICS,
                unit=unit,
                year=year,
                narrative={},
                by=request.user,
                parameters={"entered": entered.figures()},
            )
            messages.success(request, _("Document requested. It is being built; this page follows its progress."))
            return redirect("reports:detail", report.pk)
        for table in tables:
            for _row, cells in table.rows:
                for cell in cells:
                    cell.field = entered[cell.key] if cell.entered else None
    context = {"choice": choice, "tables": tables, "entered": entered}
    return render(request, "reports/statistics.html", context)


@login_required
def statistics_xlsx(request: HttpRequest) -> HttpResponse:
    """The computed tables as a workbook (entered cells blank): one sheet per form."""
    choice = StatisticsChoiceForm(request.GET, user=request.user)
    if not choice.is_valid():
        return redirect("reports:statistics")
    unit, year = choice.cleaned_data["unit"], choice.cleaned_data["year"]
    if not services.can_request(request.user, unit):
        raise PermissionDenied
    report = Report(kind=Report.Kind.STATISTICS, unit=unit, year=year, parameters={})
    with translation.override("vi"):
        context = statistics_context(report)
        content = build_workbook(context, context["table_list"])
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="thong-ke-thi-dua-khen-thuong-{year}.xlsx"'
    return response


def _default_year() -> int:
    """The reporting year that ends in the current calendar year: due on 15 December."""
    return timezone.localdate().year
