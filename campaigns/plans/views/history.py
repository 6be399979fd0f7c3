"""What changed in a plan and when: consecutive simple-history records of the plan and its parts, diffed."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.models import EmulationSubject, Milestone, Plan, PlanBasis, PlanSection, Target
from campaigns.plans.views.plans import load_plan
from units.history import Entry, Source
from units.history import history_entries as entries_from

PARTS = [
    (Plan, gettext_lazy("Plan header"), "id"),
    (PlanSection, gettext_lazy("Section"), "plan_id"),
    (Target, gettext_lazy("Target"), "plan_id"),
    (Milestone, gettext_lazy("Timeline item"), "plan_id"),
    (PlanBasis, gettext_lazy("Legal basis"), "plan_id"),
    (EmulationSubject, gettext_lazy("Emulation subject"), "plan_id"),
]
# A plan named in a change (a parent plan) reads as its reference, which needs no other row.
LABELS = {Plan: lambda plan: plan.reference}


@login_required
def plan_history(request: HttpRequest, pk: int) -> HttpResponse:
    plan = load_plan(request, pk)
    amendments = list(plan.amendments.select_related("recorded_by").order_by("recorded_at"))
    entries = history_entries(plan)
    for entry in entries:
        entry.amendment = next((a for a in reversed(amendments) if a.recorded_at <= entry.when), None)
    context = {"plan": plan, "entries": entries[::-1], "amendments": amendments[::-1]}
    return render(request, "plans/plan_history.html", context)


def history_entries(plan: Plan) -> list[Entry]:
    """Oldest first. One query per part kind, plus one per kind of object named in the changes."""
    sources = [
        Source(model, part, _records(model, plan_field, plan), _name_of(model), with_initial=False)
        for model, part, plan_field in PARTS
    ]
    return entries_from(sources, labels=LABELS)


def _records(model, plan_field: str, plan: Plan):
    records = model.history.filter(**{plan_field: plan.pk})
    # A legal basis is named by its document: loaded with it, not a query per row.
    return records.select_related("document") if model is PlanBasis else records


def _name_of(model):
    def name(record, names) -> str:
        if model is Plan:
            return record.number or _("(no number)")
        if model is PlanSection:
            return record.heading
        if model is Target:
            return record.description[:80]
        if model is PlanBasis:
            return str(record.document)
        if model is EmulationSubject:
            return record.get_kind_display()
        return record.title

    return name
