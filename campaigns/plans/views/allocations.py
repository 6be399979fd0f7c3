"""The shares of a plan's target given to the units one level below (giao chỉ tiêu)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from campaigns.models import Target
from campaigns.plans.allocations import AllocationFormSet, units_below
from campaigns.plans.services import save_allocations
from campaigns.plans.views.parts import load_part, plan_url
from campaigns.targets.evaluation import allocation_frame


@login_required
def target_allocate(request: HttpRequest, pk: int) -> HttpResponse:
    target = load_part(request, Target, pk)
    if not target.can_be_allocated:
        raise Http404
    goal, sizes = allocation_frame(target)
    # The saved shares as the first rows; a post is read as it stands (a row left as it was is still a share).
    initial = (
        None
        if request.method == "POST"
        else [{"unit": a.unit, "value": a.value} for a in target.allocations.select_related("unit")]
    )
    formset = AllocationFormSet(
        request.POST or None,
        initial=initial,
        goal=goal,
        form_kwargs={"user": request.user, "target": target, "sizes": sizes},
    )
    if request.method == "POST" and formset.is_valid():
        save_allocations(target, shares=formset.shares())
        messages.success(request, _("Shares saved."))
        return redirect(plan_url(target.plan, f"#target-{target.pk}"))
    context = {
        "plan": target.plan,
        "part": target,
        "target": target,
        "formset": formset,
        "goal": goal,
        "below": units_below(target).count(),
    }
    return render(request, "plans/allocation_form.html", context)
