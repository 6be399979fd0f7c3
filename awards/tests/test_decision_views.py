import datetime

import pytest
from django.urls import reverse

from awards.models import Award, Decision, Nomination
from awards.tests.factories_council import DECISION_DATE, SESSION_DATE

pytest_plugins = ["awards.tests.factories_council"]
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

CREATE = reverse("awards:decision-create")


def issue_data(*nominations, date="20/04/2025", **overrides):
    data = {
        "nominations": [nomination.pk for nomination in nominations],
        "date": date,
        "signer_name": "Lương Văn Dũng",
        "signer_title": "Phó Chủ tịch",
        "legal_basis": "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;",
    }
    return data | overrides


def create_url(nomination):
    return f"{CREATE}?nomination={nomination.pk}"


def test_the_form_is_prefilled_with_the_regimes_bases_and_the_council_session(client, reviewer, passed_nomination):
    nomination = passed_nomination()
    client.force_login(reviewer)
    response = client.get(create_url(nomination))

    form = response.context["form"]
    basis = form.initial["legal_basis"]
    assert "Luật Thi đua, khen thưởng số 06/2022/QH15" in basis
    assert "Nghị định số 98/2023/NĐ-CP" in basis
    assert f"ngày {SESSION_DATE:%d/%m/%Y}" in basis
    assert form.initial["nominations"] == [nomination.pk]
    # The district ended on 30/06/2025: its decisions cannot be dated later.
    assert form.initial["date"] == datetime.date(2025, 6, 30)
    assert form.initial["signer_title"] == "Chủ tịch UBND huyện"


def test_issuing_numbers_the_decision_and_says_so(client, reviewer, passed_nomination, tree):
    nomination = passed_nomination()
    client.force_login(reviewer)
    response = client.post(create_url(nomination), issue_data(nomination), follow=True)

    decision = Decision.objects.get()
    assert response.redirect_chain == [(reverse("awards:decision", args=[decision.pk]), 302)]
    assert "Decision 1/QĐ-UBND issued" in response.content.decode()
    assert (decision.issuing_unit, decision.year, decision.date) == (tree.district, 2025, DECISION_DATE)
    assert decision.council_session is not None
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.DECISION_ISSUED
    assert Award.objects.get().nomination == nomination


def test_decision_numbers_follow_each_other_in_the_register(client, reviewer, passed_nomination):
    first, second, third = passed_nomination(), passed_nomination(), passed_nomination()
    client.force_login(reviewer)
    client.post(create_url(first), issue_data(first))
    client.post(create_url(second), issue_data(second, third))

    assert list(Decision.objects.order_by("number").values_list("number", flat=True)) == [1, 2]
    # The issue messages are shown on the next page: read the table only.
    register = client.get(reverse("awards:decisions")).content.decode().split('id="decisions"')[1]
    assert register.index("2/QĐ-UBND") < register.index("1/QĐ-UBND")  # newest first
    second_decision = Decision.objects.get(number=2)
    assert '<td class="text-end d-none d-sm-table-cell" data-awardees="2">2</td>' in register
    assert second_decision.awards.count() == 2


def test_an_untouched_legal_basis_follows_the_decision_date(client, reviewer, passed_nomination):
    nomination = passed_nomination()
    client.force_login(reviewer)
    page = client.get(create_url(nomination))
    untouched = page.context["form"].initial["legal_basis"]
    client.post(create_url(nomination), issue_data(nomination, date="20/12/2023", legal_basis=untouched))

    basis = Decision.objects.get().legal_basis
    assert "Nghị định số 91/2017/NĐ-CP" in basis
    assert "98/2023" not in basis


def test_an_edited_legal_basis_is_kept(client, reviewer, passed_nomination):
    nomination = passed_nomination()
    client.force_login(reviewer)
    client.post(create_url(nomination), issue_data(nomination, legal_basis="Căn cứ văn bản riêng;"))
    assert Decision.objects.get().legal_basis == "Căn cứ văn bản riêng;"


def test_a_refused_decision_keeps_the_form_and_takes_no_number(client, reviewer, passed_nomination):
    nomination = passed_nomination()
    client.force_login(reviewer)
    # The district no longer exists in August 2025.
    response = client.post(create_url(nomination), issue_data(nomination, date="04/08/2025"))

    assert response.status_code == 200
    assert "cannot be issued on 04/08/2025" in response.content.decode()
    assert response.context["form"]["signer_name"].value() == "Lương Văn Dũng"
    assert not Decision.objects.exists()


def test_a_form_beyond_the_units_authority_cannot_be_issued(client, reviewer, passed_nomination, forms):
    nomination = passed_nomination(award_form=forms.province_merit)
    client.force_login(reviewer)
    page = client.get(create_url(nomination))
    assert 'id="beyond-authority"' in page.content.decode()

    client.post(create_url(nomination), issue_data(nomination))
    assert not Decision.objects.exists()


def test_the_picker_groups_approved_nominations_by_award_form(client, reviewer, passed_nomination, forms):
    passed_nomination(), passed_nomination(), passed_nomination(award_form=forms.province_merit)
    client.force_login(reviewer)
    groups = client.get(CREATE).context["groups"]
    summary = sorted((group["award_form"].name, group["count"], group["can_decide"]) for group in groups)
    assert summary == [
        ("Bằng khen của Chủ tịch UBND tỉnh", 1, False),
        ("Giấy khen của Chủ tịch UBND huyện", 2, True),
    ]


def test_a_leader_cannot_issue_a_decision(client, council_leader, passed_nomination):
    nomination = passed_nomination()
    client.force_login(council_leader)
    assert client.get(create_url(nomination)).status_code == 403
    assert client.post(create_url(nomination), issue_data(nomination)).status_code == 403


def test_an_outsider_cannot_reach_another_units_nomination(client, outsider, passed_nomination):
    nomination = passed_nomination()
    client.force_login(outsider)
    assert client.post(create_url(nomination), issue_data(nomination)).status_code == 404
    assert not Decision.objects.exists()


def test_the_register_filters_by_year(client, reviewer, issued_decision):
    client.force_login(reviewer)
    assert issued_decision.reference in client.get(reverse("awards:decisions") + "?year=2025").content.decode()
    assert issued_decision.reference not in client.get(reverse("awards:decisions") + "?year=2024").content.decode()


def test_the_register_hides_decisions_outside_the_users_units(client, outsider, issued_decision):
    client.force_login(outsider)
    assert issued_decision.reference not in client.get(reverse("awards:decisions")).content.decode()


def test_the_decision_shows_its_annex_with_serials_and_qr_codes(client, reviewer, issued_decision):
    award = issued_decision.awards.get()
    client.force_login(reviewer)
    content = client.get(reverse("awards:decision", args=[issued_decision.pk])).content.decode()

    assert award.nominee.name in content
    assert award.serial in content
    assert reverse("awards:award-qr", args=[award.verification_token]) in content
    assert "http://testserver" + reverse("awards:verify", args=[award.verification_token]) in content


def test_the_proposing_commune_reads_the_decision_that_awards_its_village(client, officer, issued_decision):
    client.force_login(officer)
    assert client.get(reverse("awards:decision", args=[issued_decision.pk])).status_code == 200


def test_a_decision_outside_the_users_units_is_not_found(client, outsider, issued_decision):
    client.force_login(outsider)
    assert client.get(reverse("awards:decision", args=[issued_decision.pk])).status_code == 404


def test_the_decisions_regime_label_comes_from_the_grant_rule_its_bases_come_from(client, reviewer, passed_nomination):
    from awards.models import GrantRule
    from awards.services.grants import legal_bases

    nomination = passed_nomination()
    # A decree entered as data from 01/04/2025 (invented for the test): the decision of 20/04/2025 follows it.
    GrantRule.objects.create(
        award_form=nomination.award_form,
        authority_level=nomination.award_form.authority_level,
        authority_title=nomination.award_form.authority_title,
        regime="Luật TĐKT 06/2022/QH15 + NĐ 999/2025/NĐ-CP (test)",
        legal_basis="Căn cứ Nghị định số 999/2025/NĐ-CP (test);",
        valid_from=datetime.date(2025, 4, 1),
        valid_to=datetime.date(2025, 6, 30),
        status="unconfirmed",
    )
    client.force_login(reviewer)
    client.post(create_url(nomination), issue_data(nomination))
    decision = Decision.objects.get()

    page = client.get(reverse("awards:decision", args=[decision.pk])).content.decode()

    assert "NĐ 999/2025/NĐ-CP (test)" in page.split('id="decision-regime"')[1].split("</dd>")[0]
    assert "Căn cứ Nghị định số 999/2025/NĐ-CP (test);" in legal_bases([decision.award_form], decision.date)
    nomination_page = client.get(reverse("awards:detail", args=[nomination.pk])).content.decode()
    assert "NĐ 999/2025/NĐ-CP (test)" not in nomination_page  # submitted before the new decree: the old texts
