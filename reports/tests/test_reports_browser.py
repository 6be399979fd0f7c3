"""In the browser: the Hà Quảng leader requests reports, watches them being built, downloads the PDFs.

The test plays the worker: the request only queues the build (as it would with Redis), the test then
moves the report to "running" and builds it, and the page, polling every two seconds, follows.
"""

import io
import re
from pathlib import Path

import pypdf
import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from reports import services
from reports.models import Report
from reports.tasks import build_report
from reports.tests.data import add_report_data
from units.demo import DEMO_PASSWORD

# The live server is another thread; the catalogue rows the migrations load must survive the flush.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at, not secrets


class QueueOnly:
    """Stands in for the task: records what was queued; no worker takes it until the test does."""

    def __init__(self):
        self.queued: list[int] = []

    def __call__(self, report_id: int) -> bool:  # as reports.requeue.send_build, called after the commit
        self.queued.append(report_id)
        return True


@pytest.fixture
def queue(monkeypatch):
    stub = QueueOnly()
    monkeypatch.setattr(services, "send_build", stub)
    return stub


@pytest.fixture
def csp_violations(page):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    return errors


def sign_in(page, live_server, username: str) -> None:
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")


def request_in_browser(page, live_server, kind: str, year: str = "", shot: str = "") -> Report:
    page.goto(live_server.url + reverse("reports:create"))
    page.select_option("#id_kind", kind)
    if year:
        page.fill("#id_year", year)
    page.fill("#id_results", "Phong trào được triển khai sâu rộng đến từng xóm, bản.")
    page.fill("#id_difficulties", "Địa bàn rộng, giao thông khó khăn.")
    if shot:
        page.screenshot(path=SHOTS / shot, full_page=True)
    with page.expect_navigation():
        page.click("#request-report")
    report_id = int(re.search(r"/reports/(\d+)/", page.url).group(1))
    return Report.objects.get(pk=report_id)


def download_text(page) -> str:
    with page.expect_download() as info:
        page.click("#download-pdf")
    content = Path(info.value.path()).read_bytes()
    assert info.value.suggested_filename.endswith(".pdf")
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(content)).pages)


def test_the_leader_watches_the_final_review_being_built_and_downloads_it(page, live_server, queue, csp_violations):
    call_command("load_demo", verbosity=0)
    add_report_data()
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, live_server, "lanhdao.haquang")

    report = request_in_browser(page, live_server, "final", shot="report-form.png")

    assert queue.queued == [report.pk]
    status = page.locator("#report-status")
    expect(status).to_have_attribute("data-status", "queued")
    expect(status).to_have_attribute("hx-trigger", "every 2s")
    page.screenshot(path=SHOTS / "report-queued.png", full_page=True)

    # The worker picks the report up: the page shows its progress without a reload.
    Report.objects.filter(pk=report.pk).update(status=Report.Status.RUNNING, progress=60, attempts=1)
    expect(status).to_have_attribute("data-status", "running", timeout=6000)
    expect(page.locator("progress.report-progress")).to_have_attribute("value", "60")
    page.screenshot(path=SHOTS / "report-running.png", full_page=True)

    build_report(report.pk)
    expect(page.locator("#download-pdf")).to_be_visible(timeout=8000)
    expect(page.locator("#report-status")).not_to_have_attribute("hx-trigger", "every 2s")
    page.screenshot(path=SHOTS / "report-done.png", full_page=True)

    text = download_text(page)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "3254/KH-UBND" in text
    assert "Giấy khen của Chủ tịch UBND" in " ".join(text.split())
    assert csp_violations == []


def test_the_leader_builds_the_2024_annual_report_and_a_second_version(page, live_server, queue, csp_violations):
    call_command("load_demo", verbosity=0)
    add_report_data()
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, live_server, "lanhdao.haquang")

    first = request_in_browser(page, live_server, "annual", "2024")
    build_report(first.pk)
    expect(page.locator("#download-pdf")).to_be_visible(timeout=8000)
    text = " ".join(download_text(page).split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Xã Quý Quân đạt chuẩn nông thôn mới năm 2024" in text  # a target due in 2024, with its result
    assert "901/QĐ-UBND" in text.replace(" ", "")  # the award decision of 2024

    with page.expect_navigation():
        page.click("#regenerate")
    second = Report.objects.get(pk=queue.queued[-1])
    assert second.version == 2
    build_report(second.pk)
    expect(page.locator("#download-pdf")).to_be_visible(timeout=8000)
    expect(page.locator("#versions")).to_contain_text("1")
    page.screenshot(path=SHOTS / "report-second-version.png", full_page=True)

    page.goto(live_server.url + reverse("reports:list"))
    expect(page.locator("#reports")).to_contain_text("Huyện Hà Quảng")
    page.screenshot(path=SHOTS / "report-list.png", full_page=True)
    assert csp_violations == []
