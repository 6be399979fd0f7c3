import xml.etree.ElementTree as ET  # noqa: S405 (parses our own SVG)

import pytest
from django.urls import reverse

from awards import services
from awards.models import NomineeKind
from awards.qr import qr_svg

pytest_plugins = ["awards.tests.factories_council"]
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def award(issued_decision):
    return issued_decision.awards.select_related("nominee", "award_form", "decision").get()


def verify_url(award):
    return reverse("awards:verify", args=[award.verification_token])


def test_the_verification_page_is_public_and_confirms_the_award(client, award):
    response = client.get(verify_url(award))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Genuine award" in content
    for shown in (
        award.award_form.name,
        award.nominee.name,
        award.decision.reference,
        award.decision.date.strftime("%d/%m/%Y"),
        award.decision.issuer_name,
        award.serial,
    ):
        assert shown in content


def test_the_verification_page_shows_nothing_beyond_the_certificate(
    client, tree, passed_nomination, reviewer, make_nominee
):
    nominee = make_nominee(
        kind=NomineeKind.INDIVIDUAL, name="Nguyễn Văn An", position="Trưởng xóm Một", birth_year=1961
    )
    nomination = passed_nomination(nominee=nominee, achievements="Hiến 500 m² đất làm đường liên xóm.")
    decision = services.issue_decision(
        [nomination],
        issuing_unit=tree.district,
        date=nomination.submission_date,
        signer_name="Lương Văn Dũng",
        signer_title="Phó Chủ tịch",
        legal_basis="",
        by=reviewer,
    )
    content = client.get(verify_url(decision.awards.get())).content.decode()

    assert "Nguyễn Văn An" in content
    for private in ("1961", "Trưởng xóm Một", "Hiến 500", nomination.proposing_unit.name):
        assert private not in content


def test_a_wrong_code_gets_a_404_that_tells_nothing(client, award):
    response = client.get(reverse("awards:verify", args=["not-a-real-token"]))

    assert response.status_code == 404
    content = response.content.decode()
    assert "No award with this code" in content
    assert award.nominee.name not in content
    assert award.serial not in content


def test_the_serial_is_not_a_verification_code(client, award):
    assert client.get(reverse("awards:verify", args=[award.serial])).status_code == 404


def test_verification_pages_are_kept_out_of_search_engines(client, award):
    assert client.get(verify_url(award))["X-Robots-Tag"] == "noindex, nofollow"


def test_the_verification_page_rejects_post(client, award):
    assert client.post(verify_url(award)).status_code == 405


def test_the_qr_code_is_a_public_svg_of_the_absolute_verification_link(client, award):
    response = client.get(reverse("awards:award-qr", args=[award.verification_token]))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    root = ET.fromstring(response.content)  # noqa: S314
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}path") is not None
    assert response.content.decode() == qr_svg("http://testserver" + verify_url(award), title=award.serial)


def test_the_qr_code_of_a_wrong_code_is_not_found(client, award):
    assert client.get(reverse("awards:award-qr", args=["nope"])).status_code == 404


def test_qr_svg_is_valid_xml_and_depends_on_the_url():
    first = qr_svg("https://chungsuc.example/awards/verify/abc/")
    second = qr_svg("https://chungsuc.example/awards/verify/abd/")

    assert ET.fromstring(first).tag  # noqa: S314 == f"{SVG}svg"
    assert not first.startswith("<?xml")  # can be inlined in HTML or a PDF template
    assert first != second
