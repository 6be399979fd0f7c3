"""The audit trail of a yearly assessment: what changed, by whom and when, read from simple-history records."""

import datetime
from decimal import Decimal
from typing import NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from campaigns.models import Assessment, Criterion, CriterionResult, Evidence, Indicator, IndicatorValue
from units.models import User


class Change(NamedTuple):
    label: str
    old: str
    new: str
    who: User | None
    when: datetime.datetime


def changes_since_return(assessment: Assessment) -> list[Change]:
    """What the commune changed after the last return: criteria results, indicator values and the note."""
    if assessment.returned_at is None:
        return []
    return [
        change
        for field, change in _audit(assessment, since=assessment.returned_at)
        if field in ("achieved", "result_note", "override_reason", "value", "text_value", "note", "evidence")
    ]


def audit_trail(assessment: Assessment) -> list[Change]:
    """Every recorded change of the assessment, its results, values and files, and its comments, oldest first."""
    changes = [change for _field, change in _audit(assessment)]
    for comment in assessment.comments.select_related("author", "unit"):
        text = comment.text if len(comment.text) <= 200 else comment.text[:199] + "…"
        if comment.attachment_name:
            text += f" [{comment.attachment_name}]"
        label = _("Comment (%(unit)s)") % {"unit": comment.unit.name}
        changes.append(Change(label, "", text, comment.author, comment.created_at))
    return sorted(changes, key=lambda change: change.when)


def _audit(assessment: Assessment, since: datetime.datetime | None = None) -> list[tuple[str, Change]]:
    """(field, change) from consecutive simple-history records; five queries whatever the history's length."""
    criteria = {c.pk: str(c) for c in Criterion.objects.filter(criteria_set=assessment.criteria_set_id)}
    indicators = {
        i.pk: f"{i.code} {i.name}" for i in Indicator.objects.filter(criterion__criteria_set=assessment.criteria_set_id)
    }
    note_label = _("note")
    sources = [
        (Assessment.history.filter(id=assessment.pk), lambda r: "", ASSESSMENT_FIELDS),
        (
            CriterionResult.history.filter(assessment_id=assessment.pk),
            lambda r: criteria.get(r.criterion_id, "?"),
            {"achieved": None, "note": note_label, "override_reason": _lazy("reason for marking differently")},
        ),
        (
            IndicatorValue.history.filter(assessment_id=assessment.pk),
            lambda r: _("Indicator %(name)s") % {"name": indicators.get(r.indicator_id, "?")},
            {"value": None, "text_value": None},
        ),
    ]
    found: list[tuple[str, Change]] = []
    for records, name_of, fields in sources:
        previous: dict[int, object] = {}
        for record in records.select_related("history_user").order_by("history_date", "history_id"):
            before = previous.get(record.id)
            previous[record.id] = record
            if since is not None and record.history_date <= since:
                continue
            if before is None and fields is ASSESSMENT_FIELDS and record.history_type == "+":
                found.append(
                    ("created", Change(_("Assessment"), "", _("started"), record.history_user, record.history_date))
                )
                continue
            for field, field_label in fields.items():
                old = getattr(before, field) if before is not None else DEFAULTS.get(field)
                new = getattr(record, field)
                if old == new:
                    continue
                label = " · ".join(part for part in (str(name_of(record)), str(field_label or "")) if part)
                key = "result_note" if field == "note" and fields is not ASSESSMENT_FIELDS else field
                found.append(
                    (
                        key,
                        Change(label, _shown(field, old), _shown(field, new), record.history_user, record.history_date),
                    )
                )
    found += _evidence_changes(assessment, since, criteria)
    found.sort(key=lambda pair: pair[1].when)
    return found


def _evidence_changes(
    assessment: Assessment, since: datetime.datetime | None, criteria: dict[int, str]
) -> list[tuple[str, Change]]:
    """Files added and removed (one query): a removed file keeps its title in its deletion record."""
    records = Evidence.history.filter(assessment_id=assessment.pk, history_type__in=["+", "-"])
    if since is not None:
        records = records.filter(history_date__gt=since)
    found = []
    for record in records.select_related("history_user").order_by("history_date", "history_id"):
        where = criteria.get(record.criterion_id, "?") if record.criterion_id else _("the year")
        label = _("Evidence for %(where)s") % {"where": where}
        old, new = ("", record.title) if record.history_type == "+" else (record.title, "")
        found.append(
            ("evidence", Change(label, _shown("", old), _shown("", new), record.history_user, record.history_date))
        )
    return found


ASSESSMENT_FIELDS = {
    "status": _lazy("status"),
    "criteria_met": _lazy("criteria met"),
    "note": _lazy("note"),
    "return_reason": _lazy("reason for return"),
}
# What a row holds before anyone touches it, so that a creation record with these values shows no change.
DEFAULTS = {
    "achieved": False,
    "note": "",
    "value": None,
    "text_value": "",
    "override_reason": "",
    "status": Assessment.Status.DRAFT,
    "criteria_met": 0,
    "return_reason": "",
}


def _shown(field: str, value) -> str:
    if value is None or value == "":
        return "—"
    if field == "achieved":
        return _("achieved") if value else _("not achieved")
    if field == "status":
        return str(Assessment.Status(value).label)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)
