"""The pages where province staff list and add their province's historical units (units/historical.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from units.historical import HistoricalUnitForm, added_units, may_add_historical
from units.models import Lineage

PAGE_SIZE = 50


def check_province_staff(request: HttpRequest) -> None:
    if not may_add_historical(request.user):
        raise PermissionDenied


@login_required
def historical_units(request: HttpRequest) -> HttpResponse:
    check_province_staff(request)
    units = (
        added_units(request.user)
        .select_related("parent__parent")
        .prefetch_related(Prefetch("successor_links", queryset=Lineage.objects.select_related("successor")))
        .order_by("-valid_to", "search_name", "pk")
    )
    page = Paginator(units, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "units/historical_list.html", {"page": page})


@login_required
def historical_create(request: HttpRequest) -> HttpResponse:
    check_province_staff(request)
    form = HistoricalUnitForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        unit = form.save()
        messages.success(request, _("%(name)s added with its validity and lineage.") % {"name": unit.name})
        return redirect("units:detail", unit.pk)
    return render(request, "units/historical_form.html", {"form": form})
