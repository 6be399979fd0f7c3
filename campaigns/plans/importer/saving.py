"""Store what the user confirmed on the review page: the plan and its parts, in one transaction."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from campaigns.models import (
    Campaign,
    Document,
    EmulationSubject,
    Milestone,
    Plan,
    PlanBasis,
    PlanSection,
    Target,
    TargetYear,
)
from campaigns.plans.importer.matching import CATALOGUES
from units.fields import FIRST_YEAR, LAST_YEAR
from units.models import Kind, Unit, User
from units.text import fold
from units.wording import issuer_name

STATUS_TYPES = ("milestone", "keep", "share")
MILESTONE_KINDS = [
    (r"so ket", Milestone.Kind.MIDTERM_REVIEW),
    (r"tong ket", Milestone.Kind.FINAL_REVIEW),
    (r"giao uoc", Milestone.Kind.PLEDGE),
    (r"phat dong", Milestone.Kind.LAUNCH),
    (r"kiem tra|giam sat", Milestone.Kind.INSPECTION),
    (r"bao cao", Milestone.Kind.ANNUAL_REPORT),
    (r"xay dung (va to chuc|ke hoach)", Milestone.Kind.BUILD_PLAN),
]
SUBJECT_KINDS = [
    (r"doanh nghiep|hop tac xa", EmulationSubject.Kind.ENTERPRISES),
    (r"\b(thon|xom|ban|khu dan cu)\b", EmulationSubject.Kind.VILLAGES),
    (r"ca nhan|can bo|nguoi lao dong", EmulationSubject.Kind.INDIVIDUALS),
    (r"gia dinh|ho gia dinh", EmulationSubject.Kind.HOUSEHOLDS),
    (r"tap the|phong chuyen mon", EmulationSubject.Kind.INTERNAL_COLLECTIVES),
    (r"co quan|ban nganh|doan the|don vi|so,", EmulationSubject.Kind.AGENCIES),
    (r"\bxa\b", EmulationSubject.Kind.COMMUNES),
]
QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass
class Confirmed:
    """The review page's answers: the header as a Plan not yet saved, and the parts the user kept."""

    plan: Plan
    parent_record: dict | None = None  # {"number", "date", "issuer", "unit"} for a short record of the parent
    legal_bases: list[dict] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)  # each with "chosen": [Unit | ("new", name)]
    timeline: list[dict] = field(default_factory=list)
    subjects: list[dict] = field(default_factory=list)
    baselines: list[dict] = field(default_factory=list)
    sections: list[tuple[str, str, str]] = field(default_factory=list)
    award_forms: list[str] = field(default_factory=list)


@transaction.atomic
def save_imported_plan(confirmed: Confirmed, *, by: User) -> Plan:
    plan = confirmed.plan
    plan.created_by = by
    if confirmed.parent_record and plan.parent_id is None:
        plan.parent = _short_record(confirmed.parent_record, plan.campaign)
    plan.save()
    for order, basis in enumerate(confirmed.legal_bases):
        PlanBasis.objects.get_or_create(plan=plan, document=_document(basis), defaults={"order": order})
    for order, (kind, heading, body) in enumerate(confirmed.sections):
        PlanSection.objects.create(plan=plan, kind=kind, heading=heading[:300], body=body, order=order)
    if confirmed.baselines:
        # The text's baselines have no field of their own: a section keeps them as the plan says them.
        body = "\n".join(f"- {item['text']}" for item in confirmed.baselines)
        PlanSection.objects.create(
            plan=plan, kind=PlanSection.Kind.OTHER, heading="Hiện trạng", body=body, order=len(confirmed.sections)
        )
    for order, target in enumerate(confirmed.targets):
        _target(plan, target, order)
    for item in confirmed.timeline:
        _milestones(plan, item)
    for order, subject in enumerate(confirmed.subjects):
        EmulationSubject.objects.create(
            plan=plan,
            kind=subject_kind(subject["name"]),
            description=subject["name"][:300],
            criteria="\n".join(subject["criteria"]) or subject["name"],
            order=order,
        )
    if confirmed.award_forms and CATALOGUES:
        CATALOGUES[0].attach(plan, confirmed.award_forms)
    return plan


def _short_record(record: dict, campaign: Campaign) -> Plan:
    unit = record.get("unit")
    existing = Plan.objects.filter(number=record["number"], issue_date=record["date"], is_summary=True).first()
    if existing:
        return existing
    return Plan.objects.create(
        campaign=campaign,
        document_kind="QD" if "QĐ" in record["number"] else "KH",
        number=record["number"],
        issue_date=record["date"],
        issuing_unit=unit,
        issuer_name=(issuer_name(unit) if unit else record["issuer"])[:200],
        title="",  # a short record holds only what the citing text says
        status=Plan.Status.ISSUED,
        is_summary=True,
    )


def _document(basis: dict) -> Document:
    fields = {"kind": basis["kind"], "number": basis["number"][:80], "date": basis["date"]}
    document = Document.objects.filter(**fields).first()
    return document or Document.objects.create(issuer=basis["issuer"][:200], subject=basis["subject"], **fields)


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _target(plan: Plan, item: dict, order: int) -> None:
    kind = item.get("type") or Target.Type.FREE_INDICATOR
    year = item.get("year") or plan.campaign.end_year
    units = [_unit_for(plan, chosen) for chosen in item.get("chosen", [])]
    if kind == Target.Type.UNIT_MILESTONE and not units and plan.issuing_unit:
        units = [plan.issuing_unit]  # "xã … đạt chuẩn": the plan's own commune
    status = item.get("status") or ""
    if kind in STATUS_TYPES and not status:
        kind = Target.Type.FREE_INDICATOR
    target = Target.objects.create(
        plan=plan,
        order=order,
        type=kind,
        description=item["text"],
        status=status if kind in STATUS_TYPES else "",
        unit_kind=item.get("unit_kind") or "",
        measure=item.get("measure") or Target.Measure.COUNT,
        ocop_stars=item.get("ocop_stars"),
        ocop_level=item.get("ocop_level") or "",
        indicator=item["text"][:100] if kind == Target.Type.FREE_INDICATOR else "",
        baseline_year=item.get("baseline_year"),
        target_value=_decimal(item.get("value")),
        target_value_max=_decimal(item.get("value_max")),
        deadline_year=min(max(year, FIRST_YEAR), LAST_YEAR),
        unit_order=[unit.pk for unit in units],  # the plan page lists them as the text does
    )
    if units:
        target.units.set(units)
    running = 0
    for breakdown_year, names in sorted((int(y), names) for y, names in item.get("by_year", {}).items()):
        running += len(names)  # the named units reached so far: the yearly steps of the count
        TargetYear.objects.create(target=target, year=breakdown_year, value=running)


def _unit_for(plan: Plan, chosen) -> Unit:
    if isinstance(chosen, Unit):
        return chosen
    _new, name = chosen
    # A village the plan names and the tree lacks, created under the issuing unit on confirmation.
    parent = plan.issuing_unit
    return Unit.objects.create(name=f"Thôn {name}", division_type="Thôn", kind=Kind.VILLAGE, parent=parent)


def milestone_kind(text: str) -> str:
    folded = fold(text)
    return next((kind for pattern, kind in MILESTONE_KINDS if re.search(pattern, folded)), Milestone.Kind.OTHER)


def subject_kind(name: str) -> str:
    folded = fold(name)
    return next(
        (kind for pattern, kind in SUBJECT_KINDS if re.search(pattern, folded)),
        EmulationSubject.Kind.OTHER_ORGANISATIONS,
    )


def _milestones(plan: Plan, item: dict) -> None:
    """One timeline item: a span ("2022-2025") keeps its first year, a yearly one ("Hằng năm …") recurs each year
    from the plan's year (or the span's) to the end of the campaign."""
    quarter = re.search(r"\bquy (iv|iii|ii|i)\b", fold(item["text"]))
    first, last = item.get("year_from"), item.get("year_to")
    recurring = bool(item.get("recurring"))
    if recurring:
        start = first or (plan.issue_date.year if plan.issue_date else plan.campaign.start_year)
        first, last = max(start, plan.campaign.start_year), last or plan.campaign.end_year
    last = last or first
    if not last:
        return
    last = min(max(last, FIRST_YEAR), LAST_YEAR)
    first = min(max(first, FIRST_YEAR), last) if first else None
    Milestone.objects.create(
        plan=plan,
        kind=milestone_kind(item["text"]),
        title=item["text"][:300],
        year_from=first if first and first < last else None,
        due_year=last,
        recurs_yearly=recurring and bool(first) and first < last,
        due_quarter=QUARTERS[quarter[1]] if quarter else None,
    )
