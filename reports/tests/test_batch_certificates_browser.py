"""In the browser: Home Affairs of Hà Quảng ticks two decisions on the register and prints their certificates as
one PDF, decision after decision; a phone shows the same register without scrolling sideways."""

import io
import re
from pathlib import Path

import pypdf
import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from awards.models import Decision
from reports.models import Report
from reports.tasks import build_report
from reports.tests.test_reports_browser import queue, sign_in  # noqa: F401 - fixtures and the demo sign-in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at, not secrets


def test_home_affairs_prints_the_certificates_of_two_decisions_in_one_pdf(page, live_server, queue):  # noqa: F811
    call_command("load_demo", verbosity=0)
    SHOTS.mkdir(exist_ok=True)
    first, second = Decision.objects.filter(issuing_unit__code="045").order_by("date", "number")[:2]
    sign_in(page, live_server, "noivu.haquang")

    page.goto(live_server.url + reverse("awards:decisions"))
    page.check(f"#choose-{second.pk}")
    page.check(f"#choose-{first.pk}")
    page.screenshot(path=SHOTS / "decisions-batch.png", full_page=True)
    with page.expect_navigation():
        page.click("#print-chosen-certificates")

    report = Report.objects.get(pk=int(re.search(r"/reports/(\d+)/", page.url).group(1)))
    assert report.kind == Report.Kind.CERTIFICATE_BATCH and queue.queued == [report.pk]
    build_report(report.pk)
    expect(page.locator("#download-pdf")).to_be_visible(timeout=8000)
    with page.expect_download() as info:
        page.click("#download-pdf")
    content = Path(info.value.path()).read_bytes()
    (SHOTS / "certificates-batch.pdf").write_bytes(content)
    pages = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(content)).pages]
    assert len(pages) == first.awards.count() + second.awards.count()
    assert f"Quyết định số {first.reference}" in pages[0]
    assert f"Quyết định số {second.reference}" in pages[-1]

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + reverse("awards:decisions"))
    page.click("#round-certificates summary")
    page.screenshot(path=SHOTS / "decisions-batch-phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    expect(page.locator("#print-round-certificates")).to_be_visible()
