"""About 100,000 nominations at every stage, with their nominees and events, and the decisions that granted them.

Communes propose to their district before 07/2025 (a district's Giấy khen, or a province's Bằng khen that
the district forwards), districts to their province, and the communes formed in 07/2025 to their new
province. A Bằng khen of the Prime Minister leaves the app at the province (forwarded). Open files of a
district when the districts ended are closed as dissolved, or still wait in the district's queue.
"""

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass, field

from awards.models import AwardForm, LegalRegime, Nomination, NominationEvent, NominationType, Nominee, Round
from awards.services.decisions import issuer_name
from awards.services.transitions import Action
from campaigns.demo.national_data.base import LEGACY_END, NOTE, Run, Tree, moment, own_timestamps
from campaigns.demo.national_data.decisions import DecisionBook
from campaigns.demo.national_data.names import ACHIEVEMENTS, POSITIONS, REJECT_REASONS, RETURN_REASONS, person
from campaigns.models import Campaign
from units.models import Kind, Unit

S = Nomination.Status
GK_HUYEN = "Giấy khen của Chủ tịch UBND huyện"
BK_TINH = "Bằng khen của Chủ tịch UBND tỉnh"
CO_TINH = "Cờ thi đua của UBND tỉnh"
BK_TTG = "Bằng khen của Thủ tướng Chính phủ"
FORMS = {
    "commune": ([GK_HUYEN, BK_TINH, BK_TTG], [65, 30, 5]),
    "district": ([BK_TINH, CO_TINH, BK_TTG], [65, 10, 25]),
    "new_commune": ([BK_TINH, BK_TTG], [85, 15]),
}
OPEN = [S.SUBMITTED, S.IN_APPRAISAL, S.COUNCIL, S.APPROVED]
STATUS_WEIGHTS = {
    "closed": {S.DECISION_ISSUED: 85, S.REJECTED: 10, S.RETURNED: 2, S.DRAFT: 3},
    2024: {S.DECISION_ISSUED: 60, S.REJECTED: 6, S.RETURNED: 5, S.DRAFT: 4, **dict(zip(OPEN, [8, 7, 5, 5], strict=True))},
    "legacy_final": {
        S.DECISION_ISSUED: 12, S.REJECTED: 4, S.RETURNED: 5, S.DRAFT: 8, S.CLOSED_DISSOLVED: 20,
        **dict(zip(OPEN, [18, 14, 10, 9], strict=True)),
    },
    "new": {S.DECISION_ISSUED: 25, S.REJECTED: 4, S.RETURNED: 6, S.DRAFT: 10, **dict(zip(OPEN, [20, 14, 10, 9], strict=True))},
}  # fmt: skip
LEGACY_YEARS = ([2021, 2022, 2023, 2024, 2025], [15, 15, 20, 20, 30])
TYPES = ([NominationType.MERIT, NominationType.CAMPAIGN, NominationType.SUDDEN, NominationType.SERVICE], [60, 30, 5, 5])


@dataclass
class Draft:
    """A nomination before insert, its events (from, to, action, unit, comment, day) and its deciding unit."""

    nomination: Nomination
    events: list[tuple] = field(default_factory=list)
    decider: Unit | None = None
    ready: datetime.date | None = None  # approved on this day, waiting for the decision


def create_nominations(run: Run, tree: Tree, campaign: Campaign) -> None:
    rng = run.rng("nominations")
    forms = {form.name: form for form in AwardForm.objects.filter(name__in=[GK_HUYEN, BK_TINH, CO_TINH, BK_TTG])}
    maker = _Maker(run, rng, tree, campaign, forms)
    for commune in tree.communes:
        for _number in range(maker.count(rng.randint(2, 11), tree.province_of(commune))):
            maker.from_commune(commune)
    districts = sorted({commune.parent_id for commune in tree.communes if tree.is_legacy(commune)})
    for district_pk in districts:
        district = tree.districts[district_pk]
        # A sampled tree keeps a share of each district's communes; the district's own files follow that share.
        for _number in range(
            maker.count(max(1, round(rng.randint(8, 24) * min(1, run.scale))), tree.province_of(district))
        ):
            maker.from_district(district)
    drafts = maker.drafts
    book = DecisionBook(run, run.rng("decisions"))
    for draft in drafts:
        if draft.decider is not None:
            book.add(draft)
    total = len(maker.nominees) + 2 * len(drafts) + sum(len(d.events) for d in drafts) + book.size
    with run.stage("nominations", total) as bar:
        run.insert(Nominee, maker.nominees, bar)
        with own_timestamps((Nomination, "created_at"), (Nomination, "updated_at")):
            book.issue(drafts)  # dates the last events first, so updated_at is right
            run.insert(Nomination, (draft.nomination for draft in drafts), bar)
        events = (_event(rng, draft, *event) for draft in drafts for event in draft.events)
        with own_timestamps((NominationEvent, "at")):
            run.insert(NominationEvent, events, bar)
        book.save(bar)


def _event(rng, draft: Draft, from_status, to_status, action, unit, comment, day) -> NominationEvent:
    return NominationEvent(
        nomination=draft.nomination,
        unit=unit,
        from_status=from_status,
        to_status=to_status,
        action=action,
        comment=comment,
        at=moment(day, rng),
    )


class _Maker:
    def __init__(self, run: Run, rng: random.Random, tree: Tree, campaign: Campaign, forms: dict[str, AwardForm]):
        self.run, self.rng, self.tree, self.campaign, self.forms = run, rng, tree, campaign, forms
        self.nominees: list[Nominee] = []
        self.collectives: dict[int, Nominee] = {}  # a unit's own nominee, reused across its nominations
        self.drafts: list[Draft] = []
        self.activity: dict[int, float] = {}  # province pk → how busy its units are
        self.numbers: dict[int, int] = defaultdict(int)

    def count(self, base: int, province: Unit) -> int:
        if province.pk not in self.activity:
            self.activity[province.pk] = self.rng.uniform(0.5, 1.6)
        return round(base * self.activity[province.pk])

    def from_commune(self, commune: Unit) -> None:
        rng, tree = self.rng, self.tree
        villages = tree.villages.get(commune.pk) or [commune]
        kind = rng.choices(["collective", "individual", "household", "enterprise"], [35, 35, 25, 5])[0]
        place = rng.choice(villages)
        nominee = self.nominee(kind, place, commune)
        legacy = tree.is_legacy(commune)
        form = self.form("commune" if legacy else "new_commune", nominee.kind)
        if legacy:
            route = [commune.parent] if form.name == GK_HUYEN else [commune.parent, tree.province_of(commune)]
        else:
            route = [tree.province_of(commune)]
        self.add(commune, nominee, form, route, legacy)

    def from_district(self, district: Unit) -> None:
        rng = self.rng
        kind = rng.choices(["collective", "individual", "enterprise"], [50, 40, 10])[0]
        nominee = self.nominee(kind, district, district)
        form = self.form("district", nominee.kind)
        self.add(district, nominee, form, [self.tree.provinces[district.parent_id]], True)

    def form(self, proposer: str, nominee_kind: str) -> AwardForm:
        names, weights = FORMS[proposer]
        form = self.forms[self.rng.choices(names, weights)[0]]
        if form.eligible_nominees and nominee_kind not in form.eligible_nominees:
            form = self.forms[BK_TINH]  # open to anyone
        return form

    def nominee(self, kind: str, place: Unit, commune: Unit) -> Nominee:
        rng = self.rng
        if kind == "collective" and place.pk in self.collectives:
            return self.collectives[place.pk]
        nominee = Nominee(kind=kind, unit=place, is_demo=True)
        if kind == "collective":
            nominee.name = place.name if place.kind != Kind.VILLAGE else f"{place.name}, {commune.name}"
            self.collectives[place.pk] = nominee
        elif kind == "individual":
            female = rng.random() < 0.45
            nominee.name = person(rng, female=female)
            nominee.position = rng.choice(POSITIONS)
            nominee.birth_year = rng.randint(1960, 1998)
        elif kind == "household":
            nominee.name = f"{'Hộ bà' if rng.random() < 0.4 else 'Hộ ông'} {person(rng)}"
        else:
            label = rng.choice(["Hợp tác xã", "Công ty TNHH", "Công ty cổ phần"])
            nominee.name = f"{label} {rng.choice(['Phát Đạt', 'Xanh', 'Nông sản', 'Thành Công', 'Hưng Thịnh'])} {commune.short_name}"
        self.nominees.append(nominee)
        return nominee

    def add(self, proposer: Unit, nominee: Nominee, form: AwardForm, route: list[Unit], legacy: bool) -> None:
        rng = self.rng
        if legacy:
            year = rng.choices(*LEGACY_YEARS)[0]
            weights = STATUS_WEIGHTS["legacy_final" if year == 2025 else year if year == 2024 else "closed"]
        else:
            year, weights = 2025, STATUS_WEIGHTS["new"]
        status = rng.choices(list(weights), list(weights.values()))[0]
        round_ = _round(rng, year, legacy)
        submitted = _submission_day(self.run, rng, round_, year, legacy)
        self.numbers[proposer.pk] += 1
        nomination = Nomination(
            nominee=nominee,
            award_form=form,
            campaign=self.campaign,
            type=NominationType.CAMPAIGN if round_ in (Round.MIDTERM, Round.FINAL) else rng.choices(*TYPES)[0],
            round=round_,
            round_year=year,
            achievements=f"Có thành tích xuất sắc trong {rng.choice(ACHIEVEMENTS)}, năm {year}. {NOTE}",
            proposing_unit=proposer,
            status=status,
            is_demo=True,
            created_at=moment(submitted - datetime.timedelta(days=rng.randint(3, 20)), rng),
        )
        draft = Draft(nomination)
        if status != S.DRAFT:
            nomination.submission_number = f"{self.numbers[proposer.pk]}/TTr-UBND"
            nomination.submission_date = submitted
            nomination.legal_regime = LegalRegime.on(submitted)
            _walk(self.run, rng, draft, proposer, route, form, submitted, limit=LEGACY_END if legacy else None)
        last = draft.events[-1][-1] if draft.events else submitted
        nomination.updated_at = moment(last, rng)
        self.drafts.append(draft)


def _round(rng, year: int, legacy: bool) -> str:
    if year == 2025:
        return Round.FINAL if legacy or rng.random() < 0.7 else Round.ANNUAL
    if year == 2023 and rng.random() < 0.4:
        return Round.MIDTERM
    return Round.ANNUAL


def _submission_day(run: Run, rng, round_: str, year: int, legacy: bool) -> datetime.date:
    if round_ == Round.MIDTERM:
        return run.day(rng, datetime.date(2023, 5, 1), datetime.date(2023, 8, 31))
    if year == 2025:
        if legacy:
            return run.day(rng, datetime.date(2025, 3, 1), datetime.date(2025, 5, 31))
        return run.day(rng, datetime.date(2025, 8, 1), datetime.date(2025, 12, 31))
    return run.day(rng, datetime.date(year, 11, 1), datetime.date(year + 1, 1, 31))


def _walk(run: Run, rng, draft: Draft, proposer: Unit, route: list[Unit], form: AwardForm, day, *, limit) -> None:
    """The events from submission to the nomination's status, and where it waits (reviewer_unit)."""
    nomination, status = draft.nomination, draft.nomination.status
    outside = form.name == BK_TTG  # granted at the central level: the province forwards it out of the app
    # Granted files went all the way up; the others stop at one of the levels, the first one more often.
    if status == S.DECISION_ISSUED or len(route) == 1:
        level = len(route) - 1
    else:
        level = rng.choices(range(len(route)), [60, 40])[0]

    def step(from_status, to_status, action, unit, comment=""):
        nonlocal day
        if draft.events:
            day = day + datetime.timedelta(days=rng.randint(2, 12))
            if limit:
                day = min(day, limit)
            day = min(day, run.today)
        draft.events.append((from_status, to_status, action, unit, comment, day))

    step("", S.SUBMITTED, Action.SUBMIT, proposer)
    if status == S.CLOSED_DISSOLVED:
        where = rng.choice([S.SUBMITTED, S.IN_APPRAISAL])
        if where == S.IN_APPRAISAL:
            step(S.SUBMITTED, S.IN_APPRAISAL, Action.START_APPRAISAL, route[0])
        day = run.day(rng, datetime.date(2025, 7, 15), datetime.date(2025, 9, 30))
        draft.events.append((where, S.CLOSED_DISSOLVED, Action.CLOSE_DISSOLVED, route[0], _dissolved(route[0]), day))
        return
    for unit, above in zip(route[:level], route[1 : level + 1], strict=True):
        _pass_council(step, unit)
        step(S.APPROVED, S.SUBMITTED, Action.FORWARD, unit, f"Chuyển lên {above.name}.")
    here = route[level]
    if status == S.SUBMITTED:
        nomination.reviewer_unit = here
        return
    step(S.SUBMITTED, S.IN_APPRAISAL, Action.START_APPRAISAL, here)
    if status == S.IN_APPRAISAL:
        nomination.reviewer_unit = here
    elif status == S.RETURNED:
        nomination.reviewer_unit, nomination.return_reason = here, rng.choice(RETURN_REASONS)
        step(S.IN_APPRAISAL, S.RETURNED, Action.RETURN, here, nomination.return_reason)
        nomination.returned_at = moment(draft.events[-1][-1], rng)
    elif status == S.REJECTED:
        nomination.decision_reason = rng.choice(REJECT_REASONS)
        step(S.IN_APPRAISAL, S.REJECTED, Action.REJECT, here, nomination.decision_reason)
    elif status == S.COUNCIL:
        nomination.reviewer_unit = here
        step(S.IN_APPRAISAL, S.COUNCIL, Action.PUT_ON_AGENDA, here)
    else:  # approved, decision issued
        step(S.IN_APPRAISAL, S.COUNCIL, Action.PUT_ON_AGENDA, here)
        step(S.COUNCIL, S.APPROVED, Action.COUNCIL_PASSED, here)
        if status == S.APPROVED:
            nomination.reviewer_unit = here
        elif outside:
            nomination.status = S.FORWARDED
            step(S.APPROVED, S.FORWARDED, Action.FORWARD, here, "Trình cấp trung ương.")
        else:
            draft.decider, draft.ready = here, draft.events[-1][-1]


def _pass_council(step, unit: Unit) -> None:
    step(S.SUBMITTED, S.IN_APPRAISAL, Action.START_APPRAISAL, unit)
    step(S.IN_APPRAISAL, S.COUNCIL, Action.PUT_ON_AGENDA, unit)
    step(S.COUNCIL, S.APPROVED, Action.COUNCIL_PASSED, unit)


def _dissolved(unit: Unit) -> str:
    return f"{issuer_name(unit)} đã kết thúc hoạt động từ 01/07/2025 (TT 15/2025/TT-BNV)."
