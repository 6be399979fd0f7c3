"""The bench's browser part (issue #14 items 4 and 5): pages in Chromium on an emulated slow link, axe-core, 375 px.

The app runs under gunicorn as production serves it: static files collected into a temporary folder by production's
hashed, pre-compressed manifest storage (config/bench_settings.py reads BENCH_STATIC_ROOT), WhiteNoise serving them
with far-future caching, pages gzipped by the middleware. Each bench user's session (the test client's force_login)
is put into a Chromium context as its cookie: no password, no login page.

Slow link: every page (the issue names the commune year pages, the "New plan" form and the province dashboard; the
others cost little more and show their weight too) on Chrome DevTools Protocol network emulation, 400 kbit/s down
and up (50,000 bytes/s), 400 ms latency. Chrome adds the latency once per request, not per TCP or TLS round trip,
and the bench is plain HTTP on loopback: a real link with TLS costs a few more round trips on the first request.
Each page is opened in a fresh context (empty cache), then again in the same context (warm cache), `runs` times;
the run with the median DOMContentLoaded is reported whole, with every run's DOMContentLoaded beside it. Every
gunicorn worker serves each page a few times first, so no visit waits for a worker's first render.

Phone and accessibility: every bench page and the "New plan" form, at 375 px (the page must not scroll
sideways: document.scrollingElement.scrollWidth ≤ innerWidth) and at 1280 px, each under axe-core 4.10.2 (the copy
vendored for config/tests/test_phone_and_accessibility_browser.py) for WCAG 2.0/2.1 A and AA. Those contexts
bypass the CSP only so that axe-core can be injected; product pages never load it.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.urls import reverse

from bench import load
from bench.measure import logged_in
from bench.scenarios import Page

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "config" / "tests" / "assets" / "axe-4.10.2.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LATENCY_MS = 400
BYTES_PER_SECOND = 50_000  # 400 kbit/s
PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
NEW_PLAN = "new-plan"  # the one page measured here that scenarios.py does not time

NAVIGATION = """() => {
  const n = performance.getEntriesByType('navigation')[0];
  return {dcl_ms: n.domContentLoadedEventEnd, load_ms: n.loadEventEnd,
          html_bytes: n.decodedBodySize, html_sent: n.encodedBodySize};
}"""
AXE_RUN = f"""async () => (await axe.run(document, {{runOnly: {{type: 'tag', values: {AXE_TAGS}}},
  resultTypes: ['violations']}})).violations.map(v => ({{id: v.id, impact: v.impact, nodes: v.nodes.length,
  targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}}))"""


@dataclass
class Target:
    key: str
    label: str
    url: str
    session: str


@dataclass
class Visit:
    dcl_ms: float
    load_ms: float
    html_bytes: int  # the page's HTML, uncompressed
    html_sent: int  # the page's HTML body as sent (gzipped)
    transferred: int  # every response of the visit, headers included (Network.loadingFinished encodedDataLength)
    requests: int
    from_cache: int  # requests the browser answered from its cache
    compressed: bool  # the page's HTML came gzipped or brotli'd
    static: list[dict] = field(default_factory=list)  # url, encoding, cache-control of each static file sent


@dataclass
class Checks:
    key: str
    label: str
    html_bytes: int
    scroll_width: int  # at 375 px
    inner_width: int
    violations: dict[str, list[dict]]  # by viewport width: [{id, impact, nodes, targets}]


def measure(pages: list[Page], *, workers: int, runs: int = 3) -> dict | str:
    """Everything above for `pages` (scenarios.pages()); a sentence instead when Chromium or Playwright is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "skipped: Playwright is not installed (requirements-dev.txt)"
    from conftest import CHROMIUM, CHROMIUM_ARGS  # one launch configuration for the tests and the bench

    if not shutil.which(CHROMIUM):
        return f"skipped: {CHROMIUM} not found (Debian package chromium, or set CHROMIUM_PATH)"
    targets = browser_targets(pages)  # the database first: Playwright's sync API runs an event loop
    with collected_static(), load.gunicorn(workers) as port, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        base = f"http://{load.HOST}:{port}"
        for target in targets:  # every worker compiles its templates and fills its caches before anything is timed
            for _ in range(3 * workers):
                load.fetch(port, target.url, target.session)
        slow = []
        for target in targets:
            print(f"Browser, slow link: {target.key}…")
            slow.append(slow_link(browser, base, target, runs))
        checks = []
        for target in targets:
            print(f"Browser, 375 px and axe-core: {target.key}…")
            checks.append(asdict(phone_and_axe(browser, base, target)))
        version = browser.version
        browser.close()
    return {
        "chromium": version,
        "runs": runs,
        "latency_ms": LATENCY_MS,
        "bytes_per_second": BYTES_PER_SECOND,
        "slow": slow,
        "pages": checks,
    }


def browser_targets(pages: list[Page]) -> list[Target]:
    """The bench pages and the province user's "New plan" form, each with its user's session cookie."""
    sessions = {}

    def session(user) -> str:
        if user.pk not in sessions:
            sessions[user.pk] = logged_in(user).cookies["sessionid"].value
        return sessions[user.pk]

    targets = [Target(page.key, page.label, page.url, session(page.user)) for page in pages]
    province = next((page.user for page in pages if page.key == "overview"), None)
    if province is not None:
        targets.append(
            Target(NEW_PLAN, '"New plan" form (province user)', reverse("campaigns:plan-create"), session(province))
        )
    return targets


@contextmanager
def collected_static() -> Iterator[Path]:
    """collectstatic into a temporary folder with production's storage; gunicorn started inside serves from it."""
    with tempfile.TemporaryDirectory(prefix="chungsuc-bench-static-") as folder:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.bench_settings", "BENCH_STATIC_ROOT": folder}
        command = [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"]
        subprocess.run(command, cwd=ROOT, env=env, check=True, timeout=600)
        previous = os.environ.get("BENCH_STATIC_ROOT")
        os.environ["BENCH_STATIC_ROOT"] = folder  # read by the gunicorn started in this block
        try:
            yield Path(folder)
        finally:
            if previous is None:
                os.environ.pop("BENCH_STATIC_ROOT", None)
            else:
                os.environ["BENCH_STATIC_ROOT"] = previous


def new_context(browser, base: str, session: str, viewport: dict, **options):
    context = browser.new_context(viewport=viewport, locale="vi-VN", **options)
    context.add_cookies([{"name": "sessionid", "value": session, "url": base}])
    return context


def slow_link(browser, base: str, target: Target, runs: int) -> dict:
    """The page with an empty cache, then again with the cache it left, `runs` times."""
    empty, warm = [], []
    for _ in range(runs):
        context = new_context(browser, base, target.session, PHONE)
        page = context.new_page()
        network = Network(context.new_cdp_session(page))
        empty.append(network.visit(page, base + target.url))
        warm.append(network.visit(page, base + target.url))
        context.close()
    return {"key": target.key, "label": target.label, "empty": median_visit(empty), "warm": median_visit(warm)}


def median_visit(visits: list[Visit]) -> dict:
    """The visit with the median DOMContentLoaded, and every visit's DOMContentLoaded."""
    middle = sorted(visits, key=lambda visit: visit.dcl_ms)[len(visits) // 2]
    return {**asdict(middle), "dcl_runs": [round(visit.dcl_ms) for visit in visits]}


class Network:
    """A page's traffic as Chrome's network layer reports it, on the emulated slow link."""

    def __init__(self, cdp):
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": LATENCY_MS,
                "downloadThroughput": BYTES_PER_SECOND,
                "uploadThroughput": BYTES_PER_SECOND,
            },
        )
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.requestServedFromCache", self._cached)
        cdp.on("Network.responseReceived", self._received)
        cdp.on("Network.loadingFinished", self._finished)
        self._reset()

    def _reset(self) -> None:
        self.requests, self.cached, self.transferred, self.static, self.document = set(), set(), 0, [], {}

    def _sent(self, event) -> None:
        if event["request"]["url"].startswith("http"):
            self.requests.add(event["requestId"])

    def _cached(self, event) -> None:
        self.cached.add(event["requestId"])

    def _received(self, event) -> None:
        response = event["response"]
        headers = {name.lower(): value for name, value in response["headers"].items()}
        if response.get("fromDiskCache") or response.get("fromMemoryCache") or response.get("fromPrefetchCache"):
            self.cached.add(event["requestId"])
        if event["type"] == "Document":
            self.document = headers
        elif "/static/" in response["url"] and event["requestId"] not in self.cached and response["status"] == 200:
            self.static.append(
                {
                    "url": response["url"].split("/static/", 1)[1],
                    "encoding": headers.get("content-encoding", ""),
                    "cache_control": headers.get("cache-control", ""),
                }
            )

    def _finished(self, event) -> None:
        self.transferred += int(event["encodedDataLength"])

    def visit(self, page, url: str) -> Visit:
        page.goto("about:blank")  # a new navigation, never a reload of the same address
        self._reset()
        page.goto(url, wait_until="load", timeout=120_000)
        page.wait_for_load_state("networkidle", timeout=120_000)  # late requests (fonts, htmx) counted too
        timing = page.evaluate(NAVIGATION)
        return Visit(
            dcl_ms=timing["dcl_ms"],
            load_ms=timing["load_ms"],
            html_bytes=timing["html_bytes"],
            html_sent=timing["html_sent"],
            transferred=self.transferred,
            requests=len(self.requests),
            from_cache=len(self.cached & self.requests),
            compressed=self.document.get("content-encoding", "") in ("gzip", "br"),
            static=self.static,
        )


def phone_and_axe(browser, base: str, target: Target) -> Checks:
    """At 375 px: the page's width and axe-core; at 1280 px: axe-core. No network emulation."""
    violations, found = {}, {}
    for viewport in (PHONE, DESKTOP):
        context = new_context(browser, base, target.session, viewport, bypass_csp=True)
        page = context.new_page()
        response = page.goto(base + target.url, wait_until="load", timeout=120_000)
        if response is None or response.status != 200 or page.url.startswith(base + reverse("login")):
            raise RuntimeError(f"{target.url} answered {response and response.status} at {page.url} in Chromium")
        if viewport is PHONE:
            found = page.evaluate(
                "() => ({scroll: document.scrollingElement.scrollWidth, inner: innerWidth,"
                " html: performance.getEntriesByType('navigation')[0].decodedBodySize})"
            )
        page.add_script_tag(path=AXE)
        violations[str(viewport["width"])] = page.evaluate(AXE_RUN)
        context.close()
    return Checks(target.key, target.label, found["html"], found["scroll"], found["inner"], violations)
