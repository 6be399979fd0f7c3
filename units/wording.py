"""Official wording about units: how a body is named, who signs for it, where and when a document is issued.

One home for the words Nghị định 30/2020/NĐ-CP (appendix I) prescribes, shared by the pages and the PDFs:
the issuer ("UBND huyện Hà Quảng"), its running-text name ("Ủy ban nhân dân huyện Hà Quảng"), the
signing modes (TM., KT., TL., TUQ.) and the signature lines, the place-and-date line, and the offices of
each level on a date (Phòng Nội vụ of a district until 30/06/2025, Sở Nội vụ of a province).

These are the documents' form in Vietnamese, not interface text, so they are not translated; only the
signing modes' labels in a form are. Functions take a unit (anything with `kind`, `name`, `parent`).
"""

import datetime
import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from units.models import REFORM_DATE, Kind, Unit

PEOPLES_COMMITTEE = "Ủy ban nhân dân"
ABBREVIATIONS = {"UBND": PEOPLES_COMMITTEE, "HĐND": "Hội đồng nhân dân", "UBMTTQ": "Ủy ban MTTQ"}
# A collective signs without its place: "UBND huyện Hà Quảng" signs "TM. ỦY BAN NHÂN DÂN".
PLACE_WORDS = re.compile(r"\s+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s.*$", re.IGNORECASE)


class SigningMode(models.TextChoices):
    """Thể thức ký: how the signer signs (NĐ 30/2020, Điều 13)."""

    ON_BEHALF = "TM.", _("TM. (on behalf of the committee)")
    DEPUTY = "KT.", _("KT. (signing for the head)")
    BY_ORDER = "TL.", _("TL. (by order)")
    AUTHORISED = "TUQ.", _("TUQ. (authorised)")
    NONE = "", _("Signs in own name")


SIGNING_MODES = tuple(mode for mode in SigningMode.values if mode)


# ---------------------------------------------------------------------------------------------------------
# Names


def in_text(name: str) -> str:
    """ "Huyện Hà Quảng" → "huyện Hà Quảng": a unit's type is lower case inside a sentence."""
    return name[:1].lower() + name[1:]


def spelled_out(text: str) -> str:
    """ "Giấy khen của Chủ tịch UBND huyện" → "Giấy khen của Chủ tịch Ủy ban nhân dân huyện"."""
    return " ".join(ABBREVIATIONS.get(word, word) for word in text.split(" "))


def issuer_name(unit: Unit) -> str:
    """ "UBND huyện Hà Quảng" for a territory (its People's Committee issues), the agency's own name otherwise."""
    return territory_issuer(in_text(unit.name)) if unit.is_territory else unit.name


def territory_issuer(division: str) -> str:
    """ "huyện Hà Quảng" → "UBND huyện Hà Quảng": the issuing body of a territory named as a text says it (a plan
    read from its text may name a unit the tree does not hold)."""
    return f"UBND {division}"


def committee_name(unit: Unit) -> str:
    """The issuer as running text names it: "Ủy ban nhân dân huyện Hà Quảng", "Ban Dân tộc tỉnh Cao Bằng"."""
    return spelled_out(issuer_name(unit))


def head_title(unit: Unit) -> str:
    """Who decides for the unit: "Chủ tịch Ủy ban nhân dân huyện Hà Quảng", "Thủ trưởng Ban Dân tộc tỉnh …"."""
    return f"Chủ tịch {committee_name(unit)}" if unit.is_territory else f"Thủ trưởng {unit.name}"


def council_name(unit: Unit) -> str:
    """ "Hội đồng Thi đua - Khen thưởng huyện Hà Quảng"."""
    return f"Hội đồng Thi đua - Khen thưởng {in_text(unit.name)}"


def header_lines(unit: Unit) -> tuple[str, list[str]]:
    """(superior body, issuing body lines) of a document's header, upper case.

    A People's Committee heads "ỦY BAN NHÂN DÂN" / "HUYỆN HÀ QUẢNG"; an agency prints under its managing
    body: "Ban Dân tộc tỉnh Cao Bằng" under Tỉnh Cao Bằng is "BAN DÂN TỘC" below "UBND TỈNH CAO BẰNG".
    """
    if unit.is_territory:
        return "", [PEOPLES_COMMITTEE.upper(), unit.name.upper()]
    parent = unit.parent
    if parent is None:
        return "", [unit.name.upper()]
    own = unit.name
    if parent.is_territory and own.lower().endswith(" " + parent.name.lower()):
        own = own[: -len(parent.name) - 1]
    return issuer_name(parent).upper(), [own.upper()]


def collective_name(issuer: str) -> str:
    """The body that signs "TM.": "UBND huyện Hà Quảng" → "Ủy ban nhân dân", "Ban Dân tộc tỉnh Cao Bằng" → "Ban Dân tộc"."""
    return PLACE_WORDS.sub("", spelled_out(issuer)) or issuer


def default_head(issuer: str) -> str:
    """The head a deputy signs for when no title says it: a committee's chairman, an agency's head."""
    return "Chủ tịch" if issuer.split()[:1] in (["UBND"], ["HĐND"]) else "Thủ trưởng"


# ---------------------------------------------------------------------------------------------------------
# Signature, place and date


def signature_lines(*, mode: str, title: str, issuer: str, name: str = "") -> list[str]:
    """The signature block: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH", or "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH", then the name.

    `issuer` is the issuing body's name ("UBND huyện Hà Quảng"). A title may carry the mode and the head
    itself, as decisions store it: "KT. Chủ tịch - Phó Chủ tịch". KT. (a deputy), TL. and TUQ. (an officer by
    order or by authority) name the head above the signer's own title.
    """
    title, head = title.strip(), ""
    own_mode = next((known for known in SIGNING_MODES if title.startswith(known + " ")), "")
    if own_mode:
        mode, title = mode or own_mode, title[len(own_mode) :].strip()
    if " - " in title:
        head, title = (part.strip() for part in title.split(" - ", 1))
    lines = []
    if mode == SigningMode.ON_BEHALF:
        lines.append(f"{mode} {collective_name(issuer)}")
    elif mode == SigningMode.DEPUTY:
        deputy_of = title[4:] if title.lower().startswith("phó ") else ""
        lines.append(f"{mode} {head or deputy_of or default_head(issuer)}")
    elif mode in SIGNING_MODES:
        # TL. and TUQ.: an officer signs by order of the body's head ("TL. CHỦ TỊCH" / "CHÁNH VĂN PHÒNG").
        lines.append(f"{mode} {head or default_head(issuer)}")
    if title:
        lines.append(title)
    lines = [line.upper() for line in lines]
    return [*lines, name] if name else lines


def territory_of(unit: Unit) -> Unit | None:
    """The unit itself if it is a territory, else its nearest territorial ancestor (an agency's province)."""
    if unit.is_territory:
        return unit
    ancestors = [ancestor for ancestor in unit.ancestors() if ancestor.is_territory]
    return ancestors[-1] if ancestors else None


def place_name(unit: Unit) -> str:
    """ "Huyện Hà Quảng" → "Hà Quảng": the place written before the date; an agency writes its province's."""
    territory = territory_of(unit) or unit
    name = territory.short_name or territory.name
    prefix = f"{territory.division_type} "
    return name[len(prefix) :] if territory.division_type and name.startswith(prefix) else name


def place_and_date(place: str, day: datetime.date) -> str:
    """ "Hà Quảng, ngày 05 tháng 01 năm 2026": days below 10 and months below 3 take a leading zero (NĐ 30)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def cited(number: str, day: datetime.date | None) -> str:
    """How a text cites a document: "3254/KH-UBND ngày 03/11/2022"; without a date, the number alone."""
    return f"{number} ngày {day:%d/%m/%Y}".strip() if day else number


def long_date(day: datetime.date) -> str:
    """ "ngày 05 tháng 01 năm 2026", as running text cites a date."""
    return place_and_date("", day).removeprefix(", ")


# ---------------------------------------------------------------------------------------------------------
# The offices of a level, over time


@dataclass(frozen=True)
class Offices:
    """The offices of one level in one period: who runs the committee's office, who handles Home Affairs."""

    kind: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    office_head: str  # "{committee}" and "{unit}" are filled in: the office's head with its body
    home_affairs: str = ""  # the Home Affairs body, without its place ("Phòng Nội vụ")
    home_affairs_head: str = ""

    def covers(self, kind: str, day: datetime.date) -> bool:
        return (
            self.kind == kind
            and (self.valid_from is None or self.valid_from <= day)
            and (self.valid_to is None or day <= self.valid_to)
        )


LAST_DAY_OF_DISTRICTS = REFORM_DATE - datetime.timedelta(days=1)
# The district level, its Phòng Nội vụ and its office ended on 30/06/2025 (domain.md §5): from that day
# a commune's dossiers go to the province, whose Sở Nội vụ (with the Ban TĐKT) appraises them.
OFFICES = (
    Offices(Kind.PROVINCE, None, None, "Chánh Văn phòng {committee}", "Sở Nội vụ", "Giám đốc Sở Nội vụ"),
    Offices(
        Kind.DISTRICT,
        None,
        LAST_DAY_OF_DISTRICTS,
        "Chánh Văn phòng HĐND và UBND {unit}",
        "Phòng Nội vụ",
        "Trưởng phòng Nội vụ",
    ),
    Offices(Kind.COMMUNE, None, None, "Công chức Văn phòng - Thống kê"),
)


def offices_of(unit: Unit, *, on: datetime.date) -> Offices | None:
    """The row of OFFICES for the unit's level on `on`; None for a level that has none then."""
    return next((row for row in OFFICES if row.covers(unit.kind, on)), None)


def office_head(unit: Unit, *, on: datetime.date) -> str:
    """ "Chánh Văn phòng HĐND và UBND huyện Hà Quảng": the head of the office that carries out a decision."""
    row = offices_of(unit, on=on)
    if row is None:
        return "Chánh Văn phòng"
    return row.office_head.format(committee=committee_name(unit), unit=in_text(unit.name))


def home_affairs_body(unit: Unit, *, on: datetime.date) -> str:
    """ "Phòng Nội vụ huyện Hà Quảng" (until 30/06/2025), "Sở Nội vụ tỉnh Cao Bằng"; "" for a level without one."""
    row = offices_of(unit, on=on)
    return f"{row.home_affairs} {in_text(unit.name)}" if row and row.home_affairs else ""


def home_affairs_head(unit: Unit, *, on: datetime.date) -> str:
    """ "Trưởng phòng Nội vụ", "Giám đốc Sở Nội vụ"; "" for a level without a Home Affairs body on `on`."""
    row = offices_of(unit, on=on)
    return row.home_affairs_head if row else ""
