"""Synthetic national data over the real unit tree, for load and speed tests (`manage.py generate_national_data`).

Every commune of both schemes gets about seven villages; the rural ones (xã, đặc khu) their yearly
assessments with the 19 criterion results, recognitions, resources and OCOP products; every unit proposes
nominations (about 100,000 in all) at every stage, with nominees, events, decisions and awards; every
province has a plan with targets, and a few districts too. The same seed gives the same data. Rows are
bulk-inserted (no save(), no signals, no history rows) and marked as generated (see base.MARK), so that
reset() removes exactly them.
"""

import datetime
import time

from django.db import connection, transaction
from django.utils import timezone

from campaigns.demo.data.documents import CAMPAIGN
from campaigns.demo.national_data import assessments, nominations, plans, records, villages
from campaigns.demo.national_data.base import NOTE, VILLAGE_CODE_PREFIX, Run, load_tree
from campaigns.demo.national_data.purge import purge_generated
from campaigns.models import Assessment, Campaign, CriteriaSet
from units.models import CodeScheme, Kind, Unit

__all__ = ["MissingTree", "generate", "has_generated_data", "purge_generated", "tree_is_loaded"]


class MissingTree(Exception):
    """The official unit tree (or the criteria catalogue) the data hangs from is not loaded."""


def tree_is_loaded() -> bool:
    return Unit.objects.filter(code_scheme__in=[CodeScheme.LEGACY, CodeScheme.Y2025], kind=Kind.COMMUNE).exists()


def has_generated_data() -> bool:
    villages_there = Unit.objects.filter(
        code_scheme=CodeScheme.LOCAL, kind=Kind.VILLAGE, code__startswith=VILLAGE_CODE_PREFIX
    ).exists()
    return villages_there or Assessment.objects.filter(is_demo=True, note=NOTE).exists()


def generate(*, seed: int = 2021, scale: float = 1.0, progress: bool = False, dry_run: bool = False,
             today: datetime.date | None = None) -> Run:  # fmt: skip
    """Create the data in one transaction (rolled back on a dry run); the Run tells what and how long."""
    if not tree_is_loaded():
        raise MissingTree("No official communes: run `manage.py import_admin_units` first.")
    if not CriteriaSet.objects.filter(code=assessments.CRITERIA_SET).exists():
        raise MissingTree(f"Criteria set {assessments.CRITERIA_SET} is missing: run `manage.py migrate`.")
    run = Run(seed=seed, scale=scale, today=today or timezone.localdate(), progress=progress)
    started = time.perf_counter()
    with transaction.atomic():
        with run.stage("tree", 0):
            tree = load_tree(run)
        campaign = _campaign()
        villages.create_villages(run, tree)
        paths = assessments.trajectories(run, tree)
        assessments.create_assessments(run, tree, paths)
        assessments.create_recognitions(run, tree, paths)
        records.create_resources(run, tree)
        records.create_ocop(run, tree)
        nominations.create_nominations(run, tree, campaign)
        plans.create_plans(run, tree, campaign, paths)
        if dry_run:
            transaction.set_rollback(True)
        committing = time.perf_counter()
    run.timings["commit"] = time.perf_counter() - committing  # PostgreSQL checks the deferred foreign keys here
    if not dry_run and connection.vendor == "postgresql":
        # Fresh statistics: planned on empty tables' estimates, the pages' queries pick bad plans.
        analysing = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        run.timings["analyze"] = time.perf_counter() - analysing
    run.timings["total"] = time.perf_counter() - started
    return run


def _campaign() -> Campaign:
    """The 2021-2025 movement, as load_demo creates it (the same natural key)."""
    campaign = Campaign.objects.filter(name=CAMPAIGN["name"], start_year=CAMPAIGN["start_year"]).first()
    return campaign or Campaign.objects.create(**CAMPAIGN, is_demo=True)
