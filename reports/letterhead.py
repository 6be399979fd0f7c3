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
from units.hierarchy import level_above
from units.models import Unit
from units.wording import (
    SigningMode,
    committee_name,
    header_lines,
    issuer_name,
    long_date,
    place_and_date,
    place_name,
    signature_lines,
    territory_of,
)

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
SUBTITLE = "Độc lập - Tự do - Hạnh phúc"
ARCHIVE = "Lưu: VT"
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
        date = long_date(self.day) if self.day else ""
        return f"(Kèm theo {self.doc_type.capitalize()} số {number} {date} của {self.issuer_title})"

    @property
    def recipient_lines(self) -> list[str]:
        """ "- X;" for each, the last one ending with a full stop, as the decree shows them."""
        items = [item.strip().lstrip("-–•").strip().rstrip(";.").strip() for item in self.recipients]
        items = [item for item in items if item]
        return [f"- {item}{'.' if index == len(items) - 1 else ';'}" for index, item in enumerate(items)]


def symbol_for(unit: Unit, doc_code: str, plan: Plan | None = None) -> str:
    """ "BC-UBND" for a People's Committee; an agency reuses the suffix of its plan's symbol ("KH-BDT" → "BC-BDT")."""
    if unit.is_territory:
        return f"{doc_code}-UBND"
    if plan and "/" in plan.number:
        suffix = plan.number.split("/", 1)[1]
        if "-" in suffix:
            return f"{doc_code}-{suffix.split('-', 1)[1]}"
    return doc_code


def number_line(number: str, symbol: str) -> str:
    # The clerk writes the number in by hand when the document is registered: leave room for it.
    return f"Số: {number.strip() or BLANK_NUMBER}/{symbol}"


def default_signer(unit: Unit, plans: list[Plan]) -> tuple[str, str, str]:
    """(mode, title, name): the signer of the unit's latest plan, else the head of a People's Committee."""
    signed = [plan for plan in plans if plan.issuing_unit_id == unit.pk and plan.signer_title]
    if signed:
        plan = max(signed, key=lambda plan: (plan.issue_date or datetime.date.min, plan.pk))
        return plan.signing_mode, plan.signer_title, plan.signer_name
    if unit.is_territory:
        return SigningMode.ON_BEHALF, "Chủ tịch", ""
    return "", "Thủ trưởng cơ quan", ""


def default_recipients(unit: Unit, *, on: datetime.date) -> list[str]:
    """The level above on the document's date (for its information: "b/c") and the archive."""
    above = level_above(unit, on=on) if unit.is_territory else territory_of(unit)
    recipients = [f"{issuer_name(above)} (b/c)"] if above else []
    return [*recipients, ARCHIVE]


def build_letterhead(
    unit: Unit, *, parameters: dict, doc_type: str, doc_code: str, subject: str, day: datetime.date, plans: list[Plan]
) -> Letterhead:
    """The header and the signature of a document of `unit`; `parameters` may override any default."""
    superior, issuer = header_lines(unit)
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
        place_date=place_and_date(parameters.get("place") or place_name(unit), day),
        doc_type=doc_type,
        subject=subject,
        recipients=recipients or default_recipients(unit, on=day),
        signing=signature_lines(mode=mode, title=title, issuer=issuer_name(unit)),
        signer_name=name,
        issuer_title=committee_name(unit),
        day=day,
    )
