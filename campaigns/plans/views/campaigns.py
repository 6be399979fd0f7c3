"""Campaigns (phong trào thi đua) entered and corrected in the app: national data, like their completion conditions.

A campaign belongs to no unit and every unit's plans hang from it, so only national administrators write it.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from campaigns.models import Campaign
from campaigns.plans.campaign_forms import CampaignForm
from campaigns.plans.permissions import can_manage_campaigns


def check_editor(request: HttpRequest) -> None:
    if not can_manage_campaigns(request.user):
        raise PermissionDenied


@login_required
def campaign_create(request: HttpRequest) -> HttpResponse:
    check_editor(request)
    return _form_page(request, CampaignForm(request.POST or None), _("Campaign added."))


@login_required
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    check_editor(request)
    campaign = get_object_or_404(Campaign, pk=pk)
    return _form_page(request, CampaignForm(request.POST or None, instance=campaign), _("Campaign saved."))


def _form_page(request: HttpRequest, form: CampaignForm, saved: str) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        campaign = form.save()
        messages.success(request, saved)
        return redirect("campaigns:detail", campaign.pk)
    return render(request, "plans/campaign_form.html", {"form": form, "campaign": form.instance})
