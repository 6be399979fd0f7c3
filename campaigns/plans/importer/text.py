"""Plan text as lines and paragraphs, each with a search key that survives OCR.

A key is the text folded to lower case without diacritics, character for character (same length, so a match
in the key slices the same words out of the original), with the common OCR confusions undone: "s6" for "số",
"0l" for "01", "P" for "Đ".
"""

import re
import unicodedata
from dataclasses import dataclass

# Characters OCR puts for letters it could not read.
OCR_LETTERS = str.maketrans({"€": "e", "@": "u", "&": "o", "|": "l", "£": "e", "¢": "c", "©": "c"})
SPACED_HEADINGS = {"kehoach": "KẾ HOẠCH", "quyetdinh": "QUYẾT ĐỊNH"}
# "1.", "a)", "-", "+", "•", "I.", "2.1.": a line that starts an item of its own.
ITEM_START = re.compile(
    r"^\s*(?:[-+•–*_]\s|\d{1,2}(?:\.\d{1,2})*\s*[.)/]\s|[a-zđ]\)\s|[ivxl|1]{1,4}\s*\.\s)", re.IGNORECASE
)


@dataclass
class Line:
    number: int  # 1-based, in the text as pasted
    text: str
    key: str = ""
    # For a paragraph read as one line: (offset in text, line number) where each original line starts.
    starts: tuple = ()

    def __post_init__(self):
        if not self.key:
            self.key = key_of(self.text)

    def cut(self, start: int, end: int | None = None) -> str:
        return self.text[start:end].strip(" ,;:")

    def at(self, offset: int) -> int:
        """The original line number of the character at `offset`."""
        number = self.number
        for start, line_number in self.starts:
            if start > offset:
                break
            number = line_number
        return number


def _fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    base = unicodedata.normalize("NFKD", char)[0].lower()
    return base if len(base) == 1 else char


def key_of(text: str) -> str:
    """Folded, same length as `text`, OCR digits inside words read as letters."""
    key = "".join(_fold_char(char) for char in text.translate(OCR_LETTERS))
    # "s6", "t6", "x4", "c0", "x6m": one digit among letters is a letter OCR misread.
    key = re.sub(
        r"(?<![\w/.-])([a-z]{1,2})([0146])([a-z]{0,2})(?![\w/-])",
        lambda m: m[1] + "olao"["0146".index(m[2])] + m[3],
        key,
    )
    # "0l", "l0", "2l": a number with an l or an o in it.
    key = re.sub(
        r"(?<![\w/])([0-9][0-9lo]*[lo][0-9lo]*|[lo][0-9]+)(?![a-z])",
        lambda m: m[1].replace("l", "1").replace("o", "0"),
        key,
    )
    # "Pang", "PUA", "Pao": Vietnamese has no word starting with p but ph, so OCR read Đ as P.
    key = re.sub(r"\bp(?=[aeiouy])", "d", key)
    return key


def clean_line(text: str) -> str:
    """Markdown emphasis and heading marks away, spaced-out headings joined, spaces single."""
    text = text.replace("\u00a0", " ").replace("\t", " ").replace("\u200b", "")
    text = re.sub(r"^\s*#+\s*", "", text)
    text = text.replace("**", "").replace("__", "")
    text = text.rstrip()
    if re.fullmatch(r"\s*(?:\S\s{1,2}){3,}\S\s*", text):  # "K Ế H O Ạ C H"
        joined = re.sub(r"\s", "", text)
        text = SPACED_HEADINGS.get(key_of(joined), " ".join(word.replace(" ", "") for word in text.split("  ")))
    return re.sub(r"[ ]{2,}", " ", text).strip()


def split_lines(text: str) -> list[Line]:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [Line(number, clean_line(raw)) for number, raw in enumerate(text.split("\n"), start=1)]


def starts_item(line: Line) -> bool:
    return bool(ITEM_START.match(line.text))


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ";", ":", "!", "?", "./."))


@dataclass
class Paragraph:
    """Lines a wrap broke apart, joined again; `number` and `first` say where it starts."""

    lines: list[Line]

    @property
    def number(self) -> int:
        return self.lines[0].number

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines if line.text)

    @property
    def key(self) -> str:
        return " ".join(line.key for line in self.lines if line.text)

    def as_line(self) -> Line:
        starts, offset = [], 0
        for line in self.lines:
            if line.text:
                starts.append((offset, line.number))
                offset += len(line.text) + 1
        return Line(self.number, self.text, self.key, tuple(starts))


def paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Join wrapped lines: a line continues the paragraph unless it starts an item or the paragraph ended
    a sentence before a capital. A page break (blank line) inside a sentence that goes on in lower case is
    a wrap too."""
    result: list[Paragraph] = []
    blank_since = False
    for line in lines:
        if not line.text:
            blank_since = True
            continue
        previous = result[-1] if result else None
        if previous is not None and _is_heading(previous) and line.text[:1].isupper():
            result.append(Paragraph([line]))  # "1. Mục đích" then "Phấn đấu …": a heading, not a wrap
            blank_since = False
            continue
        continues = (
            previous is not None
            and not starts_item(line)
            and not ends_sentence(previous.text)
            and (not blank_since or line.text[:1].islower())
        ) or (previous is not None and not blank_since and line.text[:1].islower() and not starts_item(line))
        if continues:
            previous.lines.append(line)
        else:
            result.append(Paragraph([line]))
        blank_since = False
    return result


def _is_heading(paragraph: Paragraph) -> bool:
    return len(paragraph.lines) == 1 and starts_item(paragraph.lines[0]) and len(paragraph.text.split()) <= 8


def is_upper(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and sum(char.isupper() for char in letters) / len(letters) > 0.8


def sentence_case(text: str) -> str:
    """ "BAN HÀNH KẾ HOẠCH" → "Ban hành kế hoạch"; a quoted movement name keeps capitals on its first word."""
    if not is_upper(text):
        return text
    lowered = text.lower()
    lowered = re.sub(r"([“\"])(\w)", lambda m: m[1] + m[2].upper(), lowered)
    return lowered[:1].upper() + lowered[1:]
