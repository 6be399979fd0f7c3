"""How many units below a plan's issuer have issued their own plan: one rule for the plan pages and the reports."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils.translation import ngettext

from campaigns.models import Plan
from campaigns.models.plans import COVERED_KINDS
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


def coverage_of(plans: list[Plan]) -> dict[int, list[Coverage]]:
    """Coverage of each plan, in one query whatever the number of plans and units.

    A unit has issued its plan when a non-draft plan of the same campaign names it as issuer, whether
    or not the user may read that plan: the count is what the level above follows up on.
    """
    covered = [p for p in plans if p.issuing_unit and p.issuing_unit.kind in COVERED_KINDS]
    if not covered:
        return {}
    campaign_ids = sorted({p.campaign_id for p in covered})
    kinds = {kind for p in covered for kind in COVERED_KINDS[p.issuing_unit.kind]}
    below: dict[int, list[Unit]] = {}
    children = Unit.objects.filter(parent__in={p.issuing_unit_id for p in covered}, kind__in=kinds)
    # Whether each unit below has issued its plan, asked in the same query: one flag per campaign shown (a handful).
    issued_flags = {
        f"issued_{pk}": Exists(Plan.objects.issued().filter(campaign_id=pk, issuing_unit=OuterRef("pk")))
        for pk in campaign_ids
    }
    issued = set()
    for unit in children.annotate(**issued_flags).order_by("search_name", "pk"):
        below.setdefault(unit.parent_id, []).append(unit)
        issued.update((pk, unit.pk) for pk in campaign_ids if getattr(unit, f"issued_{pk}"))

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
