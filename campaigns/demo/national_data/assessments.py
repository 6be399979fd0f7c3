"""Yearly assessments with their 19 criterion results, and the recognitions that follow from them.

Each rural commune climbs a trajectory: many were NTM before 2021 (more in the deltas than in the mountains),
the others gain 0-3 criteria a year and are recognised the year they reach 19. A commune formed in 07/2025
starts from the average of the communes it was formed from.
"""

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass

from awards.services.decisions import issuer_name
from campaigns.assessments.services import applied_region
from campaigns.demo.assessments import EASE
from campaigns.demo.national_data.base import LEGACY_YEARS, NEW_YEAR, NOTE, Run, Tree, moment, own_timestamps
from campaigns.demo.national_data.names import RETURN_REASONS
from campaigns.models import Assessment, CriteriaSet, CriterionResult, Recognition, RecognitionStatus
from units.models import Kind, Lineage, NtmRegion, Unit

CRITERIA_SET = "qd318-xa-2021"
ALL = 19
# Share of communes already NTM when the movement started, by region (national average ≈ 60%).
NTM_BEFORE_2021 = {
    NtmRegion.RED_RIVER_DELTA: 0.9,
    NtmRegion.SOUTH_EAST: 0.8,
    NtmRegion.NORTH_CENTRAL: 0.7,
    NtmRegion.MEKONG_DELTA: 0.65,
    NtmRegion.SOUTH_CENTRAL_COAST: 0.65,
    NtmRegion.CENTRAL_HIGHLANDS: 0.5,
    NtmRegion.NORTHERN_MOUNTAINS: 0.35,
}
S = Assessment.Status
# The last year of each scheme is still being reviewed; earlier years are approved.
OPEN_YEAR_STATUSES = ([S.APPROVED, S.SUBMITTED, S.RETURNED, S.DRAFT], [80, 10, 3, 7])
R = RecognitionStatus


@dataclass
class Trajectory:
    met: dict[int, int]  # year → criteria met
    order: list[int]  # criterion numbers, the first met first
    ntm_year: int | None  # the year the commune first met all 19 (≤ 2020: before the movement)


def trajectories(run: Run, tree: Tree) -> dict[int, Trajectory]:
    """Commune pk → its trajectory, for the rural communes of the sample."""
    rng = run.rng("trajectories")
    found: dict[int, Trajectory] = {}
    rural = [commune for commune in tree.communes if tree.is_rural(commune)]
    for commune in rural:
        if tree.is_legacy(commune):
            found[commune.pk] = _legacy(rng, commune)
    predecessors = defaultdict(list)
    for predecessor_id, successor_id in Lineage.objects.filter(
        successor__in=[c for c in rural if not tree.is_legacy(c)], predecessor__kind=Kind.COMMUNE
    ).values_list("predecessor_id", "successor_id"):
        predecessors[successor_id].append(predecessor_id)
    for commune in rural:
        if not tree.is_legacy(commune):
            before = [found[pk].met[2024] for pk in sorted(predecessors[commune.pk]) if pk in found]
            found[commune.pk] = _new(rng, commune, before)
    return found


def _order(rng: random.Random) -> list[int]:
    return sorted(EASE, key=lambda number: EASE.index(number) + rng.gauss(0, 2))


def _legacy(rng: random.Random, commune: Unit) -> Trajectory:
    if rng.random() < NTM_BEFORE_2021.get(commune.ntm_region, 0.6):
        return Trajectory(dict.fromkeys(LEGACY_YEARS, ALL), _order(rng), rng.randint(2013, 2020))
    mountains = commune.ntm_region == NtmRegion.NORTHERN_MOUNTAINS
    met, value, ntm_year = {}, rng.randint(5, 15) if mountains else rng.randint(8, 17), None
    for year in LEGACY_YEARS:
        value = min(ALL, value + (year > LEGACY_YEARS[0]) * rng.choice([0, 1, 1, 2, 2, 3]))
        met[year] = value
        if value == ALL and ntm_year is None:
            ntm_year = year
    return Trajectory(met, _order(rng), ntm_year)


def _new(rng: random.Random, commune: Unit, before: list[int]) -> Trajectory:
    base = round(sum(before) / len(before)) if before else rng.randint(10, 19)
    value = min(ALL, base + rng.randint(0, 1))
    return Trajectory({NEW_YEAR: value}, _order(rng), NEW_YEAR if value == ALL else None)


def create_assessments(run: Run, tree: Tree, paths: dict[int, Trajectory]) -> None:
    rng = run.rng("assessments")
    criteria_set = CriteriaSet.objects.get(code=CRITERIA_SET)
    criteria = {criterion.number: criterion.pk for criterion in criteria_set.criteria.all()}
    taken = set(Assessment.objects.filter(unit__in=list(paths)).values_list("unit_id", "year"))
    rows = []
    for commune in tree.communes:
        path = paths.get(commune.pk)
        for year in path.met if path else ():
            if (commune.pk, year) not in taken:
                rows.append(_assessment(rng, tree, commune, year, path.met[year], criteria_set))
    total = len(rows) * (1 + len(criteria))
    with run.stage("assessments", total) as bar, own_timestamps((Assessment, "updated_at")):
        # Results follow each batch of assessments, so the 600,000 of them never sit in memory at once.
        for start in range(0, len(rows), 5000):
            created = run.insert(Assessment, rows[start : start + 5000], bar)
            results = (
                CriterionResult(
                    assessment=assessment,
                    criterion_id=criteria[number],
                    achieved=number in paths[assessment.unit_id].order[: assessment.criteria_met],
                )
                for assessment in created
                for number in sorted(criteria)
            )
            run.insert(CriterionResult, results, bar)


def _assessment(rng, tree: Tree, commune: Unit, year: int, met: int, criteria_set) -> Assessment:
    last_year = LEGACY_YEARS[-1] if tree.is_legacy(commune) else NEW_YEAR
    status = rng.choices(*OPEN_YEAR_STATUSES)[0] if year == last_year else S.APPROVED
    reviewer = commune.parent if tree.is_legacy(commune) else tree.province_of(commune)
    submitted = run_day(rng, datetime.date(year, 11, 1), 75)
    assessment = Assessment(
        unit=commune,
        year=year,
        criteria_set=criteria_set,
        applied_region=applied_region(commune),
        criteria_met=met,
        criteria_total=ALL,
        status=status,
        note=NOTE,
        is_demo=True,
        updated_at=moment(submitted, rng),
    )
    if status == S.DRAFT:
        return assessment
    assessment.reviewer_unit = reviewer
    assessment.submitted_at = moment(submitted, rng)
    if status == S.APPROVED:
        assessment.approved_at = assessment.updated_at = moment(submitted + datetime.timedelta(rng.randint(5, 40)), rng)
    elif status == S.RETURNED:
        assessment.returned_at = assessment.updated_at = moment(submitted + datetime.timedelta(rng.randint(3, 20)), rng)
        assessment.return_reason = rng.choice(RETURN_REASONS)
    return assessment


def run_day(rng: random.Random, first: datetime.date, span: int) -> datetime.date:
    return first + datetime.timedelta(days=rng.randint(0, span))


def create_recognitions(run: Run, tree: Tree, paths: dict[int, Trajectory]) -> None:
    rng = run.rng("recognitions")
    rows: list[Recognition] = []
    numbers = defaultdict(int)

    def recognise(unit: Unit, status: str, day: datetime.date, issuer: Unit | None, *, government=False):
        key = "TTg" if government else issuer.pk
        numbers[key, day.year] += 1
        rows.append(
            Recognition(
                unit=unit,
                status=status,
                decision_number=f"{numbers[key, day.year] * 7 + rng.randint(0, 6)}/QĐ-{'TTg' if government else 'UBND'}",
                decision_date=day,
                issuer="Thủ tướng Chính phủ" if government else issuer_name(issuer),
                note=NOTE,
                is_demo=True,
                recorded_at=moment(day, rng),
            )
        )

    by_district = defaultdict(list)
    for commune in tree.communes:
        path = paths.get(commune.pk)
        if path is None:
            continue
        province = tree.province_of(commune)
        _commune_steps(run, rng, commune, path, province, recognise)
        for village in tree.villages.get(commune.pk, []):
            _village_steps(run, rng, village, path, commune, recognise)
        if tree.is_legacy(commune):
            by_district[commune.parent_id].append(path.ntm_year)
    _district_steps(run, rng, tree, by_district, recognise)
    with run.stage("recognitions", len(rows)) as bar, own_timestamps((Recognition, "recorded_at")):
        run.insert(Recognition, rows, bar)


def _commune_steps(run, rng, commune, path: Trajectory, province, recognise) -> None:
    if path.ntm_year is None:
        return
    if path.ntm_year == NEW_YEAR:
        if rng.random() < 0.7:
            recognise(
                commune, R.COMMUNE_NTM, run.day(rng, datetime.date(2025, 11, 1), datetime.date(2025, 12, 30)), province
            )
        return
    start = datetime.date(path.ntm_year, 1, 15) if path.ntm_year < 2021 else datetime.date(path.ntm_year, 11, 15)
    recognise(commune, R.COMMUNE_NTM, run.day(rng, start, datetime.date(path.ntm_year, 12, 30)), province)
    if path.ntm_year <= 2019 and rng.random() < 0.3:
        year = rng.randint(2021, 2024)
        recognise(
            commune, R.COMMUNE_ADVANCED, run.day(rng, datetime.date(year, 6, 1), datetime.date(year, 12, 30)), province
        )
        if year < 2024 and rng.random() < 0.2:
            later = rng.randint(year + 1, 2024)
            day = run.day(rng, datetime.date(later, 6, 1), datetime.date(later, 12, 30))
            recognise(commune, R.COMMUNE_MODEL, day, province)


def _village_steps(run, rng, village, path: Trajectory, commune, recognise) -> None:
    # A village is recognised by the district before 07/2025 and by the commune after.
    issuer = commune.parent if village.valid_from is None else commune
    if village.valid_from is not None:  # a village of a 2025 commune
        if rng.random() < 0.5:
            recognise(
                village, R.VILLAGE_NTM, run.day(rng, datetime.date(2025, 8, 1), datetime.date(2025, 12, 30)), issuer
            )
        return
    if path.ntm_year is not None and path.ntm_year <= 2020 and rng.random() < 0.85:
        recognise(village, R.VILLAGE_NTM, run.day(rng, datetime.date(2016, 1, 1), datetime.date(2020, 12, 30)), issuer)
        if rng.random() < 0.15:
            recognise(
                village, R.VILLAGE_MODEL, run.day(rng, datetime.date(2021, 3, 1), datetime.date(2024, 12, 30)), issuer
            )
    elif rng.random() < 0.35:
        recognise(village, R.VILLAGE_NTM, run.day(rng, datetime.date(2021, 3, 1), datetime.date(2024, 12, 30)), issuer)


def _district_steps(run, rng, tree: Tree, by_district: dict[int, list], recognise) -> None:
    """A district is NTM the year its last rural commune is; a province when all its districts are."""
    by_province = defaultdict(list)
    for district_pk, years in sorted(by_district.items()):
        district = tree.districts[district_pk]
        province = tree.provinces[district.parent_id]
        done = None if None in years or NEW_YEAR in years else max(max(years), 2016)
        by_province[province.pk].append(done)
        if done is None:
            continue
        day = run.day(rng, datetime.date(done, 6, 1), datetime.date(done + 1, 6, 1))
        recognise(district, R.DISTRICT_NTM, day, None, government=True)
        if rng.random() < 0.25 and day.year < 2024:
            later = rng.randint(day.year + 1, 2024)
            recognise(district, R.DISTRICT_ADVANCED, datetime.date(later, 12, 1), None, government=True)
    for province_pk, years in sorted(by_province.items()):
        if None not in years and len(years) >= 3:
            day = datetime.date(min(max(years) + 1, 2024), 12, 20)
            recognise(tree.provinces[province_pk], R.PROVINCE_DONE, day, None, government=True)
