"""The overdue page: timeline items of every plan below a leader or reviewer, overdue or due soon, by unit."""

from itertools import groupby

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.plans.overdue import (
    DUE_SOON,
    DUE_SOON_DAYS,
    ESCALATED,
    OVERDUE,
    may_watch,
    watched_items,
    watched_plans,
)
from units.fields import UnitChoiceField
from units.models import Unit

# The page lists at most this many items; the filters narrow a longer list.
MAX_ITEMS = 500


class OverdueFilterForm(forms.Form):
    unit = UnitChoiceField(scope="plans:watched-units", label=_("Unit"), required=False)
    plan = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[
            ("", _("Overdue or due soon")),
            (OVERDUE, _("Overdue")),
            (DUE_SOON, _("Due within 30 days")),
            (ESCALATED, _("Escalated")),
        ],
    )


@login_required
def overdue(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not may_watch(user):
        raise PermissionDenied
    plans = watched_plans(user)
    form = OverdueFilterForm(request.GET or None)
    form.fields["unit"].limit_to(user)
    chosen_plan = None
    state = ""
    if form.is_valid():
        if unit := form.cleaned_data["unit"]:
            plans = plans.filter(issuing_unit__in=Unit.objects.within(unit))
        if plan_pk := form.cleaned_data["plan"]:
            plans = plans.filter(pk=plan_pk)  # within the user's plans: another unit's plan lists nothing
            chosen_plan = plans.select_related("issuing_unit").first()
        state = form.cleaned_data["state"]
    items = watched_items(plans, today=timezone.localdate())
    if state == OVERDUE:
        items = [item for item in items if item.overdue]
    elif state == DUE_SOON:
        items = [item for item in items if not item.overdue]
    elif state == ESCALATED:
        items = [item for item in items if item.escalated]
    shown = items[:MAX_ITEMS]
    context = {
        "form": form,
        "groups": [(unit, list(rows)) for unit, rows in groupby(shown, key=lambda item: item.unit)],
        "count": len(items),
        "overdue_count": sum(item.overdue for item in items),
        "escalated_count": sum(item.escalated for item in items),
        "truncated": len(items) > MAX_ITEMS,
        "max_items": MAX_ITEMS,
        "chosen_plan": chosen_plan,
        "due_soon_days": DUE_SOON_DAYS,
        "escalate_after": settings.OVERDUE_ESCALATE_AFTER_DAYS,
    }
    return render(request, "plans/overdue.html", context)
