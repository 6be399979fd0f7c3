"""The criterion rows of the commune year page, written in Python rather than through a template per row.

The 2026 form has 10 criteria with 47 indicators, the 2021 one 19 criteria with 42: a profile on national data
(issue #14) showed more than half the page's time in including a row template per criterion and per indicator and
an error template per field, mostly the template engine resolving variables. The markup is the markup those
templates wrote (ids, labels, aria attributes, classes), so the page, its script and its tests are unchanged. Every
value is escaped with esc() where it is written (format_html costs several times more here: the page has ~1,500).
"""

from dataclasses import dataclass

from django.forms import BoundField
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, ngettext

from campaigns.assessments.forms import CriterionRow, IndicatorRow
from campaigns.models import Evidence, Indicator
from units.renderers import esc

ValueType = Indicator.ValueType


@dataclass
class Words:
    """The page's fixed words, translated and escaped once per page rather than once per row."""

    not_confirmed: str
    criterion_unchecked: str
    indicator_unchecked: str
    where_relevant: str
    threshold: str
    million_vnd: str
    no_indicators: str
    remove: str
    met: str
    cannot_decide: str
    not_met: str
    marked_met: str
    marked_not_met: str
    value_types: dict[str, str]  # Indicator.ValueType and Comparison labels: get_FOO_display() per row costs more
    comparisons: dict[str, str]

    @classmethod
    def now(cls) -> "Words":
        return cls(
            not_confirmed=esc(gettext("not confirmed")),
            criterion_unchecked=esc(gettext("Name as reported, not yet checked against the legal text")),
            indicator_unchecked=esc(gettext("Indicative wording, not yet checked against the legal text")),
            where_relevant=esc(gettext("where relevant")),
            threshold=esc(gettext("threshold")),
            million_vnd=esc(gettext("million VND")),
            no_indicators=esc(gettext("No indicators loaded")),
            remove=esc(gettext("Remove")),
            met=esc(gettext("met")),
            cannot_decide=esc(gettext("cannot be decided")),
            not_met=esc(gettext("not met")),
            marked_met=esc(gettext("Marked as met by the commune:")),
            marked_not_met=esc(gettext("Marked as not met by the commune:")),
            value_types={value: esc(label) for value, label in ValueType.choices},
            comparisons={value: esc(label) for value, label in Indicator.Comparison.choices},
        )


def criterion_rows(rows: list[CriterionRow], *, may_edit: bool) -> SafeString:
    words = Words.now()
    return mark_safe("".join(criterion_row(row, may_edit=may_edit, words=words) for row in rows))  # noqa: S308


def criterion_row(row: CriterionRow, *, may_edit: bool, words: Words) -> str:
    """One criterion: the switch (its label is the criterion, so a click or Space toggles it), a note, the details."""
    criterion, number = row.criterion, row.criterion.number
    if row.mark is not None:
        head = decided(row, words)
    else:
        head = (
            f'<div class="form-check form-switch progress-switch mb-0">{esc(row.achieved)}'
            f'<label class="form-check-label" for="{esc(row.achieved.id_for_label)}">'
            f'<span class="progress-number">{number}.</span> {esc(criterion.name)}</label></div>'
        )
    if not criterion.is_confirmed:
        head += (
            f'<span class="badge text-bg-warning progress-unconfirmed" title="{words.criterion_unchecked}">'
            f"{words.not_confirmed}</span>"
        )
    note = row.note
    has_errors = note.form.is_bound and row.has_errors  # an unbound form has none: skip asking every field
    parts = [
        f'<div class="list-group-item progress-criterion{" progress-criterion-error" if has_errors else ""}"'
        f' id="criterion-{number}"><div class="row g-2 align-items-center"><div class="col-md-6">{head}</div>'
        f'<div class="col-md-6"><label class="visually-hidden" for="{esc(note.id_for_label)}">{esc(note.label)}</label>'
        f"{esc(note)}{field_errors(note)}</div></div>"
    ]
    if row.mark is not None:
        parts.append(mark_fields(row))
    if row.indicators or row.evidence or may_edit:
        parts.append(details(row, may_edit=may_edit, words=words, has_errors=has_errors))
    parts.append("</div>")
    return "".join(parts)


def decided(row: CriterionRow, words: Words) -> str:
    """A criterion decided from its indicator values: what they say, and what the officer marked if different."""
    met = row.decision.met
    if met:
        badge = f'<span class="badge text-bg-success decided-met" data-met="true">{words.met}</span>'
    elif met is None:
        badge = f'<span class="badge text-bg-secondary decided-none" data-met="none">{words.cannot_decide}</span>'
    else:
        badge = f'<span class="badge text-bg-light border decided-not-met" data-met="false">{words.not_met}</span>'
    override = ""
    if row.result.override_reason:
        marked = words.marked_met if row.is_met else words.marked_not_met
        override = f'<div class="small text-warning-emphasis override">{marked} {esc(row.result.override_reason)}</div>'
    number = row.criterion.number
    return (
        f'<div class="progress-decided js-decided" id="decided-{number}"'
        f' data-achieved="{"true" if row.is_met else "false"}"><span class="progress-number">{number}.</span>'
        f' {esc(row.criterion.name)} {badge}<div class="small text-body-secondary">{esc(row.decision.why)}</div>'
        f"{override}</div>"
    )


def mark_fields(row: CriterionRow) -> str:
    """The officer's choice to follow the values or mark differently, and the reason for marking differently."""
    mark, reason = row.mark, row.reason
    label = esc(reason.label)
    return (
        '<div class="row g-2 mt-1 progress-mark"><div class="col-md-4">'
        f'<label class="visually-hidden" for="{esc(mark.id_for_label)}">{esc(mark.label)}</label>{esc(mark)}</div>'
        f'<div class="col-md-8"><label class="visually-hidden" for="{esc(reason.id_for_label)}">{label}</label>'
        f'<input type="text" name="{esc(reason.html_name)}" id="{esc(reason.auto_id)}" maxlength="500"'
        f' value="{esc(reason.value() or "")}" placeholder="{label}"'
        f' class="form-control form-control-sm{" is-invalid" if reason.form.is_bound and reason.errors else ""}">{field_errors(reason)}</div>'
        "</div>"
    )


def details(row: CriterionRow, *, may_edit: bool, words: Words, has_errors: bool) -> str:
    if row.indicators:
        count = len(row.indicators)
        counted = esc(ngettext("%(counter)s indicator", "%(counter)s indicators", count) % {"counter": count})
    else:
        counted = words.no_indicators
    files = len(row.evidence)
    parts = [
        f'<details class="progress-details mt-2"{" open" if has_errors else ""}><summary class="small">{counted}'
        f" · {esc(ngettext('%(counter)s file', '%(counter)s files', files) % {'counter': files})}</summary>"
        '<div class="progress-details-body">'
    ]
    parts.extend(indicator(item, words) for item in row.indicators)
    parts.append(evidence_list(row.evidence, may_edit=may_edit, words=words))
    if may_edit:
        file = row.file
        parts.append(
            f'<label class="form-label small mb-1" for="{esc(file.id_for_label)}">{esc(file.label)}</label>'
            f"{esc(file)}{field_errors(file)}"
        )
    parts.append("</div></details>")
    return "".join(parts)


def indicator(item: IndicatorRow, words: Words) -> str:
    """One indicator: its code and name, type, threshold and unit, and the field for its value."""
    shown, value_type, field = item.indicator, item.indicator.value_type, item.field
    about = [words.value_types.get(value_type, esc(value_type))]
    if shown.only_if_relevant:
        about.append(words.where_relevant)
    if item.threshold:
        value = esc(localize(item.threshold.value.normalize()))
        percent = "%" if value_type == ValueType.PERCENT else ""
        about.append(
            f"{words.threshold} {words.comparisons.get(shown.comparison, esc(shown.comparison))} {value}{percent}"
        )
    if item.group_threshold:
        about.append(f'{words.threshold} <span class="group-threshold">{esc(item.group_threshold.shown)}</span>')
    if shown.unit_of_measure:
        about.append(esc(shown.unit_of_measure))
    unconfirmed = ""
    if not shown.is_confirmed:
        unconfirmed = (
            f'<span class="badge text-bg-warning progress-unconfirmed" title="{words.indicator_unchecked}">'
            f'<i class="bi bi-exclamation-triangle" aria-hidden="true"></i> {words.not_confirmed}</span>'
        )
    widget = esc(field)
    if value_type in (ValueType.PERCENT, ValueType.MONEY):
        suffix = "%" if value_type == ValueType.PERCENT else words.million_vnd
        widget = f'<div class="input-group input-group-sm">{widget}<span class="input-group-text">{suffix}</span></div>'
    return (
        '<div class="progress-indicator row g-2 align-items-center mb-2"><div class="col-sm-7 small">'
        f'<label for="{esc(field.id_for_label)}">{esc(field.label)}</label>'
        f' <span class="text-body-secondary">· {" · ".join(about)}</span>{unconfirmed}</div>'
        f'<div class="col-sm-5">{widget}{field_errors(field)}</div></div>'
    )


def field_errors(field: BoundField) -> str:
    """A field's messages, tied to it by id (aria-describedby), and its help text."""
    parts = [
        f'<div class="invalid-feedback d-block" id="{esc(field.auto_id)}-error">{esc(error)}</div>'
        for error in (field.errors if field.form.is_bound else ())
    ]
    if field.help_text:
        parts.append(f'<div class="form-text">{esc(field.help_text)}</div>')
    return "".join(parts)


def evidence_list(items: list[Evidence], *, may_edit: bool, words: Words) -> SafeString:
    """The files of a criterion or of the year, each with its remove button while the year is open."""
    parts = []
    for item in items:
        title = esc(item.title)
        remove = ""
        if may_edit:
            remove = (
                f'<button type="submit" form="remove-evidence-{item.pk}"'
                f' class="btn btn-link btn-sm text-danger p-0 ms-auto">'
                f'{words.remove}<span class="visually-hidden"> {title}</span></button>'
            )
        parts.append(
            '<li class="d-flex align-items-center gap-2"><i class="bi bi-paperclip" aria-hidden="true"></i>'
            f' <a href="{esc(reverse("progress:evidence", args=[item.pk]))}">{title}</a>'
            f' <span class="text-body-secondary">{esc(date_filter(template_localtime(item.uploaded_at), "d/m/Y"))}</span>'
            f"{remove}</li>"
        )
    if not parts:
        return mark_safe("")
    return mark_safe(f'<ul class="list-unstyled small mb-2 progress-evidence">{"".join(parts)}</ul>')  # noqa: S308
