"""The award forms a plan offers, ticked from the catalogue by an editor of the plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from awards.forms import PlanAwardFormsForm
from awards.services.plan_forms import offered_forms
from campaigns.models import Plan
from campaigns.plans.permissions import can_edit_plan


@login_required
def plan_forms(request: HttpRequest, pk: int) -> HttpResponse:
    """404 for a plan the user cannot see, 403 for one they cannot edit. The inherited forms are the
    initial ticks, so saving without a change adopts them (see offered_forms)."""
    plan = get_object_or_404(Plan.objects.visible_to(request.user).select_related("campaign", "parent"), pk=pk)
    if not can_edit_plan(request.user, plan):
        raise PermissionDenied
    offered = offered_forms(plan)
    form = PlanAwardFormsForm(request.POST or None, initial={"award_forms": offered.forms})
    if request.method == "POST" and form.is_valid():
        plan.award_forms.set(form.cleaned_data["award_forms"])
        messages.success(request, _("The award forms offered by the plan were saved."))
        return redirect(reverse("campaigns:plan", args=[plan.pk]) + "#subjects")
    return render(request, "awards/plan_forms.html", {"plan": plan, "form": form, "offered": offered})
