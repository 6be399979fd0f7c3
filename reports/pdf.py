"""HTML → PDF with WeasyPrint, in the report's language, with the fonts shipped in static/fonts.

Reads the database, writes nothing: the task stores the result. Resources load only from the static
folder (the stylesheet and its fonts), so a document never reaches out to the network.
"""

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from reports.documents import document_type
from reports.letterhead import MOTTO, SUBTITLE
from reports.models import Report

STYLESHEET = "reports/print.css"


@dataclass
class RenderedPdf:
    content: bytes
    pages: int


def static_root() -> Path:
    """The folder holding reports/print.css and fonts/, found like any static file (no server needed)."""
    found = finders.find(STYLESHEET)
    if not found:
        raise FileNotFoundError(f"Static file {STYLESHEET} not found.")
    return Path(found).resolve().parent.parent


class LocalFetcher(URLFetcher):
    """Serves files under `roots` (the stylesheet, its fonts) and refuses every other URL.

    The check is on the resolved path, not on the URL's spelling: `%2e%2e`, `..` and symlinks are followed
    first, and the file opened is the one checked.
    """

    def __init__(self, *roots: Path):
        super().__init__(allowed_protocols={"file"})
        self.roots = [root.resolve() for root in roots]

    def local_path(self, url: str) -> Path:
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise ValueError(f"Refused to load {url!r} into a report.")
        # Decoded once, as urllib would when opening it; the name is then taken literally.
        path = unquote(parts.path)
        if "\x00" in path:
            raise ValueError(f"Refused to load {url!r} into a report.")
        resolved = Path(path).resolve()
        if not any(resolved.is_relative_to(root) for root in self.roots):
            raise ValueError(f"Refused to load {url!r} into a report.")
        return resolved

    def fetch(self, url, headers=None):
        return super().fetch(self.local_path(url).as_uri(), headers)


def render_html(report: Report, *, on_progress: Callable[[int], None] | None = None) -> str:
    kind = document_type(report)
    with translation.override(report.language):
        context = kind.build_context(report)
        if on_progress:
            on_progress(10)
        html = render_to_string(kind.template, {**context, "motto": MOTTO, "subtitle": SUBTITLE})
    if on_progress:
        on_progress(60)
    return html


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block, as it was again after it.

    WeasyPrint keeps every element's style and every page's boxes alive until the PDF is written (about 3 MB
    a page), so each full collection rescans a heap that only grows, a quarter of the CPU time of a 184-page
    tổng kết, and frees next to nothing: its boxes form few cycles (the peak grows by about 2%). Reference
    counting still frees everything else as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def render_pdf(report: Report, *, on_progress: Callable[[int], None] | None = None) -> RenderedPdf:
    """The report as PDF bytes and its page count; `on_progress(percent)` is told 10, 60 and 90."""
    html = render_html(report, on_progress=on_progress)
    root = static_root()
    fetcher = LocalFetcher(root)
    fonts = FontConfiguration()
    stylesheet = CSS(filename=str(root / STYLESHEET), font_config=fonts, url_fetcher=fetcher)
    with cyclic_gc_paused():
        document = HTML(string=html, base_url=root.as_uri() + "/", url_fetcher=fetcher).render(
            stylesheets=[stylesheet], font_config=fonts
        )
        if on_progress:
            on_progress(90)
        return RenderedPdf(document.write_pdf(), len(document.pages))
