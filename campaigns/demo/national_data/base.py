"""What every stage of the synthetic national data shares: seeded randomness, batched inserts, markers, dates."""

import contextlib
import datetime
import random
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import models
from tqdm import tqdm

from units.models import REFORM_DATE, CodeScheme, Kind, Unit

# Every generated row says so: is_demo=True where the model has it, and this text in a note-like field
# (or a "SYN" village code, or an "OCOP product N" name) so that --reset finds exactly these rows.
MARK = "generate_national_data"
NOTE = f"Dữ liệu giả lập ({MARK})"
VILLAGE_CODE_PREFIX = "SYN"
OCOP_NAME_PREFIX = "Sản phẩm OCOP "
BATCH_SIZE = 5000

LEGACY_YEARS = (2021, 2022, 2023, 2024)
NEW_YEAR = 2025
LEGACY_END = REFORM_DATE - datetime.timedelta(days=1)
# Wards and towns are urban: outside the NTM programme, they get villages (tổ dân phố) and nominations only.
RURAL_TYPES = ("Xã", "Đặc khu")
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass
class Tree:
    """The official units the data hangs from; communes are the sample chosen by --scale."""

    provinces: dict[int, Unit]
    districts: dict[int, Unit]
    communes: list[Unit]
    villages: dict[int, list[Unit]] = field(default_factory=dict)  # commune pk → its generated villages

    def province_of(self, unit: Unit) -> Unit:
        return self.provinces[int(unit.path.strip("/").split("/")[0])]

    def district_of(self, commune: Unit) -> Unit | None:
        return self.districts.get(commune.parent_id)

    @staticmethod
    def is_legacy(unit: Unit) -> bool:
        return unit.code_scheme == CodeScheme.LEGACY

    @staticmethod
    def is_rural(commune: Unit) -> bool:
        return commune.division_type in RURAL_TYPES


@dataclass
class Run:
    """One generation: its seed and scale, the day it runs, what it created and how long each stage took."""

    seed: int
    scale: float
    today: datetime.date
    progress: bool = False
    counts: Counter = field(default_factory=Counter)
    timings: dict[str, float] = field(default_factory=dict)

    def rng(self, stage: str) -> random.Random:
        # One stream per stage: changing one stage leaves the others' data as it was.
        return random.Random(f"{self.seed}:{stage}")

    @contextlib.contextmanager
    def stage(self, name: str, total: int) -> Iterator[tqdm]:
        started = time.perf_counter()
        with tqdm(total=total, desc=name, unit=" rows", disable=not self.progress, leave=True) as bar:
            yield bar
        self.timings[name] = time.perf_counter() - started

    def insert(self, model: type[models.Model], rows: Iterable[models.Model], bar: tqdm | None = None) -> list:
        """bulk_create in batches (no save(), no signals, no history rows); the created objects, with pks."""
        created, batch = [], []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH_SIZE:
                created += self._flush(model, batch, bar)
                batch = []
        if batch:
            created += self._flush(model, batch, bar)
        return created

    def _flush(self, model, batch, bar) -> list:
        done = model.objects.bulk_create(batch)
        self.counts[model._meta.label] += len(done)
        if bar is not None:
            bar.update(len(done))
        return done

    def day(self, rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
        """A day between first and last, never after today."""
        last = min(last, self.today)
        if last <= first:
            return min(first, self.today)
        return first + datetime.timedelta(days=rng.randint(0, (last - first).days))

    def sample(self, rng: random.Random, items: list) -> list:
        """The share of `items` that --scale keeps (all of them at 1), at least one when there are any."""
        if self.scale >= 1:
            return list(items)
        kept = [item for item in items if rng.random() < self.scale]
        return kept or items[:1]


def moment(day: datetime.date, rng: random.Random) -> datetime.datetime:
    """Office hours on `day`, in Vietnam's time zone."""
    return datetime.datetime(day.year, day.month, day.day, rng.randint(7, 16), rng.randint(0, 59), tzinfo=TZ)


@contextlib.contextmanager
def own_timestamps(*model_fields: tuple[type[models.Model], str]) -> Iterator[None]:
    """Let bulk_create keep the dates we set on auto_now(_add) fields: the data is dated when things happened.

    Django overwrites such fields in pre_save, which bulk_create calls too; switching the flags off for the
    length of the insert is the only way short of a second UPDATE per row.
    """
    saved = []
    for model, name in model_fields:
        model_field = model._meta.get_field(name)
        saved.append((model_field, model_field.auto_now, model_field.auto_now_add))
        model_field.auto_now = model_field.auto_now_add = False
    try:
        yield
    finally:
        for model_field, auto_now, auto_now_add in saved:
            model_field.auto_now, model_field.auto_now_add = auto_now, auto_now_add


def load_tree(run: Run) -> Tree:
    """The official provinces, districts and (sampled) communes of both code schemes, in code order."""
    official = Unit.objects.filter(code_scheme__in=[CodeScheme.LEGACY, CodeScheme.Y2025])
    provinces = {unit.pk: unit for unit in official.filter(kind=Kind.PROVINCE).order_by("code_scheme", "code")}
    districts = {unit.pk: unit for unit in official.filter(kind=Kind.DISTRICT).order_by("code_scheme", "code")}
    communes = list(official.filter(kind=Kind.COMMUNE).order_by("code_scheme", "code", "pk"))
    return Tree(provinces, districts, run.sample(run.rng("sample"), communes))
