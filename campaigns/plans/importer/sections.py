"""The parts of a plan text: the header above the document kind, the body's Roman-numbered sections, the end."""

import re
from dataclasses import dataclass, field

from campaigns.plans.importer.text import Line, Paragraph, is_upper, paragraphs

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
# "I.", "|.", "I1.", "111.", "IV." then a heading in capitals.
ROMAN_HEADING = re.compile(r"^\s*([ivxl1|]{1,4})\s*[.)]\s*(\S.*)$", re.IGNORECASE)
KIND_HEADING = re.compile(r"^\s*(ke hoach|quyet dinh)\s*:?\s*$")
# Keywords of a section heading → the section it is (PlanSection.Kind values).
SECTION_KINDS = [
    ("subjects", r"doi tuong|tieu chi thi dua|hinh thuc|tieu chuan"),
    ("purpose", r"muc dich|yeu cau"),
    ("content", r"noi dung"),
    ("measures", r"giai phap|nhiem vu"),
    ("schedule", r"tien do|tien \w{1,2} thuc hien|ke hoach thuc hien|thoi gian"),
    ("funding", r"kinh phi"),
    ("awards", r"khen thuong"),
    ("implementation", r"to chuc thuc hien"),
]
END_MARKS = re.compile(r"^\s*(noi nhan|no\W{0,3} nh\w{1,3}\s*:|tm\.|kt\.|tl\.|tuq\.)")


def roman_value(token: str) -> int:
    token = token.lower().replace("|", "i").replace("1", "i").replace("l", "i")
    return ROMAN.get(token, 0)


def section_kind(heading_key: str) -> str:
    for kind, pattern in SECTION_KINDS:
        if re.search(pattern, heading_key):
            return kind
    return "other"


@dataclass
class Section:
    number: int  # 1 for "I."
    heading: Line
    kind: str
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Layout:
    lines: list[Line]
    header: list[Line]  # above and including the document kind heading
    kind_line: Line | None
    opening: list[Paragraph]  # between the subject and section I
    sections: list[Section]
    closing: list[Line]  # from "Nơi nhận" or the signature to the end
    decision: list[Line] = field(default_factory=list)  # a Quyết định's own text before its annexed Kế hoạch

    def section(self, *kinds: str) -> list[Section]:
        return [section for section in self.sections if section.kind in kinds]


def _heading(line: Line, expected: int) -> int:
    """The Roman number of a section heading at `line`, or 0. OCR'd numerals must come in order."""
    match = ROMAN_HEADING.match(line.text)
    if not match or not is_upper(match[2][:40]):
        return 0
    value = roman_value(match[1])
    # "I1." is II, "111." is III: OCR numerals count by their place, so accept the expected one.
    if value == expected or (value == 0 and len(match[1]) <= 4 and expected > 0):
        return expected
    return 0


def layout(lines: list[Line]) -> Layout:
    kind_index = next((i for i, line in enumerate(lines[:60]) if KIND_HEADING.match(line.key)), None)
    decision: list[Line] = []
    if kind_index is not None and lines[kind_index].key.strip().startswith("quyet dinh"):
        # A Quyết định issuing a Kế hoạch: the plan proper starts at the second heading.
        plan_index = next(
            (
                i
                for i in range(kind_index + 1, len(lines))
                if KIND_HEADING.match(lines[i].key) and "ke hoach" in lines[i].key
            ),
            None,
        )
        if plan_index is not None:
            decision = lines[kind_index:plan_index]
            body_start = plan_index + 1
        else:
            body_start = kind_index + 1
    else:
        body_start = (kind_index + 1) if kind_index is not None else 0
    header = lines[: kind_index + 1] if kind_index is not None else []
    end = _end_index(lines, body_start)
    sections: list[Section] = []
    opening: list[Line] = []
    current: list[Line] = opening
    for line in lines[body_start:end]:
        number = _heading(line, len(sections) + 1)
        if number:
            section = Section(number, line, section_kind(line.key))
            sections.append(section)
            current = section.paragraphs  # filled with lines, turned into paragraphs below
            continue
        current.append(line)
    for section in sections:
        section.paragraphs = paragraphs(section.paragraphs)
    return Layout(
        lines,
        header,
        lines[kind_index] if kind_index is not None else None,
        paragraphs(opening),
        sections,
        lines[end:],
        decision,
    )


def _end_index(lines: list[Line], start: int) -> int:
    """Where the body ends: the "Nơi nhận" block or the signing line after the last section."""
    for i in range(start, len(lines)):
        if END_MARKS.match(lines[i].key) and i > start + 5:
            return i
    return len(lines)
