"""A plan: its page, header form, amendments and the child plan that implements it."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Prefetch, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from campaigns.models import Campaign, Plan
from campaigns.models.plans import COVERED_KINDS
from campaigns.plans.basis_forms import MEASURED_TYPES
from campaigns.plans.coverage import coverage_of
from campaigns.plans.forms import AmendmentForm, AttachmentForm, PlanForm
from campaigns.plans.page_parts import page_parts
from campaigns.plans.permissions import can_edit_plan, can_enter_data, child_plan_units, editable_units
from campaigns.plans.services import create_child_plan, inherited_targets, record_amendment
from campaigns.plans.timeline import TimelineState, milestone_state
from campaigns.targets.dates import AsOf, as_of_text
from campaigns.targets.evaluation import evaluate_plan, scope_of
from units.fields import UnitChoiceField
from units.hierarchy import TERRITORIES
from units.models import Unit, User


def load_plan(request: HttpRequest, pk: int, *, edit: bool = False) -> Plan:
    """The plan if the user may read it (404 otherwise) and, with `edit`, write it (403 otherwise)."""
    plan = get_object_or_404(
        Plan.objects.visible_to(request.user).select_related("campaign", "parent", "issuing_unit"), pk=pk
    )
    if edit and not can_edit_plan(request.user, plan):
        raise PermissionDenied
    return plan


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = load_plan(request, pk)
    user = request.user
    as_of = AsOf.today()
    # The units' parents come joined to them, not as one more query.
    units = Prefetch("units", Unit.objects.select_related("parent"))
    targets = list(plan.targets.select_related("scope_unit").prefetch_related(units, "years"))
    results, summaries = evaluate_plan(targets, today=as_of.day, closed=as_of.closed)
    for target in targets:
        target.allocation_summary = summaries.get(target.pk)  # shown under its row
    parts = page_parts(plan)
    milestones = parts.milestones
    for milestone in milestones:
        milestone.state = milestone_state(milestone, as_of)
        milestone.overdue = milestone.state == TimelineState.OVERDUE
    can_edit = can_edit_plan(user, plan)
    # Ratio and free-indicator targets read yearly figures that the counted unit's staff enter.
    data_targets = {
        target.pk
        for target in targets
        if target.type in MEASURED_TYPES and (unit := scope_of(target)) and can_enter_data(user, unit)
    }
    context = {
        "plan": plan,
        "can_edit": can_edit,
        # A province or district plan shares its count targets out among the units below it.
        "can_allocate": can_edit and plan.issuing_unit is not None and plan.issuing_unit.kind in ALLOCATING_KINDS,
        "can_create_child": _may_create_child(user, plan),
        "children": plan.children.visible_to(user).select_related("issuing_unit"),
        "coverage": coverage_of([plan]).get(plan.pk, []),
        "bases": parts.bases,
        "sections": parts.sections,
        "rows": [(target, results.get(target.pk)) for target in targets],
        "data_targets": data_targets,
        "as_of_text": as_of_text(as_of),
        "milestones": milestones,
        "overdue_count": sum(m.overdue for m in milestones),
        "subjects": parts.subjects,
        "attachments": parts.attachments,
        "amendments": parts.amendments,
        "attachment_form": AttachmentForm() if can_edit else None,
    }
    return render(request, "plans/plan_detail.html", context)


ALLOCATING_KINDS = {kind for kind, kinds in COVERED_KINDS.items() if set(kinds) & set(TERRITORIES)}


def _may_create_child(user: User, plan: Plan) -> str:
    """ "own" when the user's unit may implement the plan, "other" for a unit below it, "" if neither."""
    if plan.status in (Plan.Status.DRAFT, Plan.Status.SUPERSEDED):
        return ""
    # One query for both questions: the user's own units first, so the first row says which answer it is.
    own = [m.unit_id for m in user.active_memberships]
    first = (
        child_plan_units(user, plan)
        .annotate(own=Case(When(pk__in=own, then=Value(1)), default=Value(0)))
        .order_by("-own")
        .values_list("own", flat=True)
        .first()
    )
    return "" if first is None else "own" if first else "other"


class ChildPlanForm(forms.Form):
    unit = UnitChoiceField(scope="plans:child-unit", label=gettext_lazy("Issuing unit"))


@login_required
def plan_create(request: HttpRequest) -> HttpResponse:
    if "parent" in request.GET:
        return _create_child(request, load_plan(request, _int(request.GET["parent"])))
    user = request.user
    if not editable_units(user).exists():
        raise PermissionDenied
    campaign = Campaign.objects.filter(pk=_int(request.GET.get("campaign", ""))).first()
    plan = Plan(created_by=user, campaign=campaign)
    form = PlanForm(request.POST or None, instance=plan, user=user)
    if request.method == "POST" and form.is_valid():
        plan = form.save()
        messages.success(request, _("Plan created."))
        return redirect("campaigns:plan", plan.pk)
    return render(request, "plans/plan_form.html", {"form": form, "plan": None, "campaign": campaign})


def _int(value: str) -> int:
    return int(value) if value.isdecimal() else 0


def _create_child(request: HttpRequest, parent: Plan) -> HttpResponse:
    """Confirm, then draft the plan implementing `parent` with the targets that concern the chosen unit."""
    if not _may_create_child(request.user, parent):
        raise PermissionDenied
    units = child_plan_units(request.user, parent)
    own = [m.unit.pk for m in request.user.active_memberships]
    default = units.filter(pk__in=own).first() or units.first()
    form = ChildPlanForm(request.POST or None, initial={"unit": default})
    form.fields["unit"].limit_to(request.user, plan=parent)
    if request.method == "POST" and form.is_valid():
        plan = create_child_plan(parent, unit=form.cleaned_data["unit"], by=request.user)
        count = plan.targets.count()
        messages.success(
            request,
            ngettext(
                "Draft plan created with %(count)d inherited target.",
                "Draft plan created with %(count)d inherited targets.",
                count,
            )
            % {"count": count},
        )
        return redirect("campaigns:plan-edit", plan.pk)
    context = {
        "parent": parent,
        "form": form,
        "default": default,
        "targets": parent.targets.prefetch_related("units"),
        "inherited": {target.pk for target, _named in inherited_targets(parent, default)}
        | set(parent.targets.filter(allocations__unit=default).values_list("pk", flat=True) if default else []),
    }
    return render(request, "plans/plan_child_form.html", context)


@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = load_plan(request, pk, edit=True)
    form = PlanForm(request.POST or None, instance=plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except ValidationError as error:  # someone else saved since the form was read: keep the user's input
            form.add_error(None, error)
        else:
            messages.success(request, _("Plan saved."))
            return redirect("campaigns:plan", plan.pk)
    return render(request, "plans/plan_form.html", {"form": form, "plan": plan, "campaign": plan.campaign})


@login_required
def plan_amend(request: HttpRequest, pk: int) -> HttpResponse:
    plan = load_plan(request, pk, edit=True)
    form = AmendmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record_amendment(plan, form.instance, by=request.user)
        messages.success(request, _("Amendment recorded. Now make the changes: the history will show them."))
        return redirect("campaigns:plan-edit", plan.pk)
    return render(request, "plans/amendment_form.html", {"form": form, "plan": plan})
