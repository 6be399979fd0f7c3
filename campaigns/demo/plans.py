"""Demo step for `manage.py load_demo`: the four seed plans, the plans they cite, and the results behind targets.

The data lives in campaigns.demo.data (one module per seed plan). Every row is found again by a natural
key, and a field is written only when it differs, so a second run changes nothing, history included.
Rows someone entered for real (is_demo False) under the same key are left alone.
"""

from collections import Counter
from decimal import Decimal

from campaigns.demo.data import cao_bang_ethnic, ha_quang, lang_son, quang_tri
from campaigns.demo.data.documents import CAMPAIGN, DOCUMENTS, SUMMARY_PLANS
from campaigns.demo.data.results import MEASUREMENTS, RECOGNITIONS
from campaigns.models import (
    Campaign,
    CriteriaSet,
    Document,
    EmulationSubject,
    Measurement,
    Milestone,
    Plan,
    PlanBasis,
    PlanSection,
    Recognition,
    Target,
    TargetYear,
)
from units.models import CodeScheme, Unit

SEED_PLANS = [ha_quang.PLAN, lang_son.PLAN, cao_bang_ethnic.PLAN, quang_tri.PLAN]

PLAN_FIELDS = [
    "document_kind",
    "subject",
    "place",
    "signer_name",
    "signer_title",
    "signing_mode",
]

# Every field a target row may set, with the value it takes when the data leaves it out, so that
# removing a key from the data also clears it in the database.
TARGET_DEFAULTS = {
    "note": "",
    "scope_unit": None,
    "status": "",
    "unit_kind": "",
    "measure": Target.Measure.COUNT,
    "only_mountainous": False,
    "only_ethnic_minority": False,
    "only_especially_difficult": False,
    "only_border": False,
    "ocop_stars": None,
    "ocop_level": "",
    "indicator": "",
    "unit_of_measure": "",
    "baseline_value": None,
    "baseline_year": None,
    "target_value": None,
    "target_value_max": None,
}
DECIMAL_FIELDS = {"baseline_value", "target_value", "target_value_max"}
MILESTONE_DEFAULTS = {"due_date": None, "due_year": None, "due_quarter": None, "done_date": None}


def load_plans() -> Counter:
    """The campaign, the cited documents and plans, the four seed plans, their results."""
    tally = Counter()
    units = UnitCache()
    campaign = _upsert(tally, Campaign, {"name": CAMPAIGN["name"], "start_year": CAMPAIGN["start_year"]}, CAMPAIGN)
    if campaign.is_demo:  # the criteria sets of its period: QĐ 318 and 319/QĐ-TTg
        campaign.criteria_sets.add(*CriteriaSet.objects.filter(start_year=campaign.start_year, issuing_unit=None))
    documents = {key: _document(tally, data) for key, data in DOCUMENTS.items()}

    summaries = {}
    for key, data in SUMMARY_PLANS.items():
        summaries[key] = _plan(tally, units, campaign, data, parent=summaries.get(data["parent"]), is_summary=True)
    for data in SEED_PLANS:
        plan = _plan(tally, units, campaign, data, parent=summaries[data["parent"]], is_summary=False)
        if not plan.is_demo:
            continue  # a real plan under the same number: not ours to rewrite
        _bases(tally, plan, [documents[key] for key in data["bases"]])
        _sections(tally, plan, data["sections"])
        _subjects(tally, plan, data["subjects"])
        _milestones(tally, units, plan, data["milestones"])
        _targets(tally, units, plan, data["targets"])

    _recognitions(tally, units)
    _measurements(tally, units)
    return tally


class UnitCache:
    """Units by the keys demo.data.refs gives them: (scheme, kind, code) or (local, kind, name)."""

    def __init__(self):
        self.units = {}

    def __call__(self, ref) -> Unit | None:
        if ref is None:
            return None
        if ref not in self.units:
            scheme, kind, key = ref
            # A local unit by its name as it was first created: a village's later version (units.villages) has it too.
            lookup = {"name": key, "valid_from__isnull": True} if scheme == CodeScheme.LOCAL else {"code": key}
            try:
                self.units[ref] = Unit.objects.get(code_scheme=scheme, kind=kind, **lookup)
            except Unit.DoesNotExist:
                raise Unit.DoesNotExist(f"Demo unit {ref} is missing: run units.demo.load_units first.") from None
        return self.units[ref]


def _plan(tally, units, campaign, data, *, parent, is_summary) -> Plan:
    key = {
        "issuer_name": data["issuer_name"],
        "number": data["number"],
        "issue_date": data["issue_date"],
        "title": data["title"],
    }
    values = {field: data.get(field, "") for field in PLAN_FIELDS}
    values |= {
        "campaign": campaign,
        "parent": parent,
        "issuing_unit": units(data["issuing_unit"]),
        "recipients": "\n".join(data.get("recipients", [])),
        "status": Plan.Status.ISSUED,
        "is_summary": is_summary,
    }
    return _upsert(tally, Plan, key, values)


def _document(tally, data) -> Document:
    # Shared with plans entered for real, which may have completed the issuer or subject: never rewritten.
    document, created = Document.objects.get_or_create(
        kind=data["kind"], number=data["number"], date=data["date"], defaults=data
    )
    tally["created" if created else "unchanged"] += 1
    return document


def _bases(tally, plan, documents) -> None:
    for order, document in enumerate(documents):
        _upsert(tally, PlanBasis, {"plan": plan, "document": document}, {"order": order})


def _sections(tally, plan, sections) -> None:
    for order, (kind, heading, body) in enumerate(sections):
        _upsert(tally, PlanSection, {"plan": plan, "order": order}, {"kind": kind, "heading": heading, "body": body})


def _subjects(tally, plan, subjects) -> None:
    for order, (kind, description, criteria) in enumerate(subjects):
        values = {"kind": kind, "description": description, "criteria": "\n".join(criteria)}
        _upsert(tally, EmulationSubject, {"plan": plan, "order": order}, values)
    # A subject the data no longer has (one the text never named) leaves the demo plan too.
    removed, _ = EmulationSubject.objects.filter(plan=plan, order__gte=len(subjects)).delete()
    tally["updated"] += removed


def _milestones(tally, units, plan, milestones) -> None:
    for item in milestones:
        values = MILESTONE_DEFAULTS | {key: value for key, value in item.items() if key not in ("kind", "title")}
        values["responsible_unit"] = units(item.get("responsible_unit")) or plan.issuing_unit
        if values["due_date"]:
            # A year and quarter beside the date keep the timeline in order (it sorts by year, quarter, date).
            values["due_year"] = values["due_date"].year
            values["due_quarter"] = (values["due_date"].month - 1) // 3 + 1
        _upsert(tally, Milestone, {"plan": plan, "kind": item["kind"], "title": item["title"]}, values)


def _targets(tally, units, plan, targets) -> None:
    for order, item in enumerate(targets):
        values = TARGET_DEFAULTS | {
            key: value for key, value in item.items() if key not in ("units", "years", "scope_unit")
        }
        values["scope_unit"] = units(item.get("scope_unit"))
        values["is_demo"] = True
        for field in DECIMAL_FIELDS:
            values[field] = _decimal(values[field])
        target = _upsert(tally, Target, {"plan": plan, "order": order}, values)
        named = {units(ref) for ref in item.get("units", [])}
        current = set(target.units.all())
        if current != named:
            target.units.set(named)
            tally["updated" if current else "created"] += 1
        for year, value in item.get("years", {}).items():
            _upsert(tally, TargetYear, {"target": target, "year": year}, {"value": _decimal(value)})


def _recognitions(tally, units) -> None:
    for ref, status, decision_date, issuer, note in RECOGNITIONS:
        key = {"unit": units(ref), "status": status, "decision_date": decision_date}
        _upsert(tally, Recognition, key, {"issuer": issuer, "decision_number": "", "note": note})


def _measurements(tally, units) -> None:
    for ref, indicator, year, value, unit_of_measure, source in MEASUREMENTS:
        key = {"unit": units(ref), "indicator": indicator, "year": year}
        values = {"value": _decimal(value), "unit_of_measure": unit_of_measure, "source": source}
        _upsert(tally, Measurement, key, values)


def _upsert(tally, model, key: dict, values: dict):
    """The row found by `key`, created or brought up to `values`; only changed fields are saved."""
    has_demo_flag = any(field.name == "is_demo" for field in model._meta.fields)
    values = {field: value for field, value in values.items() if field not in key}
    if has_demo_flag:
        values["is_demo"] = True
    obj = model.objects.filter(**key).first()
    if obj is None:
        obj = model.objects.create(**key, **values)
        tally["created"] += 1
        return obj
    if has_demo_flag and not obj.is_demo:
        tally["unchanged"] += 1
        return obj
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    if changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.save(update_fields=changed)
    tally["updated" if changed else "unchanged"] += 1
    return obj


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))
