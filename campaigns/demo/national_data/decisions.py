"""Award decisions for the granted nominations: one per deciding body, award form and round, numbered without gaps."""

import base64
import datetime
from collections import defaultdict

from django.db.models import Max

from awards.models import Award, Decision, DecisionCounter, LegalRegime, Nomination
from awards.services.decisions import issuer_name
from awards.services.transitions import Action
from campaigns.demo.national_data.base import LEGACY_END, NOTE, Run, moment, own_timestamps
from campaigns.demo.national_data.names import person
from units.models import Kind

S = Nomination.Status
LEGAL_BASIS = {
    LegalRegime.LAW_2013: "Luật Thi đua, khen thưởng năm 2003, sửa đổi 2013; Nghị định 91/2017/NĐ-CP.",
    LegalRegime.DECREE_98: "Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 98/2023/NĐ-CP.",
    LegalRegime.DECREE_152: "Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 152/2025/NĐ-CP.",
}
LEVEL_WORD = {Kind.DISTRICT: "huyện", Kind.PROVINCE: "tỉnh"}


class DecisionBook:
    """Groups the granted nominations into decisions, dates and numbers them, then writes them and their awards."""

    def __init__(self, run: Run, rng):
        self.run, self.rng = run, rng
        self.groups: dict[tuple, list] = defaultdict(list)
        self.decisions: list[Decision] = []
        self.used: dict[tuple[int, int], int] = {}  # (body, year) → the last number this run gave
        self.awards: list[Award] = []

    def add(self, draft) -> None:
        nomination, unit = draft.nomination, draft.decider
        key = (
            unit.code_scheme,
            unit.kind,
            unit.code,
            nomination.award_form.name,
            nomination.round,
            nomination.round_year,
        )
        self.groups[key].append(draft)

    @property
    def size(self) -> int:
        return len(self.groups) + sum(len(drafts) for drafts in self.groups.values())

    def issue(self, drafts) -> None:
        """Date and number each decision and end its nominations' walk with the "issue" event."""
        rng, numbers = self.rng, self._last_numbers()
        serials = set(Award.objects.values_list("serial", flat=True))
        dated = []
        for key in sorted(self.groups):
            group = self.groups[key]
            unit = group[0].decider
            day = max(draft.ready for draft in group) + datetime.timedelta(days=rng.randint(2, 15))
            if unit.valid_to:
                day = min(day, unit.valid_to, LEGACY_END)
            dated.append((min(day, self.run.today), key, group))
        # Numbers follow the dates within each body's yearly register.
        for day, _key, group in sorted(dated, key=lambda item: (item[0], item[1])):
            unit = group[0].decider
            numbers[unit.pk, day.year] += 1
            self.used[unit.pk, day.year] = numbers[unit.pk, day.year]
            decision = self._decision(unit, group[0].nomination.award_form, day, numbers[unit.pk, day.year])
            self.decisions.append(decision)
            for order, draft in enumerate(group, start=1):
                nomination = draft.nomination
                nomination.status, nomination.reviewer_unit = S.DECISION_ISSUED, None
                comment = f"Quyết định {decision.reference} ngày {day:%d/%m/%Y}"
                draft.events.append((S.APPROVED, S.DECISION_ISSUED, Action.ISSUE, unit, comment, day))
                nomination.updated_at = moment(day, rng)
                self.awards.append(
                    Award(
                        decision=decision,
                        nomination=nomination,
                        nominee=nomination.nominee,
                        award_form=nomination.award_form,
                        type=nomination.type,
                        round=nomination.round,
                        round_year=nomination.round_year,
                        order=order,
                        serial=self._serial(serials),
                        verification_token=base64.urlsafe_b64encode(rng.randbytes(16)).decode().rstrip("="),
                        is_demo=True,
                    )
                )

    def _decision(self, unit, award_form, day: datetime.date, number: int) -> Decision:
        rng = self.rng
        regime = LegalRegime.on(day)
        deputy = rng.random() < 0.7
        level = LEVEL_WORD.get(unit.kind, "")
        return Decision(
            issuing_unit=unit,
            issuer_name=issuer_name(unit),
            year=day.year,
            number=number,
            symbol="QĐ-UBND",
            date=day,
            award_form=award_form,
            legal_regime=regime,
            legal_basis=f"{LEGAL_BASIS[regime]}\n{NOTE}",
            signer_name=person(rng),
            signer_title=f"{'Phó Chủ tịch' if deputy else 'Chủ tịch'} UBND {level}".strip(),
            signing_mode="KT." if deputy else "",
            is_demo=True,
            issued_at=moment(day, rng),
        )

    def _serial(self, taken: set[str]) -> str:
        # Award.serial's default draws from `secrets`; the data must follow the seed, and stay unique.
        while True:
            serial = f"{self.rng.getrandbits(32):08X}"
            if serial not in taken:
                taken.add(serial)
                return serial

    def _last_numbers(self) -> dict[tuple[int, int], int]:
        """The last number each body used each year, from its counter or its decisions, whichever is higher."""
        units = {draft.decider.pk for group in self.groups.values() for draft in group}
        numbers: dict[tuple[int, int], int] = defaultdict(int)
        for unit_id, year, last in DecisionCounter.objects.filter(issuing_unit__in=units).values_list(
            "issuing_unit", "year", "last_number"
        ):
            numbers[unit_id, year] = max(numbers[unit_id, year], last)
        for unit_id, year, last in (
            Decision.objects.filter(issuing_unit__in=units)
            .values("issuing_unit", "year")
            .annotate(last=Max("number"))
            .values_list("issuing_unit", "year", "last")
        ):
            numbers[unit_id, year] = max(numbers[unit_id, year], last)
        return numbers

    def save(self, bar) -> None:
        with own_timestamps((Decision, "issued_at")):
            self.run.insert(Decision, self.decisions, bar)
        self.run.insert(Award, self.awards, bar)
        # The services take the next number from these counters: they must know the numbers used here.
        counters = [
            DecisionCounter(issuing_unit_id=unit_id, year=year, last_number=last)
            for (unit_id, year), last in sorted(self.used.items())
        ]
        DecisionCounter.objects.bulk_create(
            counters, update_conflicts=True, unique_fields=["issuing_unit", "year"], update_fields=["last_number"]
        )
