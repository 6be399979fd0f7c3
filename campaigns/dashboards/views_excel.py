"""Excel in: the assessment template of a district's or province's year, and its upload (all or nothing)."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from campaigns.dashboards import excel as excel_assessments
from campaigns.dashboards.forms import AssessmentUploadForm
from campaigns.dashboards.views import (
    XLSX,
    check_year,
    communes_in_year,
    criteria_for,
    load_unit,
    page_context,
    status_rows,
)
from campaigns.models import Assessment, CriterionResult


@login_required
def template(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = load_unit(request, unit_pk, write=True)
    check_year(unit, year)
    criteria = criteria_for(unit, year)
    if not criteria:
        messages.error(request, _("No criteria set covers %(year)s.") % {"year": year})
        return redirect("dashboards:upload", unit.pk, year)
    rows = status_rows(unit, year)
    prefill: dict[int, dict[int, bool]] = defaultdict(dict)
    for unit_id, number, achieved in CriterionResult.objects.filter(
        assessment__unit__in=communes_in_year(unit, year),
        assessment__year=year,
        assessment__status__in=[Assessment.Status.DRAFT, Assessment.Status.RETURNED],
    ).values_list("assessment__unit_id", "criterion__number", "achieved"):
        prefill[unit_id][number] = achieved
    editable = [
        excel_assessments.TemplateRow(row.unit, prefill[row.unit.pk], row.assessment.note if row.assessment else "")
        for row in rows
        if row.is_pending
    ]
    locked = [row.unit for row in rows if not row.is_pending]
    content = excel_assessments.build_template(unit=unit, year=year, criteria=criteria, rows=editable, locked=locked)
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="assessments-{unit.code or unit.pk}-{year}.xlsx"'
    return response


@login_required
def upload(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = load_unit(request, unit_pk, write=True)
    years = check_year(unit, year)
    criteria = criteria_for(unit, year)
    form = AssessmentUploadForm(request.POST or None, request.FILES or None)
    row_errors: list[excel_assessments.RowError] = []
    if request.method == "POST" and form.is_valid():
        try:
            if not criteria:
                raise excel_assessments.WorkbookError(_("No criteria set covers %(year)s.") % {"year": year})
            rows = excel_assessments.read_upload(
                form.cleaned_data["file"], year=year, numbers=[c.number for c in criteria]
            )
        except excel_assessments.WorkbookError as error:
            form.add_error("file", str(error))
        else:
            row_errors = excel_assessments.check_rows(rows, unit=unit, year=year, communes=communes_in_year(unit, year))
            if not row_errors:
                try:
                    count = excel_assessments.save_rows(rows, year=year, by=request.user)
                except excel_assessments.RowRefused as refused:
                    row_errors = [refused.error]
                else:
                    messages.success(
                        request,
                        ngettext(
                            "Saved %(count)d commune as a draft; each commune still submits its own year.",
                            "Saved %(count)d communes as drafts; each commune still submits its own year.",
                            count,
                        )
                        % {"count": count},
                    )
                    return redirect("dashboards:status", unit.pk, year)
    context = {**page_context(request, unit, year, years), "form": form, "row_errors": row_errors, "criteria": criteria}
    return render(request, "dashboards/upload.html", context)
