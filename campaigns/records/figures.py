"""A unit's yearly figures (income per head, poverty rate…) and the ratio and free-indicator targets that read them.

Read by everyone who sees the unit; the figures are entered on each target's data grid by the unit's staff
(campaigns.plans.views.bases.target_data), so the page links there rather than repeating the form.
"""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse

from campaigns.models import Measurement, Plan, Target
from campaigns.plans.basis_forms import MEASURED_TYPES
from campaigns.plans.permissions import can_enter_data
from campaigns.records.views import load_hub, page


@login_required
def figures(request: HttpRequest, pk: int) -> HttpResponse:
    hub = load_hub(request, pk)
    series: dict[str, dict[int, Measurement]] = {}
    for measurement in Measurement.objects.filter(unit=hub).order_by("indicator", "year"):
        series.setdefault(measurement.indicator, {})[measurement.year] = measurement
    years = sorted({year for values in series.values() for year in values})
    targets = (
        Target.objects.filter(type__in=MEASURED_TYPES, plan__in=Plan.objects.visible_to(request.user))
        .filter(Q(scope_unit=hub) | Q(scope_unit__isnull=True, plan__issuing_unit=hub))
        .exclude(indicator="")
        .select_related("plan")
        .order_by("indicator", "plan__issue_date", "pk")
    )
    rows = [(indicator, [values.get(year) for year in years]) for indicator, values in series.items()]
    context = {"years": years, "rows": rows, "targets": targets, "can_enter": can_enter_data(request.user, hub)}
    return page(request, "records/figure_list.html", hub, "figures", **context)
