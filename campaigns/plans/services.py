"""Writes on plans that go beyond saving one form."""

import datetime

from django.db import transaction
from django.db.models import F

from campaigns.models import Allocation, Document, DocumentKind, Milestone, Plan, PlanAmendment, PlanBasis, Target
from units.hierarchy import predecessors
from units.models import Unit, User
from units.wording import SigningMode, cited, issuer_name, place_name

# Targets whose named units can be narrowed to the child's own units.
NAMED_UNIT_TYPES = (Target.Type.UNIT_MILESTONE, Target.Type.KEEP_STATUS)
# Rules every commune must meet ("no commune below 15 criteria"): they hold for the child as they stand.
PER_COMMUNE_TYPES = (Target.Type.MINIMUM_CRITERIA, Target.Type.CRITERIA_GAIN)

TARGET_FIELDS = [
    "order",
    "type",
    "description",
    "status",
    "unit_kind",
    "measure",
    "only_mountainous",
    "only_ethnic_minority",
    "only_especially_difficult",
    "only_border",
    "ocop_stars",
    "ocop_level",
    "indicator",
    "unit_of_measure",
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_value_max",
    "deadline_year",
]


@transaction.atomic
def create_child_plan(parent: Plan, *, unit: Unit, by: User) -> Plan:
    """A draft plan of `unit` implementing `parent`, with the parent's targets that concern `unit`."""
    plan = Plan.objects.create(
        campaign=parent.campaign,
        parent=parent,
        document_kind=DocumentKind.PLAN,
        title=parent.title,
        subject=implementing_subject(parent),
        place=place_name(unit),
        issuing_unit=unit,
        issuer_name=issuer_name(unit),
        signing_mode=SigningMode.ON_BEHALF if unit.is_territory else SigningMode.NONE,
        status=Plan.Status.DRAFT,
        created_by=by,
    )
    PlanBasis.objects.create(plan=plan, document=_document_for(parent), order=0)
    _copy_targets(parent, plan, unit)
    for allocation in Allocation.objects.filter(target__plan=parent, unit=unit).select_related("target"):
        give_share(allocation, plan)
    _copy_timeline(parent, plan)
    return plan


def implementing_subject(parent: Plan) -> str:
    """The trích yếu of an implementing plan, in the wording Vietnamese plans use."""
    kind = "Quyết định" if parent.document_kind == DocumentKind.DECISION else "Kế hoạch"
    reference = cited(f"{kind} số {parent.number}" if parent.number else kind, parent.issue_date)
    return f'Thực hiện {reference} của {parent.issuer_name} về phong trào thi đua "{parent.title}"'


def _document_for(parent: Plan) -> Document:
    """The parent as a cited document (căn cứ), reusing the record when it is already cited."""
    fields = {
        "kind": parent.document_kind,
        "number": parent.number,
        "date": parent.issue_date,
        "issuer": parent.issuer_name,
    }
    return Document.objects.filter(**fields).first() or Document.objects.create(subject=parent.subject, **fields)


def inherited_targets(parent: Plan, unit: Unit) -> list[tuple[Target, list[Unit] | None]]:
    """The parent's targets that concern `unit`: (target, its named units within `unit`, or None for a rule)."""
    # A commune formed in 07/2025 inherits the targets its predecessor communes were given.
    roots = [unit, *predecessors(unit)]
    within_ids = set(Unit.objects.within(*roots).values_list("pk", flat=True))
    inherited = []
    for target in parent.targets.select_related("scope_unit").prefetch_related("units"):
        if target.type in NAMED_UNIT_TYPES:
            named = [u for u in target.units.all() if u.pk in within_ids]
            if named:
                inherited.append((target, named))
        elif target.type in PER_COMMUNE_TYPES and unit.is_territory and _applies_to(target, parent, unit):
            inherited.append((target, None))
    return inherited


def _copy_targets(parent: Plan, plan: Plan, unit: Unit) -> None:
    for target, named in inherited_targets(parent, unit):
        if named is None:
            _copy_target(target, plan, scope_unit=unit)
            continue
        # The parent's count ("4 communes") no longer applies to a narrowed list.
        narrowed = len(named) != len(target.units.all())
        copy = _copy_target(target, plan, scope_unit=None, drop_goal=narrowed)
        copy.units.set(named)


def _applies_to(target: Target, parent: Plan, unit: Unit) -> bool:
    """A per-commune rule applies when its scope contains the child's unit."""
    scope = target.scope_unit or parent.issuing_unit
    return scope is None or unit.is_within(scope)


def _copy_target(target: Target, plan: Plan, *, scope_unit: Unit | None, drop_goal: bool = False) -> Target:
    values = {name: getattr(target, name) for name in TARGET_FIELDS}
    if drop_goal:
        values["target_value"] = values["target_value_max"] = None
    return Target.objects.create(plan=plan, scope_unit=scope_unit, **values)


def _copy_timeline(parent: Plan, plan: Plan) -> None:
    """The parent's coming reviews and reports as a starting timeline; its own launch and past items are left out."""
    kinds = [k for k in Milestone.Kind if k not in (Milestone.Kind.BUILD_PLAN, Milestone.Kind.LAUNCH)]
    today = datetime.date.today()
    for milestone in parent.milestones.filter(kind__in=kinds):
        if milestone.deadline_in(milestone.last_year) < today:
            continue
        Milestone.objects.create(
            plan=plan,
            kind=milestone.kind,
            title=milestone.title,
            due_date=milestone.due_date,
            due_year=milestone.due_year,
            due_quarter=milestone.due_quarter,
            year_from=milestone.year_from,
            recurs_yearly=milestone.recurs_yearly,
        )


@transaction.atomic
def record_amendment(plan: Plan, amendment: PlanAmendment, *, by: User) -> PlanAmendment:
    """Store an amendment request; an issued plan becomes "amended" (the edits that follow are its diff)."""
    amendment.plan = plan
    amendment.recorded_by = by
    amendment.save()
    if plan.status == Plan.Status.ISSUED:
        plan.status = Plan.Status.AMENDED
        plan._change_reason = amendment.reason  # shown in the history next to the status change
        plan.save(update_fields=["status", "updated_at"])
        # A header form read before the amendment would put the old status back: make it stale.
        Plan.objects.filter(pk=plan.pk).update(version=F("version") + 1)
    return amendment


def mark_milestone_done(milestone: Milestone, *, on: datetime.date | None = None, year: int | None = None) -> bool:
    """Set the done date once; a second click changes nothing. Saved (not updated) so the history records it.

    A yearly item is done one year at a time: `year` (the form says which year the button was for) must be its
    first open year, so a second click for the same year changes nothing either.
    """
    open_year = milestone.open_year
    if open_year is None or (milestone.recurs_yearly and year is not None and year != open_year):
        return False
    milestone.done_date = on or datetime.date.today()
    fields = ["done_date"]
    if milestone.recurs_yearly:
        milestone.done_through = open_year
        fields.append("done_through")
    milestone.save(update_fields=fields)
    return True


@transaction.atomic
def save_allocations(target: Target, *, shares: dict[Unit, int]) -> None:
    """Replace the target's shares; each lower plan already built from the parent gets its share as its own
    target, or its linked target's goal updated. A share removed leaves the lower plan's target in place."""
    kept = []
    for unit, value in shares.items():
        if not value:
            continue  # a share of nothing is no share
        allocation, _created = Allocation.objects.update_or_create(target=target, unit=unit, defaults={"value": value})
        kept.append(allocation.pk)
    for allocation in target.allocations.exclude(pk__in=kept):
        allocation.delete()  # one by one: the history records each removal
    for allocation in target.allocations.select_related("unit"):
        for plan in target.plan.children.filter(issuing_unit=allocation.unit):
            give_share(allocation, plan)


def give_share(allocation: Allocation, plan: Plan) -> Target:
    """The lower plan's own target for its share: created once, its goal kept equal to the share."""
    target = allocation.target
    own = plan.targets.filter(allocation=allocation).first()
    if own is not None:
        if own.target_value != allocation.value:
            own.target_value = allocation.value
            own.save(update_fields=["target_value"])
        return own
    return Target.objects.create(
        plan=plan,
        allocation=allocation,
        order=target.order,
        type=target.type,
        description=target.description,
        scope_unit=allocation.unit,
        status=target.status,
        unit_kind=target.unit_kind,
        division_type=target.division_type,
        measure=Target.Measure.COUNT,
        only_mountainous=target.only_mountainous,
        only_ethnic_minority=target.only_ethnic_minority,
        only_especially_difficult=target.only_especially_difficult,
        only_border=target.only_border,
        target_value=allocation.value,
        deadline_year=target.deadline_year,
    )
