"""What changed in a plan and when: consecutive simple-history records of the plan and its parts, diffed."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.db.models import ForeignKey, Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.models import Document, EmulationSubject, Milestone, Plan, PlanAmendment, PlanBasis, PlanSection, Target
from campaigns.plans.views.plans import load_plan
from units.models import Unit, User

# Edits saved within this many seconds by the same person are one change (a form saves the row, then its
# named units, and simple-history records each step).
SAME_EDIT = datetime.timedelta(seconds=10)

PARTS = [
    (Plan, gettext_lazy("Plan header"), "id"),
    (PlanSection, gettext_lazy("Section"), "plan_id"),
    (Target, gettext_lazy("Target"), "plan_id"),
    (Milestone, gettext_lazy("Timeline item"), "plan_id"),
    (PlanBasis, gettext_lazy("Legal basis"), "plan_id"),
    (EmulationSubject, gettext_lazy("Emulation subject"), "plan_id"),
]
ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


@dataclass
class Change:
    field: str
    old: object
    new: object
    label: str = ""
    old_text: str = ""
    new_text: str = ""


@dataclass
class Entry:
    when: datetime.datetime
    who: User | None
    part: str
    name: str
    action: str
    key: tuple
    changes: list[Change] = field(default_factory=list)
    reason: str = ""
    amendment: PlanAmendment | None = None


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
    """Oldest first. One query per part kind, plus the named-unit rows of each target diff."""
    entries: list[Entry] = []
    for model, part, plan_field in PARTS:
        records = model.history.filter(**{plan_field: plan.pk}).select_related(
            "history_user", *(["document"] if model is PlanBasis else [])
        )
        groups: dict[int, list] = {}
        for record in records.order_by("history_date", "history_id"):
            groups.setdefault(record.id, []).append(record)
        for records_of_one in groups.values():
            entries += _entries_of(model, part, records_of_one)
    entries.sort(key=lambda entry: entry.when)
    _describe(entries)
    return entries


def _entries_of(model: type[Model], part: str, records: list) -> list[Entry]:
    entries: list[Entry] = []
    previous = None
    for record in records:
        changes = []
        if record.history_type == "~":
            # Without an earlier record (a row older than its history) there is nothing to compare with.
            if previous is not None:
                changes = [Change(c.field, c.old, c.new) for c in record.diff_against(previous).changes]
            if not changes:
                previous = record
                continue
        key = (model, record.id)
        last = entries[-1] if entries else None
        if last and last.who == record.history_user and record.history_date - last.when < SAME_EDIT:
            _merge(last, changes)
            if record.history_type == "-":
                last.action = "deleted"
        else:
            entries.append(
                Entry(
                    when=record.history_date,
                    who=record.history_user,
                    part=part,
                    name=_name(model, record),
                    action=ACTIONS[record.history_type],
                    key=key,
                    changes=changes,
                    reason=record.history_change_reason or "",
                )
            )
        previous = record
    return entries


def _merge(entry: Entry, changes: list[Change]) -> None:
    by_field = {change.field: change for change in entry.changes}
    for change in changes:
        if change.field in by_field:
            by_field[change.field].new = change.new
        else:
            entry.changes.append(change)
    entry.changes = [c for c in entry.changes if c.old != c.new]


def _name(model: type[Model], record) -> str:
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


def _describe(entries: list[Entry]) -> None:
    """Field verbose names and readable values; units named anywhere are loaded in one query."""
    unit_ids, plan_ids, document_ids = set(), set(), set()
    for entry in entries:
        model = entry.key[0]
        for change in entry.changes:
            for value in (change.old, change.new):
                if isinstance(value, list):  # named units: rows of the m2m table
                    unit_ids |= {row["unit"] for row in value}
                elif value is not None and change.field in ("issuing_unit", "scope_unit", "responsible_unit"):
                    unit_ids.add(value)
                elif value is not None and change.field == "parent" and model is Plan:
                    plan_ids.add(value)
                elif value is not None and change.field == "document":
                    document_ids.add(value)
    names = {
        Unit: dict(Unit.objects.filter(pk__in=unit_ids).values_list("pk", "name")),
        Plan: {p.pk: p.reference for p in Plan.objects.filter(pk__in=plan_ids)},
        Document: {d.pk: str(d) for d in Document.objects.filter(pk__in=document_ids)},
    }
    for entry in entries:
        model = entry.key[0]
        for change in entry.changes:
            model_field = model._meta.get_field(change.field)
            change.label = str(model_field.verbose_name)
            change.old_text = _text(model_field, change.old, names)
            change.new_text = _text(model_field, change.new, names)
        entry.changes.sort(key=lambda change: change.label)


def _text(model_field, value, names) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return ", ".join(sorted(names[Unit].get(row["unit"], f"#{row['unit']}") for row in value))
    if isinstance(model_field, ForeignKey):
        return str(names.get(model_field.related_model, {}).get(value, f"#{value}"))
    if model_field.flatchoices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)
