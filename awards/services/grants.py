"""The catalogue's grant rules on a date: who grants a form, under which texts, with which bonus.

Documents ask these functions with the dossier's or the decision's date, so a tờ trình dated 20/06/2025
cites NĐ 98/2023 and goes to the district, one dated after 01/07/2025 cites NĐ 152/2025 and goes to the
province, and a decree that replaces NĐ 152/2025 is a new GrantRule row, not a code change.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from awards.models import AwardForm, BaseSalary, GrantRule, LegalRegime, NomineeKind
from awards.models.catalogue import REGIME_BASES
from awards.services.routing import can_decide, form_available_on
from units.hierarchy import level_above
from units.models import Unit


def rule_for(award_form: AwardForm, day: datetime.date) -> GrantRule | None:
    """The rule of `award_form` in force on `day`: the latest to start when a newer text overlaps an older one."""
    return GrantRule.objects.filter(award_form=award_form).on(day).first()


def regime_label(award_form: AwardForm, day: datetime.date) -> str:
    """The texts a document of `award_form` dated `day` is issued under, as named by the grant rule its "Căn cứ"
    lines and its bonus come from: a decree added as a new rule relabels the documents after its start with it.
    A form without rules (one an administrator added) falls back to the three regimes of LegalRegime."""
    rule = rule_for(award_form, day)
    return rule.regime if rule else str(LegalRegime.on(day).label)


def granted_on(award_form: AwardForm, day: datetime.date) -> bool:
    """The form exists on `day` (its own dates) and, if it has rules, one of them covers the day."""
    if not form_available_on(award_form, day):
        return False
    return not award_form.rules.exists() or rule_for(award_form, day) is not None


def grant_span(award_form: AwardForm) -> tuple[datetime.date | None, datetime.date | None]:
    """The first and last day the form can be granted (None: open): its own dates within its rules' span."""
    starts, ends = [award_form.valid_from], [award_form.valid_to]
    rules = list(award_form.rules.all())
    if rules:
        starts.append(None if any(rule.valid_from is None for rule in rules) else min(r.valid_from for r in rules))
        ends.append(None if any(rule.valid_to is None for rule in rules) else max(r.valid_to for r in rules))
    known_starts, known_ends = [d for d in starts if d], [d for d in ends if d]
    return (max(known_starts) if known_starts else None), (min(known_ends) if known_ends else None)


def legal_bases(award_forms: Iterable[AwardForm], day: datetime.date) -> list[str]:
    """The "Căn cứ …" lines of the forms' rules on `day`, each once; the regime's own lines for forms without one."""
    lines: list[str] = []
    for award_form in award_forms:
        rule = rule_for(award_form, day)
        lines += rule.bases if rule else REGIME_BASES[LegalRegime.on(day)]
    return list(dict.fromkeys(lines)) or list(REGIME_BASES[LegalRegime.on(day)])


def addressee_unit(unit: Unit, award_forms: Iterable[AwardForm], day: datetime.date) -> Unit | None:
    """Whom a tờ trình of `unit` dated `day` goes to: its own chairman when it grants every form itself on that
    day (a commune's Giấy khen of the Chủ tịch UBND xã), otherwise the level above on that day."""
    forms = list(award_forms)
    if forms and all(can_decide(unit, award_form, on=day) for award_form in forms):
        return unit
    return level_above(unit, on=day)


@dataclass(frozen=True)
class Bonus:
    """The bonus that comes with a form on a date: a multiple of the base salary in force then."""

    rule: GrantRule
    base_salary: BaseSalary | None
    multiple: Decimal
    recipients: list[str]

    @property
    def amount(self) -> Decimal | None:
        # No rounding rule is known for NĐ 152/2025 (domain-2026.md §4.7): the product, to the đồng.
        if self.base_salary is None:
            return None
        return (self.multiple * self.base_salary.amount).quantize(Decimal(1))

    @property
    def multiple_shown(self) -> Decimal:
        """1.50 → 1.5 and 12.00 → 12, as a text writes a multiple."""
        multiple = self.multiple.normalize()
        return multiple.quantize(Decimal(1)) if multiple == multiple.to_integral() else multiple

    @property
    def recipient_labels(self) -> str:
        return ", ".join(str(NomineeKind(kind).label) for kind in self.recipients)

    def amount_for(self, kind: str) -> Decimal | None:
        return self.amount if kind in self.recipients else None


def bonus_for(award_form: AwardForm, day: datetime.date) -> Bonus | None:
    """The bonus of `award_form` on the decision date `day`; None where the rule gives no multiple."""
    rule = rule_for(award_form, day)
    if rule is None or rule.bonus_multiple is None:
        return None
    return Bonus(
        rule=rule, base_salary=BaseSalary.on(day), multiple=rule.bonus_multiple, recipients=rule.bonus_recipients
    )
