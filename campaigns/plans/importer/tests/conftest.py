"""The Hà Quảng district of 2022 with the communes its plan names, a district official, the seed texts."""

import datetime
from pathlib import Path

import pytest

from units.models import CodeScheme, Kind, Role

FIXTURES = Path(__file__).parent / "fixtures"
LEGACY = {"code_scheme": CodeScheme.LEGACY, "valid_to": datetime.date(2025, 6, 30)}
COMMUNES = ["Trường Hà", "Ngọc Đào", "Sóc Hà", "Lương Can", "Quý Quân", "Đa Thông", "Cần Yên", "Nội Thôn"]


def seed(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture
def ha_quang(make_unit):
    province = make_unit("Tỉnh Cao Bằng", Kind.PROVINCE, code="04", **LEGACY)
    district = make_unit("Huyện Hà Quảng", Kind.DISTRICT, province, code="045", **LEGACY)
    communes = {
        name: make_unit(f"Xã {name}", Kind.COMMUNE, district, code=f"0140{i}", **LEGACY)
        for i, name in enumerate(COMMUNES)
    }
    other = make_unit("Huyện Khác", Kind.DISTRICT, province, code="046", **LEGACY)
    return type("HaQuang", (), {"province": province, "district": district, "communes": communes, "other": other})


@pytest.fixture
def official(make_user, ha_quang):
    """A district official who drafts the district's plans."""
    return make_user("official", (ha_quang.district, Role.HOME_AFFAIRS))


@pytest.fixture
def elsewhere(make_user, ha_quang):
    """An official of another district of the same province."""
    return make_user("elsewhere", (ha_quang.other, Role.HOME_AFFAIRS))
