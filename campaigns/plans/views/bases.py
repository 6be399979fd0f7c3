"""A plan's legal bases and emulation subjects, and the yearly figures its measured targets read: edited in the
app by the plan's editors, as the other parts are (see parts.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from campaigns.models import EmulationSubject, PlanBasis, Target
from campaigns.plans.basis_forms import MEASURED_TYPES, BasisForm, SubjectForm, TargetDataForm
from campaigns.plans.permissions import can_edit_plan, can_enter_data
from campaigns.plans.views.parts import _save, load_part, plan_url
from campaigns.plans.views.plans import load_plan
from campaigns.targets.evaluation import scope_of


@login_required
def basis_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = load_plan(request, pk, edit=True)
    basis = PlanBasis(plan=plan, order=plan.bases.count() + 1)
    form = BasisForm(request.POST or None, basis=basis)
    return _save(request, form, "plans/basis_form.html", plan, "#legal-bases", _("Legal basis added."))


@login_required
def basis_edit(request: HttpRequest, pk: int) -> HttpResponse:
    basis = load_part(request, PlanBasis, pk)
    form = BasisForm(request.POST or None, basis=basis)
    return _save(request, form, "plans/basis_form.html", basis.plan, "#legal-bases", _("Legal basis saved."))


@login_required
@require_POST
def basis_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Removes the citation; the document stays, other plans may cite it."""
    basis = load_part(request, PlanBasis, pk)
    basis.delete()
    messages.success(request, _("Legal basis removed."))
    return redirect(plan_url(basis.plan, "#legal-bases"))


@login_required
def subject_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = load_plan(request, pk, edit=True)
    subject = EmulationSubject(plan=plan, order=plan.subjects.count() + 1)
    form = SubjectForm(request.POST or None, instance=subject)
    return _save(request, form, "plans/subject_form.html", plan, "#subjects", _("Emulation subject added."))


@login_required
def subject_edit(request: HttpRequest, pk: int) -> HttpResponse:
    subject = load_part(request, EmulationSubject, pk)
    form = SubjectForm(request.POST or None, instance=subject)
    return _save(request, form, "plans/subject_form.html", subject.plan, "#subjects", _("Emulation subject saved."))


@login_required
@require_POST
def subject_delete(request: HttpRequest, pk: int) -> HttpResponse:
    subject = load_part(request, EmulationSubject, pk)
    subject.delete()
    messages.success(request, _("Emulation subject deleted."))
    return redirect(plan_url(subject.plan, "#subjects"))


@login_required
def target_data(request: HttpRequest, pk: int) -> HttpResponse:
    """The yearly figures of a ratio or free-indicator target's indicator, for the unit it is counted in.

    404 for a plan the user cannot see; 403 unless the user is staff of that unit (or above it).
    """
    target = load_part(request, Target, pk, edit=False)
    unit = scope_of(target)
    if target.type not in MEASURED_TYPES or unit is None or not can_enter_data(request.user, unit):
        raise PermissionDenied
    context = {
        "target": target,
        "plan": target.plan,
        "unit": unit,
        "can_edit": can_edit_plan(request.user, target.plan),
    }
    if not target.indicator:
        return render(request, "plans/target_data.html", context)
    form = TargetDataForm(request.POST or None, target=target, unit=unit)
    if request.method == "POST" and form.is_valid():
        changed = form.save()
        messages.success(
            request,
            ngettext("%(count)d year saved.", "%(count)d years saved.", changed) % {"count": changed}
            if changed
            else _("Nothing changed."),
        )
        return redirect(plan_url(target.plan, f"#target-{target.pk}"))
    return render(request, "plans/target_data.html", {**context, "form": form})
