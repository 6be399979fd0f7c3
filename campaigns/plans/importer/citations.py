"""Documents a plan cites: its parent plan (the one it implements) and its other legal bases (căn cứ)."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from campaigns.plans.importer.draft import Draft, found, missing
from campaigns.plans.importer.header import parse_date
from campaigns.plans.importer.sections import Layout
from campaigns.plans.importer.text import Line, paragraphs

KINDS = {
    "luat": "LUAT",
    "nghi quyet": "NQ",
    "quyet dinh": "QD",
    "ke hoach": "KH",
    "nghi dinh": "ND",
    "thong tu": "TT",
    "chi thi": "CT",
    "to trinh": "TTR",
}
CITATION = re.compile(
    r"\b(?P<kind>luat|nghi quyet|quyet dinh|ke hoach|nghi dinh|thong tu|chi thi|to trinh)\s+"
    r"(?:s\w{0,2}\s*:?\s*(?P<number>\d{1,5}(?:\s?[/-]\s?[a-z0-9]+)+)|(?P<law>[a-z][a-z ,\-]{5,160}?))"
    r"\s*,?\s*(?:ngay\s+(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|[0-9ol]{1,2}\s+thang\s+[0-9ol]{1,2}\s+nam\s+\d{4}))?"
)
ISSUER = re.compile(
    r"\s*(?:(?:cua|c[a-z]{1,2}a)\s+(?P<issuer>.+?))?(?=\s+(?:ve viec|ve|v/v|phe duyet|ban hanh|thuc hien|quy dinh|khoa)\b|[;,.()]|$)"
)
# Symbol parts OCR or a keyboard without Đ wrote in ASCII.
SYMBOL_PARTS = {"qd": "QĐ", "qp": "QĐ", "hdnd": "HĐND", "hpnd": "HĐND", "nd": "NĐ", "vpdp": "VPĐP", "ttg": "TTg"}
LAW = re.compile(r"\bluat\s+(?P<law>[a-z][a-z ,\-]{5,160}?)\s*,?\s*ngay\s+(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})")
MOVEMENT = re.compile(r"phong trao thi dua|chung suc")


@dataclass
class Citation:
    kind: str
    number: str
    date: object
    issuer: str
    subject: str
    line: Line
    context: str  # the words just before the citation ("thực hiện", "căn cứ")


def fix_symbol(number: str) -> str:
    parts = re.split(r"([/-])", number.replace(" ", ""))
    fixed = []
    for part in parts:
        ascii_part = part.isascii()
        fixed.append(SYMBOL_PARTS.get(part.lower(), part) if ascii_part else part)
    return "".join(fixed)


def citations(line: Line) -> list[Citation]:
    found_list = []
    matches = sorted(
        [*CITATION.finditer(line.key), *(m for m in LAW.finditer(line.key) if line.text[m.start()].isupper())],
        key=lambda m: m.start(),
    )
    for index, match in enumerate(matches):
        if match.re is CITATION and match["law"] is not None:
            continue
        end = matches[index + 1].start() if index + 1 < len(matches) else len(line.key)
        tail_key = line.key[match.end() : end]
        issuer_match = ISSUER.match(tail_key)
        issuer = ""
        subject_start = match.end()
        if issuer_match and issuer_match["issuer"]:
            issuer = line.text[
                match.end() + issuer_match.start("issuer") : match.end() + issuer_match.end("issuer")
            ].strip()
            subject_start = match.end() + issuer_match.end()
        subject = _subject(line, subject_start, end)
        if match.re is LAW:
            subject = line.text[match.start("law") : match.end("law")].strip()
            number = ""
        else:
            number = fix_symbol(line.text[match.start("number") : match.end("number")])
        day, _match = (
            parse_date("ngay " + line.key[match.start("date") : match.end("date")]) if match["date"] else (None, None)
        )
        kind = "LUAT" if match.re is LAW else KINDS[match["kind"]]
        # The source shown is the citation itself, with the line it starts on.
        source = Line(
            line.at(match.start()),
            line.text[match.start() : end].strip(" ;,"),
            line.key[match.start() : end].strip(" ;,"),
        )
        found_list.append(
            Citation(kind, number, day, issuer, subject, source, line.key[max(0, match.start() - 20) : match.start()])
        )
    return found_list


def _subject(line: Line, start: int, end: int) -> str:
    text = line.text[start:end]
    key = line.key[start:end]
    lead = re.match(r"\s*(?:khoa\s+\S+\s+)?(?:ve viec|v/v|ve)?\s*", key)
    text, key = text[lead.end() :], key[lead.end() :]
    stop = re.search(r";|\.(?:\s|$)|\)\s*$|,?\s*(?:thuc hien|can cu)\s*$|[;,]?\s*(?:va|cua)?\s*$", key)
    if stop:
        text = text[: stop.start()]
    return text.strip(" ,;:()")


def read_citations(draft: Draft, layout: Layout) -> None:
    """The parent is the first plan or decision of the opening that launches the movement; the rest are bases."""
    opening = [*paragraphs(layout.header), *paragraphs(layout.decision), *layout.opening]
    everything = opening + [paragraph for section in layout.sections for paragraph in section.paragraphs]
    own = (draft.value("number") or "", draft.value("symbol") or "")
    parent = None
    for paragraph in opening:
        for citation in citations(paragraph.as_line()):
            if (
                citation.kind in ("KH", "QD")
                and MOVEMENT.search(citation.subject.lower() + paragraph.key)
                and not _is_own(citation, own)
            ):
                parent = citation
                break
        if parent:
            break
    if parent:
        number, _slash, symbol = parent.number.partition("/")
        draft.header["parent_plan"] = found(
            {"number": number, "symbol": symbol, "date": parent.date, "issuer": parent.issuer}, parent.line
        )
    else:
        draft.header["parent_plan"] = missing(_("The text cites no plan it implements."))
    seen = {(parent.kind, parent.number)} if parent else set()
    for paragraph in everything:
        for citation in citations(paragraph.as_line()):
            key = (citation.kind, citation.number or citation.subject.lower())
            if key in seen or _is_own(citation, own) or "kem theo" in citation.context:
                continue
            seen.add(key)
            draft.lists["legal_bases"].append(
                found(
                    {
                        "kind": citation.kind,
                        "number": citation.number,
                        "date": citation.date,
                        "issuer": citation.issuer,
                        "subject": citation.subject,
                    },
                    citation.line,
                )
            )


def _is_own(citation: Citation, own: tuple[str, str]) -> bool:
    number, symbol = own
    return bool(number) and citation.number.replace(" ", "") in {f"{number}/{symbol}", number}
