"""Award statistics of a movement report: awards granted in the period, decisions issued, nominations.

Awards count when their nominee belongs to a unit the report covers and their decision is dated in the
period, whoever granted them (a commune's Bằng khen of the province chairman counts for the commune).
"""

from collections import Counter

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from awards.models import AuthorityLevel, Award, AwardForm, Decision, Nomination, NomineeKind
from campaigns.models import Campaign
from reports.scope import Scope
from reports.tables import Column, Row, Table


def awards_in(scope: Scope, campaign: Campaign | None) -> list[Award]:
    period = scope.period
    awards = Award.objects.filter(
        nominee__unit__in=scope.units, decision__date__range=(period.first_day, period.last_day)
    )
    if campaign is not None:
        # An award entered without a nomination (an older decision typed in) still counts.
        awards = awards.filter(Q(nomination__campaign=campaign) | Q(nomination__isnull=True))
    return list(awards.select_related("award_form", "nominee"))


def by_form_table(awards: list[Award]) -> Table:
    """Award forms × nominee kinds, with totals: "by form" and "by nominee kind" in one table."""
    kinds = [kind for kind in NomineeKind if any(award.nominee.kind == kind for award in awards)]
    table = Table(
        "awards_by_form",
        _("Awards by form and nominee"),
        [Column(_("No."), css="narrow"), Column(_("Award form"), css="wide"), Column(_("Granted by"))]
        + [Column(str(kind.label), numeric=True) for kind in kinds]
        + [Column(_("Total"), numeric=True)],
        empty_text=_("No award was granted in the period."),
    )
    counts = Counter((award.award_form_id, award.nominee.kind) for award in awards)
    forms = {award.award_form_id: award.award_form for award in awards}
    ordered = sorted(forms.values(), key=lambda form: (-form.rank, form.name))
    for number, form in enumerate(ordered, start=1):
        per_kind = [counts[(form.pk, kind)] for kind in kinds]
        table.rows.append(Row([number, form.name, form.authority_title, *per_kind, sum(per_kind)]))
    if awards:
        per_kind = [sum(counts[(form.pk, kind)] for form in ordered) for kind in kinds]
        table.rows.append(Row(["", _("Total"), "", *per_kind, len(awards)], css="total"))
    return table


def by_level_table(awards: list[Award]) -> Table:
    table = Table(
        "awards_by_level",
        _("Awards by granting level"),
        [Column(_("Granting level")), Column(_("Awards"), numeric=True)],
        empty_text=_("No award was granted in the period."),
    )
    counts = Counter(award.award_form.authority_level for award in awards)
    for level in AuthorityLevel:
        if counts[level]:
            table.rows.append(Row([str(level.label), counts[level]]))
    if awards:
        table.rows.append(Row([_("Total"), len(awards)], css="total"))
    return table


def decisions_table(scope: Scope) -> Table:
    """Award decisions the unit (or the units below it) issued in the period."""
    period = scope.period
    decisions = (
        Decision.objects.filter(issuing_unit__in=scope.units, date__range=(period.first_day, period.last_day))
        .select_related("award_form")
        .annotate(awardees=Count("awards"))
        .order_by("date", "number")
    )
    table = Table(
        "award_decisions",
        _("Award decisions issued"),
        [
            Column(_("No."), css="narrow"),
            Column(_("Decision")),
            Column(_("Date")),
            Column(_("Issued by")),
            Column(_("Award form"), css="wide"),
            Column(_("Awardees"), numeric=True),
        ],
        empty_text=_("No award decision was issued in the period."),
    )
    for number, decision in enumerate(decisions, start=1):
        table.rows.append(
            Row(
                [
                    number,
                    decision.reference,
                    decision.date,
                    decision.issuer_name,
                    decision.award_form.name,
                    decision.awardees,
                ]
            )
        )
    return table


def nominations_table(scope: Scope, campaign: Campaign | None) -> Table:
    nominations = Nomination.objects.filter(proposing_unit__in=scope.units, round_year__in=scope.period.years)
    if campaign is not None:
        nominations = nominations.filter(campaign=campaign)
    counts = dict(nominations.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    table = Table(
        "nominations",
        _("Nominations by status"),
        [Column(_("Status")), Column(_("Nominations"), numeric=True)],
        empty_text=_("No nomination was proposed for the period."),
    )
    for status, label in Nomination.Status.choices:
        if counts.get(status):
            table.rows.append(Row([str(label), counts[status]]))
    if counts:
        table.rows.append(Row([_("Total"), sum(counts.values())], css="total"))
    return table


def award_summary(awards: list[Award]) -> dict:
    forms = Counter(award.award_form.category for award in awards)
    return {
        "total": len(awards),
        "collectives": sum(award.nominee.kind == NomineeKind.COLLECTIVE for award in awards),
        "individuals": sum(award.nominee.kind == NomineeKind.INDIVIDUAL for award in awards),
        "orders": forms[AwardForm.Category.ORDER],
        "merits": forms[AwardForm.Category.CERTIFICATE_OF_MERIT],
        "certificates": forms[AwardForm.Category.CERTIFICATE],
    }
