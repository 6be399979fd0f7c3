"""The parts of a Vietnamese administrative document around its body (Nghị định 30/2020/NĐ-CP, appendix I).

Every document kind (báo cáo, quyết định, biên bản, tờ trình) shares them: the issuing body and the
national motto, the number and symbol, the place and date, the document type and its subject
(trích yếu), the recipients (Nơi nhận) and the signature block.

The decree prescribes the wording of these parts in Vietnamese; they are the document's form, not
interface text, so they are not translated.
"""

import datetime
from dataclasses import dataclass, field

from campaigns.models import Plan
from units.hierarchy import TERRITORIES, level_above
from units.models import Unit

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
SUBTITLE = "Độc lập - Tự do - Hạnh phúc"
PEOPLES_COMMITTEE = "ỦY BAN NHÂN DÂN"
ARCHIVE = "Lưu: VT"
SIGNING_MODES = ("TM.", "KT.", "TL.", "TUQ.")
BLANK_NUMBER = "\u00a0" * 8


@dataclass
class Letterhead:
    superior: str  # the managing body, upper case, not bold ("UBND TỈNH CAO BẰNG"); often empty
    issuer: list[str]  # the issuing body, upper case, bold, one item per line
    number: str  # "Số: 125/BC-UBND"; the number is left blank for the clerk to fill in
    place_date: str  # "Hà Quảng, ngày 23 tháng 11 năm 2026"
    doc_type: str  # "BÁO CÁO"
    subject: str  # trích yếu
    recipients: list[str] = field(default_factory=list)
    signing: list[str] = field(default_factory=list)  # "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"
    signer_name: str = ""
    issuer_title: str = ""  # in running text: "Ủy ban nhân dân huyện Hà Quảng"
    day: datetime.date | None = None

    @property
    def annex_reference(self) -> str:
        """ "(Kèm theo Báo cáo số …/BC-UBND ngày 23 tháng 11 năm 2026 của Ủy ban nhân dân huyện Hà Quảng)"."""
        number = self.number.removeprefix("Số: ")
        date = dated("", self.day).removeprefix(", ") if self.day else ""
        return f"(Kèm theo {self.doc_type.capitalize()} số {number} {date} của {self.issuer_title})"

    @property
    def recipient_lines(self) -> list[str]:
        """ "- X;" for each, the last one ending with a full stop, as the decree shows them."""
        items = [item.strip().lstrip("-–•").strip().rstrip(";.").strip() for item in self.recipients]
        items = [item for item in items if item]
        return [f"- {item}{'.' if index == len(items) - 1 else ';'}" for index, item in enumerate(items)]


def territory_of(unit: Unit) -> Unit | None:
    """The unit itself if it is a territory, else its nearest territorial ancestor (an agency's province)."""
    if unit.kind in TERRITORIES:
        return unit
    ancestors = [a for a in unit.ancestors() if a.kind in TERRITORIES]
    return ancestors[-1] if ancestors else None


def place_name(unit: Unit) -> str:
    """ "Huyện Hà Quảng" → "Hà Quảng": the place written before the date."""
    territory = territory_of(unit) or unit
    name = territory.short_name or territory.name
    prefix = f"{territory.division_type} "
    return name[len(prefix) :] if territory.division_type and name.startswith(prefix) else name


def in_text(name: str) -> str:
    """ "Huyện Hà Quảng" → "huyện Hà Quảng": a unit's type is lower case inside a sentence."""
    return name[:1].lower() + name[1:]


def issuer_lines(unit: Unit) -> tuple[str, list[str]]:
    """(superior body, issuing body lines) of the document header."""
    if unit.kind in TERRITORIES:
        return "", [PEOPLES_COMMITTEE, unit.name.upper()]
    parent = unit.parent
    if parent is None:
        return "", [unit.name.upper()]
    superior = f"UBND {parent.name}" if parent.kind in TERRITORIES else parent.name
    # "Ban Dân tộc tỉnh Cao Bằng" under Tỉnh Cao Bằng prints as "BAN DÂN TỘC" below "UBND TỈNH CAO BẰNG".
    own = unit.name
    if parent.kind in TERRITORIES and own.lower().endswith(" " + parent.name.lower()):
        own = own[: -len(parent.name) - 1]
    return superior.upper(), [own.upper()]


def dated(place: str, day: datetime.date) -> str:
    """ "Hà Quảng, ngày 05 tháng 01 năm 2026": days below 10 and months below 3 take a leading zero (NĐ 30)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def symbol_for(unit: Unit, doc_code: str, plan: Plan | None = None) -> str:
    """ "BC-UBND" for a People's Committee; an agency reuses the suffix of its plan's symbol ("KH-BDT" → "BC-BDT")."""
    if unit.kind in TERRITORIES:
        return f"{doc_code}-UBND"
    if plan and "/" in plan.number:
        suffix = plan.number.split("/", 1)[1]
        if "-" in suffix:
            return f"{doc_code}-{suffix.split('-', 1)[1]}"
    return doc_code


def number_line(number: str, symbol: str) -> str:
    # The clerk writes the number in by hand when the document is registered: leave room for it.
    return f"Số: {number.strip() or BLANK_NUMBER}/{symbol}"


def signing_lines(unit: Unit, *, mode: str, title: str) -> list[str]:
    """ "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH", or "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" (deputies sign for the head)."""
    title = title.strip()
    lines = []
    if mode == "TM.":
        collective = PEOPLES_COMMITTEE if unit.kind in TERRITORIES else issuer_lines(unit)[1][-1]
        lines.append(f"TM. {collective}")
    elif mode in SIGNING_MODES:
        head = title[4:] if title.lower().startswith("phó ") else title
        lines.append(f"{mode} {head}")
    if title:
        lines.append(title)
    return [line.upper() for line in lines]


def default_signer(unit: Unit, plans: list[Plan]) -> tuple[str, str, str]:
    """(mode, title, name): the signer of the unit's latest plan, else the head of a People's Committee."""
    signed = [plan for plan in plans if plan.issuing_unit_id == unit.pk and plan.signer_title]
    if signed:
        plan = max(signed, key=lambda plan: (plan.issue_date or datetime.date.min, plan.pk))
        return plan.signing_mode, plan.signer_title, plan.signer_name
    if unit.kind in TERRITORIES:
        return "TM.", "Chủ tịch", ""
    return "", "Thủ trưởng cơ quan", ""


def default_recipients(unit: Unit, *, on: datetime.date) -> list[str]:
    """The level above on the document's date (for its information: "b/c") and the archive."""
    above = level_above(unit, on=on) if unit.kind in TERRITORIES else territory_of(unit)
    recipients = [f"UBND {in_text(above.name)} (b/c)"] if above else []
    return [*recipients, ARCHIVE]


def build_letterhead(
    unit: Unit, *, parameters: dict, doc_type: str, doc_code: str, subject: str, day: datetime.date, plans: list[Plan]
) -> Letterhead:
    """The header and the signature of a document of `unit`; `parameters` may override any default."""
    superior, issuer = issuer_lines(unit)
    mode, title, name = default_signer(unit, plans)
    if parameters.get("signing_mode"):
        mode = "" if parameters["signing_mode"] == "own" else parameters["signing_mode"]
    if parameters.get("signer_title"):
        # Another signer than the plan's: their name is the one given, or left for the pen.
        title, name = parameters["signer_title"], ""
    name = parameters.get("signer_name") or name
    recipients = [line for line in (parameters.get("recipients") or "").splitlines() if line.strip()]
    own_plan = next((plan for plan in plans if plan.issuing_unit_id == unit.pk and plan.number), None)
    return Letterhead(
        superior=superior,
        issuer=issuer,
        number=number_line(parameters.get("number", ""), symbol_for(unit, doc_code, own_plan)),
        place_date=dated(parameters.get("place") or place_name(unit), day),
        doc_type=doc_type,
        subject=subject,
        recipients=recipients or default_recipients(unit, on=day),
        signing=signing_lines(unit, mode=mode, title=title),
        signer_name=name,
        issuer_title=issuer_title(unit),
        day=day,
    )


def issuer_title(unit: Unit) -> str:
    """The issuing body as running text names it: "Ủy ban nhân dân huyện Hà Quảng", "Ban Dân tộc tỉnh Cao Bằng"."""
    if unit.kind in TERRITORIES:
        return f"Ủy ban nhân dân {in_text(unit.name)}"
    return unit.name
