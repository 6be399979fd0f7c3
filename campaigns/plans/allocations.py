"""Sharing a plan's count target out among the units one level below (giao chỉ tiêu): the units that may take a
share, the form that enters the shares, and the write that keeps the lower plans' own targets in step."""

import datetime

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from campaigns.models import Plan, Target
from campaigns.models.plans import COVERED_KINDS
from campaigns.models.targets import MAX_SHARE
from campaigns.plans.permissions import can_edit_plan
from units.fields import UnitChoiceField, WholeNumberField
from units.hierarchy import TERRITORIES
from units.models import Unit, User
from units.picker import unit_scope

# At most this many units a target is shared among: a province has about a hundred communes.
MAX_SHARES = 300
EXTRA_ROWS = 3


def plan_period(plan: Plan) -> tuple[datetime.date, datetime.date]:
    start = plan.issue_date or datetime.date(plan.campaign.start_year, 1, 1)
    return start, datetime.date(plan.campaign.end_year, 12, 31)


def units_below(target: Target) -> QuerySet[Unit]:
    """The territories one level below the plan's issuer in the tree of the plan's period, within the target's
    scope: a province's districts before 07/2025, its communes after (the districts are gone)."""
    plan = target.plan
    if plan.issuing_unit is None:
        return Unit.objects.none()
    kinds = [kind for kind in COVERED_KINDS.get(plan.issuing_unit.kind, ()) if kind in TERRITORIES]
    units = Unit.objects.filter(parent=plan.issuing_unit, kind__in=kinds).valid_between(*plan_period(plan))
    if target.scope_unit_id and target.scope_unit_id != plan.issuing_unit_id:
        units = units.within(target.scope_unit)
    return units.order_by("search_name", "pk")


def _target(user: User, target: Target | int) -> Target | None:
    if isinstance(target, Target):
        return target
    targets = Target.objects.filter(plan__in=Plan.objects.visible_to(user))
    return targets.select_related("plan__campaign", "plan__issuing_unit", "scope_unit").filter(pk=target).first()


@unit_scope("plans:allocation-unit")
def allocation_units(user: User, *, target: Target | int) -> QuerySet[Unit]:
    """Units a share may be given to: one level below, visible to the user, for an editor of the plan."""
    target = _target(user, target)
    if target is None or not can_edit_plan(user, target.plan):
        return Unit.objects.none()
    return units_below(target).visible_to(user)


class AllocationForm(forms.Form):
    unit = UnitChoiceField(scope="plans:allocation-unit", label=_("Unit"), required=False)
    value = WholeNumberField(label=_("Share"), max_value=MAX_SHARE, required=False)

    def __init__(self, *args, user: User, target: Target, sizes: dict[int, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.sizes = sizes
        self.fields["unit"].limit_to(user, target=target)
        self.fields["unit"].error_messages["invalid_choice"] = _(
            "Choose a unit one level below this plan's issuing unit."
        )

    def clean(self):
        cleaned = super().clean()
        unit, value = cleaned.get("unit"), cleaned.get("value")
        if unit is None and value not in (None, 0) and "unit" not in self.errors:
            self.add_error("unit", _("Choose the unit this share is given to."))
        if unit is not None and value is None and "value" not in self.errors:
            self.add_error("value", _("Enter the share, a whole number."))
        if unit is not None and value is not None and value > self.sizes.get(unit.pk, 0):
            self.add_error(
                "value",
                _("%(unit)s has only %(count)s units of the counted kind.")
                % {"unit": unit.name, "count": self.sizes.get(unit.pk, 0)},
            )
        return cleaned


class BaseAllocationFormSet(forms.BaseFormSet):
    def __init__(self, *args, goal: int | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.goal = goal

    def clean(self):
        if any(self.errors):
            return
        seen: set[int] = set()
        total = 0
        for form in self.forms:
            unit = form.cleaned_data.get("unit")
            if unit is None:
                continue
            if unit.pk in seen:
                form.add_error("unit", _("This unit already has a share above."))
            seen.add(unit.pk)
            total += form.cleaned_data.get("value") or 0
        # Refused rather than flagged: shares adding up to more than the plan asks would promise units twice.
        if self.goal is not None and total > self.goal:
            raise forms.ValidationError(
                _("The shares add up to %(total)s, more than the %(goal)s units the target asks for.")
                % {"total": total, "goal": self.goal}
            )

    def shares(self) -> dict[Unit, int]:
        return {
            form.cleaned_data["unit"]: form.cleaned_data["value"]
            for form in self.forms
            if form.cleaned_data.get("unit") is not None and form.cleaned_data.get("value")
        }


AllocationFormSet = forms.formset_factory(
    AllocationForm,
    formset=BaseAllocationFormSet,
    extra=EXTRA_ROWS,
    max_num=MAX_SHARES,
    absolute_max=MAX_SHARES,
    validate_max=True,
)
