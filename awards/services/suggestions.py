"""Candidates worth nominating, drawn from what units recorded: recognitions in the year and plans whose targets
were all met, each with an achievements text (báo cáo thành tích) pre-filled from the data.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from awards.models import AuthorityLevel, AwardForm, Nomination, Nominee, NomineeKind, Round
from awards.services.checks import LIVE_STATUSES
from awards.services.grants import granted_on
from awards.services.routing import can_decide, short_date, today
from campaigns.models import (
    Assessment,
    Campaign,
    OcopRating,
    Plan,
    Recognition,
    ResourceContribution,
    VillageYear,
)
from campaigns.targets.evaluation import State, evaluate_targets, fmt
from units.hierarchy import LOCALITIES, level_above, predecessors
from units.models import Unit, User

# Certificates suit a collective's yearly result; flags and orders have standards of their own.
SUGGESTED_CATEGORIES = (AwardForm.Category.CERTIFICATE_OF_MERIT, AwardForm.Category.CERTIFICATE)


@dataclass
class Suggestion:
    unit: Unit
    award_form: AwardForm | None
    round: str
    round_year: int
    campaign: Campaign | None = None
    plan: Plan | None = None
    nominee: Nominee | None = None  # the collective's existing nominee record, if any
    nominee_kind: str = NomineeKind.COLLECTIVE
    reasons: list[str] = field(default_factory=list)
    achievements: str = ""

    @property
    def name(self) -> str:
        return self.unit.name


def suggest_candidates(unit: Unit, *, year: int, by: User) -> list[Suggestion]:
    """Communes and villages within `unit` (and the units it succeeded) recognised in `year`, and issuing units of
    plans whose targets were all met by the end of `year`; those already nominated in the round are left out."""
    on = min(today(), datetime.date(year, 12, 31))
    # A 2025 province's suggestions for 2024 come from the legacy subtrees it was formed from.
    units = Unit.objects.within(unit, *predecessors(unit)).filter(pk__in=Unit.objects.visible_to(by).values("pk"))
    found: dict[int, Suggestion] = {}
    campaign = Campaign.objects.covering(year).order_by("-start_year", "pk").first()

    recognitions = (
        Recognition.objects.filter(unit__in=units, unit__kind__in=LOCALITIES, decision_date__year=year)
        .filter(Q(revoked_on__isnull=True) | Q(revoked_on__gt=on))
        .select_related("unit", "unit__parent")
        .order_by("decision_date", "pk")
    )
    for recognition in recognitions:
        suggestion = _suggestion(found, recognition.unit, year, campaign)
        suggestion.reasons.append(
            _("Recognised: %(status)s (%(date)s)")
            % {"status": recognition.get_status_display(), "date": short_date(recognition.decision_date)}
        )
        suggestion.achievements += _recognition_line(recognition)

    for plan, lines in _achieved_plans(units, year, on):
        suggestion = _suggestion(found, plan.issuing_unit, year, plan.campaign)
        suggestion.plan = plan
        suggestion.reasons.append(_("All targets of plan %(plan)s met") % {"plan": plan.reference})
        suggestion.achievements += (
            _("All targets of plan %(plan)s were met:") % {"plan": plan.reference} + "\n" + "".join(lines)
        )

    _drop_already_nominated(found, year)
    _add_recorded_data(found, year)
    _add_forms_and_nominees(found, on)
    return sorted(found.values(), key=lambda suggestion: (suggestion.unit.path, suggestion.unit.name))


def _suggestion(found: dict, unit: Unit, year: int, campaign: Campaign | None) -> Suggestion:
    if unit.pk not in found:
        found[unit.pk] = Suggestion(unit=unit, award_form=None, round=Round.ANNUAL, round_year=year, campaign=campaign)
    return found[unit.pk]


def _recognition_line(recognition: Recognition) -> str:
    values = {"status": recognition.get_status_display(), "date": short_date(recognition.decision_date)}
    if recognition.decision_number:
        text = _("Recognised as %(status)s by decision %(number)s of %(date)s")
        values["number"] = recognition.decision_number
    else:
        text = _("Recognised as %(status)s on %(date)s")
    if recognition.issuer:
        text += " " + _("(%(issuer)s)")
        values["issuer"] = recognition.issuer
    return f"- {text % values}.\n"


def _achieved_plans(units, year: int, on: datetime.date) -> list[tuple[Plan, list[str]]]:
    """Issued plans of the units, running in `year`, whose every target is achieved on `on`."""
    plans = list(
        Plan.objects.issued()
        .filter(issuing_unit__in=units, campaign__start_year__lte=year, campaign__end_year__gte=year)
        .select_related("issuing_unit", "campaign")
        .prefetch_related("targets")
    )
    targets = [target for plan in plans for target in plan.targets.all()]
    results = evaluate_targets(targets, today=on)
    achieved = []
    for plan in plans:
        own = [results[target.pk] for target in plan.targets.all()]
        if own and all(result.state == State.ACHIEVED for result in own):
            lines = [f"- {result.target.description}{_measure(result)}\n" for result in own]
            achieved.append((plan, lines))
    return achieved


def _measure(result) -> str:
    if result.current is None or result.goal is None:
        return ""
    return f" ({fmt(result.current)}/{fmt(result.goal)})"


def _drop_already_nominated(found: dict, year: int) -> None:
    taken = Nomination.objects.filter(
        nominee__kind=NomineeKind.COLLECTIVE,
        nominee__unit__in=list(found),
        round=Round.ANNUAL,
        round_year=year,
        status__in=LIVE_STATUSES,
    ).values_list("nominee__unit_id", flat=True)
    for unit_id in set(taken):
        found.pop(unit_id, None)


def _add_recorded_data(found: dict, year: int) -> None:
    """Criteria met, village status, OCOP ratings and resources of the year: one query each."""
    ids = list(found)
    for unit_id, met, total in Assessment.objects.filter(
        unit__in=ids, year=year, status=Assessment.Status.APPROVED
    ).values_list("unit_id", "criteria_met", "criteria_total"):
        found[unit_id].achievements += (
            _("- Criteria met in %(year)s: %(met)s/%(count)s.")
            % {
                "year": year,
                "met": met,
                "count": total,
            }
            + "\n"
        )
    for village in VillageYear.objects.filter(unit__in=ids, year=year):
        line = _("- Status in %(year)s: %(status)s") % {"year": year, "status": village.get_status_display()}
        if village.criteria_met is not None:
            line += _(", %(met)s criteria met") % {"met": village.criteria_met}
        found[village.unit_id].achievements += line + ".\n"
    ratings = OcopRating.objects.filter(product__unit__in=ids, decision_date__year=year).select_related("product")
    products: dict[int, list[str]] = {}
    for rating in ratings.order_by("-stars", "product__name"):
        products.setdefault(rating.product.unit_id, []).append(f"{rating.product.name} ({rating.stars}★)")
    for unit_id, names in products.items():
        found[unit_id].achievements += (
            _("- OCOP products rated in %(year)s: %(products)s.")
            % {
                "year": year,
                "products": ", ".join(names),
            }
            + "\n"
        )
    for resources in ResourceContribution.objects.filter(unit__in=ids, year=year):
        found[resources.unit_id].achievements += _resources_line(resources, year)


def _resources_line(resources: ResourceContribution, year: int) -> str:
    text = _(
        "- Resources mobilised in %(year)s: %(total)s VND (state budget %(budget)s, people %(people)s, "
        "enterprises %(enterprises)s)"
    ) % {
        "year": year,
        "total": _money(resources.total_money),
        "budget": _money(resources.state_budget),
        "people": _money(resources.people),
        "enterprises": _money(resources.enterprises),
    }
    if resources.land_donated_m2:
        text += _("; %(land)s m² of land donated") % {"land": fmt(resources.land_donated_m2)}
    if resources.labour_days:
        text += _("; %(days)s labour days") % {"days": _money(resources.labour_days)}
    return text + ".\n"


def _money(value) -> str:
    """1234567 → "1.234.567", the Vietnamese grouping."""
    return f"{int(value):,}".replace(",", ".")


def _add_forms_and_nominees(found: dict, on: datetime.date) -> None:
    forms = [
        form
        for form in AwardForm.objects.filter(category__in=SUGGESTED_CATEGORIES)
        .prefetch_related("rules")
        .order_by("-rank", "name")
        if granted_on(form, on) and (not form.eligible_nominees or NomineeKind.COLLECTIVE in form.eligible_nominees)
    ]
    nominees = Nominee.objects.filter(kind=NomineeKind.COLLECTIVE, unit__in=list(found)).order_by("pk")
    by_unit: dict[int, Nominee] = {}
    for nominee in nominees:
        by_unit.setdefault(nominee.unit_id, nominee)
    deciders: dict[tuple, Unit | None] = {}  # one route per parent and kind: siblings share it
    for suggestion in found.values():
        unit = suggestion.unit
        key = (unit.parent_id, unit.kind)
        if key not in deciders:
            deciders[key] = level_above(unit, on=on)
        suggestion.award_form = _best_form(forms, deciders[key], on)
        suggestion.nominee = by_unit.get(unit.pk)
        suggestion.achievements = suggestion.achievements.strip()


def _best_form(forms: list[AwardForm], decider: Unit | None, on: datetime.date) -> AwardForm | None:
    """The highest certificate the level above grants itself; above a province, the Prime Minister's."""
    for form in forms:
        if decider is None and form.authority_level == AuthorityLevel.GOVERNMENT:
            return form
        if decider is not None and can_decide(decider, form, on=on):
            return form
    return None
