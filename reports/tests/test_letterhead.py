"""The parts of the document Nghị định 30/2020 prescribes: header, date line, signature, recipients."""

import datetime

import pytest

from reports.letterhead import Letterhead, build_letterhead, number_line, symbol_for
from units.models import Kind
from units.wording import header_lines, issuer_name, place_and_date, signature_lines

pytestmark = pytest.mark.django_db


def test_days_below_10_and_months_below_3_take_a_leading_zero():
    assert place_and_date("Hà Quảng", datetime.date(2026, 1, 5)) == "Hà Quảng, ngày 05 tháng 01 năm 2026"
    assert place_and_date("Hà Quảng", datetime.date(2026, 11, 20)) == "Hà Quảng, ngày 20 tháng 11 năm 2026"
    assert place_and_date("Cao Bằng", datetime.date(2025, 3, 9)) == "Cao Bằng, ngày 09 tháng 3 năm 2025"


def test_a_peoples_committee_and_an_agency_head_their_documents_differently(make_unit):
    province = make_unit("Tỉnh Cao Bằng", Kind.PROVINCE)
    district = make_unit("Huyện Hà Quảng", Kind.DISTRICT, province)
    agency = make_unit("Ban Dân tộc tỉnh Cao Bằng", Kind.AGENCY, province, division_type="Ban")

    assert header_lines(district) == ("", ["ỦY BAN NHÂN DÂN", "HUYỆN HÀ QUẢNG"])
    assert header_lines(agency) == ("UBND TỈNH CAO BẰNG", ["BAN DÂN TỘC"])
    assert symbol_for(district, "BC") == "BC-UBND"


def test_a_deputy_signs_for_the_head_and_the_committee_signs_collectively(make_unit):
    district = make_unit("Huyện Hà Quảng", Kind.DISTRICT)

    issuer = issuer_name(district)
    assert signature_lines(mode="TM.", title="Chủ tịch", issuer=issuer) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert signature_lines(mode="KT.", title="Phó Chủ tịch", issuer=issuer) == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert signature_lines(mode="", title="Chủ tịch", issuer=issuer) == ["CHỦ TỊCH"]


def test_recipients_end_with_semicolons_and_the_last_with_a_full_stop():
    letterhead = Letterhead("", [], "", "", "BÁO CÁO", "", recipients=["UBND tỉnh Cao Bằng (b/c);", "- Lưu: VT"])

    assert letterhead.recipient_lines == ["- UBND tỉnh Cao Bằng (b/c);", "- Lưu: VT."]


def test_the_number_is_left_blank_for_the_clerk_unless_given():
    assert number_line("", "BC-UBND").startswith("Số: \u00a0")
    assert number_line("125", "BC-UBND") == "Số: 125/BC-UBND"


def test_another_signer_replaces_the_plans_signer_and_the_name_is_left_for_the_pen(make_unit):
    province = make_unit("Tỉnh Cao Bằng", Kind.PROVINCE)
    district = make_unit("Huyện Hà Quảng", Kind.DISTRICT, province)

    letterhead = build_letterhead(
        district,
        parameters={"signer_title": "Phó Chủ tịch", "signing_mode": "KT."},
        doc_type="BÁO CÁO",
        doc_code="BC",
        subject="Tổng kết",
        day=datetime.date(2026, 11, 20),
        plans=[],
    )

    assert letterhead.signing == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert letterhead.signer_name == ""
    assert letterhead.place_date == "Hà Quảng, ngày 20 tháng 11 năm 2026"
    assert letterhead.recipient_lines == ["- UBND tỉnh Cao Bằng (b/c);", "- Lưu: VT."]
    assert letterhead.annex_reference.endswith("ngày 20 tháng 11 năm 2026 của Ủy ban nhân dân huyện Hà Quảng)")
