"""bench/results.md: the tables, the machine, the data, and the previous run's figures beside this one's."""

import json
import os
import platform
from pathlib import Path

PAGE_TARGET = "page ≤ 2 × (trivial + SQL)"
QUERY_LIMIT = 15
PDF_LIMIT = 1.3
THROUGHPUT_FLOOR = 0.5


def verdict(ok: bool) -> str:
    return "pass" if ok else "**fail**"


def machine() -> dict:
    cpu = ""
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor()
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": memory, "python": platform.python_version(), "load": load}


def page_rows(results: dict, before: dict | None) -> list[str]:
    lines = [
        "| Page | Median ms | Trivial view ms | Raw SQL ms | Ratio to target¹ | Queries (big / small) | Pass |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    old = {row["key"]: row for row in (before or {}).get("pages", [])}
    for row in results["pages"]:
        ok = row["ratio"] <= 1 and row["queries"] <= QUERY_LIMIT and (row["small_queries"] or 0) <= QUERY_LIMIT
        was = old.get(row["key"])
        median = f"{row['page_ms']:.1f}" + (f" (was {was['page_ms']:.1f})" if was else "")
        queries = f"{row['queries']} / {row['small_queries']}" + (
            f" (was {was['queries']} / {was['small_queries']})" if was else ""
        )
        ratio = f"{row['ratio']:.2f}" + (f" (was {was['ratio']:.2f})" if was else "")
        lines.append(
            f"| {row['label']} | {median} | {row['trivial_ms']:.1f} | {row['sql_ms']:.1f} | {ratio} | {queries} "
            f"| {verdict(ok)} |"
        )
    return lines


def pdf_rows(results: dict, before: dict | None) -> list[str]:
    pdf = results.get("pdf")
    if pdf is None or (isinstance(pdf, str) and pdf.startswith("skipped")):
        return ["PDF row skipped in this run (--skip-pdf)."]
    if isinstance(pdf, str):
        return [f"PDF row {pdf}: the reports renderer was not there when this run started."]
    was = (before or {}).get("pdf")
    previous = f" (was {was['ratio']:.2f})" if isinstance(was, dict) else ""
    return [
        "| Document | App build s | Bare WeasyPrint s | Ratio (≤ 1.3) | HTML build queries | Pass |",
        "|---|---:|---:|---:|---:|---|",
        f"| {pdf['label']} | {pdf['app_s']:.2f} | {pdf['bare_s']:.2f} | {pdf['ratio']:.2f}{previous} "
        f"| {pdf['html_queries']} | {verdict(pdf['ratio'] <= PDF_LIMIT)} |",
    ]


def report_build_rows(results: dict, before: dict | None = None) -> list[str]:
    """The largest report beside Cao Bằng's, each built in a fresh process as a worker builds it
    (bench/report_build.py): peak memory within the limit, and at least the reference's pages per second."""
    built = results.get("report_build")
    if built is None or isinstance(built, str):
        return [f"Largest-report row {built or 'not measured'}."]
    largest, reference, limit = built["largest"], built["reference"], built["memory_limit_mb"]
    was = (before or {}).get("report_build")
    old = {}
    if isinstance(was, dict):
        old = {"largest": was["largest"], "reference": was["reference"]}
    lines = [
        "| Document | Communes | Pages | Build s (CPU s) | Pages/s (per CPU s) | Peak RSS MB (after imports) | Pass |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for key, row in (("largest", largest), ("reference", reference)):
        previous = old.get(key)
        seconds = f"{row['seconds']:.1f} ({row['cpu_seconds']:.1f})" + (
            f" (was {previous['seconds']:.1f})" if previous else ""
        )
        rate = f"{row['pages_per_second']:.2f} ({row['pages'] / row['cpu_seconds']:.2f})"
        peak = f"{row['peak_mb']:.0f} ({row['baseline_mb']:.0f})" + (
            f" (was {previous['peak_mb']:.0f})" if previous else ""
        )
        if key == "largest":
            memory_ok = row["peak_mb"] <= limit
            wall_ok = row["pages_per_second"] >= reference["pages_per_second"]
            cpu_ok = row["pages"] / row["cpu_seconds"] >= reference["pages"] / reference["cpu_seconds"]
            result = verdict(memory_ok and wall_ok)
            if memory_ok and wall_ok != cpu_ok:  # a busy machine's neighbours weigh on one build more
                result += f" (per CPU second: {verdict(cpu_ok)})"
        else:
            result = "reference"
        lines.append(
            f"| {row['label']} | {row['communes']} | {row['pages']} | {seconds} | {rate} | {peak} | {result} |"
        )
    lines += [
        "",
        f"Targets: the largest report's peak RSS ≤ {limit} MB and its pages per second ≥ the reference's. Each "
        "build is a fresh process running `reports.tasks.build_report` on a new Report row (deleted afterwards); "
        f"build seconds are the task's own run, median of {built['runs']} run(s).",
    ]
    return lines


def throughput_rows(results: dict, before: dict | None) -> list[str]:
    old = {row["key"]: row for row in (before or {}).get("throughput", [])}
    lines = [
        "| Page | Requests/s | Trivial view requests/s | Ratio (≥ 0.5) | Errors | Pass |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for row in results["throughput"]:
        was = old.get(row["key"])
        previous = f" (was {was['ratio']:.2f})" if was else ""
        ok = row["ratio"] >= THROUGHPUT_FLOOR and not row["errors"]
        lines.append(
            f"| {row['key']} | {row['rps']:.1f} | {row['trivial_rps']:.1f} | {row['ratio']:.2f}{previous} "
            f"| {row['errors']} | {verdict(ok)} |"
        )
    return lines


def write(path: Path, results: dict, before: dict | None) -> None:
    facts = results["machine"]
    data = ", ".join(f"{count:,} {name}" for name, count in results["data"].items())
    lines = [
        "# Benchmark results",
        "",
        f"Run {results['date']} by `make bench` ({results['duration_s']:.0f} s). Machine: {facts['cpu']}, "
        f"{facts['cores']} cores, {facts['memory']}; Python {facts['python']}, {results['database']}; "
        f"cache: {results['cache']}. Load average when it started (1 / 5 / 15 min): {facts.get('load', '?')}: other "
        "work on the machine slows every figure alike, the ratios less.",
        "",
        f"Data (`manage.py generate_national_data`, seed {results['seed']}): {data}.",
        "",
        f"## Page server time (median of {results['runs']} after {results['warmup']} warm-up requests)",
        "",
        "Measured in-process through Django's test client (all middleware, session and login), the page, the "
        "trivial view (`/bench/ok/`, same user) and the raw SQL interleaved.",
        "",
        *page_rows(results, before),
        "",
        f"¹ Page median over 2 × (trivial + raw SQL): at most 1 meets the target ({PAGE_TARGET}). "
        f"Queries: at most {QUERY_LIMIT}, for the biggest unit and the smallest one alike.",
        "",
        "## PDF build",
        "",
        *pdf_rows(results, before),
        "",
        "## The largest report (a worker's build)",
        "",
        *report_build_rows(results, before),
        "",
        f"## Throughput (gunicorn, {results['workers']} sync workers; {results['generator']}, "
        f"{results['connections']} connections, {results['seconds']} s each)",
        "",
        *throughput_rows(results, before),
        "",
        "## Raw SQL floors",
        "",
        *[
            f"- **{key}**: " + " ; ".join(f"`{sql}`" for sql in statements)
            for key, statements in results["sql"].items()
        ],
        "",
    ]
    if before:
        lines += [f"The “was” figures: the run of {before['date']} (bench/baseline.json), before the fixes.", ""]
    lines += [*(f"- {note}" for note in results.get("notes", [])), ""]
    analysis = path.with_name("analysis.md")
    if analysis.exists():  # the hand-written findings: what was fixed, what is not met and why
        lines += [analysis.read_text(encoding="utf-8").strip(), ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def load(path: Path) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
