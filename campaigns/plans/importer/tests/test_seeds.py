"""One test per seed plan, field by field, on the JSON `import_plan --json` prints (units matched in a small tree)."""

import datetime

import pytest

from campaigns.plans.importer import as_json, read_plan
from campaigns.plans.importer.matching import resolve
from campaigns.plans.importer.tests.conftest import seed
from campaigns.plans.importer.tests.expected import SEEDS, measure
from units.models import Kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def issuers(make_unit, ha_quang):
    """The other seeds' issuers: a province, an agency and a commune (the commune's text does not name it)."""
    legacy = {"valid_to": datetime.date(2025, 6, 30)}
    quang_tri = make_unit("Tỉnh Quảng Trị", Kind.PROVINCE, code="45", **legacy)
    agency = make_unit("Ban Dân tộc tỉnh Cao Bằng", Kind.AGENCY, ha_quang.province, division_type="Ban")
    lang_son = make_unit("Tỉnh Lạng Sơn", Kind.PROVINCE, code="20", **legacy)
    chi_lang = make_unit("Huyện Chi Lăng", Kind.DISTRICT, lang_son, code="187", **legacy)
    commune = make_unit("Xã Chi Lăng", Kind.COMMUNE, chi_lang, code="06523", **legacy)
    return {"quang_tri": quang_tri, "agency": agency, "chi_lang": commune}


def imported(name: str, unit=None) -> tuple[dict, list[str]]:
    draft = resolve(read_plan(seed(name)), unit=unit)
    return as_json(draft), draft.asked()


def check(name: str, unit=None, *, at_least: int) -> dict:
    data, asked = imported(name, unit)
    result = measure(data, SEEDS[name], asked)
    print(f"\n{name}: {result['right']}/{result['fields']} right, {result['asked']} asked: {', '.join(asked)}")
    for line in result["wrong"]:
        print("   wrong or blank:", line)
    assert result["right"] >= at_least, result["wrong"]
    return data


def test_the_ha_quang_ocr_text_gives_its_header_targets_and_named_communes(ha_quang):
    data = check("ha-quang-district-plan-2022", at_least=49)
    assert (data["number"], data["symbol"], data["date"]) == ("3254", "KH-UBND", "2022-11-03")
    assert data["issuing_unit"] == "Huyện Hà Quảng"
    assert data["title"] == "Cả nước chung sức xây dựng nông thôn mới"
    assert data["parent_plan"]["number"] == "2452" and data["parent_plan"]["date"] == "2022-09-26"
    assert data["targets"][0]["units"] == ["Ngọc Đào", "Sóc Hà", "Lương Can"]  # "Ngoc Pao", "S6c Ha" in the OCR
    assert data["targets"][2]["by_year"] == {"2024": ["Ngọc Đào"]}
    assert data["award_forms"][0] == "Huân chương Lao động"  # no class in the text: none invented


def test_the_ethnic_committee_plan_keeps_its_blank_number_blank(issuers):
    data = check("cao-bang-ethnic-committee-plan-2022", at_least=24)
    assert data["number"] == "" and data["symbol"] == "KH-BDT"
    assert data["issuing_unit"] == "Ban Dân tộc tỉnh Cao Bằng"
    assert (data["signing_mode"], data["signer_title"], data["signer"]) == ("KT.", "Phó Trưởng ban", "Hà Văn Vui")
    assert data["targets"] == []


def test_the_lang_son_commune_plan_takes_its_unit_from_the_caller(issuers):
    data = check("lang-son-commune-plan-2022", issuers["chi_lang"], at_least=28)
    assert data["date"] is None and data["number"] == "" and data["place"] == ""
    assert data["issuing_unit"] == "Xã Chi Lăng"
    assert data["parent_plan"] == {
        "number": "219",
        "symbol": "KH-UBND",
        "date": "2022-08-03",
        "issuer": "UBND huyện Chi Lăng",
    }


def test_the_quang_tri_decision_reads_its_annexed_plan(issuers):
    data = check("quang-tri-province-plan-2022", at_least=38)
    assert data["kind"] == "QD" and data["number"] == "1872" and data["symbol"] == "QĐ-UBND"
    assert data["issuing_unit"] == "Tỉnh Quảng Trị"
    assert data["parent_plan"]["number"] == "587"
    assert [t["type"] for t in data["targets"]].count("share") == 6
    assert data["signer"] == ""  # the text ends without a signature: nothing invented


def test_a_plan_outside_the_seeds_with_spaced_heading_and_0l_numbers_is_read():
    draft = read_plan(seed("synthetic-commune-plan"))
    data = as_json(draft)
    assert (data["kind"], data["number"], data["date"]) == ("KH", "01", "2023-03-01")  # "0l" read as 01
    assert data["issuing_body"] == "UBND xã Nội Thôn" and data["place"] == "Nội Thôn"
    assert data["parent_plan"]["number"] == "3254" and data["parent_plan"]["date"] == "2022-11-03"
    assert [(t["type"], t["year"], t["units"]) for t in data["targets"]] == [
        ("milestone", 2024, []),
        ("milestone", 2023, ["Bản Giới"]),
        ("ocop", None, []),
    ]
    assert [(t["year_from"], t["year_to"]) for t in data["timeline"]] == [(2023, 2023), (2023, 2025)]
    assert (data["signing_mode"], data["signer_title"], data["signer"]) == ("TM.", "Chủ tịch", "Nông Văn Minh")
    assert data["recipients"] == ["UBND huyện;", "Lưu: VT."]
