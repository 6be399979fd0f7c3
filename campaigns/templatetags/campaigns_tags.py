"""Presentation of plan texts and target values that templates alone cannot do."""

import re
from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from campaigns.models import Plan, Target
from units import wording

register = template.Library()

LIST_ITEM = re.compile(r"^\s*[-–•+]\s+")

# Bootstrap colour of each progress state (see campaigns.targets.evaluation.TargetResult.state).
STATE_COLOURS = {
    "achieved": "success",
    "on_track": "primary",
    "off_track": "warning",
    "missed": "danger",
    "no_data": "secondary",
}


@register.filter
def plan_text(body: str) -> SafeString:
    """Blank lines separate paragraphs; lines starting with "- " become list items. Everything is escaped."""
    blocks = []
    for block in re.split(r"\n\s*\n", body.strip()):
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        items = [line for line in lines if LIST_ITEM.match(line)]
        if items and len(items) == len(lines):
            blocks.append(_list(lines))
        elif items:
            # A lead-in line followed by items: "Nhiệm vụ:\n- a\n- b".
            first_item = next(i for i, line in enumerate(lines) if LIST_ITEM.match(line))
            blocks.append(_paragraph(lines[:first_item]))
            blocks.append(_list(lines[first_item:]))
        else:
            blocks.append(_paragraph(lines))
    return mark_safe("".join(blocks))  # noqa: S308 (every part went through format_html)


def _paragraph(lines: list[str]) -> SafeString:
    return format_html("<p>{}</p>", mark_safe("<br>".join(format_html("{}", line.strip()) for line in lines)))  # noqa: S308


def _list(lines: list[str]) -> SafeString:
    # A line that does not start with "- " continues the item above it.
    items: list[str] = []
    for line in lines:
        if LIST_ITEM.match(line) or not items:
            items.append(LIST_ITEM.sub("", line).strip())
        else:
            items[-1] += " " + line.strip()
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((item,) for item in items)))


@register.filter
def signature_lines(plan: Plan) -> list[str]:
    """The signature block as printed: "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", then the name."""
    return wording.signature_lines(
        mode=plan.signing_mode, title=plan.signer_title, issuer=plan.issuer_name, name=plan.signer_name
    )


@register.filter
def state_colour(state: str) -> str:
    return STATE_COLOURS.get(state, "secondary")


@register.filter
def percent(progress: float | None) -> int:
    """0..1 → a whole percentage for the progress bar (and its aria-valuenow)."""
    if progress is None:
        return 0
    return max(0, min(100, round(progress * 100)))


@register.filter
def measured(value: Decimal | None, target: Target) -> str:
    """A value in the target's own measure: "85%", "16,5", "1,5×", "42 triệu đồng"."""
    if value is None:
        return "—"
    value = Decimal(value)
    places = 0 if value == value.to_integral_value() else (1 if (value * 10) == (value * 10).to_integral_value() else 2)
    text = number_format(round(value, places), places)
    if target.type == Target.Type.RATIO_TO_BASELINE:
        return f"{text}×"
    if target.type == Target.Type.UNIT_SHARE and target.measure == Target.Measure.PERCENT:
        return f"{text}%"
    if target.unit_of_measure:
        return f"{text} {target.unit_of_measure}"
    return text
