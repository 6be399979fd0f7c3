"""Change history in words: consecutive django-simple-history records diffed, values named, not numbered.

Plans, records (recognitions, OCOP, resources, villages, models), units and evidence all read their history
through here, so a foreign key shows its object's name ("Phong trào A → Phong trào B", not "#1 → #2") and the
same edit saved in several steps reads as one change.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import ForeignKey, ManyToManyField, Model, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from units.models import User

# Edits saved within this many seconds by the same person are one change (a form saves the row, then its
# named units, and simple-history records each step).
SAME_EDIT = datetime.timedelta(seconds=10)
ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}

# What an object is called in a history line; by default the name or title it has, else str().
Labels = dict[type[Model], Callable[[Model], str]]
Names = dict[type[Model], dict[int, str]]


@dataclass
class Change:
    field: str
    old: object
    new: object
    label: str = ""
    old_text: str = ""
    new_text: str = ""


@dataclass
class Entry:
    when: datetime.datetime
    who: User | None
    part: str
    name: str
    action: str
    key: tuple
    changes: list[Change] = field(default_factory=list)
    reason: str = ""
    record: object = None  # the last historical record merged into the entry


@dataclass
class Source:
    """One kind of row: its model, what it is called, its historical records and how one is named."""

    model: type[Model]
    part: str
    records: QuerySet
    name_of: Callable[[object, Names], str]
    # A creation lists the values the row was created with (a plan's parts read better without).
    with_initial: bool = True


def history_entries(sources: Iterable[Source], *, labels: Labels | None = None) -> list[Entry]:
    """Oldest first: one query per source, plus one per kind of object named in the changes."""
    entries: list[Entry] = []
    namers = {}
    for source in sources:
        groups: dict[int, list] = {}
        for record in source.records.select_related("history_user").order_by("history_date", "history_id"):
            groups.setdefault(record.id, []).append(record)
        for records_of_one in groups.values():
            for entry in entries_of(source.model, source.part, records_of_one, with_initial=source.with_initial):
                namers[id(entry)] = source.name_of
                entries.append(entry)
    entries.sort(key=lambda entry: entry.when)
    names = describe(entries, labels=labels)
    for entry in entries:
        entry.name = namers[id(entry)](entry.record, names)
    return entries


def entries_of(model: type[Model], part: str, records: list, *, with_initial: bool = True) -> list[Entry]:
    """The entries of one object from its records, oldest first; a save that changed nothing is no entry."""
    entries: list[Entry] = []
    previous = None
    for record in records:
        changes = []
        if record.history_type == "~":
            # Without an earlier record (a row older than its history) there is nothing to compare with.
            if previous is not None:
                changes = [Change(c.field, c.old, c.new) for c in record.diff_against(previous).changes]
            if not changes:
                previous = record
                continue
        elif record.history_type == "+" and with_initial:
            changes = _initial(model, record)
        last = entries[-1] if entries else None
        if last and last.who == record.history_user and record.history_date - last.when < SAME_EDIT:
            _merge(last, changes)
            last.record = record
            if record.history_type == "-":
                last.action = "deleted"
        else:
            entries.append(
                Entry(
                    when=record.history_date,
                    who=record.history_user,
                    part=part,
                    name="",
                    action=ACTIONS[record.history_type],
                    key=(model, record.id),
                    changes=changes,
                    reason=record.history_change_reason or "",
                    record=record,
                )
            )
        previous = record
    return entries


def _initial(model: type[Model], record) -> list[Change]:
    """What a new row was created with: its editable fields that hold something."""
    changes = []
    for model_field in model._meta.concrete_fields:
        if not model_field.editable or model_field.primary_key or not hasattr(record, model_field.attname):
            continue
        value = getattr(record, model_field.attname)
        if value not in (None, "", False) and value != model_field.get_default():
            changes.append(Change(model_field.name, None, value))
    return changes


def _merge(entry: Entry, changes: list[Change]) -> None:
    by_field = {change.field: change for change in entry.changes}
    for change in changes:
        if change.field in by_field:
            by_field[change.field].new = change.new
        else:
            entry.changes.append(change)
    entry.changes = [c for c in entry.changes if c.old != c.new]


def describe(entries: list[Entry], *, labels: Labels | None = None) -> Names:
    """Field verbose names and readable values; the objects named anywhere are loaded in one query per model.

    Returns the names loaded, which also cover every foreign key of each entry's record, for naming entries.
    """
    wanted: dict[type[Model], set[int]] = {}
    for entry in entries:
        model = entry.key[0]
        for model_field in model._meta.concrete_fields:
            if isinstance(model_field, ForeignKey) and entry.record is not None:
                value = getattr(entry.record, model_field.attname, None)
                if value is not None:
                    wanted.setdefault(model_field.related_model, set()).add(value)
        for change in entry.changes:
            model_field = model._meta.get_field(change.field)
            for value in (change.old, change.new):
                if isinstance(model_field, ManyToManyField) and isinstance(value, list):
                    key = model_field.m2m_reverse_field_name()
                    wanted.setdefault(model_field.related_model, set()).update(row[key] for row in value)
                elif isinstance(model_field, ForeignKey) and value is not None:
                    wanted.setdefault(model_field.related_model, set()).add(value)
    names = {model: _names(model, ids, labels or {}) for model, ids in wanted.items()}
    for entry in entries:
        model = entry.key[0]
        for change in entry.changes:
            model_field = model._meta.get_field(change.field)
            change.label = str(model_field.verbose_name)
            change.old_text = value_text(model_field, change.old, names)
            change.new_text = value_text(model_field, change.new, names)
        entry.changes.sort(key=lambda change: change.label)
    return names


def _names(model: type[Model], ids: set[int], labels: Labels) -> dict[int, str]:
    label = labels.get(model, label_of)
    return {obj.pk: label(obj) for obj in model._default_manager.filter(pk__in=ids)}


def label_of(obj: Model) -> str:
    """A person's full name, else the object's name or title, else what it prints as."""
    if isinstance(obj, User):
        return obj.get_full_name() or obj.username
    return str(getattr(obj, "name", None) or getattr(obj, "title", None) or obj)


def name_in(names: Names, model: type[Model], pk: int | None) -> str:
    """An object's name from `names`; a row deleted since reads as "(deleted)"."""
    if pk is None:
        return "—"
    return names.get(model, {}).get(pk, _("(deleted)"))


def value_text(model_field, value, names: Names) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(model_field, ManyToManyField) and isinstance(value, list):
        key = model_field.m2m_reverse_field_name()
        return ", ".join(sorted(name_in(names, model_field.related_model, row[key]) for row in value))
    if isinstance(model_field, ForeignKey):
        return name_in(names, model_field.related_model, value)
    if model_field.flatchoices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)
