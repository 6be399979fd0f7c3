"""Targets (chỉ tiêu) and baselines a plan states, clause by clause, with the units it names."""

import re
from decimal import Decimal, InvalidOperation

from campaigns.plans.importer.draft import Draft, ask, found
from campaigns.plans.importer.sections import Layout
from campaigns.plans.importer.text import Line, Paragraph

YEAR = r"(?:19|20)\d\d"
KEEP = r"gi\w{1,2}\s+v\w{1,3}ng|duy tri"
DETAILS = r",?\s*\b(?:g\w{1,2}m\s*\(|cu the\s+x)"
CUE = re.compile(rf"phan d\w{{0,2}}u|den nam \d{{4}}|khong con xa|binh quan|{KEEP}|it nhat|cong nhan moi")
RECURRING = re.compile(r"\bh\w{1,2}ng n\w{1,2}m\b|moi nam|/nam\b")
NUMBER = r"\d+(?:,\d+)?"


def number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "."))
    except (InvalidOperation, AttributeError):
        return None


def plain(value: Decimal | None):
    """16.5 stays 16.5, 4.0 becomes 4: what JSON and the forms show."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def status_of(key: str, kind: str) -> str:
    level = "kieu_mau" if re.search(r"kieu m", key) else "nang_cao" if "nang cao" in key else "ntm"
    prefix = {"commune": "xa", "village": "thon", "district": "huyen"}.get(kind, "xa")
    if kind == "village" and level == "nang_cao":
        level = "ntm"
    return f"{prefix}_{level}"


def unit_kind_of(key: str) -> str:
    if re.search(r"\b(th\S{0,3}n|x\S?m|ban|khu dan cu|lang|ap)\b", key):
        return "village"
    if re.search(r"\bhuyen\b", key):
        return "district"
    return "commune"


def names_in(text: str) -> list[str]:
    """ "Ngọc Đào, Sóc Hà và Lương Can" → the three names (capitalised words only)."""
    names = []
    for part in re.split(r",\s*|\s+v[aà]\s+", text):
        words = []
        for word in part.split():
            if not word[:1].isupper():
                break
            words.append(word.strip("()"))
        if words:
            names.append(" ".join(words))
    return names


def _sentences(paragraph: Paragraph) -> list[Line]:
    """A paragraph cut into sentences, each a Line over the same text (keys stay aligned)."""
    full = paragraph.as_line()
    text = full.text
    bounds = [0] + [m.end() for m in re.finditer(r"\.\s+(?=[A-ZĐÀ-Ỹ])", text)] + [len(text)]
    return [_part(full, a, b, strip=" ") for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]


def _part(line: Line, a: int, b: int, *, strip: str) -> Line:
    """Characters a..b of `line` as a Line of their own, numbered by the original line they start on."""
    lead = len(line.text[a:b]) - len(line.text[a:b].lstrip(strip))
    starts = tuple((max(0, start - a - lead), number) for start, number in line.starts if start < b)
    return Line(line.at(a + lead), line.text[a:b].strip(strip), line.key[a:b].strip(strip), starts)


CLAUSE_BREAK = re.compile(
    r";\s*|,\s+(?=(?:co\s+)?(?:them\s+)?(?:it nhat\s+)?\d+\s*(?:%|\s))|,\s+(?=khong con|binh quan|duy tri|co it nhat|thu nhap)"
    r"|\s+va\s+(?=\d+\s+\w)|\.\s+(?=[a-z])"
    r"|,\s+(?=phan d\w{0,2}u\b)"
    r"|,\s+(?=[a-z ]{0,30}?\d+\s*(?:-\s*\d+\s*)?(?:%|xa|th\S{0,3}n|khu|huyen|san pham)\b)"
)


def clauses(sentence: Line) -> list[Line]:
    key = sentence.key
    start = 0
    colon = re.search(r"(nhu sau|sau day|cu the)\s*:\s*", key)
    if colon and colon.end() < len(key) - 5:
        start = colon.end()
    parts, last = [], start
    for match in CLAUSE_BREAK.finditer(key, start):
        if _inside_brackets(key, match.start()) or _in_details(key, match.start()):
            continue
        parts.append((last, match.start()))
        last = match.end()
    parts.append((last, len(key)))
    return [_part(sentence, a, b, strip=" ,.;-") for a, b in parts if key[a:b].strip(" ,.;-")]


def _inside_brackets(key: str, at: int) -> bool:
    return key.count("(", 0, at) > key.count(")", 0, at)


def _in_details(key: str, at: int) -> bool:
    """A comma inside "gồm (…), cụ thể xã A … năm 2023, xã B …" belongs to the details of one target."""
    details = re.search(DETAILS, key)
    return bool(details) and at > details.start()


def read_targets(draft: Draft, layout: Layout) -> None:
    sources = [*layout.opening]
    for section in layout.section("purpose", "content", "other"):
        sources += section.paragraphs
    year_of_plan = draft.date.year if draft.date else None
    for paragraph in sources:
        if not CUE.search(paragraph.key) and not re.search(r"da co \d", paragraph.key):
            continue
        # A year the item gives once ("Phấn đấu đến năm 2025 …. Bình quân …") holds for its later sentences.
        paragraph_year = _year(paragraph.key)
        for sentence in _sentences(paragraph):
            _read_sentence(draft, sentence, year_of_plan, paragraph_year)


def _read_sentence(draft: Draft, sentence: Line, year_of_plan: int | None, paragraph_year: int | None = None) -> None:
    key = sentence.key
    if re.search(r"\b(den nay|hien nay|da co)\b", key) and not CUE.search(
        key.split("da co")[0] if "da co" in key else key
    ):
        _read_baselines(draft, sentence, year_of_plan)
        return
    if not CUE.search(key) and not re.search(r"\d", key):
        return
    default_year = _year(key) or paragraph_year
    status_before = None
    for clause in clauses(sentence):
        target = _target(clause, default_year, status_before)
        if target is None:
            continue
        status_before = target.get("status") or status_before
        details = _details(clause)
        if details:
            _attach_details(draft, target, details, clause)
        draft.lists["targets"].append(found(target, clause))
        if "da dat chuan" in clause.key and target["units"]:
            draft.lists["baselines"].append(
                found({"text": clause.text, "value": len(target["units"]), "year": year_of_plan}, clause)
            )


def _year(key: str) -> int | None:
    match = re.search(rf"(?:den|trong|vao)?\s*n\w{{1,2}}m ({YEAR})", key)
    return int(match[1]) if match else None


def _target(clause: Line, default_year: int | None, status_before: str | None) -> dict | None:
    key, text = clause.key, clause.text
    head = re.split(DETAILS, key)[0]
    year = _year(re.sub(rf"so voi nam {YEAR}", "", head)) or default_year
    target = {
        "text": text[: len(head)].strip(" ,") if len(head) < len(key) else text,
        "type": "",
        "value": None,
        "value_max": None,
        "year": year,
        "units": [],
        "by_year": {},
        "status": "",
        "unit_kind": "",
        "measure": "count",
        "ocop_stars": None,
        "ocop_level": "",
        "baseline_year": None,
    }
    values = [number(m) for m in re.findall(rf"(?<![\d/]){NUMBER}(?![\d/])", re.sub(rf"\b{YEAR}\b", "", head))]
    first = values[0] if values else None
    head = re.sub(r"\bchu\wn\b", "chuan", head)  # "chuén", "chuin": OCR of chuẩn, same length
    if re.search(r"ocop|san pham", head) and "sao" in head:
        stars = re.search(r"(\d)\s*sao", head)
        rng = re.search(rf"({NUMBER})\s*-\s*({NUMBER})\s+san pham", head)
        count = re.search(rf"({NUMBER})\s+san pham", head)
        level = (
            "province"
            if "cap tinh" in head
            else "district"
            if "cap huyen" in head
            else "central"
            if re.search(r"trung uong|quoc gia", head)
            else ""
        )
        target.update(type="ocop", ocop_stars=int(stars[1]) if stars else None, ocop_level=level)
        if rng:
            target.update(value=plain(number(rng[1])), value_max=plain(number(rng[2])))
        elif count:
            target["value"] = plain(number(count[1]))
        return target
    if "binh quan" in head and "tieu chi" in head:
        target.update(type="avg_criteria", value=plain(first))
        return target
    minimum = re.search(rf"khong con \w+.*?d\w{{1,2}}i ({NUMBER}) ti\w{{1,2}}u chi", head)
    if minimum:
        target.update(type="min_criteria", value=plain(number(minimum[1])))
        return target
    gain = re.search(rf"({NUMBER})\s*-\s*({NUMBER}) tieu chi/\w+/nam|({NUMBER}) tieu chi/\w+/nam", head)
    if gain:
        target.update(
            type="criteria_gain",
            value=plain(number(gain[1] or gain[3])),
            value_max=plain(number(gain[2])) if gain[2] else None,
        )
        return target
    ratio = re.search(rf"({NUMBER}) lan so voi nam ({YEAR})", head)
    if ratio:
        target.update(type="ratio", value=plain(number(ratio[1])), baseline_year=int(ratio[2]))
        return target
    if re.search(KEEP, head):
        named = re.search(r"\bcua (?:cac )?xa\s+(.+?)\s+da dat", head)
        units = names_in(text[named.start(1) : named.end(1)]) if named else []
        reached = head[head.find("da dat") :] if "da dat" in head else head
        target.update(type="keep", units=units, status=status_of(reached, "commune"), value=len(units) or None)
        return target
    share = re.search(rf"({NUMBER})\s*%\s*(?:so\s+|s\s+)?(\S+)", head)
    if share:
        kind = unit_kind_of(share[2] + " " + head[share.end(2) : share.end(2) + 12])
        target.update(
            type="share", measure="percent", value=plain(number(share[1])), unit_kind=kind, status=status_of(head, kind)
        )
        return target
    count = re.search(
        rf"(?<!nam )\b({NUMBER})(?:\s*-\s*({NUMBER}))?\s+(xa|huyen|th\S{{0,3}}n|x\S?m|khu dan cu|ban)\b", head
    )
    if count and re.search(r"dat chuan|kieu m|nang cao|hoan thanh|vung|mien nui", head):
        kind = unit_kind_of(count[3])
        status = (
            status_of(head, kind)
            if "dat chuan" in head or "kieu m" in head or "nang cao" in head
            else (status_before or status_of(head, kind))
        )
        target.update(
            type="share",
            value=plain(number(count[1])),
            value_max=plain(number(count[2])) if count[2] else None,
            unit_kind=kind,
            status=status,
        )
        return target
    named = re.search(r"\b(xa|thon|xom|ban)\s+(?:(.+?)\s+)?(?:cong nhan\s+)?dat chuan", head)
    if "dat chuan" in head and year and named:
        kind = "village" if named[1] != "xa" else "commune"
        units = names_in(text[named.start(2) : named.end(2)]) if named[2] else []
        target.update(type="milestone", units=units, status=status_of(head, kind), unit_kind=kind)
        return target
    if CUE.search(head) and re.search(rf"{NUMBER}\s*(%|lan|trieu|ty)", head) and len(head.split()) < 40:
        target.update(type="indicator", value=plain(first))
        return target
    return None


def _details(clause: Line) -> list[tuple[list[str], str, int]]:
    """ "cụ thể xã Trường Hà đạt chuẩn nông thôn mới năm 2023, xã Đa Thông và Cần Yên … năm 2025"."""
    match = re.search(r"\bcu the\b", clause.key)
    if not match:
        return []
    result = []
    for part in re.finditer(
        rf"\bx\w\s+(.+?)\s+dat chu\w+n\s+(.+?)\s+n\w{{1,2}}m\s+({YEAR})", clause.key[match.end() :]
    ):
        offset = match.end()
        names = names_in(clause.text[offset + part.start(1) : offset + part.end(1)])
        result.append((names, status_of(part[2], "commune"), int(part[3])))
    return result


def _attach_details(draft: Draft, target: dict, details, clause: Line) -> None:
    """The details name units by status and year: each goes to the count target of its status in the sentence."""
    candidates = [item.value for item in draft.lists["targets"][-3:] if item.value["type"] == "share"] + [target]
    for names, status, year in details:
        owner = next((t for t in candidates if t.get("status") == status), None)
        if owner is None:
            continue
        owner["units"] += [name for name in names if name not in owner["units"]]
        owner["by_year"].setdefault(year, []).extend(names)


def _read_baselines(draft: Draft, sentence: Line, year_of_plan: int | None) -> None:
    key = sentence.key
    start = re.search(r"\bda co\b", key) or re.search(r"\b(den nay|hien nay)\b", key)
    body = Line(sentence.number, sentence.text[start.end() :], key[start.end() :])
    parts = re.split(r",\s+(?=\d|khong con|xa mien|xa dong)", body.key)
    position = 0
    for part in parts:
        begin = body.key.index(part, position)
        position = begin + len(part)
        text = body.text[begin:position].strip(" ,.")
        value = re.search(rf"(?<![\d/]){NUMBER}", part)
        if not value:
            continue
        draft.lists["baselines"].append(
            found({"text": text, "value": plain(number(value[0])), "year": year_of_plan}, sentence)
        )


def flag_unnamed(draft: Draft) -> None:
    """A target whose year the text does not give is asked about, never guessed."""
    for item in draft.lists["targets"]:
        if item.value["year"] is None and item.value["type"] not in ("ocop", "criteria_gain"):
            item.status = ask(item.value).status
