"""Server time of a page beside its two floors, its query counts, and the PDF build beside bare WeasyPrint."""

import statistics
import time
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.scenarios import Page


@dataclass
class PageResult:
    key: str
    label: str
    page_ms: float
    trivial_ms: float
    sql_ms: float
    queries: int
    small_queries: int | None
    size_kb: float

    @property
    def ratio(self) -> float:
        """Page time over the target 2 × (trivial + SQL): at most 1 passes."""
        return self.page_ms / (2 * (self.trivial_ms + self.sql_ms))


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def timed_get(client: Client, url: str) -> tuple[float, int, int]:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}")
    return elapsed, response.status_code, len(response.content)


def timed_sql(statements: list[tuple[str, list]]) -> float:
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
            cursor.fetchall()
    return (time.perf_counter() - started) * 1000


def query_count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def measure_page(page: Page, *, runs: int, warmup: int) -> PageResult:
    """Median of `runs` after `warmup`; the page, the trivial view and the SQL interleaved, so drift hits all three."""
    client, trivial = logged_in(page.user), reverse("bench-ok")
    for _ in range(warmup):
        timed_get(client, page.url)
        timed_get(client, trivial)
        timed_sql(page.sql)
    pages, trivials, sqls, size = [], [], [], 0
    for _ in range(runs):
        elapsed, _status, size = timed_get(client, page.url)
        pages.append(elapsed)
        trivials.append(timed_get(client, trivial)[0])
        sqls.append(timed_sql(page.sql))
    small = None
    if page.small_user:
        twin = logged_in(page.small_user)
        timed_get(twin, page.small_url)  # as the big page was: a signed-in session's first write, caches filled
        small = query_count(twin, page.small_url)
    return PageResult(
        page.key,
        page.label,
        statistics.median(pages),
        statistics.median(trivials),
        statistics.median(sqls),
        query_count(client, page.url),
        small,
        size / 1024,
    )


@dataclass
class PdfResult:
    label: str
    app_s: float
    bare_s: float
    pages: int
    html_queries: int

    @property
    def ratio(self) -> float:
        return self.app_s / self.bare_s


def measure_pdf(unit, *, runs: int) -> PdfResult | str:
    """The app's render_pdf of a tổng kết against WeasyPrint alone on the same HTML, stylesheet and fonts."""
    try:
        from weasyprint import CSS, HTML
        from weasyprint.text.fonts import FontConfiguration

        from reports.models import Report
        from reports.pdf import STYLESHEET, LocalFetcher, cyclic_gc_paused, render_html, render_pdf, static_root
    except ImportError as error:  # the reports app is being finished by another helper
        return f"pending: {error}"
    report = Report(kind=Report.Kind.FINAL, unit=unit, year=2025, language="vi", parameters={}, narrative={})

    def bare(html: str) -> None:
        root = static_root()
        fetcher, fonts = LocalFetcher(root), FontConfiguration()
        stylesheet = CSS(filename=str(root / STYLESHEET), font_config=fonts, url_fetcher=fetcher)
        with cyclic_gc_paused():  # as render_pdf does: the comparison is WeasyPrint's work, not the collector's
            document = HTML(string=html, base_url=root.as_uri() + "/", url_fetcher=fetcher).render(
                stylesheets=[stylesheet], font_config=fonts
            )
            document.write_pdf()

    with CaptureQueriesContext(connection) as captured:
        html = render_html(report)
    pages = render_pdf(report).pages  # warm-up: fonts, templates, caches
    apps, bares = [], []
    for _ in range(runs):
        started = time.perf_counter()
        render_pdf(report)
        apps.append(time.perf_counter() - started)
        started = time.perf_counter()
        bare(html)
        bares.append(time.perf_counter() - started)
    label = f"Tổng kết 2021-2025 of {unit.name} ({pages} pages)"
    return PdfResult(label, statistics.median(apps), statistics.median(bares), pages, len(captured))
