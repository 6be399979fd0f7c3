"""Excel templates that round-trip: a set's indicators and thresholds, and a province's commune groups.

Downloads are written with units.workbooks.workbook_bytes and uploads read with its bounded read_sheet. An upload
is checked whole before anything is written: one bad row and nothing is saved, with every problem listed by row
and column. Uploading a downloaded file unchanged changes nothing.
"""

import datetime
from contextlib import closing
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from campaigns.criteria.values import NO, YES, parse_value, shown_value
from campaigns.models import CommuneGroup, CommuneGroupNumber, CriteriaSet, GroupThreshold, Indicator
from units.models import Kind, Unit, User
from units.workbooks import WorkbookError, read_sheet, workbook_bytes

MAX_ROWS = 2000
COMPARATORS = {"≥": "gte", ">=": "gte", "≤": "lte", "<=": "lte", "=": "eq"}
SET_COLUMNS = 13
GROUP_COLUMNS = 6


@dataclass
class ImportResult:
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


def _sheet(headers: list[str], title: str) -> tuple[Workbook, object]:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    return workbook, sheet


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def _text(value) -> str:
    """A cell as text: 2.1 typed as a number reads "2.1", 3.0 reads "3"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _flag(value, errors: list[str], where: str) -> bool:
    word = _text(value).casefold()
    if word in YES:
        return True
    if word in NO or word == "":
        return False
    errors.append(_("%(where)s: write Có or Không.") % {"where": where})
    return False


def _year(value, errors: list[str], where: str, *, required: bool) -> int | None:
    text = _text(value)
    if not text:
        if required:
            errors.append(_("%(where)s: the year is missing.") % {"where": where})
        return None
    if not text.isdecimal() or not 1900 < int(text) < 2200:
        errors.append(_("%(where)s: “%(value)s” is not a year.") % {"where": where, "value": text})
        return None
    return int(text)


# The criteria set: one row per threshold, an indicator without thresholds on a row of its own.


def set_headers() -> list[str]:
    return [
        _("Criterion"),
        _("Indicator code"),
        _("Indicator"),
        _("Value type (%(codes)s)") % {"codes": ", ".join(Indicator.ValueType.values)},
        _("Unit of measure"),
        _("Source"),
        _("Confirmed"),
        _("Only where relevant"),
        _("Commune group (1, 2, 3)"),
        _("From year"),
        _("To year"),
        _("Comparator (≥, ≤, =)"),
        _("Threshold"),
    ]


def set_workbook(criteria_set: CriteriaSet) -> bytes:
    workbook, sheet = _sheet(set_headers(), criteria_set.code)
    indicators = Indicator.objects.filter(criterion__criteria_set=criteria_set).select_related("criterion")
    for indicator in indicators.prefetch_related("group_thresholds").order_by("criterion__number", "order", "code"):
        head = [
            indicator.criterion.number,
            indicator.code,
            indicator.name,
            indicator.value_type,
            indicator.unit_of_measure,
            indicator.source,
            _yes_no(indicator.is_confirmed),
            _yes_no(indicator.only_if_relevant),
        ]
        thresholds = list(indicator.group_thresholds.all())
        if not thresholds:
            sheet.append(head)
        for threshold in thresholds:
            value = threshold.text_value or shown_value(indicator.value_type, threshold.value)
            if isinstance(threshold.value, Decimal) and indicator.value_type != Indicator.ValueType.BOOLEAN:
                value = threshold.value.normalize()
            row = [threshold.commune_group, threshold.from_year, threshold.to_year, threshold.get_comparator_display()]
            sheet.append(head + row + [value])
    return workbook_bytes(workbook)


def import_set(criteria_set: CriteriaSet, upload) -> ImportResult:
    """Create or update the indicators (by code) and thresholds (by group and first year) of the upload."""
    result = ImportResult()
    criteria = {c.number: c for c in criteria_set.criteria.all()}
    existing = {
        i.code: i
        for i in Indicator.objects.filter(criterion__criteria_set=criteria_set).prefetch_related("group_thresholds")
    }
    indicators: dict[str, Indicator] = {}
    thresholds: dict[tuple[str, int, int], GroupThreshold] = {}
    with closing(read_sheet(upload, max_rows=MAX_ROWS, max_columns=SET_COLUMNS)) as lines:
        for number, line in lines:
            if number == 1 or not any(_text(v) for v in line):
                continue
            _read_set_row(number, line, criteria_set, criteria, indicators, thresholds, result.errors)
    if result.errors:
        return result
    with transaction.atomic():
        saved: dict[str, Indicator] = {}
        for code, indicator in indicators.items():
            saved[code] = _save_indicator(indicator, existing.get(code), result)
        for (code, _group, _start), threshold in thresholds.items():
            threshold.indicator = saved[code]
            _save_threshold(threshold, result)
    return result


def _read_set_row(number, line, criteria_set, criteria, indicators, thresholds, errors) -> None:
    where = _("Row %(row)s") % {"row": number}
    first_errors = len(errors)
    criterion = criteria.get(int(_text(line[0]))) if _text(line[0]).isdecimal() else None
    if criterion is None:
        errors.append(
            _("%(where)s: criterion “%(number)s” is not in this set.") % {"where": where, "number": _text(line[0])}
        )
        return
    code, name, value_type = _text(line[1]), _text(line[2]), _text(line[3])
    if not code or not name:
        errors.append(_("%(where)s: the indicator code and name are required.") % {"where": where})
        return
    if value_type not in Indicator.ValueType.values:
        errors.append(
            _("%(where)s: value type “%(value)s” is not one of %(codes)s.")
            % {"where": where, "value": value_type, "codes": ", ".join(Indicator.ValueType.values)}
        )
        return
    indicator = Indicator(
        criterion=criterion,
        code=code[:10],
        name=name[:400],
        value_type=value_type,
        unit_of_measure=_text(line[4])[:60],
        source=_text(line[5])[:300],
        is_confirmed=_flag(line[6], errors, where),
        only_if_relevant=_flag(line[7], errors, where),
    )
    seen = indicators.setdefault(code, indicator)
    fields = ["criterion_id", "name", "value_type", "unit_of_measure", "source", "is_confirmed", "only_if_relevant"]
    if any(getattr(seen, f) != getattr(indicator, f) for f in fields):
        errors.append(
            _("%(where)s: indicator %(code)s is written differently on an earlier row.")
            % {"where": where, "code": code}
        )
    if not any(_text(v) for v in line[8:13]):
        return
    threshold = _read_threshold(line, where, criteria_set, value_type, errors)
    if threshold is None or len(errors) > first_errors:
        return
    key = (code, threshold.commune_group, threshold.from_year)
    if key in thresholds:
        errors.append(_("%(where)s: this threshold is already on an earlier row.") % {"where": where})
    thresholds[key] = threshold


def _read_threshold(line, where, criteria_set, value_type, errors) -> GroupThreshold | None:
    group = _text(line[8]).removeprefix("Nhóm").strip()
    if not group.isdecimal() or int(group) not in CommuneGroupNumber.values:
        errors.append(_("%(where)s: the commune group must be 1, 2 or 3.") % {"where": where})
        return None
    start = _year(line[9], errors, where, required=True)
    end = _year(line[10], errors, where, required=False)
    for year in (start, end):
        if year is not None and not criteria_set.start_year <= year <= criteria_set.end_year:
            errors.append(
                _("%(where)s: the set covers %(start)s-%(end)s.")
                % {"where": where, "start": criteria_set.start_year, "end": criteria_set.end_year}
            )
    comparator = COMPARATORS.get(_text(line[11]) or "≥")
    if comparator is None:
        errors.append(_("%(where)s: the comparator must be ≥, ≤ or =.") % {"where": where})
    elif value_type == Indicator.ValueType.TEXT and comparator != "eq":
        errors.append(_("%(where)s: a text level can only be compared with “=”.") % {"where": where})
    try:
        value = parse_value(value_type, line[12])
    except ValidationError as error:
        errors.append(_("%(where)s, threshold: %(error)s") % {"where": where, "error": error.messages[0]})
        return None
    if value is None:
        errors.append(_("%(where)s: the threshold is missing.") % {"where": where})
        return None
    if start is None or comparator is None:
        return None
    text = value if isinstance(value, str) else ""
    number = None if text else value
    return GroupThreshold(
        commune_group=int(group), from_year=start, to_year=end, comparator=comparator, value=number, text_value=text
    )


def _save_indicator(new: Indicator, old: Indicator | None, result: ImportResult) -> Indicator:
    if old is None:
        new.order = new.criterion.indicators.count() + 1
        new.save()
        result.created += 1
        return new
    fields = ["criterion", "name", "value_type", "unit_of_measure", "source", "is_confirmed", "only_if_relevant"]
    changed = [f for f in fields if getattr(old, f) != getattr(new, f)]
    for name in changed:
        setattr(old, name, getattr(new, name))
    if changed:
        old.save(update_fields=changed)
        result.changed += 1
    else:
        result.unchanged += 1
    return old


def _save_threshold(new: GroupThreshold, result: ImportResult) -> None:
    old = GroupThreshold.objects.filter(
        indicator=new.indicator, commune_group=new.commune_group, from_year=new.from_year
    ).first()
    if old is None:
        new.save()
        result.created += 1
        return
    fields = ["to_year", "comparator", "value", "text_value"]
    changed = [f for f in fields if getattr(old, f) != getattr(new, f)]
    for name in changed:
        setattr(old, name, getattr(new, name))
    if changed:
        old.save(update_fields=changed)
        result.changed += 1
    else:
        result.unchanged += 1


# Commune groups: one row per commune of the province, with its latest group.


def province_communes(province: Unit):
    return Unit.objects.within(province).of_kind(Kind.COMMUNE).order_by("name", "pk")


def latest_groups(units) -> dict[int, CommuneGroup]:
    """The latest group row of each unit (by date), in one query."""
    latest: dict[int, CommuneGroup] = {}
    for row in CommuneGroup.objects.filter(unit__in=units).order_by("unit_id", "valid_from", "pk"):
        latest[row.unit_id] = row
    return latest


def groups_workbook(province: Unit) -> bytes:
    headers = [_("ID"), _("Code"), _("Commune"), _("Commune group (1, 2, 3)"), _("From"), _("Deciding document")]
    workbook, sheet = _sheet(headers, _("Commune groups"))
    communes = list(province_communes(province))
    latest = latest_groups(communes)
    for unit in communes:
        row = latest.get(unit.pk)
        group = [row.group, row.valid_from, row.decision] if row else []
        sheet.append([unit.pk, unit.code, unit.name] + group)
        if row:
            sheet.cell(sheet.max_row, 5).number_format = "DD/MM/YYYY"
    return workbook_bytes(workbook)


def import_groups(province: Unit, upload, *, by: User) -> ImportResult:
    """Record each row's group from its date; a row equal to the commune's group on that date changes nothing."""
    result = ImportResult()
    rows: list[CommuneGroup] = []
    with closing(read_sheet(upload, max_rows=MAX_ROWS, max_columns=GROUP_COLUMNS)) as lines:
        for number, line in lines:
            if number == 1 or not any(_text(v) for v in line[3:6]):
                continue
            row = _read_group_row(number, line, province, result.errors)
            if row is not None:
                rows.append(row)
    if result.errors:
        return result
    with transaction.atomic():
        for row in rows:
            old = CommuneGroup.objects.filter(unit=row.unit, valid_from=row.valid_from).first()
            if old is None:
                row.recorded_by = by
                row.save()
                result.created += 1
            elif (old.group, old.decision) != (row.group, row.decision):
                old.group, old.decision, old.recorded_by = row.group, row.decision, by
                old.save(update_fields=["group", "decision", "recorded_by"])
                result.changed += 1
            else:
                result.unchanged += 1
    return result


def _read_group_row(number, line, province, errors) -> CommuneGroup | None:
    where = _("Row %(row)s") % {"row": number}
    unit_id = _text(line[0])
    unit = Unit.objects.within(province).filter(pk=int(unit_id)).first() if unit_id.isdecimal() else None
    if unit is None:
        errors.append(_("%(where)s: unit ID “%(id)s” is not in this province.") % {"where": where, "id": unit_id})
        return None
    group = _text(line[3]).removeprefix("Nhóm").strip()
    if not group.isdecimal() or int(group) not in CommuneGroupNumber.values:
        errors.append(_("%(where)s: the commune group must be 1, 2 or 3.") % {"where": where})
        return None
    day = _date(line[4])
    if day is None:
        errors.append(_("%(where)s: write the date the group applies from (dd/mm/yyyy).") % {"where": where})
        return None
    row = CommuneGroup(unit=unit, group=int(group), valid_from=day, decision=_text(line[5])[:200])
    try:
        row.full_clean(exclude=["recorded_by"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        for messages in error.message_dict.values():
            errors.extend(f"{where}: {message}" for message in messages)
        return None
    return row


def _date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.datetime.strptime(_text(value), "%d/%m/%Y").date()
    except ValueError:
        return None


__all__ = ["WorkbookError", "groups_workbook", "import_groups", "import_set", "set_workbook"]
