"""The header and the end of a plan: kind, number, date, place, issuer, title, subject, signing, recipients."""

import datetime
import re

from django.utils.translation import gettext as _

from campaigns.plans.importer.draft import Draft, ask, found, missing
from campaigns.plans.importer.sections import Layout
from campaigns.plans.importer.text import Line, is_upper, sentence_case
from units.wording import territory_issuer

NUMBER_LINE = re.compile(r"\b(?:so|sb|s0|sd|s6)\s*:\s*([0-9ol ]*?)\s*/\s*([a-z0-9đ.\-]+)", re.IGNORECASE)
DATE_WORDS = re.compile(r"ngay\s+([0-9ol]{1,2})\s+thang\s+([0-9ol]{1,2})\s+nam\s+(\d{4})")
DATE_NUMBERS = re.compile(r"\b([0-9]{1,2})/([0-9]{1,2})/(\d{4})\b")
PLACE_DATE = re.compile(r"([^,:]{2,40}),\s*ngay\s+([0-9ol]{1,2}|\.{2,}|…)\s+thang")
LEVEL_WORDS = r"tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dac khu"
COMMITTEE = re.compile(rf"(?:uy ban nhan dan|ubnd)\s+({LEVEL_WORDS})\s+([a-z][a-z ]{{1,40}})")
SIGNING = re.compile(r"\b(tm|kt|tl|tuq)\s*\.\s*(.*)$")
TITLES = {
    "chu tich": "Chủ tịch",
    "pho chu tich": "Phó Chủ tịch",
    "truong ban": "Trưởng ban",
    "pho truong ban": "Phó Trưởng ban",
    "giam doc": "Giám đốc",
    "pho giam doc": "Phó Giám đốc",
    "chanh van phong": "Chánh Văn phòng",
    "bi thu": "Bí thư",
}
QUOTED = re.compile(r"[“\"'‘”]+\s*([^“”\"]{8,200}?)\s*[”\"'’]+")


def parse_date(key: str) -> tuple[datetime.date | None, re.Match | None]:
    """The first date written in words ("ngày 03 tháng 11 năm 2022") or as 26/9/2022; None if unreadable."""
    for pattern in (DATE_WORDS, DATE_NUMBERS):
        for match in pattern.finditer(key):
            day, month, year = (int(part.replace("o", "0").replace("l", "1")) for part in match.groups())
            try:
                return datetime.date(year, month, day), match
            except ValueError:
                continue
    return None, None


def read_header(draft: Draft, layout: Layout) -> None:
    top = layout.header or layout.lines[:15]
    _kind(draft, layout)
    _number(draft, layout, top)
    _date_and_place(draft, layout, top)
    _title_and_subject(draft, layout)
    kind_at = layout.lines.index(layout.kind_line) if layout.kind_line else 0
    _issuer(draft, layout, layout.lines[: kind_at + 8])
    _signing(draft, layout)
    _recipients(draft, layout)


def _kind(draft: Draft, layout: Layout) -> None:
    first = next(
        (line for line in layout.lines[:60] if re.fullmatch(r"\s*(ke hoach|quyet dinh)\s*:?\s*", line.key)), None
    )
    if first is None:
        draft.header["kind"] = missing(_("The text names no document kind (Kế hoạch, Quyết định)."))
        return
    draft.header["kind"] = found("QD" if first.key.strip().startswith("quyet") else "KH", first)


def _number(draft: Draft, layout: Layout, top: list[Line]) -> None:
    for line in top:
        match = NUMBER_LINE.search(line.key)
        if match:
            number = match[1].replace(" ", "").replace("o", "0").replace("l", "1")
            symbol = line.text[match.start(2) : match.end(2)]
            draft.header["symbol"] = found(symbol, line)
            if number.isdecimal():
                draft.header["number"] = found(number, line)
            else:
                draft.header["number"] = missing(_("The number is blank or unreadable in the text: enter it."), line)
            return
    # A plan annexed to a decision: "(Ban hành kèm theo Quyết định số 1872/QĐ-UBND ngày …)".
    for line in layout.lines[:80]:
        match = re.search(r"kem theo quyet dinh so\s*([0-9]+)\s*/\s*([a-z0-9.\-]+)", line.key)
        if match:
            draft.header["number"] = found(match[1], line)
            draft.header["symbol"] = found(line.text[match.start(2) : match.end(2)], line)
            return
    draft.header["number"] = missing(_("The text gives no number."))
    draft.header["symbol"] = missing(_("The text gives no number."))


def _date_and_place(draft: Draft, layout: Layout, top: list[Line]) -> None:
    for line in top:
        match = PLACE_DATE.search(line.key)
        if match:
            place = line.text[match.start(1) : match.end(1)]
            place = re.sub(r"^.*?\d\S*\s+", "", place).strip()  # "Số: 3254/KH-UBND Hà Quảng"
            draft.header["place"] = found(place, line)
            day, _match = parse_date(line.key)
            draft.header["date"] = (
                found(day, line) if day else missing(_("The date is blank or unreadable in the text: enter it."), line)
            )
            return
    for line in layout.lines[:80]:
        if "kem theo quyet dinh" in line.key:
            day, _match = parse_date(line.key)
            if day:
                draft.header["date"] = found(day, line)
                return
    draft.header["date"] = missing(_("The text gives no date."))
    draft.header["place"] = missing(_("The text gives no place."))


def _subject_lines(layout: Layout) -> list[Line]:
    """The trích yếu under the kind heading: lines up to the first blank line or the opening sentence."""
    lines = layout.lines
    start = layout.kind_line.number if layout.kind_line else 0  # index after the heading
    if layout.decision:
        start = layout.decision[0].number
    found_lines: list[Line] = []
    for line in lines[start : start + 8]:
        if not line.text:
            if found_lines:
                break
            continue
        if re.match(r"\s*(thuc hien|can cu|trong|xet|\(ban hanh|uy ban nhan dan|ubnd)\b", line.key) and found_lines:
            break
        if re.match(r"\s*(thuc hien|can cu)\s+(ke hoach|quyet dinh|nghi quyet|luat)\s", line.key):
            break
        found_lines.append(line)
        if line.text.endswith((".", ";")):
            break
    return found_lines


def _title_and_subject(draft: Draft, layout: Layout) -> None:
    lines = _subject_lines(layout)
    if not lines:
        draft.header["subject"] = missing(_("The text has no subject line under its kind."))
        draft.header["title"] = missing(_("The text names no movement."))
        return
    raw = " ".join(line.text for line in lines)
    upper = is_upper(raw)
    text = sentence_case(raw) if upper else raw
    subject_line = Line(lines[0].number, text)
    match = QUOTED.search(text)
    if match:
        title = match[1].strip(" '’‘\"")
        if upper:
            # Written in capitals: the same words in running text give the capitals of its names.
            written = _as_written(layout, title)
            if written:
                text = text.replace(title, written)
                title = written
        draft.header["title"] = found(title, subject_line)
    else:
        draft.header["title"] = missing(_("The subject quotes no movement name."))
    draft.header["subject"] = found(text, subject_line)


def _as_written(layout: Layout, title: str) -> str:
    from campaigns.plans.importer.text import key_of

    wanted = key_of(title)
    for line in layout.lines:
        at = line.key.find(wanted)
        if at >= 0 and not is_upper(line.text[at : at + len(wanted)]):
            return line.text[at : at + len(wanted)]
    return ""


def _issuer(draft: Draft, layout: Layout, top: list[Line]) -> None:
    """The issuing body as the header or the text names it; matched to a unit later (matching.py)."""
    # Header: "ỦY BAN NHÂN DÂN" then "HUYỆN HÀ QUẢNG" (OCR puts the national motto on the same lines).
    for i, line in enumerate(top):
        if re.search(r"\b(uy ban nhan dan|ubnd)\b", line.key):
            for candidate in [line] + [other for other in top[i + 1 : i + 4] if other.text]:
                for match in re.finditer(rf"\b({LEVEL_WORDS})\s+([a-z]+(?: [a-z]+){{0,3}})", candidate.key):
                    level_text = candidate.text[match.start(1) : match.end(1)]
                    words = candidate.text[match.start(2) : match.end(2)].split()
                    name = " ".join(word for word in words[: _upper_run(words)])
                    if (
                        name
                        and level_text.isupper()
                        and not re.search(r"cong hoa|chu nghia", candidate.key[: match.start()] + match[0])
                    ):
                        draft.header["issuing_body"] = found(_issuer_text(level_text, name), candidate)
                        draft.header["issuing_unit"] = found({"level": key_level(level_text), "name": name}, candidate)
                        return
    # A committee sentence in the body: "Ủy ban nhân dân huyện Hà Quảng … xây dựng Kế hoạch".
    for paragraph in [*layout.opening, *(p for s in layout.sections[:1] for p in s.paragraphs[:2])]:
        line = paragraph.as_line()
        for match in COMMITTEE.finditer(line.key):
            if re.search(r"(xay dung|ban hanh)\s+ke hoach", line.key[match.end() : match.end() + 80]):
                name = _name_words(line.text[match.start(2) : match.end(2)])
                level = line.text[match.start(1) : match.end(1)]
                draft.header["issuing_body"] = found(_issuer_text(level, name), line)
                draft.header["issuing_unit"] = found({"level": key_level(level), "name": name}, line)
                return
        agency = re.search(
            r"\b(ban|so|phong|van phong|hoi)\s+([a-z ]{2,40}?)\s+(tinh|huyen)\s+([a-z ]{2,20}?)\s+ban hanh ke hoach",
            line.key,
        )
        if agency:
            name = line.text[agency.start() : agency.start(4) + len(agency[4])]
            draft.header["issuing_body"] = found(name, line)
            draft.header["issuing_unit"] = found({"level": "agency", "name": name}, line)
            return
    # A committee of an unnamed unit ("Ủy ban nhân dân xã xây dựng Kế hoạch"): the level only.
    for paragraph in layout.opening:
        match = re.search(
            rf"\b(uy ban nhan dan|ubnd)\s+({LEVEL_WORDS})\s+(xay dung|ban hanh)\s+ke hoach", paragraph.key
        )
        if match:
            draft.header["issuing_body"] = ask(
                "",
                paragraph.as_line(),
                note=_("The text names the level (%(level)s) but not the unit: choose it.") % {"level": match[2]},
            )
            draft.header["issuing_unit"] = ask({"level": key_level(match[2]), "name": ""}, paragraph.as_line())
            return
    draft.header["issuing_body"] = missing(_("The text does not name its issuer: choose the issuing unit."))


def _upper_run(words: list[str]) -> int:
    count = 0
    for word in words:
        if not word.isupper():
            break
        count += 1
    return count


def key_level(level: str) -> str:
    from campaigns.plans.importer.text import key_of

    return key_of(level).strip()


def _name_words(text: str) -> str:
    """The capitalised words of a name: "Hà Quảng (UBND) xây dựng" → "Hà Quảng"."""
    words = []
    for word in text.split():
        if not word[:1].isupper():
            break
        words.append(word)
    return " ".join(words)


def _issuer_text(level: str, name: str) -> str:
    level_word = sentence_case(level).lower() if is_upper(level) else level.lower()
    name = " ".join(word.capitalize() if word.isupper() else word for word in name.split())
    return territory_issuer(f"{level_word} {name}")


def _signing(draft: Draft, layout: Layout) -> None:
    tail = layout.closing or layout.lines[-25:]
    for i, line in enumerate(tail):
        match = SIGNING.search(line.key)
        if not match or (match.start() > 0 and not line.key[match.start() - 1].isspace()):
            continue
        mode = match[1].upper() + "."
        draft.header["signing_mode"] = found(mode, line)
        rest = [other for other in tail[i + 1 :] if other.text]
        _signer_title(draft, line, match, rest)
        _signer(draft, rest)
        return
    draft.header["signing_mode"] = missing(_("The text has no signature block."))


def _signer_title(draft: Draft, line: Line, match: re.Match, rest: list[Line]) -> None:
    # The title is the line below the mode ("CHỦ TỊCH", "PHÓ TRƯỞNG BAN"); OCR may put it at a line's end.
    for other in rest[:8]:
        for key, title in sorted(TITLES.items(), key=lambda item: -len(item[0])):
            if re.search(rf"(^|[;,.\s]){key}\s*$", other.key.strip()) or other.key.strip() == key:
                draft.header["signer_title"] = found(title, other)
                return
    draft.header["signer_title"] = missing(_("The signer's title is not readable."))


def _signer(draft: Draft, rest: list[Line]) -> None:
    """The last line that reads as a person's name: two to five capitalised words."""
    for line in reversed(rest[-6:]):
        words = line.text.strip(" .").split()
        if 2 <= len(words) <= 5 and all(word[:1].isupper() and not word.isupper() for word in words):
            draft.header["signer"] = found(" ".join(words), line)
            return
    draft.header["signer"] = missing(_("No signer's name is readable."))


def _recipients(draft: Draft, layout: Layout) -> None:
    start = next(
        (i for i, line in enumerate(layout.lines) if re.match(r"\s*no\w?\W{0,3}\s?nh\w{1,3}\s*:", line.key)), None
    )
    if start is None:
        return
    for line in layout.lines[start + 1 :]:
        if not line.text:
            continue
        if not re.match(r"^\s*[-_–•]", line.text):
            if draft.lists["recipients"] or re.match(r"\s*(ke hoach|tm\.|kt\.)", line.key):
                break
            continue
        text = re.sub(r"^[\s\-_–•]+", "", line.text)
        end = max(text.find(";"), -1)
        if end >= 0:
            text = text[: end + 1]
        elif "." in text:
            text = text[: text.rfind(".") + 1]
        draft.lists["recipients"].append(found(text.strip(), line))
