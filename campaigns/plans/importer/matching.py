"""Tie the names a draft gives to the unit tree valid on the plan's date, to campaigns and to the award catalogue.

Accent- and case-free, OCR-tolerant (a close spelling is proposed as a candidate, never taken silently), and
within what the user may see. The award catalogue lives in `awards`, a layer above: it registers itself here.
"""

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from campaigns.models import Campaign, Plan
from campaigns.plans.importer.draft import AMBIGUOUS, FOUND, MISSING, Draft, Proposed
from campaigns.plans.importer.text import key_of
from units.models import Kind, Unit, User
from units.text import fold
from units.wording import issuer_name, place_name

# At most this many units of a subtree are compared by spelling (a province holds about 2,000 with villages).
MAX_UNITS = 6000
CLOSE = 0.8  # SequenceMatcher ratio from which a spelling is offered as a candidate
LEVELS = {
    "tinh": [Kind.PROVINCE],
    "thanh pho": [Kind.PROVINCE, Kind.DISTRICT],
    "huyen": [Kind.DISTRICT],
    "quan": [Kind.DISTRICT],
    "thi xa": [Kind.DISTRICT],
    "xa": [Kind.COMMUNE],
    "phuong": [Kind.COMMUNE],
    "thi tran": [Kind.COMMUNE],
    "dac khu": [Kind.COMMUNE],
    "agency": [Kind.AGENCY],
}


@dataclass(frozen=True)
class AwardCatalogue:
    """What the award app offers the importer: the form names available on a day, and how to tick them."""

    names: Callable  # (day: date | None) -> list[str]
    attach: Callable  # (plan: Plan, names: list[str]) -> None
    generic: Callable  # (words: str, day) -> list[str]: the forms a generic phrase ("cấp Nhà nước") covers


CATALOGUES: list[AwardCatalogue] = []


def register_award_catalogue(catalogue: AwardCatalogue) -> None:
    if catalogue not in CATALOGUES:
        CATALOGUES.append(catalogue)


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, key_of(a), key_of(b)).ratio()


def _bare(name: str) -> str:
    """ "Xã Trường Hà" → "truong ha": the name without its division type."""
    return re.sub(r"^(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dac khu|thon|xom|ban)\s+", "", fold(name))


def unit_dict(unit: Unit) -> dict:
    return {"pk": unit.pk, "name": unit.name}


def match_names(names: list[str], units: list[Unit]) -> tuple[Unit | None, list[Unit]]:
    """The unit a name denotes among `units`: exact (accent-free) first, else close spellings as candidates."""
    wanted = _bare(" ".join(names))
    wanted_key = key_of(wanted)
    exact = [unit for unit in units if _bare(unit.name) in (wanted, wanted_key)]
    if len(exact) == 1:
        return exact[0], exact
    if exact:
        return None, exact
    scored = sorted(((similarity(wanted, _bare(unit.name)), unit) for unit in units), key=lambda pair: -pair[0])
    close = [unit for score, unit in scored[:5] if score >= CLOSE]
    return None, close


def likely(names: list[str], units: list[Unit]) -> Unit | None:
    """The one close spelling clearly ahead of the others ("Trudng Ha" → Trường Hà): proposed, still asked."""
    wanted = _bare(" ".join(names))
    scored = sorted((similarity(wanted, _bare(unit.name)) for unit in units), reverse=True)
    best = [unit for unit in units if similarity(wanted, _bare(unit.name)) == scored[0]] if scored else []
    if len(best) == 1 and scored[0] >= 0.85 and (len(scored) == 1 or scored[0] - scored[1] >= 0.1):
        return best[0]
    return None


def resolve(draft: Draft, *, user: User | None = None, unit: Unit | None = None) -> Draft:
    """Fill in units, campaign, parent plan and award forms from the database; what matches several is asked."""
    issuing = _issuing_unit(draft, user=user, unit=unit)
    if issuing is not None:
        draft.header["issuing_body"].value = issuer_name(issuing)
        draft.header["issuing_body"].status = FOUND
        place = draft.header["place"]
        if place.value and similarity(place.value, place_name(issuing)) >= CLOSE:
            place.value = place_name(issuing)
    _title(draft)
    _parent(draft, user)
    _named_units(draft, issuing, user)
    _award_forms(draft)
    return draft


def _scope(user: User | None) -> QuerySet[Unit]:
    return Unit.objects.visible_to(user) if user is not None else Unit.objects.all()


def _issuing_unit(draft: Draft, *, user: User | None, unit: Unit | None) -> Unit | None:
    proposed = draft.header["issuing_unit"]
    if unit is not None:
        note = "" if (proposed.value or {}).get("name") else _("The text does not name it: your choice.")
        draft.header["issuing_unit"] = Proposed(unit_dict(unit), proposed.line, proposed.source, FOUND, [], note)
        return unit
    text = proposed.value or {}
    if not text.get("name"):
        proposed.status = AMBIGUOUS if proposed.status == AMBIGUOUS else MISSING
        return None
    units = _scope(user)
    if draft.date:
        units = units.valid_on(draft.date)
    kinds = LEVELS.get(text.get("level", ""), [])
    if kinds:
        units = units.filter(kind__in=kinds)
    # The name's words without diacritics narrow the search; OCR'd words may miss, so fall back to the kind.
    found_units = list(units.search(_bare(text["name"]))[:20]) or list(units.order_by("path")[:MAX_UNITS])
    match, candidates = match_names([text["name"]], found_units)
    if match is not None:
        draft.header["issuing_unit"] = Proposed(unit_dict(match), proposed.line, proposed.source, FOUND)
        return match
    draft.header["issuing_unit"] = Proposed(
        {"name": text["name"]},
        proposed.line,
        proposed.source,
        AMBIGUOUS if candidates else MISSING,
        [unit_dict(unit) for unit in candidates],
        _("Several units match: choose one.") if len(candidates) > 1 else _("No unit matches this name: choose it."),
    )
    return None


def _title(draft: Draft) -> None:
    """An OCR'd movement name is read as the campaign's name it is closest to."""
    title = draft.header["title"]
    if not title.value:
        return
    best = max(
        ((similarity(title.value, name), name) for name in Campaign.objects.values_list("name", flat=True)),
        default=(0, ""),
    )
    if best[0] >= CLOSE and best[1] != title.value:
        subject = draft.header["subject"]
        if subject.value and title.value in subject.value:
            # The quotes around an OCR'd name come out as '" or "'; the name is quoted again properly.
            quoted = re.compile(r"[“\"'‘]*\s*" + re.escape(title.value) + r"\s*[”\"'’]*")
            subject.value = quoted.sub(lambda _match: f"“{best[1]}”", subject.value, count=1)
        title.value = best[1]


def _parent(draft: Draft, user: User | None) -> None:
    parent = draft.header["parent_plan"]
    if not parent.value:
        return
    value = parent.value
    plans = Plan.objects.visible_to(user) if user is not None else Plan.objects.all()
    number = f"{value['number']}/{value['symbol']}".strip("/")
    candidates = [plan for plan in plans.filter(issue_date=value["date"]) if fold(plan.number) == fold(number)]
    value["pk"] = candidates[0].pk if len(candidates) == 1 else None
    committee = re.search(
        r"\b(?:uy ban nhan dan|ubnd)\s+(tinh|huyen|thanh pho|thi xa|quan|xa)\s+(.+)$", key_of(value["issuer"])
    )
    if committee:
        # "Uy ban nhan dan tinh Cao Bang" (OCR) → "UBND tỉnh Cao Bằng", as the unit tree spells it.
        units = Unit.objects.filter(kind__in=LEVELS[committee[1]]).search(committee[2])
        if draft.date:
            units = units.valid_on(draft.date)
        found_units = [unit for unit in units[:5] if _bare(unit.name) == committee[2].strip()]
        if len(found_units) == 1:
            value["issuer"] = issuer_name(found_units[0])
            value["unit_pk"] = found_units[0].pk
    if value["pk"] is None:
        parent.note = _("No plan here has this number and date: a short record will be created.")


def _named_units(draft: Draft, issuing: Unit | None, user: User | None) -> None:
    items = [item for item in draft.lists["targets"] if item.value.get("units")]
    if not items:
        return
    units = _scope(user)
    if issuing is not None:
        units = units.within(issuing)
    if draft.date:
        units = units.valid_on(draft.date)
    pool = list(units.filter(kind__in=[Kind.COMMUNE, Kind.VILLAGE]).order_by("path")[:MAX_UNITS])
    for item in items:
        village = item.value.get("unit_kind") == Kind.VILLAGE
        matches = []
        for name in item.value["units"]:
            kinds = (Kind.VILLAGE,) if village else (Kind.COMMUNE,)
            of_kind = [unit for unit in pool if unit.kind in kinds]
            match, candidates = match_names([name], of_kind)
            proposed = match or likely([name], candidates)
            matches.append(
                {
                    "name": name,
                    "pk": proposed.pk if proposed else None,
                    "candidates": [unit_dict(unit) for unit in candidates],
                    # A village named and missing is created on confirmation, under the commune issuing the plan.
                    "create": village and not candidates and issuing is not None and issuing.kind == Kind.COMMUNE,
                }
            )
            if match is None:
                item.status = AMBIGUOUS
                item.note = _("Some named units are not certain: check them.")
        item.value["matches"] = matches
        names = {m["pk"]: m for m in matches if m["pk"]}
        # Show the tree's spelling once a name is matched ("Ngoc Pao" → "Ngọc Đào").
        by_pk = {unit.pk: unit.name for unit in pool}
        item.value["units"] = [_short(by_pk[m["pk"]]) if m["pk"] in names else m["name"] for m in matches]
        item.value["by_year"] = {
            year: [_renamed(name, matches, by_pk) for name in year_names]
            for year, year_names in item.value["by_year"].items()
        }


def _short(name: str) -> str:
    return re.sub(r"^(Xã|Phường|Thị trấn|Thôn|Xóm|Bản)\s+", "", name)


def _renamed(name: str, matches: list[dict], by_pk: dict) -> str:
    for match in matches:
        if match["name"] == name and match["pk"] in by_pk:
            return _short(by_pk[match["pk"]])
    return name


def _award_forms(draft: Draft) -> None:
    if not CATALOGUES:
        return
    catalogue = CATALOGUES[0]
    names = catalogue.names(draft.date)
    for item in draft.lists["award_forms"]:
        phrase = item.value
        generic = catalogue.generic(phrase, draft.date)
        if generic:
            item.status, item.candidates = AMBIGUOUS, generic
            item.note = _("A generic phrase: the forms it covers are listed, tick those the plan offers.")
            continue
        wanted = _award_key(phrase)
        exact = [name for name in names if _award_key(name) == wanted]
        if exact:
            item.value = exact[0]
            continue
        scored = sorted(((similarity(_award_key(name), wanted), name) for name in names), reverse=True)
        starting = [
            name
            for name in names
            if len(_award_key(name)) > len(wanted) + 3 and similarity(_award_key(name)[: len(wanted)], wanted) >= 0.9
        ]
        if scored and scored[0][0] >= 0.9:
            item.value = scored[0][1]  # an OCR'd spelling of a whole name ("Bang khen ciia Thu twéng …")
        elif starting:
            # "Huân chương Lao động" without a class: the text's words, with the classes as candidates.
            item.value = _prefix_as_written(starting[0], wanted)
            item.status, item.candidates = AMBIGUOUS, starting
            item.note = _("The text names no class: choose the forms it means.")
        elif scored and scored[0][0] >= CLOSE:
            item.value = scored[0][1]
            item.status, item.candidates = AMBIGUOUS, [name for score, name in scored[:3] if score >= CLOSE]
        else:
            item.status, item.note = MISSING, _("Not in the award catalogue.")


def _award_key(name: str) -> str:
    key = fold(name).replace("uy ban nhan dan", "ubnd")
    key = re.sub(r"\bc\w{0,2}a\b", "cua", key)
    return key.replace("thu truong co quan, don vi", "thu truong co quan")


def _prefix_as_written(name: str, wanted: str) -> str:
    words = name.split()
    for count in range(len(words), 0, -1):
        if similarity(_award_key(" ".join(words[:count])), wanted) >= 0.9:
            return " ".join(words[:count])
    return name
