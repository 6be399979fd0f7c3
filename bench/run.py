"""`make bench`: prepare the chungsuc_bench PostgreSQL database once, measure, write bench/results.md.

Preparation (skipped for what is already there): create the database, migrate, import the national units,
generate the national data. Then: each page's server time beside the trivial view and its raw SQL, its
query count, the PDF build of a province tổng kết against bare WeasyPrint, concurrency efficiency under
gunicorn, and the pages in Chromium (bench/browser.py: an emulated slow link, 375 px, axe-core). Every
measurement is bounded: a full run takes a few minutes, plus about four for the first generation.

    .venv/bin/python bench/run.py [--runs 15] [--seconds 8] [--skip-pdf] [--skip-load] [--skip-browser]
                                  [--browser-runs 3] [--skip-report-build] [--report-build-runs 1] [--report-only]
                                  [--baseline-from [COMMIT]]

--baseline-from measures the same pages with the code of COMMIT (bench/baseline.py) into bench/baseline.json, the
"before" figures of the report, then measures the current code as usual.
"""

import argparse
import dataclasses
import datetime
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.bench_settings"
HERE = ROOT / "bench"
BASELINE_COMMIT = "953b348"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="Measured requests per page (median).")
    parser.add_argument("--warmup", type=int, default=3, help="Requests per page before measuring.")
    parser.add_argument("--seconds", type=int, default=8, help="Load duration per URL.")
    parser.add_argument("--connections", type=int, default=4, help="Concurrent connections of the load.")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="gunicorn workers.")
    parser.add_argument("--pdf-runs", type=int, default=3, help="PDF builds measured (each ~20 s).")
    parser.add_argument("--pdf-province", default="04", help="2025 province code for the tổng kết (04: Cao Bằng).")
    parser.add_argument("--seed", type=int, default=2021, help="Seed of the generated data (first run only).")
    parser.add_argument("--skip-pdf", action="store_true")
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--skip-browser", action="store_true", help="No Chromium: slow link, 375 px, axe-core.")
    parser.add_argument("--browser-runs", type=int, default=3, help="Slow-link loads per page and cache state.")
    parser.add_argument("--skip-report-build", action="store_true", help="Skip the largest report's build.")
    parser.add_argument("--report-build-runs", type=int, default=1, help="Builds of each report (each minutes).")
    parser.add_argument(
        "--report-only", action="store_true", help="Rewrite results.md from the last run, no measuring."
    )
    parser.add_argument(
        "--baseline-from",
        nargs="?",
        const=BASELINE_COMMIT,
        metavar="COMMIT",
        help=f"First measure the code of COMMIT (default {BASELINE_COMMIT}, when issue #14 was filed) into "
        "bench/baseline.json.",
    )
    parser.add_argument("--measure-into", type=Path, help=argparse.SUPPRESS)  # bench/baseline.py's side: no setup
    return parser.parse_args()


def ensure_database() -> str:
    """CREATE DATABASE if missing, through the server's maintenance database."""
    import dj_database_url
    import psycopg2
    from psycopg2 import sql

    from config import bench_settings  # noqa: F401 (sets DATABASE_URL's default)

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    maintenance = psycopg2.connect(
        dbname="postgres", user=config["USER"], password=config["PASSWORD"], host=config["HOST"], port=config["PORT"]
    )
    maintenance.autocommit = True
    with maintenance.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
        if cursor.fetchone() is None:
            print(f"Creating database {config['NAME']}…")
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
    maintenance.close()
    return config["NAME"]


def prepare(seed: int) -> list[str]:
    from django.core.management import call_command

    from campaigns.demo.national_data import has_generated_data, tree_is_loaded

    notes = []
    call_command("migrate", interactive=False, verbosity=0)
    if not tree_is_loaded():
        print("Importing the national units…")
        call_command("import_admin_units", no_progress=True)
    if not has_generated_data():
        print("Generating the national data (about four minutes)…")
        started = time.perf_counter()
        call_command("generate_national_data", seed=seed, no_progress=not sys.stdout.isatty())
        notes.append(f"generate_national_data took {time.perf_counter() - started:.0f} s in this run.")
    return notes


def index_note() -> str:
    """Whether units_unit has the (kind, path) index with pattern operators that subtree queries need."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'units_unit' AND indexdef LIKE %s",
            ["%(kind varchar_pattern_ops, path varchar_pattern_ops)%"],
        )
        found = [row[0] for row in cursor.fetchall()]
    if found:
        return f"units_unit has the (kind, path) pattern-operator index ({', '.join(found)})."
    return "units_unit lacks the (kind, path) pattern-operator index: subtree queries by kind may scan the table."


def data_counts() -> dict[str, int]:
    from awards.models import Award, Nomination, NominationEvent
    from campaigns.models import Assessment, CriterionResult, Recognition, Target
    from units.models import Kind, Unit

    return {
        "villages": Unit.objects.filter(kind=Kind.VILLAGE).count(),
        "communes": Unit.objects.filter(kind=Kind.COMMUNE).count(),
        "assessments": Assessment.objects.count(),
        "criterion results": CriterionResult.objects.count(),
        "recognitions": Recognition.objects.count(),
        "nominations": Nomination.objects.count(),
        "nomination events": NominationEvent.objects.count(),
        "awards": Award.objects.count(),
        "targets": Target.objects.count(),
    }


def main() -> None:
    args = arguments()
    if args.report_only:
        from bench import report

        report.write(HERE / "results.md", report.load(HERE / "last.json"), report.load(HERE / "baseline.json"))
        return
    if args.measure_into:
        measure_into(args)
        return
    started = time.perf_counter()
    ensure_database()
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from bench import load, measure, report, scenarios
    from units.models import CodeScheme, Kind, Unit

    notes = prepare(args.seed)
    notes.append(index_note())
    if args.baseline_from:
        from bench import baseline

        scenarios.pages()  # the bench users and the started year, written by this code before the old code reads
        baseline.measure(args.baseline_from, args, HERE / "baseline.json")
    connection.ensure_connection()
    results = {
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M UTC%z"),
        "machine": report.machine(),
        "database": f"PostgreSQL {connection.pg_version // 10000}.{connection.pg_version % 10000}",
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        "seed": args.seed,
        "data": data_counts(),
        "runs": args.runs,
        "warmup": args.warmup,
        "workers": args.workers,
        "connections": args.connections,
        "seconds": args.seconds,
        "generator": load.generator_name(),
        "notes": notes,
    }
    pages = scenarios.pages()
    results["sql"] = {page.key: [sql for sql, _params in page.sql] for page in pages}
    results["pages"] = []
    for page in pages:
        print(f"Page: {page.label}…")
        row = measure.measure_page(page, runs=args.runs, warmup=args.warmup)
        results["pages"].append({**dataclasses.asdict(row), "ratio": row.ratio})

    if args.skip_pdf:
        results["pdf"] = "skipped (--skip-pdf)"
    else:
        unit = Unit.objects.get(code_scheme=CodeScheme.Y2025, kind=Kind.PROVINCE, code=args.pdf_province)
        print(f"PDF: tổng kết of {unit.name}…")
        pdf = measure.measure_pdf(unit, runs=args.pdf_runs)
        results["pdf"] = pdf if isinstance(pdf, str) else {**dataclasses.asdict(pdf), "ratio": pdf.ratio}

    if args.skip_report_build:
        results["report_build"] = "skipped (--skip-report-build)"
    else:
        from bench import report_build

        reference = Unit.objects.get(code_scheme=CodeScheme.Y2025, kind=Kind.PROVINCE, code=args.pdf_province)
        print("Report build: the largest province's tổng kết beside Cao Bằng's, in fresh processes…")
        results["report_build"] = report_build.measure(reference, runs=args.report_build_runs)

    results["concurrency"] = [] if args.skip_load else concurrency(pages, args, load, measure)
    if args.skip_browser:
        results["browser"] = "skipped (--skip-browser)"
    else:
        from bench import browser

        results["browser"] = browser.measure(pages, workers=args.workers, runs=args.browser_runs)
    results["duration_s"] = time.perf_counter() - started
    (HERE / "last.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    report.write(HERE / "results.md", results, report.load(HERE / "baseline.json"))
    print(f"Wrote {HERE / 'results.md'} in {results['duration_s']:.0f} s.")


def concurrency(pages, args, load, measure) -> list[dict]:
    """Per page under gunicorn: t1 (sequential median), requests/s at `connections`, efficiency = rps / (W / t1)."""
    rows = []
    with load.gunicorn(args.workers) as port:
        for page in pages:
            session = measure.logged_in(page.user).cookies["sessionid"].value
            status, _body = load.fetch(port, page.url, session)
            if status != 200:
                rows.append({"key": page.key, "missing": f"answered {status} under gunicorn"})
                continue
            print(f"Load: {page.key}…")
            load.requests_per_second(port, page.url, session, seconds=2, connections=args.connections)  # warm-up
            t1, sequential_errors = load.single_request_ms(port, page.url, session, runs=args.runs)
            rps, errors = load.requests_per_second(
                port, page.url, session, seconds=args.seconds, connections=args.connections
            )
            row = load.Concurrency(page.key, t1, rps, args.workers, args.connections, errors + sequential_errors)
            rows.append({**dataclasses.asdict(row), "ideal_rps": row.ideal_rps, "efficiency": row.efficiency})
    return rows


def measure_into(args) -> None:
    """The baseline's side, run by bench/baseline.py in a worktree of older code: no migrate, no generation (the
    database is newer than this code), each page measured on its own so that one missing or failing page is
    recorded with its reason instead of stopping the others."""
    import django

    django.setup()
    from django.db import connection

    from bench import load, measure, report, scenarios

    connection.ensure_connection()
    results = {
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M UTC%z"),
        "machine": report.machine(),
        "runs": args.runs,
        "workers": args.workers,
        "connections": args.connections,
        "seconds": args.seconds,
        "pages": [],
        "concurrency": [],
    }
    pages = []
    for key, build in scenarios.builders():
        print(f"Baseline page: {key}…")
        try:
            page = build()
            row = measure.measure_page(page, runs=args.runs, warmup=args.warmup)
        except Exception as error:  # noqa: BLE001 (older code: a page may be missing or fail; say why)
            connection.close()  # a failed query leaves the connection unusable inside a transaction
            results["pages"].append({"key": key, "missing": f"{type(error).__name__}: {error}"[:300]})
            continue
        pages.append(page)
        results["pages"].append({**dataclasses.asdict(row), "ratio": row.ratio})
    if not args.skip_load:
        results["concurrency"] = concurrency(pages, args, load, measure)
    args.measure_into.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
