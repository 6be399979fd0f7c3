"""The largest report, built as a Celery worker builds it: peak memory of the process, seconds, pages per second.

The tổng kết 2021-2025 of the legacy province with the most communes (pre-reform Thanh Hóa) beside the one
`measure_pdf` times (2025 Cao Bằng), each in a fresh Python process that does what a worker's pool process
does: it imports the app, then runs reports.tasks.build_report on a Report row's primary key. The row is
created here (as the request form would, unbuilt), and the row and its file are deleted afterwards.

The child's peak RSS (VmHWM) includes the imported app, as a pool process's does; its baseline after the
imports is reported beside it. Seconds are the task's own run
(queries, template, WeasyPrint, storing the file), not the interpreter's start.

    .venv/bin/python bench/report_build.py [--province legacy:38] [--runs 1]   # alone, prints the table
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEMORY_LIMIT_MB = 1024
CHILD_TIMEOUT_S = 1800


@dataclass
class Build:
    label: str
    communes: int
    pages: int
    seconds: float
    cpu_seconds: float
    peak_mb: float
    baseline_mb: float
    status: str

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def largest_legacy_province():
    """The pre-reform province with the most communes, read from the data (Thanh Hóa in the national tree)."""
    from units.models import CodeScheme, Kind, Unit

    provinces = Unit.objects.filter(code_scheme=CodeScheme.LEGACY, kind=Kind.PROVINCE)
    return max(provinces, key=lambda province: (commune_count(province), -province.pk))


def commune_count(unit) -> int:
    """Communes a tổng kết 2021-2025 of `unit` counts (its Scope's communes, the units it was formed from too)."""
    from reports.documents import REGISTRY
    from reports.models import Report
    from reports.scope import Scope, campaign_for

    period = REGISTRY[Report.Kind.FINAL].period(campaign_for(unit, 2025), 2025)
    return len(Scope.of(unit, period).communes)


def build(unit, *, label: str) -> Build:
    """One build in a fresh process; the Report row and its file are removed whatever happens."""
    from pypdf import PdfReader

    from reports.models import Report
    from reports.scope import report_year

    report = Report(
        kind=Report.Kind.FINAL,
        unit=unit,
        year=report_year(Report.Kind.FINAL, None),
        parameters={},
        narrative={},
        language="vi",
    )
    earlier = Report.objects.filter(kind=report.kind, unit=unit, year=report.year, decision=None, session=None)
    report.version = max(earlier.values_list("version", flat=True), default=0) + 1
    report.save(force_insert=True)
    with tempfile.TemporaryDirectory(prefix="chungsuc-report-build-") as media:
        try:
            child = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "--child", str(report.pk)],
                env={**os.environ, "MEDIA_ROOT": media, "DJANGO_SETTINGS_MODULE": "config.bench_settings"},
                capture_output=True,
                text=True,
                timeout=CHILD_TIMEOUT_S,
                cwd=ROOT,
            )
            if child.returncode != 0:
                raise RuntimeError(f"The build of {label} exited with {child.returncode}: {child.stderr[-2000:]}")
            figures = json.loads(child.stdout.strip().splitlines()[-1])
            report.refresh_from_db()
            if report.status != Report.Status.DONE:
                raise RuntimeError(f"The build of {label} ended {report.status}: {report.error}")
            pages = len(PdfReader(Path(media) / report.file.name).pages)
        finally:
            report.delete()
    return Build(
        label,
        commune_count(unit),
        pages,
        figures["seconds"],
        figures["cpu_seconds"],
        figures["peak_kb"] / 1024,
        figures["baseline_kb"] / 1024,
        report.status,
    )


def run_child(report_id: int) -> None:
    """In the fresh process: what a pool process does with the task, then the figures as one JSON line."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from config.celery import app  # noqa: F401 (a worker loads the Celery app before any task)
    from reports.tasks import build_report

    baseline = peak_rss_kb()
    started, cpu = time.perf_counter(), time.process_time()
    build_report.apply(args=[report_id])
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_kb": peak_rss_kb(), "baseline_kb": baseline}))


def peak_rss_kb() -> int:
    """This process's peak resident memory in kB: VmHWM, not ru_maxrss, which Linux carries over from the process
    that forked this one (the bench's own, when it is the larger)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux


def measure(reference, *, runs: int = 1, largest=None) -> dict:
    """The largest province's build and the reference's (2025 Cao Bằng), `runs` times each, alternated."""
    largest = largest or largest_legacy_province()
    pairs = []
    for _ in range(runs):
        pairs.append(
            (
                build(largest, label=f"Tổng kết 2021-2025 of {largest.name} (pre-reform)"),
                build(reference, label=f"Tổng kết 2021-2025 of {reference.name}"),
            )
        )
    # The median run by the largest build's time (one run: that run).
    big, small = sorted(pairs, key=lambda pair: pair[0].seconds)[len(pairs) // 2]
    return {
        "runs": runs,
        "memory_limit_mb": MEMORY_LIMIT_MB,
        "largest": {**asdict(big), "pages_per_second": big.pages_per_second},
        "reference": {**asdict(small), "pages_per_second": small.pages_per_second},
        "all_seconds": [[pair[0].seconds, pair[1].seconds] for pair in pairs],
    }


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        run_child(int(sys.argv[2]))
        return
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--province", help="scheme:code of the large province (default: the most communes)")
    parser.add_argument("--reference", default="04", help="2025 province code of the reference (04: Cao Bằng)")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.bench_settings"
    import django

    django.setup()
    from bench.report import report_build_rows
    from units.models import CodeScheme, Kind, Unit

    reference = Unit.objects.get(code_scheme=CodeScheme.Y2025, kind=Kind.PROVINCE, code=args.reference)
    largest = None
    if args.province:
        scheme, _, code = args.province.rpartition(":")
        largest = Unit.objects.get(code_scheme=scheme or CodeScheme.LEGACY, kind=Kind.PROVINCE, code=code)
    print("\n".join(report_build_rows({"report_build": measure(reference, runs=args.runs, largest=largest)})))


if __name__ == "__main__":
    main()
