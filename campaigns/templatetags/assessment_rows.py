"""The commune year page's rows, written in Python (campaigns.assessments.rows) instead of a template include each."""

from django import template
from django.utils.safestring import SafeString

from campaigns.assessments import rows

register = template.Library()


@register.simple_tag
def criterion_rows(criterion_rows: list, may_edit: bool) -> SafeString:
    return rows.criterion_rows(criterion_rows, may_edit=may_edit)


@register.simple_tag
def evidence_list(items: list, may_edit: bool) -> SafeString:
    return rows.evidence_list(items, may_edit=may_edit, words=rows.Words.now())
