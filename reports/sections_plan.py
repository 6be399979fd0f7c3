"""Report sections about the plan itself: the plans implemented, the targets and their results, the timeline.

Each builder runs a fixed number of queries whatever the number of units, targets or milestones.
"""

from collections import Counter
from decimal import Decimal

from django.utils.translation import gettext as _

from campaigns.models import Campaign, Milestone, Plan, Target
from campaigns.plans.coverage import Coverage, coverage_of
from campaigns.plans.timeline import TimelineState, milestone_state
from campaigns.plans.timeline import timeline_counts as count_states
from campaigns.targets.dates import AsOf
from campaigns.targets.evaluation import TargetResult, evaluate_targets
from reports.scope import Scope
from reports.tables import Column, Row, Table, format_number, printable
from units import wording


def unit_plans(scope: Scope, campaign: Campaign | None) -> list[Plan]:
    """The issued plans of the unit and of the units it was formed from, oldest first."""
    if campaign is None:
        return []
    plans = Plan.objects.issued().filter(campaign=campaign, issuing_unit__in=scope.roots)
    return list(plans.select_related("parent", "issuing_unit").order_by("issue_date", "pk"))


def plan_above(scope: Scope, campaign: Campaign | None) -> Plan | None:
    """The nearest issued plan of a level above the unit (or above the units it was formed from)."""
    if campaign is None:
        return None
    ancestors = {int(pk) for root in scope.roots for pk in root.path.strip("/").split("/")[:-1] if pk}
    plans = Plan.objects.issued().filter(campaign=campaign, issuing_unit__in=ancestors, is_summary=False)
    return plans.select_related("issuing_unit").order_by("-issuing_unit__depth", "-issue_date", "-pk").first()


def cited(plan: Plan) -> str:
    """How a plan is cited: "3254/KH-UBND ngày 03/11/2022"; a blank number shows as "…"."""
    return wording.cited(plan.number or "…", plan.issue_date)


def plans_table(plans: list[Plan]) -> Table:
    table = Table(
        "plans",
        _("Plans implemented"),
        [
            Column(_("No."), css="narrow"),
            Column(_("Document")),
            Column(_("Issued by")),
            Column(_("Subject"), css="wide"),
            Column(_("Implements")),
        ],
        empty_text=_("No plan of this unit is recorded for the campaign."),
    )
    for number, plan in enumerate(plans, start=1):
        parent = f"{cited(plan.parent)} ({plan.parent.issuer_name})" if plan.parent else ""
        table.rows.append(Row([number, cited(plan), plan.issuer_name, plan.subject or plan.title, parent]))
    return table


def child_plans(plans: list[Plan]) -> list[Plan]:
    if not plans:
        return []
    children = Plan.objects.issued().filter(parent__in=plans).select_related("issuing_unit")
    return list(children.order_by("issuing_unit__name", "issue_date", "pk"))


def child_plans_table(children: list[Plan]) -> Table:
    table = Table(
        "child_plans",
        _("Plans issued by the units below"),
        [Column(_("No."), css="narrow"), Column(_("Issued by")), Column(_("Document")), Column(_("Status"))],
        empty_text=_("No plan of a unit below is recorded."),
    )
    for number, plan in enumerate(children, start=1):
        table.rows.append(Row([number, plan.issuer_name, cited(plan), plan.get_status_display()]))
    return table


def coverage(plans: list[Plan]) -> list[tuple[Plan, list[Coverage]]]:
    """Each plan's coverage of the units below its issuer, as its page shows it (campaigns.plans.coverage)."""
    found = coverage_of(plans)
    return [(plan, found[plan.pk]) for plan in plans if found.get(plan.pk)]


# ---------------------------------------------------------------------------------------------------------
# Targets


def targets_of(plans: list[Plan]) -> list[Target]:
    own = [plan for plan in plans if not plan.is_summary]
    return list(Target.objects.filter(plan__in=own).select_related("plan").order_by("plan__issue_date", "order", "pk"))


def targets_naming(plan: Plan | None, scope: Scope) -> list[Target]:
    """The targets of a plan above that name one of the units the report covers (Trường Hà NTM in 2023)."""
    if plan is None:
        return []
    named = Target.objects.filter(plan=plan, units__in=scope.units).values("pk")
    return list(Target.objects.filter(pk__in=named).select_related("plan").order_by("order", "pk"))


def measured(value: Decimal | None, target: Target) -> str:
    """A value in the target's own measure: "33,33%", "16,5", "1,52 lần"."""
    if value is None:
        return ""
    text = format_number(value)
    if target.measure == Target.Measure.PERCENT:
        return f"{text}%"
    if target.unit_of_measure:
        return f"{text} {target.unit_of_measure}"
    return text


def goal_text(result: TargetResult) -> str:
    target = result.target
    goal = measured(result.goal, target)
    if result.goal_max is not None:
        goal = f"{goal} - {measured(result.goal_max, target)}"
    return f"{goal} ({target.deadline_year})" if goal else str(target.deadline_year)


def details_text(result: TargetResult) -> str:
    return "; ".join(printable(f"{label}: {value}") for label, value in result.details[:8])


def targets_table(targets: list[Target], results: dict[int, TargetResult], *, several_plans: bool) -> Table:
    table = Table(
        "targets",
        _("Targets and results"),
        [
            Column(_("No."), css="narrow"),
            Column(_("Target (as written in the plan)"), css="wide"),
            Column(_("Baseline")),
            Column(_("Goal (deadline)")),
            Column(_("Result")),
            Column(_("Assessment")),
            Column(_("Details"), css="details"),
        ],
        empty_text=_("The plan sets no target."),
    )
    plan_id = None
    for number, target in enumerate(targets, start=1):
        if several_plans and target.plan_id != plan_id:
            table.rows.append(Row([f"{cited(target.plan)} – {target.plan.issuer_name}"], css="group"))
            plan_id = target.plan_id
        result = results[target.pk]
        baseline = measured(result.baseline, target)
        if baseline and target.baseline_year:
            baseline = f"{baseline} ({target.baseline_year})"
        current = measured(result.current, target)
        if current:
            current = f"{current} ({result.as_of_year})"
        table.rows.append(
            Row(
                [
                    number,
                    target.description,
                    baseline,
                    goal_text(result),
                    current,
                    str(result.state_label),
                    details_text(result),
                ]
            )
        )
    return table


def as_of(scope: Scope) -> AsOf:
    """The end of the report's period, or today while it runs: the day its targets and timeline are judged on."""
    return AsOf.end_of(scope.period.last_day)


def evaluate(targets: list[Target], scope: Scope) -> dict[int, TargetResult]:
    day = as_of(scope)
    return evaluate_targets(targets, today=day.day, closed=day.closed)


def target_states(results: dict[int, TargetResult]) -> list[tuple[str, int]]:
    counts = Counter(str(result.state_label) for result in results.values())
    return sorted(counts.items(), key=lambda item: -item[1])


# ---------------------------------------------------------------------------------------------------------
# Timeline


def timeline_items(plans: list[Plan], scope: Scope) -> list[tuple[Milestone, TimelineState]]:
    """The plans' milestones due in the period, and those due earlier that were still open when it began."""
    if not plans:
        return []
    period, on = scope.period, as_of(scope)
    items = []
    milestones = Milestone.objects.filter(plan__in=plans).select_related("responsible_unit")
    for milestone in milestones:
        deadline = milestone.deadline
        open_before = deadline < period.first_day and (
            milestone.done_date is None or milestone.done_date >= period.first_day
        )
        # A yearly item falls in every period one of its years falls in.
        if not any(year in period.years for year in milestone.occurrence_years) and not open_before:
            continue
        items.append((milestone, milestone_state(milestone, on)))
    return sorted(items, key=lambda item: (item[0].deadline, item[0].pk))


def timeline_table(items: list[tuple[Milestone, TimelineState]]) -> Table:
    table = Table(
        "timeline",
        _("Timeline"),
        [
            Column(_("No."), css="narrow"),
            Column(_("Item"), css="wide"),
            Column(_("Due")),
            Column(_("Responsible")),
            Column(_("Done on")),
            Column(_("Status")),
        ],
        empty_text=_("No timeline item falls in the period."),
    )
    for number, (milestone, state) in enumerate(items, start=1):
        responsible = milestone.responsible or (milestone.responsible_unit.name if milestone.responsible_unit else "")
        row = [number, milestone.title, milestone.due_label, responsible, milestone.done_date, str(state.label)]
        table.rows.append(Row(row))
    return table


def timeline_counts(items: list[tuple[Milestone, TimelineState]]) -> dict[str, int]:
    return count_states([state for _milestone, state in items])
