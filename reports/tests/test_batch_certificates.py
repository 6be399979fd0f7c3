"""Certificates of several decisions in one PDF: chosen on the decision register, or every one of a round."""

import datetime
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from awards.models import Award, Decision
from reports.documents_awards import decision_awards
from reports.models import Report
from reports.pdf import render_pdf
from units.models import Role, Unit, User


def pages_of(content: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(content)).pages]


@pytest.fixture
def issued(demo):
    """Two decisions of Hà Quảng (045), the second issued later: the batch prints them in that order."""
    decisions = list(Decision.objects.filter(issuing_unit__code="045").order_by("date", "number"))
    assert len(decisions) >= 2, "the demo issues several decisions in Hà Quảng"
    return decisions


def batch(unit: Unit, **parameters) -> Report:
    return Report.objects.create(kind=Report.Kind.CERTIFICATE_BATCH, unit=unit, language="vi", parameters=parameters)


def test_the_batch_prints_one_page_per_award_decision_by_decision_in_annex_order(issued):
    first, second = issued[0], issued[1]
    # Asked for in the opposite order: the batch still follows the order of issue.
    report = batch(first.issuing_unit, decisions=[second.pk, first.pk])

    rendered = render_pdf(report)
    pages = pages_of(rendered.content)

    expected = [(first, award) for award in decision_awards(first)] + [
        (second, award) for award in decision_awards(second)
    ]
    assert rendered.pages == len(expected) == len(pages)
    for page, (decision, award) in zip(pages, expected, strict=True):
        assert f"Quyết định số {decision.reference}" in page
        assert award.serial in page
        assert award.nominee.name in page


def test_a_rounds_batch_holds_only_that_rounds_awards(issued):
    award = Award.objects.filter(decision=issued[0]).select_related("nominee").first()
    others = Award.objects.filter(decision__issuing_unit=issued[0].issuing_unit).exclude(pk=award.pk)
    others.update(round="adhoc", round_year=1999)
    Award.objects.filter(pk=award.pk).update(round="annual", round_year=2031)

    rendered = render_pdf(batch(issued[0].issuing_unit, round="annual", round_year=2031))

    assert rendered.pages == 1
    assert award.serial in pages_of(rendered.content)[0]


def test_the_batch_lists_its_certificates_in_print_order_for_the_excel_export(client, issued):
    report = batch(issued[0].issuing_unit, decisions=[issued[0].pk])
    client.force_login(User.objects.get(username="noivu.haquang"))

    response = client.get(reverse("reports:xlsx", args=[report.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_home_affairs_queues_the_chosen_decisions_as_one_report(client, issued, django_capture_on_commit_callbacks):
    client.force_login(User.objects.get(username="noivu.haquang"))
    chosen = [issued[0].pk, issued[1].pk]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:print-batch-certificates"), {"decisions": chosen})

    report = Report.objects.get(kind=Report.Kind.CERTIFICATE_BATCH)
    assert response.status_code == 302 and response.url == reverse("reports:detail", args=[report.pk])
    assert report.unit == issued[0].issuing_unit
    assert sorted(report.parameters["decisions"]) == sorted(chosen)
    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.file


def test_a_round_is_queued_from_the_unit_round_and_year(client, issued):
    award = Award.objects.filter(decision=issued[0]).first()
    client.force_login(User.objects.get(username="noivu.haquang"))

    client.post(
        reverse("reports:print-batch-certificates"),
        {"unit": issued[0].issuing_unit.pk, "round": award.round, "year": award.round_year},
    )

    report = Report.objects.get(kind=Report.Kind.CERTIFICATE_BATCH)
    assert (report.parameters["round"], report.parameters["round_year"]) == (award.round, award.round_year)
    assert "decisions" not in report.parameters


def test_a_round_without_awards_is_refused_with_a_message(client, issued):
    client.force_login(User.objects.get(username="noivu.haquang"))

    response = client.post(
        reverse("reports:print-batch-certificates"),
        {"unit": issued[0].issuing_unit.pk, "round": "annual", "year": 1950},
        follow=True,
    )

    assert "Không có quyết định nào của đơn vị này" in response.content.decode()
    assert not Report.objects.exists()


def test_decisions_of_two_issuing_units_are_refused_with_a_message(client, issued):
    other_unit = issued[0].issuing_unit.parent  # the province above Hà Quảng
    other = Decision.objects.create(
        issuing_unit=issued[0].issuing_unit,
        issuer_name="x",
        year=issued[0].year,
        number=9999,
        date=datetime.date(issued[0].year, 12, 30),
        award_form=issued[0].award_form,
        legal_regime=issued[0].legal_regime,
        signer_name="x",
        signer_title="x",
    )
    Decision.objects.filter(pk=other.pk).update(issuing_unit=other_unit)
    admin = User.objects.create_user("tinh.admin.batch", password="x")
    admin.memberships.create(unit=other_unit, role=Role.HOME_AFFAIRS)
    client.force_login(admin)

    response = client.post(
        reverse("reports:print-batch-certificates"), {"decisions": [issued[0].pk, other.pk]}, follow=True
    )

    assert "do cùng một đơn vị ban hành" in response.content.decode()
    assert not Report.objects.exists()


def test_another_districts_decision_is_not_found(client, issued):
    outsider = User.objects.create_user("noivu.khac", password="x")
    unit = Unit.objects.filter(kind=issued[0].issuing_unit.kind).exclude(pk=issued[0].issuing_unit.pk).first()
    outsider.memberships.create(unit=unit, role=Role.HOME_AFFAIRS)
    client.force_login(outsider)

    response = client.post(reverse("reports:print-batch-certificates"), {"decisions": [issued[0].pk]})

    assert response.status_code == 404
    assert not Report.objects.exists()


def test_a_commune_officer_may_not_print_the_districts_certificates(client, issued):
    client.force_login(User.objects.get(username="xa.truongha"))
    seen = Decision.objects.visible_to(User.objects.get(username="xa.truongha")).filter(pk=issued[0].pk)
    assert seen.exists(), "the commune sees the decision: its nominees are in it"

    response = client.post(reverse("reports:print-batch-certificates"), {"decisions": [issued[0].pk]})

    assert response.status_code == 403
    assert not Report.objects.exists()


def test_too_many_decisions_are_refused_before_any_work(client, issued):
    client.force_login(User.objects.get(username="noivu.haquang"))

    response = client.post(
        reverse("reports:print-batch-certificates"), {"decisions": list(range(1, 1000))}, follow=True
    )

    assert "tối đa 200 quyết định" in response.content.decode()
    assert not Report.objects.exists()


def test_the_register_offers_checkboxes_only_for_decisions_the_user_prints(client, issued):
    client.force_login(User.objects.get(username="noivu.haquang"))
    page = client.get(reverse("awards:decisions")).content.decode()
    assert f'name="decisions" value="{issued[0].pk}"' in page
    assert 'id="print-round-certificates"' in page

    client.force_login(User.objects.get(username="xa.truongha"))
    page = client.get(reverse("awards:decisions")).content.decode()
    assert 'name="decisions"' not in page
    assert 'id="round-certificates"' not in page


@pytest.mark.parametrize("copies", [1, 10])
def test_the_register_costs_the_same_queries_whatever_the_number_of_decisions(
    client, issued, copies, django_assert_max_num_queries
):
    template = issued[0]
    for number in range(copies * 10):
        Decision.objects.create(
            issuing_unit=template.issuing_unit,
            issuer_name=template.issuer_name,
            year=template.year,
            number=50000 + number,
            date=template.date,
            award_form=template.award_form,
            legal_regime=template.legal_regime,
            signer_name="x",
            signer_title="x",
        )
    client.force_login(User.objects.get(username="noivu.haquang"))
    with django_assert_max_num_queries(14):
        assert client.get(reverse("awards:decisions")).status_code == 200
