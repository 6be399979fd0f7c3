"""The award documents on the demo data: the decision with its annex, the council minutes, the tờ trình and the
certificate sheet; their print buttons and who may press them."""

import datetime
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from awards.models import AgendaItem, Award, CouncilSession, Decision, Nomination, Round
from reports.documents import REGISTRY
from reports.documents_awards import submission_context
from reports.models import Report
from reports.pdf import render_html, render_pdf
from units.models import REFORM_DATE, Kind, Unit, User

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def text_of(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def decision(demo):
    return Decision.objects.filter(issuing_unit__code="045").order_by("date").first()


@pytest.fixture
def closed_session(demo):
    return CouncilSession.objects.filter(status=CouncilSession.Status.CLOSED, council_unit__code="045").order_by(
        "date"
    )[0]


def report_for(kind, **kwargs) -> Report:
    unit = kwargs.pop("unit", None)
    if unit is None:
        unit = kwargs["decision"].issuing_unit if "decision" in kwargs else kwargs["session"].council_unit
    return Report.objects.create(kind=kind, unit=unit, language="vi", **kwargs)


def test_the_decision_prints_its_number_its_articles_and_the_awardees(decision):
    rendered = render_pdf(report_for(Report.Kind.DECISION, decision=decision, year=decision.year))
    text = flat(text_of(rendered.content))
    assert MOTTO in text
    assert "QUYẾT ĐỊNH" in text
    assert f"Số: {decision.reference}" in text
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HÀ QUẢNG" in text
    assert "Điều 1." in text and "Điều 3." in text
    assert f"Kèm theo Quyết định số {decision.reference}" in text
    assert "Xét đề nghị của Trưởng phòng Nội vụ huyện Hà Quảng." in text
    assert "Chánh Văn phòng HĐND và UBND huyện Hà Quảng, Trưởng phòng Nội vụ" in text
    for award in decision.awards.select_related("nominee"):
        assert award.nominee.name in text
        assert award.serial in text
    assert decision.signer_name in text


def test_the_decision_annex_links_every_qr_code_to_its_verification_url(decision, settings):
    settings.SITE_URL = "https://chungsuc.example.gov.vn"
    html = render_html(report_for(Report.Kind.DECISION, decision=decision, year=decision.year))
    for award in decision.awards.all():
        url = f"https://chungsuc.example.gov.vn{reverse('awards:verify', args=[award.verification_token])}"
        assert f'href="{url}"' in html
    assert html.count('class="qr-code"') == decision.awards.count()


def test_the_certificate_sheet_has_one_page_per_award(decision):
    report = report_for(Report.Kind.CERTIFICATES, decision=decision, year=decision.year)
    rendered = render_pdf(report)
    text = flat(text_of(rendered.content))
    assert rendered.pages == decision.awards.count()
    assert "GIẤY KHEN" in text and MOTTO in text and "Tặng" in text
    assert f"Quyết định số {decision.reference}" in text
    assert "Nông Văn Thào" in text
    reader = PdfReader(BytesIO(rendered.content))
    assert all(page.mediabox.width > page.mediabox.height for page in reader.pages)  # landscape


def test_a_certificate_of_merit_is_headed_bang_khen(decision):
    decision.award_form.category = "merit"
    decision.award_form.save(update_fields=["category"])
    text = flat(text_of(render_pdf(report_for(Report.Kind.CERTIFICATES, decision=decision)).content))
    assert "BẰNG KHEN" in text and "GIẤY KHEN" not in text


def test_the_minutes_print_the_members_and_the_tally_of_each_item(closed_session):
    text = flat(text_of(render_pdf(report_for(Report.Kind.MINUTES, session=closed_session)).content))
    assert "BIÊN BẢN" in text and MOTTO in text
    assert "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" in text
    for member in closed_session.members.all():
        assert member.name in text
    failed = closed_session.agenda.get(result=AgendaItem.Result.FAILED)
    assert failed.nomination.nominee.name in text
    assert (failed.agree, failed.disagree, failed.abstain) == (2, 2, 1)
    assert "2 2 1 0 40%" in text
    assert "THƯ KÝ" in text and "CHỦ TỊCH HỘI ĐỒNG" in text


def test_the_submission_lists_the_units_nominees_of_the_round(demo):
    nominations = Nomination.objects.filter(
        proposing_unit__code="01399", round=Round.ANNUAL, round_year=2023, submission_number="47/TTr-UBND"
    ).exclude(status__in=["rejected", "dissolved"])
    unit = nominations[0].proposing_unit
    report = report_for(
        Report.Kind.SUBMISSION, unit=unit, year=2023, parameters={"round": Round.ANNUAL, "round_year": 2023}
    )
    text = flat(text_of(render_pdf(report).content))
    assert "TỜ TRÌNH" in text and MOTTO in text
    assert "Số: 47/TTr-UBND" in text
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân huyện Hà Quảng" in text
    assert "- Phòng Nội vụ huyện Hà Quảng;" in text
    for nomination in nominations.select_related("nominee"):
        assert nomination.nominee.name in text


def test_a_submission_after_the_reform_goes_to_the_province_and_its_home_affairs_department(demo):
    commune = Unit.objects.filter(kind=Kind.COMMUNE, valid_from=REFORM_DATE, parent__code="04").first()
    report = report_for(Report.Kind.SUBMISSION, unit=commune, year=2026, parameters={"nominations": [0]})
    report.requested_at = timezone.make_aware(datetime.datetime(2026, 3, 2, 9))

    context = submission_context(report)

    assert context["addressee"] == "Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng"
    assert context["letterhead"].recipients == ["Như trên", "Sở Nội vụ tỉnh Cao Bằng", "Lưu: VT"]
    assert context["letterhead"].place_date.endswith("ngày 02 tháng 3 năm 2026")


def test_every_award_document_exports_its_table_to_excel(client, decision, closed_session, demo):
    client.force_login(User.objects.get(username="noivu.haquang"))
    for report in [
        report_for(Report.Kind.DECISION, decision=decision),
        report_for(Report.Kind.MINUTES, session=closed_session),
    ]:
        assert report.kind in REGISTRY
        response = client.get(reverse("reports:xlsx", args=[report.pk]))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_print_buttons_queue_the_documents_and_show_their_progress(
    client, decision, closed_session, django_capture_on_commit_callbacks
):
    client.force_login(User.objects.get(username="noivu.haquang"))
    for url, kind in [
        (reverse("reports:print-decision", args=[decision.pk]), Report.Kind.DECISION),
        (reverse("reports:print-certificates", args=[decision.pk]), Report.Kind.CERTIFICATES),
        (reverse("reports:print-minutes", args=[closed_session.pk]), Report.Kind.MINUTES),
    ]:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url)
        report = Report.objects.filter(kind=kind).latest("pk")
        assert response.status_code == 302
        assert response["Location"] == reverse("reports:detail", args=[report.pk])
        report.refresh_from_db()
        assert report.status == Report.Status.DONE, report.error  # eager Celery in the tests
    assert Report.objects.get(kind=Report.Kind.DECISION).decision == decision
    assert Report.objects.get(kind=Report.Kind.MINUTES).session == closed_session


def test_printing_again_makes_a_new_version_of_the_same_decision(client, decision):
    client.force_login(User.objects.get(username="lanhdao.haquang"))
    client.post(reverse("reports:print-decision", args=[decision.pk]))
    client.post(reverse("reports:print-decision", args=[decision.pk]))
    versions = Report.objects.filter(kind=Report.Kind.DECISION, decision=decision).order_by("version")
    assert [report.version for report in versions] == [1, 2]


def test_the_queue_prints_a_submission_of_the_chosen_nominations(client, demo, django_capture_on_commit_callbacks):
    nomination = Nomination.objects.filter(proposing_unit__code="01399", round_year=2023).first()
    client.force_login(User.objects.get(username="noivu.haquang"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:print-submission"),
            {"unit": nomination.proposing_unit.parent_id, "nominations": [nomination.pk]},
        )
    report = Report.objects.get(kind=Report.Kind.SUBMISSION)
    assert response.status_code == 302
    assert nomination.nominee.name in flat(text_of(report.file.read()))
    assert report.parameters["nominations"] == [nomination.pk]
    assert report.status == Report.Status.DONE, report.error


def test_another_units_user_gets_404_for_the_print_buttons(client, decision, closed_session, outsider):
    client.force_login(outsider)
    assert client.post(reverse("reports:print-decision", args=[decision.pk])).status_code == 404
    assert client.post(reverse("reports:print-certificates", args=[decision.pk])).status_code == 404
    assert client.post(reverse("reports:print-minutes", args=[closed_session.pk])).status_code == 404
    unit = decision.issuing_unit.pk
    assert (
        client.post(reverse("reports:print-submission"), {"unit": unit, "round": "annual", "year": 2023}).status_code
        == 404
    )
    assert not Report.objects.exists()


def test_a_commune_officer_may_not_print_the_districts_decision(client, decision):
    # The commune sees the decision (its nominees are in it) but does not issue it.
    client.force_login(User.objects.get(username="xa.truongha"))
    assert client.post(reverse("reports:print-decision", args=[decision.pk])).status_code == 403
    assert not Report.objects.exists()


def test_the_print_buttons_refuse_get(client, decision):
    client.force_login(User.objects.get(username="noivu.haquang"))
    assert client.get(reverse("reports:print-decision", args=[decision.pk])).status_code == 405


def test_the_decision_page_offers_both_print_buttons(client, decision):
    client.force_login(User.objects.get(username="noivu.haquang"))
    page = client.get(reverse("awards:decision", args=[decision.pk])).content.decode()
    assert reverse("reports:print-decision", args=[decision.pk]) in page
    assert reverse("reports:print-certificates", args=[decision.pk]) in page
    assert Award.objects.filter(decision=decision).exists()


def test_the_decision_page_and_its_pdf_print_the_same_signature(client, decision):
    decision.signing_mode, decision.signer_title = "KT.", "Phó Chủ tịch"
    decision.save(update_fields=["signing_mode", "signer_title"])
    client.force_login(User.objects.get(username="noivu.haquang"))

    page = client.get(reverse("awards:decision", args=[decision.pk])).content.decode()
    text = flat(text_of(render_pdf(report_for(Report.Kind.DECISION, decision=decision, year=decision.year)).content))

    assert decision.signature_lines == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    for line in decision.signature_lines:
        assert line in page and line in text
