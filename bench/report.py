"""bench/results.md: the tables, the machine, the data, and the previous run's figures beside this one's."""

import json
import os
import platform
import statistics
from pathlib import Path

PAGE_TARGET = "page ≤ 2 × (trivial + SQL)"
QUERY_LIMIT = 15
PDF_LIMIT = 1.3
EFFICIENCY_FLOOR = 0.8
DCL_EMPTY_MS, DCL_WARM_MS, HTML_LIMIT_KB = 4000, 1500, 150


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
        "| Page | Median ms | Before ms² | Trivial view ms | Raw SQL ms | Ratio to target¹ | Before ratio | "
        "Queries (big / small) | Before queries | Pass |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in results["pages"]:
        was = previous(before, "pages", row["key"])
        ok = row["ratio"] <= 1 and row["queries"] <= QUERY_LIMIT and (row["small_queries"] or 0) <= QUERY_LIMIT
        lines.append(
            f"| {row['label']} | {row['page_ms']:.1f} | {was_figure(was, 'page_ms', '{:.1f}')} "
            f"| {row['trivial_ms']:.1f} | {row['sql_ms']:.1f} | {row['ratio']:.2f} | {was_figure(was, 'ratio', '{:.2f}')} "
            f"| {row['queries']} / {row['small_queries']} | {was_queries(was)} | {verdict(ok)} |"
        )
    return lines


def previous(before: dict | None, table: str, key: str) -> dict | None:
    """The baseline's row of `key` in `table`: its figures, or {"missing": reason}; None without a baseline."""
    if not before:
        return None
    return next((row for row in before.get(table, []) if row["key"] == key), {"missing": "not measured"})


def was_figure(was: dict | None, name: str, form: str) -> str:
    if was is None:
        return ""
    return "—" if "missing" in was else form.format(was[name])


def was_queries(was: dict | None) -> str:
    if was is None:
        return ""
    return "—" if "missing" in was else f"{was['queries']} / {was['small_queries']}"


def missing_notes(before: dict | None) -> list[str]:
    if not before:
        return []
    rows = [*before.get("pages", []), *before.get("concurrency", [])]
    return [f"- Before, **{row['key']}**: — ({row['missing']})" for row in rows if "missing" in row]


def pdf_rows(results: dict, before: dict | None) -> list[str]:
    pdf = results.get("pdf")
    if pdf is None or (isinstance(pdf, str) and pdf.startswith("skipped")):
        return ["PDF row skipped in this run (--skip-pdf)."]
    if isinstance(pdf, str):
        return [f"PDF row {pdf}: the reports renderer was not there when this run started."]
    was = (before or {}).get("pdf")
    earlier = f" (was {was['ratio']:.2f})" if isinstance(was, dict) else ""
    return [
        "| Document | App build s | Bare WeasyPrint s | Ratio (≤ 1.3) | HTML build queries | Pass |",
        "|---|---:|---:|---:|---:|---|",
        f"| {pdf['label']} | {pdf['app_s']:.2f} | {pdf['bare_s']:.2f} | {pdf['ratio']:.2f}{earlier} "
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


def concurrency_rows(results: dict, before: dict | None) -> list[str]:
    lines = [
        "| Page | t1 ms | Requests/s | Workers | W ÷ t1 | Efficiency (≥ 0.8) | Before t1 ms | Before efficiency "
        "| Errors | Pass |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in results.get("concurrency", []):
        was = previous(before, "concurrency", row["key"])
        before_cells = f"{was_figure(was, 't1_ms', '{:.1f}')} | {was_figure(was, 'efficiency', '{:.2f}')}"
        if "missing" in row:
            lines.append(f"| {row['key']} | — | — | — | — | — | {before_cells} | — | **fail** ({row['missing']}) |")
            continue
        ok = row["efficiency"] >= EFFICIENCY_FLOOR and not row["errors"]
        lines.append(
            f"| {row['key']} | {row['t1_ms']:.1f} | {row['rps']:.1f} | {row['workers']} | {row['ideal_rps']:.1f} "
            f"| {row['efficiency']:.2f} | {before_cells} | {row['errors']} | {verdict(ok)} |"
        )
    return lines


def browser_section(results: dict) -> list[str]:
    """The Chromium part (bench/browser.py): the slow link, then 375 px and axe-core, each page a row."""
    found = results.get("browser")
    if not isinstance(found, dict):
        return ["## Browser", "", f"Browser part {found or 'not run'}.", ""]
    kbit = found["bytes_per_second"] * 8 // 1000
    lines = [
        f"## Slow link ({' '.join(['Chromium', found.get('chromium', '')]).strip()}, {kbit} kbit/s down and up, {found['latency_ms']} ms latency per request; gunicorn, "
        f"median of {found['runs']} loads)",
        "",
        f"Targets: DOMContentLoaded ≤ {DCL_EMPTY_MS / 1000:g} s with an empty cache, ≤ {DCL_WARM_MS / 1000:g} s "
        f"with the cache of the first visit; HTML ≤ {HTML_LIMIT_KB} KB. Timings on an emulated link vary by "
        "a few hundred ms from run to run (each run's figure in brackets).",
        "",
        "| Page | Cache | DOMContentLoaded ms | Load ms | Transferred KB | Requests (from cache) | HTML KB (sent) "
        "| Pass |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in found["slow"]:
        for cache, limit in (("empty", DCL_EMPTY_MS), ("warm", DCL_WARM_MS)):
            visit = row[cache]
            ok = visit["dcl_ms"] <= limit and visit["html_bytes"] <= HTML_LIMIT_KB * 1024
            runs = ", ".join(str(ms) for ms in visit["dcl_runs"])
            lines.append(
                f"| {row['label']} | {cache} | {visit['dcl_ms']:.0f} ({runs}) | {visit['load_ms']:.0f} "
                f"| {visit['transferred'] / 1024:.1f} | {visit['requests']} ({visit['from_cache']}) "
                f"| {visit['html_bytes'] / 1024:.1f} ({visit['html_sent'] / 1024:.1f}"
                f"{'' if visit['compressed'] else ', not compressed'}) | {verdict(ok)} |"
            )
    lines += [
        "",
        static_summary(found),
        "",
        "## Phone and accessibility (Chromium at 375 px; axe-core 4.10.2, WCAG 2.0 and 2.1 A and AA)",
        "",
        "| Page | HTML KB | Width at 375 px | axe violations at 375 px | at 1280 px | Pass |",
        "|---|---:|---:|---|---|---|",
    ]
    for row in found["pages"]:
        fits = row["scroll_width"] <= row["inner_width"]
        described = {
            width: "; ".join(f"{v['id']} ({v['nodes']})" for v in items) or "none"
            for width, items in row["violations"].items()
        }
        ok = fits and not any(row["violations"].values()) and row["html_bytes"] <= HTML_LIMIT_KB * 1024
        lines.append(
            f"| {row['label']} | {row['html_bytes'] / 1024:.1f} | {row['scroll_width']} "
            f"{'≤' if fits else '>'} {row['inner_width']} | {described.get('375', '?')} "
            f"| {described.get('1280', '?')} | {verdict(ok)} |"
        )
    return [*lines, "", "axe violations: rule id (elements); the first elements of each are in bench/last.json.", ""]


def static_summary(results: dict) -> str:
    """How the static files of the browser's empty-cache visits were sent: compressed, cached for a year and immutable."""
    files = {item["url"]: item for row in results.get("slow", []) for item in row["empty"]["static"]}
    if not files:
        return "No static file was fetched."
    packable = [item for item in files.values() if not item["url"].split("?")[0].endswith((".woff2", ".png", ".jpg"))]
    packed = [item for item in packable if item["encoding"] in ("gzip", "br")]
    kept = [item for item in files.values() if "immutable" in item["cache_control"]]
    longest = statistics.median(max_age(item["cache_control"]) for item in files.values())
    encodings = ", ".join(sorted({item["encoding"] for item in packed}))
    return (
        f"Static files of the empty-cache visits: {len(files)}; {len(packed)} of the {len(packable)} compressible ones "
        f"sent compressed ({encodings or 'none'}); {len(kept)} immutable; median max-age {longest / 86400:.0f} days."
    )


def max_age(cache_control: str) -> int:
    for part in cache_control.split(","):
        name, _, value = part.strip().partition("=")
        if name == "max-age" and value.isdecimal():
            return int(value)
    return 0


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
        f"## Concurrency (gunicorn, {results['workers']} sync workers; {results['generator']}, "
        f"{results['connections']} connections, {results['seconds']} s each)",
        "",
        "t1: median of sequential requests, one at a time. W sync workers can serve at most W ÷ t1 requests a "
        "second; efficiency is the requests/s measured at the connections above over that ceiling, target "
        f"≥ {EFFICIENCY_FLOOR}.",
        "",
        *concurrency_rows(results, before),
        "",
        *browser_section(results),
        "## Raw SQL floors",
        "",
        *[
            f"- **{key}**: " + " ; ".join(f"`{sql}`" for sql in statements)
            for key, statements in results["sql"].items()
        ],
        "",
    ]
    if before:
        commit = before.get("commit", "?")[:7]
        lines += [
            f"² The “before” figures: this harness run on the code of commit {commit} (`bench/run.py "
            f"--baseline-from`, bench/baseline.json) on {before['date']}, same database; “—”: the page does not "
            "exist or failed at that commit.",
            *missing_notes(before),
            "",
        ]
    lines += [*(f"- {note}" for note in results.get("notes", [])), ""]
    analysis = path.with_name("analysis.md")
    if analysis.exists():  # the hand-written findings: what was fixed, what is not met and why
        lines += [analysis.read_text(encoding="utf-8").strip(), ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def load(path: Path) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
