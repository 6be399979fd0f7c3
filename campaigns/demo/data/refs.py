"""How demo data names units: the natural keys units.demo creates them under."""

from units.models import CodeScheme, Kind


def legacy(kind: str, code: str) -> tuple[str, str, str]:
    """An official unit before 07/2025, keyed by (code_scheme, kind, code)."""
    return (CodeScheme.LEGACY, kind, code)


def local(kind: str, name: str) -> tuple[str, str, str]:
    """A unit made in the app (an agency, a village): keyed by its name within its kind."""
    return (CodeScheme.LOCAL, kind, name)


CAO_BANG = legacy(Kind.PROVINCE, "04")
HA_QUANG = legacy(Kind.DISTRICT, "045")
TRUONG_HA = legacy(Kind.COMMUNE, "01399")
NGOC_DAO = legacy(Kind.COMMUNE, "01438")
SOC_HA = legacy(Kind.COMMUNE, "01417")
LUONG_CAN = legacy(Kind.COMMUNE, "01384")
QUY_QUAN = legacy(Kind.COMMUNE, "01432")
DA_THONG = legacy(Kind.COMMUNE, "01375")
CAN_YEN = legacy(Kind.COMMUNE, "01366")
BAN_DAN_TOC = local(Kind.AGENCY, "Ban Dân tộc tỉnh Cao Bằng")

LANG_SON = legacy(Kind.PROVINCE, "20")
CHI_LANG_DISTRICT = legacy(Kind.DISTRICT, "187")
# The lang-son seed names no commune; units.demo picks Xã Chi Lăng of huyện Chi Lăng as its issuer.
CHI_LANG = legacy(Kind.COMMUNE, "06523")

QUANG_TRI = legacy(Kind.PROVINCE, "45")
