"""`make bench`: prepare the chungsuc_bench PostgreSQL database once, measure, write bench/results.md.

Preparation (skipped for what is already there): create the database, migrate, import the national units,
generate the national data. Then: each page's server time beside the trivial view and its raw SQL, its
query count, the PDF build of a province tổng kết against bare WeasyPrint, and throughput under gunicorn.
Every measurement is bounded: a full run takes a few minutes, plus about four for the first generation.

    .venv/bin/python bench/run.py [--runs 15] [--seconds 8] [--skip-pdf] [--skip-load] [--skip-report-build]
                                  [--save-baseline] [--report-only]
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
    parser.add_argument("--skip-report-build", action="store_true", help="Skip the largest report's build.")
    parser.add_argument("--report-build-runs", type=int, default=1, help="Builds of each report (each minutes).")
    parser.add_argument("--save-baseline", action="store_true", help="Keep this run as the 'before' figures.")
    parser.add_argument(
        "--report-only", action="store_true", help="Rewrite results.md from the last run, no measuring."
    )
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

    results["throughput"] = [] if args.skip_load else throughput(pages, args, load, measure)
    results["duration_s"] = time.perf_counter() - started
    before = report.load(HERE / "baseline.json")
    (HERE / "last.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    if args.save_baseline:
        (HERE / "baseline.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
        before = None
    report.write(HERE / "results.md", results, before)
    print(f"Wrote {HERE / 'results.md'} in {results['duration_s']:.0f} s.")


def throughput(pages, args, load, measure) -> list[dict]:
    rows = []
    with load.gunicorn(args.workers) as port:
        for page in pages:
            session = measure.logged_in(page.user).cookies["sessionid"].value
            status, _body = load.fetch(port, page.url, session)
            if status != 200:
                raise RuntimeError(f"{page.url} answered {status} under gunicorn")
            print(f"Load: {page.key}…")
            load.requests_per_second(port, page.url, session, seconds=2, connections=args.connections)  # warm-up
            rps, errors = load.requests_per_second(
                port, page.url, session, seconds=args.seconds, connections=args.connections
            )
            trivial, trivial_errors = load.requests_per_second(
                port, "/bench/ok/", session, seconds=args.seconds, connections=args.connections
            )
            rows.append(dataclasses.asdict(load.Throughput(page.key, rps, trivial, errors + trivial_errors)))
            rows[-1]["ratio"] = rows[-1]["rps"] / rows[-1]["trivial_rps"] if rows[-1]["trivial_rps"] else 0
    return rows


if __name__ == "__main__":
    main()
