"""The draft a plan text proposes: every field with its value, the line it came from and how sure we are."""

import datetime
from dataclasses import dataclass, field
from typing import Any

FOUND = "found"
AMBIGUOUS = "ambiguous"  # several readings or candidates: the user chooses
MISSING = "missing"  # the text does not say it, or says it unreadably: stays blank


@dataclass
class Proposed:
    """One proposed value and where it came from (1-based line number of the pasted text)."""

    value: Any = None
    line: int | None = None
    source: str = ""
    status: str = MISSING
    candidates: list[str] = field(default_factory=list)
    note: str = ""  # why it is ambiguous or missing, shown next to the field

    @property
    def is_found(self) -> bool:
        return self.status == FOUND


def found(value, line=None, *, source: str = "", note: str = "") -> Proposed:
    return Proposed(
        value=value, line=line.number if line else None, source=line.text if line else source, status=FOUND, note=note
    )


def ask(value, line=None, *, candidates=(), note: str = "") -> Proposed:
    return Proposed(
        value=value,
        line=line.number if line else None,
        source=line.text if line else "",
        status=AMBIGUOUS,
        candidates=list(candidates),
        note=note,
    )


def missing(note: str = "", line=None) -> Proposed:
    return Proposed(line=line.number if line else None, source=line.text if line else "", note=note)


HEADER_FIELDS = (
    "kind",
    "number",
    "symbol",
    "date",
    "place",
    "issuing_unit",
    "issuing_body",
    "title",
    "subject",
    "parent_plan",
    "signing_mode",
    "signer_title",
    "signer",
)
LIST_FIELDS = ("legal_bases", "baselines", "targets", "timeline", "subjects", "award_forms", "recipients")


@dataclass
class Draft:
    """What a plan text says, field by field. Lists hold one Proposed per item (its value is a dict or a str)."""

    header: dict[str, Proposed] = field(default_factory=lambda: {name: missing() for name in HEADER_FIELDS})
    lists: dict[str, list[Proposed]] = field(default_factory=lambda: {name: [] for name in LIST_FIELDS})
    # The body as the text divides it: (PlanSection kind, heading as written, paragraphs).
    sections: list[tuple[str, str, str]] = field(default_factory=list)

    def __getitem__(self, name: str):
        return self.header[name] if name in self.header else self.lists[name]

    def value(self, name: str):
        return self.header[name].value

    @property
    def date(self) -> datetime.date | None:
        return self.header["date"].value

    def asked(self) -> list[str]:
        """Names of the fields (and list items) the user is asked about."""
        names = [name for name, proposed in self.header.items() if proposed.status == AMBIGUOUS]
        for name, items in self.lists.items():
            names += [f"{name}[{i}]" for i, item in enumerate(items) if item.status == AMBIGUOUS]
        return names


def _json_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): _json_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    return value


# The keys `import_plan --json` prints for each list item, in this order.
ITEM_KEYS = {
    "legal_bases": ("kind", "number", "date", "issuer", "subject"),
    "baselines": ("text", "value", "year"),
    "targets": ("text", "type", "value", "year", "units", "by_year"),
    "timeline": ("text", "year_from", "year_to", "recurring"),
    "subjects": ("name", "criteria"),
}
PARENT_KEYS = ("number", "symbol", "date", "issuer")


def as_json(draft: Draft) -> dict:
    """The draft as `manage.py import_plan --json` prints it: values only, blanks as "" / null / []."""
    data = {}
    for name in HEADER_FIELDS:
        value = draft.header[name].value
        if name == "parent_plan":
            value = {key: (value or {}).get(key) or ("" if key != "date" else None) for key in PARENT_KEYS}
        elif name == "issuing_unit":
            value = (value or {}).get("name", "")
        data[name] = _json_value(value if value is not None else ("" if name != "date" else None))
    for name in LIST_FIELDS:
        keys = ITEM_KEYS.get(name)
        data[name] = [
            _json_value({key: item.value.get(key) for key in keys} if keys else item.value)
            for item in draft.lists[name]
        ]
    return data
