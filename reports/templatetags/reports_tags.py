"""The name of a report as pages show it, from its kind's registry entry."""

from django import template

from reports.documents import title_of
from reports.models import Report

register = template.Library()


@register.filter
def report_title(report: Report) -> str:
    """ "Annual report 2024", "Council minutes"."""
    return title_of(report)
