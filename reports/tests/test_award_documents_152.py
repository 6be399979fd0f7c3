"""Award documents worded for the level and the dossier's date (issue 11, item 8): NĐ 152/2025 for a commune
formed on 01/07/2025, NĐ 98/2023 and the district for a dossier dated before; the bonus in the annex."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from awards.forms_council import legal_basis_for
from awards.models import AwardForm, GrantRule, Nomination, Nominee, NomineeKind, Round
from awards.services import issue_decision
from awards.services.grants import bonus_for
from awards.tests.factories import on_agenda, open_session
from campaigns.models import Campaign
from reports.models import Report
from reports.pdf import render_pdf
from reports.tests.test_award_documents import flat, text_of
from units.models import REFORM_DATE, CodeScheme, Kind, Unit, User

PROVINCE_MERIT = "Bằng khen của Chủ tịch UBND tỉnh"
DISTRICT_CERTIFICATE = "Giấy khen của Chủ tịch UBND huyện"


@pytest.fixture
def new_commune(demo):
    """A commune formed on 01/07/2025 under the new Tỉnh Cao Bằng."""
    return Unit.objects.filter(kind=Kind.COMMUNE, valid_from=REFORM_DATE, parent__code="04").order_by("pk").first()


@pytest.fixture
def old_commune(demo):
    """Xã Trường Hà before the reform, under Huyện Hà Quảng."""
    return Unit.objects.get(code_scheme=CodeScheme.LEGACY, kind=Kind.COMMUNE, code="01399")


def form(name):
    return AwardForm.objects.get(name=name)


def nominate(unit, form_name, *, day, name="Hoàng Thị Mới", kind=NomineeKind.INDIVIDUAL, reviewer=None, number=""):
    nominee = Nominee.objects.create(kind=kind, unit=unit, name=name, position="Trưởng thôn")
    return Nomination.objects.create(
        nominee=nominee,
        award_form=form(form_name),
        campaign=Campaign.objects.order_by("pk").first(),
        type="campaign",
        round=Round.ANNUAL,
        round_year=day.year,
        achievements="Vận động nhân dân hiến đất làm đường giao thông nông thôn.",
        proposing_unit=unit,
        submission_number=number,
        submission_date=day,
        status=Nomination.Status.APPROVED if reviewer else Nomination.Status.SUBMITTED,
        reviewer_unit=reviewer,
    )


def submission_text(unit, nominations) -> str:
    report = Report.objects.create(
        kind=Report.Kind.SUBMISSION,
        unit=unit,
        language="vi",
        year=nominations[0].round_year,
        version=Report.objects.filter(kind=Report.Kind.SUBMISSION, unit=unit).count() + 1,
        parameters={"nominations": [n.pk for n in nominations]},
    )
    return flat(text_of(render_pdf(report).content))


def decision_text(decision) -> str:
    report = Report.objects.create(
        kind=Report.Kind.DECISION, unit=decision.issuing_unit, decision=decision, language="vi", year=decision.year
    )
    return flat(text_of(render_pdf(report).content))


def issue(nominations, unit, day):
    return issue_decision(
        nominations,
        issuing_unit=unit,
        date=day,
        signer_name="Nguyễn Văn Ký",
        signer_title="Chủ tịch",
        legal_basis=legal_basis_for(day, award_form=nominations[0].award_form),
        by=User.objects.get(username="noivu.haquang"),
    )


def test_a_new_communes_nomination_is_worded_for_the_province_under_decree_152(new_commune):
    province = new_commune.parent
    day = datetime.date(2026, 3, 2)
    nomination = nominate(new_commune, PROVINCE_MERIT, day=day, reviewer=province, number="12/TTr-UBND")

    submission = submission_text(new_commune, [nomination])
    decision = decision_text(issue([nomination], province, datetime.date(2026, 4, 10)))

    assert "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng" in submission
    assert "- Sở Nội vụ tỉnh Cao Bằng;" in submission
    assert "152/2025/NĐ-CP" in submission and "98/2023" not in submission
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO BẰNG" in decision
    assert "152/2025/NĐ-CP" in decision and "98/2023" not in decision
    assert "Xét đề nghị của Giám đốc Sở Nội vụ." in decision
    assert "Chủ tịch UBND các xã, phường, đặc khu" in decision
    assert "huyện" not in decision.lower()


def test_a_dossier_dated_before_the_reform_keeps_decree_98_and_the_district(old_commune):
    district = old_commune.parent
    nomination = nominate(old_commune, DISTRICT_CERTIFICATE, day=datetime.date(2025, 6, 20), reviewer=district)

    submission = submission_text(old_commune, [nomination])  # printed today, in 2026
    decision = decision_text(issue([nomination], district, datetime.date(2025, 6, 25)))

    assert "Kính gửi: Chủ tịch Ủy ban nhân dân huyện Hà Quảng" in submission
    assert "- Phòng Nội vụ huyện Hà Quảng;" in submission
    assert "98/2023/NĐ-CP" in submission and "152/2025" not in submission
    assert "ngày 20 tháng 6 năm 2025" in submission
    assert "98/2023/NĐ-CP" in decision and "152/2025" not in decision
    assert "Xét đề nghị của Trưởng phòng Nội vụ huyện Hà Quảng." in decision


def test_a_communes_own_certificate_goes_to_its_own_chairman(new_commune):
    nomination = nominate(new_commune, "Giấy khen của Chủ tịch UBND xã", day=datetime.date(2026, 3, 2))

    text = submission_text(new_commune, [nomination])

    assert f"Kính gửi: Chủ tịch Ủy ban nhân dân {new_commune.name[:1].lower()}{new_commune.name[1:]}" in text
    assert "tỉnh Cao Bằng" not in text.split("Kính gửi")[1].split(".")[0]


def test_the_annex_shows_the_bonus_on_the_base_salary_of_the_decision_date(new_commune):
    province = new_commune.parent
    before = nominate(new_commune, PROVINCE_MERIT, day=datetime.date(2026, 5, 4), reviewer=province, name="Lò Văn A")
    after = nominate(new_commune, PROVINCE_MERIT, day=datetime.date(2026, 5, 4), reviewer=province, name="Lò Văn B")

    june = decision_text(issue([before], province, datetime.date(2026, 6, 30)))
    july = decision_text(issue([after], province, datetime.date(2026, 7, 1)))

    # 1.5 × 2,340,000 on 30/06/2026; 1.5 × 2,530,000 from 01/07/2026 (NĐ 161/2026).
    assert "1,5 lần mức lương cơ sở (2.340.000 đồng), tức 3.510.000 đồng cho mỗi cá nhân" in june
    assert "3.510.000" in june.split("Lò Văn A")[1]
    assert "1,5 lần mức lương cơ sở (2.530.000 đồng), tức 3.795.000 đồng cho mỗi cá nhân" in july
    assert "3.795.000" in july.split("Lò Văn B")[1]


def test_a_collective_gets_no_bonus_figure_the_decree_does_not_give(new_commune):
    province = new_commune.parent
    nomination = nominate(
        new_commune, PROVINCE_MERIT, day=datetime.date(2026, 5, 4), reviewer=province, kind=NomineeKind.COLLECTIVE
    )
    bonus = bonus_for(nomination.award_form, datetime.date(2026, 7, 1))

    assert bonus.amount == Decimal(3_795_000)
    assert bonus.amount_for(NomineeKind.COLLECTIVE) is None


def test_a_new_decree_is_a_grant_rule_row_and_the_wording_follows_it(new_commune):
    merit = form(PROVINCE_MERIT)
    GrantRule.objects.create(
        award_form=merit,
        authority_level="province",
        authority_title="Chủ tịch UBND tỉnh",
        regime="Luật TĐKT 06/2022/QH15 + NĐ 999/2027/NĐ-CP",
        legal_basis="Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;\nCăn cứ Nghị định số 999/2027/NĐ-CP;",
        valid_from=datetime.date(2027, 3, 1),
        status="unconfirmed",
        bonus_multiple=Decimal("2.0"),
        bonus_recipients=["individual"],
        bonus_status="unconfirmed",
    )
    before = nominate(new_commune, PROVINCE_MERIT, day=datetime.date(2027, 2, 28), name="Trước")
    after = nominate(new_commune, PROVINCE_MERIT, day=datetime.date(2027, 3, 1), name="Sau")

    old_text, new_text = submission_text(new_commune, [before]), submission_text(new_commune, [after])

    assert "152/2025/NĐ-CP" in old_text and "999/2027" not in old_text
    assert "999/2027/NĐ-CP" in new_text and "152/2025" not in new_text
    assert bonus_for(merit, datetime.date(2027, 3, 1)).amount == Decimal(5_060_000)  # 2.0 × 2,530,000


def test_a_nominee_is_listed_once_on_a_submission(new_commune):
    first = nominate(new_commune, PROVINCE_MERIT, day=datetime.date(2026, 3, 2), name="Đinh Văn Một")
    again = Nomination.objects.get(pk=first.pk)
    again.pk, again.award_form = None, form("Giấy khen của Chủ tịch UBND xã")
    again.save()

    text = submission_text(new_commune, [first, again])

    assert text.count("Đinh Văn Một") == 1


def test_the_decision_page_shows_the_bonus_of_each_awardee(client, new_commune):
    province = new_commune.parent
    nomination = nominate(new_commune, PROVINCE_MERIT, day=datetime.date(2026, 7, 2), reviewer=province)
    decision = issue([nomination], province, datetime.date(2026, 7, 10))
    client.force_login(User.objects.get(username="tinh.caobang"))

    page = client.get(reverse("awards:decision", args=[decision.pk])).content.decode()

    assert "1,5 × mức lương cơ sở" in page
    assert "3.795.000 đ" in page and "Nghị định số 161/2026/NĐ-CP" in page
    assert "Tiền thưởng (đồng)" in page


def test_the_minutes_cite_the_texts_in_force_on_the_session_date(new_commune, old_commune):
    province, district = new_commune.parent, old_commune.parent
    texts = {}
    for unit, council, day in [
        (new_commune, province, datetime.date(2026, 3, 20)),
        (old_commune, district, datetime.date(2025, 6, 24)),
    ]:
        session = open_session(council, date=day)
        on_agenda(nominate(unit, PROVINCE_MERIT, day=day, reviewer=council), session)
        report = Report.objects.create(kind=Report.Kind.MINUTES, unit=council, session=session, language="vi")
        texts[day.year] = flat(text_of(render_pdf(report).content))

    assert "Hội đồng Thi đua - Khen thưởng tỉnh Cao Bằng" in texts[2026]
    assert "152/2025/NĐ-CP" in texts[2026] and "98/2023" not in texts[2026]
    assert "Hội đồng Thi đua - Khen thưởng huyện Hà Quảng" in texts[2025]
    assert "98/2023/NĐ-CP" in texts[2025] and "152/2025" not in texts[2025]
