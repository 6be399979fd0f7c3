"""A programme's completion conditions (Phụ lục III): read by everyone signed in, entered by national administrators.

The annex was not available when this was built, so the conditions are data entered from the text once it is at
hand; each one carries its source and a "confirmed" flag that the dashboards show.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns.models import Campaign, CompletionCondition
from campaigns.plans.completion_forms import CompletionConditionForm
from units.models import User


def can_edit_conditions(user: User) -> bool:
    """National rules: superusers and administrators only; province staff read them."""
    return user.sees_everything


def check_editor(request: HttpRequest) -> None:
    if not can_edit_conditions(request.user):
        raise PermissionDenied


def conditions_url(campaign: Campaign) -> str:
    return reverse("campaigns:completion", args=[campaign.pk])


@login_required
def conditions(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_object_or_404(Campaign, pk=pk)
    context = {
        "campaign": campaign,
        "conditions": campaign.completion_conditions.all(),
        "can_edit": can_edit_conditions(request.user),
    }
    return render(request, "plans/completion_conditions.html", context)


def _form_page(request: HttpRequest, form: CompletionConditionForm, campaign: Campaign, saved: str) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, saved)
        return redirect(conditions_url(campaign))
    return render(
        request, "plans/completion_condition_form.html", {"form": form, "campaign": campaign, "part": form.instance}
    )


@login_required
def condition_create(request: HttpRequest, pk: int) -> HttpResponse:
    check_editor(request)
    campaign = get_object_or_404(Campaign, pk=pk)
    condition = CompletionCondition(campaign=campaign, order=campaign.completion_conditions.count() + 1)
    form = CompletionConditionForm(request.POST or None, instance=condition)
    return _form_page(request, form, campaign, _("Condition added."))


@login_required
def condition_edit(request: HttpRequest, pk: int) -> HttpResponse:
    check_editor(request)
    condition = get_object_or_404(CompletionCondition.objects.select_related("campaign"), pk=pk)
    form = CompletionConditionForm(request.POST or None, instance=condition)
    return _form_page(request, form, condition.campaign, _("Condition saved."))


@login_required
@require_POST
def condition_delete(request: HttpRequest, pk: int) -> HttpResponse:
    check_editor(request)
    condition = get_object_or_404(CompletionCondition.objects.select_related("campaign"), pk=pk)
    condition.delete()
    messages.success(request, _("Condition deleted."))
    return redirect(conditions_url(condition.campaign))
