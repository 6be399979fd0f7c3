"""Timeline items, emulation subjects with their criteria, and the award forms a plan names."""

import re

from campaigns.plans.importer.draft import Draft, found
from campaigns.plans.importer.sections import Layout
from campaigns.plans.importer.targets import RECURRING, YEAR
from campaigns.plans.importer.text import Line, Paragraph

NUMBERING = re.compile(r"^\s*(?:[-+•–_]\s*|\d+(?:\.\d+)*\s*[.)]\s*|[a-zđ]\)\s*)+", re.IGNORECASE)


def strip_numbering(text: str) -> str:
    return NUMBERING.sub("", text).strip(" ;.")


# ---------------------------------------------------------------------------------------------------------
# Timeline


def read_timeline(draft: Draft, layout: Layout) -> None:
    for section in layout.section("schedule"):
        for paragraph in section.paragraphs:
            line = paragraph.as_line()
            if len(line.text.split()) < 6 and not line.text.endswith((".", ";")):
                continue  # a sub-heading ("1. Kế hoạch hàng năm")
            for clause in _split(line, r";\s*"):
                for item in _items(clause):
                    draft.lists["timeline"].append(found(item, clause))


def _split(line: Line, pattern: str) -> list[Line]:
    parts, last = [], 0
    for match in re.finditer(pattern, line.key):
        parts.append((last, match.start()))
        last = match.end()
    parts.append((last, len(line.key)))
    return [Line(line.number, line.text[a:b], line.key[a:b]) for a, b in parts if line.key[a:b].strip(" .;")]


def _years(key: str) -> list[int]:
    key = re.sub(rf"giai doan\s+{YEAR}\s*-\s*{YEAR}", "", key)
    return sorted({int(year) for year in re.findall(rf"\b({YEAR})\b", key)})


def _items(clause: Line) -> list[dict]:
    key = clause.key
    recurring = bool(RECURRING.search(key))
    span = re.search(rf"tu (?:nam )?({YEAR}) den (?:nam )?({YEAR})", key)
    if span:
        return [_item(clause.text, int(span[1]), int(span[2]), recurring)]
    years = _years(key)
    parts = _split(clause, r"\s+va\s+")
    if len(parts) > 1 and all(_years(part.key) or RECURRING.search(part.key) for part in parts):
        # "… hằng năm tổ chức kiểm tra … và tổng kết … vào năm 2025": one item each.
        return [item for part in parts for item in _items(part)]
    if len(years) > 1:
        parts = _split(clause, r"\s+va\s+")
        if all(len(_years(part.key)) == 1 for part in parts) and len(parts) == len(years):
            return [_item(part.text, _years(part.key)[0], _years(part.key)[0], recurring) for part in parts]
        return [_item(clause.text, years[0], years[-1], recurring)]
    if years:
        return [_item(clause.text, years[0], years[0], recurring)]
    return [_item(clause.text, None, None, recurring)] if recurring else []


def _item(text: str, first: int | None, last: int | None, recurring: bool) -> dict:
    text = strip_numbering(text)
    return {"text": text[:1].upper() + text[1:], "year_from": first, "year_to": last, "recurring": recurring}


# ---------------------------------------------------------------------------------------------------------
# Emulation subjects

SUBJECTS_HEADING = re.compile(r"^\s*\d+(?:\.\d+)*\s*[.)]?\s*\S{0,2}[oô]i t\w{1,3}ng")
LETTER_ITEM = re.compile(r"^\s*([a-z])\)\s*")
TO_SUBJECT = re.compile(r"^\s*[dpb]\S{0,2}i\s+v\S{1,2}i\s+")


def read_subjects(draft: Draft, layout: Layout) -> None:
    for section in layout.section("subjects", "content", "other"):
        paragraphs = section.paragraphs
        start = next((i for i, p in enumerate(paragraphs) if SUBJECTS_HEADING.match(p.key)), None)
        if start is None:
            continue
        current = None
        for paragraph in paragraphs[start + 1 :]:
            key = paragraph.key
            if re.match(r"^\s*\d+(?:\.\d+)*\s*[.)]\s", key):
                break  # "2. Hình thức khen thưởng"
            letter = LETTER_ITEM.match(key)
            if letter:
                current = _subject(paragraph, letter.end())
                draft.lists["subjects"].append(current)
            elif current is not None:
                current.value["criteria"] += _criteria(paragraph.text)
        return


def _subject(paragraph: Paragraph, start: int) -> object:
    text, key = paragraph.text[start:], paragraph.key[start:]
    lead = TO_SUBJECT.match(key)
    if lead:
        text, key = text[lead.end() :], key[lead.end() :]
    criteria = []
    if ":" in text:
        text, _colon, rest = text.partition(":")
        criteria = _criteria(rest)
    name = text.strip(" .;")
    reached = re.search(r"\s+dat chu\w{1,2}n\s", name.lower()) if not criteria and len(name.split()) > 12 else None
    if reached:  # "Xóm thuộc các xã … đạt chuẩn nông thôn mới theo …": who, then what
        name, criteria = name[: reached.start()], _criteria(name[reached.start() :].strip())
    return found({"name": name[:1].upper() + name[1:], "criteria": criteria}, paragraph.as_line())


def _criteria(text: str) -> list[str]:
    text = strip_numbering(text.strip())
    result = []
    for part in re.split(r";\s*", text):
        part = part.strip(" .;_-")
        if part:
            result.append(part[:1].upper() + part[1:])
    return result


# ---------------------------------------------------------------------------------------------------------
# Award forms

TERMINATOR = r"(?=\s*[:;,.()]|\s+(?:cho|thuc hien|theo|va vao|hang nam)\b|\s*$)"
AWARD = re.compile(
    r"(h\w{1,2}n\s+ch\w{1,3}ng\s+(?!trinh)[a-z ]+?|h\w{1,2}y\s+ch\w{1,3}ng\s+[a-z ]+?"
    r"|b\w{1,2}ng\s+khen\s+c\w{1,3}\s+[a-z ]+?|gi\w{1,2}y\s+khen\s+c\w{1,3}\s+[a-z ]+?"
    r"|c\w\s+thi\s+dua\s+c\w{1,3}\s+[a-z ]+?|chien si thi dua\s+[a-z ]+?"
    r"|khen thuong cap nha nuoc|khen thuong tu cap \w+ tro len)" + TERMINATOR
)
HEAD_OF_AGENCY = re.compile(r"^\s*,\s*(th\w ?tr\w{1,3}ng\s+c\w\s+quan,\s*d\w{1,2}n\s+v\w)")


def read_award_forms(draft: Draft, layout: Layout) -> None:
    seen = set()
    for section in layout.section("subjects", "awards"):
        for paragraph in section.paragraphs:
            line = paragraph.as_line()
            for match in AWARD.finditer(line.key):
                phrases = [(match.start(), match.end())]
                follow = HEAD_OF_AGENCY.match(line.key[match.end() :])
                if follow and match[1].startswith("gi"):
                    # "Giấy khen của Chủ tịch UBND huyện, thủ trưởng cơ quan, đơn vị": a second form.
                    phrases.append((match.end() + follow.start(1), match.end() + follow.end(1)))
                for start, end in phrases:
                    text = line.text[start:end].strip()
                    if start != match.start():
                        text = "Giấy khen của " + text
                    if text.lower() in seen:
                        continue
                    seen.add(text.lower())
                    draft.lists["award_forms"].append(found(text[:1].upper() + text[1:], line))
