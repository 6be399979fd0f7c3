"""Download and upload of the criteria set's Excel template."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns.criteria import excel
from campaigns.criteria.forms import WorkbookUploadForm
from campaigns.criteria.permissions import editable_sets, uses_editor, visible_sets
from campaigns.criteria.views import set_url

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def report(request: HttpRequest, result: excel.ImportResult) -> None:
    if result.created or result.changed:
        messages.success(
            request,
            _("Imported: %(created)s added, %(changed)s changed, %(unchanged)s unchanged.")
            % {"created": result.created, "changed": result.changed, "unchanged": result.unchanged},
        )
    else:
        messages.info(request, _("No changes: the file matches what is saved."))


@login_required
def set_download(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = get_object_or_404(visible_sets(request.user), pk=pk)
    if not uses_editor(request.user):
        raise PermissionDenied
    return xlsx_response(excel.set_workbook(criteria_set), f"{criteria_set.code}.xlsx")


@login_required
@require_POST
def set_upload(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = get_object_or_404(editable_sets(request.user), pk=pk)
    form = WorkbookUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            result = excel.import_set(criteria_set, form.cleaned_data["file"])
        except excel.WorkbookError as error:
            form.add_error("file", str(error))
        else:
            if not result.errors:
                report(request, result)
                return redirect(set_url(criteria_set))
            for error in result.errors:
                form.add_error("file", error)
    return render(request, "criteria/upload.html", {"form": form, "criteria_set": criteria_set})
