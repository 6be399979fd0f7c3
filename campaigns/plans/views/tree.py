"""The campaign overview and the plan tree with each plan's coverage of the units below its issuer."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from campaigns.models import Campaign, Plan
from campaigns.plans.coverage import Coverage, coverage_of
from campaigns.plans.permissions import can_manage_campaigns, editable_units


@dataclass
class Node:
    plan: Plan
    coverage: list[Coverage] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)


def plan_tree(plans: list[Plan]) -> list[Node]:
    """National → province → district → commune and agency plans; a plan whose parent is hidden is a root."""
    coverage = coverage_of(plans)
    nodes = {plan.pk: Node(plan, coverage.get(plan.pk, [])) for plan in plans}
    roots = []
    for plan in sorted(plans, key=_tree_order):
        node = nodes[plan.pk]
        if plan.parent_id in nodes:
            nodes[plan.parent_id].children.append(node)
        else:
            roots.append(node)
    return roots


def _tree_order(plan: Plan) -> tuple:
    unit = plan.issuing_unit
    return (unit.depth if unit else -1, unit.search_name if unit else "", plan.issue_date or datetime.date.max, plan.pk)


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    user = request.user
    visible = Plan.objects.visible_to(user)
    counts = dict(visible.order_by().values_list("campaign").annotate(n=Count("pk")))
    own_units = [m.unit.pk for m in user.active_memberships]
    own_plans = (
        visible.filter(issuing_unit__in=own_units).select_related("campaign", "issuing_unit").order_by("-issue_date")
    )
    context = {
        "campaigns": [(campaign, counts.get(campaign.pk, 0)) for campaign in Campaign.objects.all()],
        "own_plans": own_plans,
        "can_create": editable_units(user).exists(),
        "can_manage_campaigns": can_manage_campaigns(user),
    }
    return render(request, "plans/campaign_list.html", context)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_object_or_404(Campaign, pk=pk)
    plans = list(
        Plan.objects.visible_to(request.user).filter(campaign=campaign).select_related("campaign", "issuing_unit")
    )
    context = {
        "campaign": campaign,
        "tree": plan_tree(plans),
        "plan_count": len(plans),
        "own_unit_ids": {m.unit.pk for m in request.user.active_memberships},
        "can_create": editable_units(request.user).exists(),
        "can_manage_campaigns": can_manage_campaigns(request.user),
    }
    return render(request, "plans/campaign_detail.html", context)
