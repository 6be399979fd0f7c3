"""Done when, in a real browser: a reviewer asks for a document in the thread of a nomination, the commune
answers with an attachment, and both are in the appraisal page; the queue's batch buttons; the record history.

Screenshots (desktop and 375 px) go to /tmp/shots for people to look at.
"""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from awards.models import Nomination, NominationComment
from awards.tests.factories import open_session
from campaigns.models import Assessment, ExemplaryModel, Recognition

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
PDF = b"%PDF-1.4\n% bien ban hop xet\n"


def shoot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"history-{name}.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=SHOTS / f"history-{name}-375.png", full_page=True)
    page.set_viewport_size(DESKTOP)


def test_a_reviewer_asks_for_a_document_and_the_commune_answers_with_an_attachment(
    sign_in, live_server, reviewer, officer, at_district, tmp_path
):
    nomination = at_district()
    appraise = live_server.url + reverse("awards:appraise", args=[nomination.pk])

    district = sign_in(reviewer.username)
    district.goto(appraise)
    district.fill("#id_text", "Đề nghị bổ sung biên bản họp xét khen thưởng của xã.")
    district.click("#comment-form button[type=submit]")
    expect(district.locator("#comments")).to_contain_text("Đề nghị bổ sung biên bản họp xét")

    commune = sign_in(officer.username)
    commune.goto(live_server.url + reverse("awards:detail", args=[nomination.pk]))
    expect(commune.locator("#comments")).to_contain_text("Đề nghị bổ sung biên bản họp xét")
    commune.fill("#id_text", "Xã gửi kèm biên bản họp ngày 05/12.")
    upload = tmp_path / "bien-ban-hop-xet.pdf"
    upload.write_bytes(PDF)
    commune.set_input_files("#id_attachment", str(upload))
    commune.click("#comment-form button[type=submit]")
    expect(commune.locator("#comments .app-comment")).to_have_count(2)
    shoot(commune, "nomination-detail")

    district.goto(appraise)
    comments = district.locator("#comments .app-comment")
    expect(comments).to_have_count(2)
    expect(comments.nth(0)).to_contain_text("Đề nghị bổ sung biên bản họp xét")
    expect(comments.nth(1)).to_contain_text("Xã gửi kèm biên bản họp ngày 05/12.")
    expect(comments.nth(1).locator(".app-comment-file")).to_contain_text("bien-ban-hop-xet.pdf")
    expect(district.locator("#events [data-action=comment]")).to_have_count(2)  # in the file's timeline
    with district.expect_download() as download:
        comments.nth(1).locator(".app-comment-file").click(modifiers=["Alt"])
    assert Path(download.value.path()).read_bytes() == PDF
    shoot(district, "appraisal-thread")
    assert NominationComment.objects.filter(nomination=nomination).count() == 2


def test_the_queue_starts_and_schedules_ticked_files_in_one_go(sign_in, live_server, reviewer, at_district, tree):
    submitted = [at_district(status=Nomination.Status.SUBMITTED) for _ in range(2)]
    open_session(tree.district)
    page = sign_in(reviewer.username)
    page.goto(live_server.url + reverse("awards:queue"))
    shoot(page, "queue")

    for nomination in submitted:
        page.check(f"#pick-{nomination.pk}")
    page.click("#batch-submitted button[type=submit]")
    expect(page.locator("#batch-appraisal tbody tr")).to_have_count(2)
    shoot(page, "queue-appraisal")

    for nomination in submitted:
        page.check(f"#pick-{nomination.pk}")
    page.click("#batch-appraisal button[type=submit]")
    expect(page.locator("#group-council tbody tr")).to_have_count(2)
    assert set(Nomination.objects.values_list("status", flat=True)) == {Nomination.Status.COUNCIL}


def test_the_record_history_reads_in_words(sign_in, live_server, reviewer, officer, tree):
    recognition = Recognition(unit=tree.commune, status="xa_ntm", decision_date=datetime.date(2023, 12, 27))
    recognition._history_user = reviewer
    recognition.save()
    Recognition.history.update(history_date=timezone.now() - datetime.timedelta(hours=1))  # an earlier edit
    recognition.unit = tree.neighbour
    recognition.decision_number = "2105/QĐ-UBND"
    recognition.save()
    model = ExemplaryModel(unit=tree.commune, year=2024, kind="practice", title="Đường hoa", description="Trồng hoa")
    model._history_user = officer
    model.save()
    page = sign_in(reviewer.username)

    page.goto(live_server.url + reverse("records:history", args=[tree.district.pk]))

    expect(page.locator("#history-entries")).to_contain_text("Xã Trường Hà")
    expect(page.locator("#history-entries")).to_contain_text("Xã Ngọc Đào")
    expect(page.locator("#history-entries")).to_contain_text("Đường hoa")
    expect(page.locator("#history-entries")).not_to_contain_text(f"#{tree.commune.pk}")
    shoot(page, "records")


def test_the_reviewer_and_the_commune_talk_on_the_year_page(sign_in, live_server, reviewer, officer, tree, tmp_path):
    assessment = Assessment.objects.create(
        unit=tree.commune,
        year=2024,
        status=Assessment.Status.SUBMITTED,
        reviewer_unit=tree.district,
        submitted_at=timezone.now(),
    )
    district = sign_in(reviewer.username)
    district.goto(live_server.url + reverse("progress:review", args=[assessment.pk]))
    district.fill("#id_text", "Tiêu chí 17: xin gửi biên bản kiểm tra môi trường.")
    district.click("#comment-form button[type=submit]")
    expect(district.locator("#comments")).to_contain_text("Tiêu chí 17")

    commune = sign_in(officer.username)
    commune.goto(live_server.url + reverse("progress:my-year", args=[tree.commune.pk, 2024]))
    expect(commune.locator("#comments")).to_contain_text("Tiêu chí 17")
    # A program under a PDF name is refused next to the field, the typed text kept.
    fake = tmp_path / "bien-ban.pdf"
    fake.write_bytes(b"MZ\x90\x00 not a pdf")
    commune.fill("#id_text", "Xã đã bổ sung biên bản vào minh chứng tiêu chí 17.")
    commune.set_input_files("#id_attachment", str(fake))
    commune.click("#comment-form button[type=submit]")
    expect(commune.locator("#div_id_attachment")).to_contain_text("Chỉ đính kèm được tệp PDF hoặc ảnh PNG, JPEG.")
    expect(commune.locator("#id_text")).to_have_value("Xã đã bổ sung biên bản vào minh chứng tiêu chí 17.")
    shoot(commune, "comment-refused")
    commune.click("#comment-form button[type=submit]")  # without the file this time
    expect(commune.locator("#comments .app-comment")).to_have_count(2)
    shoot(commune, "year-thread")
