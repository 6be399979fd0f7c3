"""The campaign overview and the plan tree with each plan's coverage of the units below its issuer."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import ngettext

from campaigns.models import Campaign, Plan
from campaigns.models.plans import COVERED_KINDS
from campaigns.plans.permissions import editable_units
from units.models import Kind, Unit

COVERAGE_TEXT = {
    Kind.DISTRICT: lambda issued, total: (
        ngettext(
            "%(issued)d of %(total)d district has issued its plan",
            "%(issued)d of %(total)d districts have issued their plan",
            total,
        )
        % {"issued": issued, "total": total}
    ),
    Kind.COMMUNE: lambda issued, total: (
        ngettext(
            "%(issued)d of %(total)d commune has issued its plan",
            "%(issued)d of %(total)d communes have issued their plan",
            total,
        )
        % {"issued": issued, "total": total}
    ),
    Kind.AGENCY: lambda issued, total: (
        ngettext(
            "%(issued)d of %(total)d agency has issued its plan",
            "%(issued)d of %(total)d agencies have issued their plan",
            total,
        )
        % {"issued": issued, "total": total}
    ),
}


@dataclass
class Coverage:
    """How many units of one kind below a plan's issuer have issued their own plan, and which have not."""

    kind: str
    issued: list[Unit]
    missing: list[Unit]

    @property
    def total(self) -> int:
        return len(self.issued) + len(self.missing)

    @property
    def text(self) -> str:
        return COVERAGE_TEXT[self.kind](len(self.issued), self.total)

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass
class Node:
    plan: Plan
    coverage: list[Coverage] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)


def coverage_of(plans: list[Plan]) -> dict[int, list[Coverage]]:
    """Coverage of each plan, in two queries whatever the number of plans and units.

    A unit has issued its plan when a non-draft plan of the same campaign names it as issuer, whether
    or not the user may read that plan: the count is what the level above follows up on.
    """
    covered = [p for p in plans if p.issuing_unit and p.issuing_unit.kind in COVERED_KINDS]
    if not covered:
        return {}
    campaign_ids = {p.campaign_id for p in covered}
    issued = set(Plan.objects.issued().filter(campaign__in=campaign_ids).values_list("campaign_id", "issuing_unit_id"))
    kinds = {kind for p in covered for kind in COVERED_KINDS[p.issuing_unit.kind]}
    below: dict[int, list[Unit]] = {}
    children = Unit.objects.filter(parent__in={p.issuing_unit_id for p in covered}, kind__in=kinds)
    for unit in children.order_by("search_name", "pk"):
        below.setdefault(unit.parent_id, []).append(unit)

    result = {}
    for plan in covered:
        start, end = _period(plan)
        units = [u for u in below.get(plan.issuing_unit_id, []) if u.is_valid_between(start, end)]
        result[plan.pk] = [
            Coverage(
                kind=kind,
                issued=[u for u in of_kind if (plan.campaign_id, u.pk) in issued],
                missing=[u for u in of_kind if (plan.campaign_id, u.pk) not in issued],
            )
            for kind in COVERED_KINDS[plan.issuing_unit.kind]
            if (of_kind := [u for u in units if u.kind == kind])
        ]
    return result


def _period(plan: Plan) -> tuple[datetime.date, datetime.date]:
    """From the plan's issue (or the campaign's first day) to the campaign's last day."""
    start = plan.issue_date or datetime.date(plan.campaign.start_year, 1, 1)
    return start, datetime.date(plan.campaign.end_year, 12, 31)


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
    }
    return render(request, "plans/campaign_detail.html", context)
