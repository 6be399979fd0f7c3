"""Award decisions: gap-free numbers per issuing body and year, the awards they grant, a nominee's history."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import Award, CouncilSession, Decision, DecisionCounter, LegalRegime, Nomination, Nominee
from awards.services.grants import granted_on
from awards.services.notices import tell_decided
from awards.services.routing import can_decide, dated_name, short_date, today
from awards.services.transitions import Action, Status, field_error, record
from units.models import Unit, User
from units.text import fold
from units.wording import issuer_name

# The symbol of a People's Committee decision ("125/QĐ-UBND"); a setting, as provinces' document rules vary.
UBND_SYMBOL = "QĐ-UBND"


def decision_symbol(unit: Unit) -> str:
    """ "QĐ-UBND" for a People's Committee (configurable with AWARDS_UBND_DECISION_SYMBOL); an agency's own
    initials otherwise ("Ban Dân tộc" → "QĐ-BDT")."""
    if unit.is_territory:
        return getattr(settings, "AWARDS_UBND_DECISION_SYMBOL", UBND_SYMBOL)
    initials = "".join(word[0] for word in fold(unit.short_name or unit.name).split()).upper()
    return f"QĐ-{initials}" if initials else UBND_SYMBOL


@transaction.atomic
def issue_decision(
    nominations: Iterable[Nomination],
    *,
    issuing_unit: Unit,
    date: datetime.date,
    signer_name: str,
    signer_title: str,
    legal_basis: str,
    by: User,
    session: CouncilSession | None = None,
    symbol: str | None = None,
) -> Decision:
    """One decision granting one award form to approved nominations waiting at `issuing_unit`, within its authority.

    The number is the next of DecisionCounter(issuing_unit, year), taken under a row lock inside this
    transaction: two decisions issued at the same moment get consecutive numbers, and a refused decision
    rolls its number back, so the register has no gap and never reuses a number.
    """
    ids = list(dict.fromkeys(nomination.pk for nomination in nominations))
    if not ids:
        raise ValidationError(_("Choose at least one approved nomination."), code="empty")
    # Lock the rows in a fixed order, so two decisions over overlapping lists wait instead of deadlocking.
    rows = {row.pk: row for row in Nomination.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
    chosen = [rows[pk] for pk in ids if pk in rows]
    award_form = _check_nominations(chosen, issuing_unit)
    _check_issue(issuing_unit, award_form, date, session)
    signer_name, signer_title = (signer_name or "").strip(), (signer_title or "").strip()
    if not signer_name or not signer_title:
        raise field_error("signer_name", _("Enter the signer's name and title."), "no_signer")

    decision = Decision.objects.create(
        issuing_unit=issuing_unit,
        issuer_name=issuer_name(issuing_unit),
        year=date.year,
        number=_next_number(issuing_unit, date.year),
        symbol=symbol or decision_symbol(issuing_unit),
        date=date,
        award_form=award_form,
        legal_regime=LegalRegime.on(date),
        legal_basis=(legal_basis or "").strip(),
        signer_name=signer_name,
        signer_title=signer_title,
        council_session=session,
        issued_by=by,
    )
    Award.objects.bulk_create(
        Award(
            decision=decision,
            nomination=nomination,
            nominee_id=nomination.nominee_id,
            award_form=award_form,
            type=nomination.type,
            round=nomination.round,
            round_year=nomination.round_year,
            order=order,
        )
        for order, nomination in enumerate(chosen, start=1)
    )
    issued = Nomination.objects.filter(pk__in=ids, status=Status.APPROVED, reviewer_unit=issuing_unit).update(
        status=Status.DECISION_ISSUED, reviewer_unit=None, version=F("version") + 1, updated_at=timezone.now()
    )
    if issued != len(ids):  # someone acted on one of them meanwhile (SQLite takes no row locks)
        raise ValidationError(_("One of these nominations changed meanwhile. Reload the page."), code="status")
    for nomination in chosen:
        nomination.refresh_from_db()
        record(
            nomination,
            from_status=Status.APPROVED,
            action=Action.ISSUE,
            by=by,
            unit=issuing_unit,
            comment=_("Decision %(reference)s of %(date)s")
            % {"reference": decision.reference, "date": short_date(date)},
        )
    tell_decided(decision, chosen)
    return decision


def _check_nominations(chosen: list[Nomination], issuing_unit: Unit):
    if not chosen:
        raise ValidationError(_("Choose at least one approved nomination."), code="empty")
    for nomination in chosen:
        if nomination.status != Status.APPROVED:
            raise ValidationError(
                _("%(nomination)s is not approved (it is “%(status)s”).")
                % {"nomination": nomination, "status": nomination.get_status_display()},
                code="status",
            )
        if nomination.reviewer_unit_id != issuing_unit.pk:
            raise ValidationError(
                _("%(nomination)s is not waiting at %(unit)s.") % {"nomination": nomination, "unit": issuing_unit},
                code="other_unit",
            )
    forms = {nomination.award_form_id for nomination in chosen}
    if len(forms) > 1:
        raise ValidationError(_("A decision grants one award form; these nominations ask for several."), code="forms")
    return chosen[0].award_form


def _check_issue(issuing_unit: Unit, award_form, date: datetime.date | None, session: CouncilSession | None) -> None:
    if date is None:
        raise field_error("date", _("Enter the decision date."), "no_date")
    if date > today():
        raise field_error("date", _("The decision date cannot be in the future."), "future_date")
    if not can_decide(issuing_unit, award_form, on=date):
        raise ValidationError(
            _("%(unit)s cannot grant %(award)s: forward the nominations to the level above.")
            % {"unit": issuing_unit, "award": award_form},
            code="authority",
        )
    # The district chairman's Giấy khen cannot be issued after 30/06/2025 (domain.md §5): no rule grants it then.
    if not granted_on(award_form, date):
        raise field_error(
            "date",
            _("%(award)s cannot be issued on %(date)s.") % {"award": award_form, "date": short_date(date)},
            "form_unavailable",
        )
    if not issuing_unit.is_valid_on(date):
        raise field_error(
            "date",
            _("%(unit)s does not exist on %(date)s.") % {"unit": dated_name(issuing_unit), "date": short_date(date)},
            "unit_not_valid",
        )
    if session is not None and session.council_unit_id != issuing_unit.pk:
        raise ValidationError(_("This council session belongs to another unit."), code="session")


def _next_number(issuing_unit: Unit, year: int) -> int:
    """The next number of the body's register for the year, under a lock held until the transaction ends."""
    counter, _created = DecisionCounter.objects.get_or_create(issuing_unit=issuing_unit, year=year)
    # get_or_create cannot lock; a second read with FOR UPDATE does, and sees the last committed number.
    counter = DecisionCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def award_history(nominee: Nominee) -> QuerySet[Award]:
    """The nominee's awards, newest first, each with its decision and form: one query."""
    return (
        Award.objects.filter(nominee=nominee)
        .select_related("award_form", "decision", "decision__issuing_unit")
        .order_by("-decision__date", "-decision__number", "order")
    )
