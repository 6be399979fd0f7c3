"""The rows of the appraisal queue, written in Python rather than by the template engine cell by cell.

A profile of the queue on national data (issue #14) showed about 1 ms a row in the template: two URLs, the round
label, a localised number each time a pk is written. The markup is the markup the loop in _queue_table.html wrote;
every value is escaped where it is written.
"""

from django import template
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from awards.models import Nomination, Round
from units.renderers import esc

register = template.Library()


@register.simple_tag
def queue_rows(nominations: list[Nomination], selectable: bool) -> SafeString:
    """The rows of one status; `selectable` adds the tick box of the batch actions."""
    rounds = {value: esc(label) for value, label in Round.choices}
    words = {"open": esc(gettext("Open")), "resubmitted": esc(gettext("resubmitted"))}
    return mark_safe("".join(queue_row(nomination, selectable, rounds, words) for nomination in nominations))  # noqa: S308


def queue_row(nomination: Nomination, selectable: bool, rounds: dict[str, str], words: dict[str, str]) -> str:
    pk, name = nomination.pk, esc(nomination.nominee.name)
    tick = ""
    if selectable:
        tick = (
            f'<td><input class="form-check-input" type="checkbox" name="pk" value="{pk}" id="pick-{pk}"'
            f' aria-label="{name}"></td>'
        )
    round_ = rounds.get(nomination.round, esc(nomination.round))
    if nomination.round_year:
        round_ += f" {nomination.round_year}"
    if nomination.returned_at:
        round_ += f' · <span class="text-warning-emphasis">{words["resubmitted"]}</span>'
    award_form = nomination.award_form
    date = ""
    if nomination.submission_date:
        date = f'<div class="small text-body-secondary">{esc(date_filter(nomination.submission_date, "d/m/Y"))}</div>'
    return (
        f'<tr id="queue-{pk}" data-status="{esc(nomination.status)}">{tick}'
        f'<td><a href="{esc(reverse("awards:detail", args=[pk]))}">{name}</a>'
        f'<div class="small text-body-secondary">{round_}</div></td>'
        f"<td>{esc(award_form.short_name or award_form.name)}</td>"
        f'<td class="d-none d-md-table-cell">{esc(nomination.proposing_unit.name)}</td>'
        f'<td class="d-none d-sm-table-cell text-nowrap">{esc(nomination.submission_number or "—")}{date}</td>'
        f'<td class="text-end"><a class="btn btn-sm btn-primary" href="{esc(reverse("awards:appraise", args=[pk]))}">'
        f"{words['open']}</a></td></tr>"
    )
