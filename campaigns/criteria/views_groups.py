"""Commune groups (Nhóm 1, 2, 3): the province's communes with their group, editable, and their Excel template."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns.criteria import excel
from campaigns.criteria.forms import CommuneGroupForm, WorkbookUploadForm
from campaigns.criteria.permissions import is_national_admin, staff_provinces
from campaigns.criteria.views_excel import report, xlsx_response
from campaigns.models import CommuneGroup
from units.models import Kind, Unit


def _provinces(request: HttpRequest):
    if is_national_admin(request.user):
        return Unit.objects.of_kind(Kind.PROVINCE)
    provinces = staff_provinces(request.user)
    if not provinces:
        raise PermissionDenied
    return Unit.objects.filter(pk__in=[p.pk for p in provinces])


@login_required
def group_index(request: HttpRequest) -> HttpResponse:
    """Straight to the province's list; a national administrator picks a province first."""
    provinces = _provinces(request).order_by("-valid_from", "name")
    if len(provinces) == 1:
        return redirect("criteria:groups", pk=provinces[0].pk)
    return render(request, "criteria/group_index.html", {"provinces": provinces})


def _page(request: HttpRequest, province: Unit, *, form=None, upload=None) -> HttpResponse:
    communes = list(excel.province_communes(province))
    history: dict[int, list[CommuneGroup]] = {}
    for row in CommuneGroup.objects.filter(unit__in=communes).select_related("recorded_by"):
        history.setdefault(row.unit_id, []).append(row)
    today = datetime.date.today()
    rows = []
    for unit in communes:
        rows_of_unit = history.get(unit.pk, [])
        current = next((r for r in rows_of_unit if r.valid_from <= today), rows_of_unit[-1] if rows_of_unit else None)
        posted = form if form is not None and str(form.data.get("unit")) == str(unit.pk) else None
        rows.append({"unit": unit, "current": current, "history": rows_of_unit, "form": posted})
    stray = form if form is not None and not any(row["form"] for row in rows) else None
    context = {
        "province": province,
        "rows": rows,
        "stray_form": stray,
        "groups": CommuneGroup._meta.get_field("group").choices,
        "upload": upload or WorkbookUploadForm(),
        "today": today,
        "without": sum(1 for row in rows if row["current"] is None),
    }
    return render(request, "criteria/groups.html", context, status=400 if form is not None else 200)


@login_required
def groups(request: HttpRequest, pk: int) -> HttpResponse:
    province = get_object_or_404(_provinces(request), pk=pk)
    return _page(request, province)


@login_required
@require_POST
def group_set(request: HttpRequest, pk: int) -> HttpResponse:
    province = get_object_or_404(_provinces(request), pk=pk)
    instance = CommuneGroup(recorded_by=request.user)
    form = CommuneGroupForm(request.POST, province=province, instance=instance)
    if form.is_valid():
        existing = CommuneGroup.objects.filter(unit=form.instance.unit, valid_from=form.instance.valid_from).first()
        if existing is not None:  # the same day again corrects that day's decision rather than adding a row
            form.instance.pk = existing.pk
        form.save()
        messages.success(request, _("Group of %(unit)s saved.") % {"unit": form.instance.unit})
        return redirect(reverse("criteria:groups", args=[province.pk]) + f"#unit-{form.instance.unit_id}")
    return _page(request, province, form=form)


@login_required
def groups_download(request: HttpRequest, pk: int) -> HttpResponse:
    province = get_object_or_404(_provinces(request), pk=pk)
    return xlsx_response(excel.groups_workbook(province), f"nhom-xa-{province.code or province.pk}.xlsx")


@login_required
@require_POST
def groups_upload(request: HttpRequest, pk: int) -> HttpResponse:
    province = get_object_or_404(_provinces(request), pk=pk)
    form = WorkbookUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            result = excel.import_groups(province, form.cleaned_data["file"], by=request.user)
        except excel.WorkbookError as error:
            form.add_error("file", str(error))
        else:
            if not result.errors:
                report(request, result)
                return redirect("criteria:groups", pk=province.pk)
            for error in result.errors:
                form.add_error("file", error)
    return _page(request, province, upload=form)
