"""Bar charts drawn on the server as inline SVG: no JavaScript chart library, nothing for the CSP to allow.

Pure functions: data in, markup out. Every label is escaped; each chart carries a <title> and a
<desc> for screen readers, and is sized by its viewBox so it scales down on a phone. Colours come
from classes in static/css/dashboards.css, with fill attributes as a fallback (no style attributes:
the CSP allows style-src 'self' only).
"""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

FONT_SIZE = 13
LEFT, RIGHT, TOP, BOTTOM = 34, 4, 22, 26  # margins around the plot, in viewBox units


@dataclass
class Bar:
    label: str  # under the bar: "12", "2024"
    value: float | None  # None: no data, the slot stays empty
    tooltip: str = ""  # the bar's own <title>: "12. Lao động: 5 of 8 communes"


def _number(value: float) -> str:
    """1 → "1", 16.5 → "16.5", 16.25 → "16.3": short labels."""
    return f"{value:.1f}".removesuffix(".0")


def _ticks(max_value: float) -> list[float]:
    """0, the middle and the top of the axis (integers when the scale allows)."""
    if max_value <= 0:
        return [0]
    middle = max_value / 2
    if max_value >= 2 and max_value % 2 == 0:
        middle = max_value // 2
    return [0, middle, max_value]


def _panel(
    bars: list[Bar], *, x: float, y: float, width: float, height: float, max_value: float, css: str
) -> list[str]:
    """One plot area: grid lines with their values, a bar per item with its value on top, labels below."""
    parts = []
    for tick in _ticks(max_value):
        tick_y = y + height - (height * tick / max_value if max_value else 0)
        parts.append(
            f'<line class="chart-grid" x1="{x:.1f}" x2="{x + width:.1f}" y1="{tick_y:.1f}" y2="{tick_y:.1f}" '
            f'stroke="#d5dbd7" stroke-width="1"/>'
        )
        parts.append(
            f'<text class="chart-tick" x="{x - 4:.1f}" y="{tick_y + 4:.1f}" text-anchor="end" '
            f'font-size="{FONT_SIZE - 1}">{_number(tick)}</text>'
        )
    slot = width / max(len(bars), 1)
    bar_width = slot * 0.7
    for index, bar in enumerate(bars):
        centre = x + slot * index + slot / 2
        parts.append('<g class="chart-item">')
        if bar.tooltip:
            parts.append(f"<title>{escape(bar.tooltip)}</title>")
        if bar.value is not None:
            bar_height = height * min(bar.value, max_value) / max_value if max_value > 0 else 0
            top = y + height - bar_height
            parts.append(
                f'<rect class="bar {css}" x="{centre - bar_width / 2:.1f}" y="{top:.1f}" '
                f'width="{bar_width:.1f}" height="{bar_height:.1f}" data-value="{_number(bar.value)}" '
                f'fill="#1f6f43"/>'
            )
            parts.append(
                f'<text class="chart-value" x="{centre:.1f}" y="{top - 3:.1f}" text-anchor="middle" '
                f'font-size="{FONT_SIZE - 1}">{_number(bar.value)}</text>'
            )
        else:
            parts.append(
                f'<text class="chart-empty" x="{centre:.1f}" y="{y + height - 3:.1f}" text-anchor="middle" '
                f'font-size="{FONT_SIZE - 1}">–</text>'
            )
        parts.append(
            f'<text class="chart-label" x="{centre:.1f}" y="{y + height + FONT_SIZE + 4:.1f}" '
            f'text-anchor="middle" font-size="{FONT_SIZE}">{escape(bar.label)}</text>'
        )
        parts.append("</g>")
    parts.append(
        f'<line class="chart-axis" x1="{x:.1f}" x2="{x + width:.1f}" y1="{y + height:.1f}" y2="{y + height:.1f}" '
        f'stroke="#5c6b62" stroke-width="1"/>'
    )
    return parts


def _svg(parts: list[str], *, chart_id: str, width: int, height: int, title: str, description: str) -> SafeString:
    chart_id = escape(chart_id)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{chart_id}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" preserveAspectRatio="xMidYMid meet">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )
    return mark_safe(head + "".join(parts) + "</svg>")  # noqa: S308 - every text above went through escape()


def bar_chart(
    bars: list[Bar],
    *,
    max_value: float,
    chart_id: str,
    title: str,
    description: str,
    width: int = 420,
    height: int = 230,
) -> SafeString:
    """A single bar chart, e.g. the number of communes achieving each criterion."""
    parts = _panel(
        bars,
        x=LEFT,
        y=TOP,
        width=width - LEFT - RIGHT,
        height=height - TOP - BOTTOM,
        max_value=max_value,
        css="bar-primary",
    )
    return _svg(parts, chart_id=chart_id, width=width, height=height, title=title, description=description)


@dataclass
class Panel:
    heading: str
    bars: list[Bar]
    max_value: float
    css: str = "bar-primary"


def stacked_panels(
    panels: list[Panel], *, chart_id: str, title: str, description: str, width: int = 420, panel_height: int = 165
) -> SafeString:
    """Several bar panels one above the other sharing the x labels' layout (progress across years)."""
    parts = []
    for index, panel in enumerate(panels):
        top = index * panel_height
        parts.append(
            f'<text class="chart-heading" x="{LEFT - 28}" y="{top + FONT_SIZE + 2}" font-size="{FONT_SIZE + 1}" '
            f'font-weight="600">{escape(panel.heading)}</text>'
        )
        parts += _panel(
            panel.bars,
            x=LEFT,
            y=top + TOP + 8,
            width=width - LEFT - RIGHT,
            height=panel_height - TOP - BOTTOM - 8,
            max_value=panel.max_value,
            css=panel.css,
        )
    height = panel_height * len(panels)
    return _svg(parts, chart_id=chart_id, width=width, height=height, title=title, description=description)


@dataclass
class YearPoint:
    year: int
    assessed: int  # communes with a counted assessment that year
    average: float | None  # average criteria met, None without assessments
    complete: int  # communes meeting every criterion


def criteria_chart(
    criteria: list[tuple[int, str]], achieved: list[int], *, assessed: int, year: int, chart_id: str = "chart-criteria"
) -> SafeString:
    """A bar per criterion: how many of the `assessed` communes achieve it in `year`."""
    bars = [
        Bar(
            str(number),
            count,
            _("%(number)s. %(name)s: %(count)s of %(total)s communes")
            % {"number": number, "name": name, "count": count, "total": assessed},
        )
        for (number, name), count in zip(criteria, achieved, strict=True)
    ]
    description = _("Number of communes achieving each criterion in %(year)s, out of %(total)s assessed: %(list)s.") % {
        "year": year,
        "total": assessed,
        "list": "; ".join(f"{bar.label}: {_number(bar.value)}" for bar in bars),
    }
    title = _("Criteria achieved, %(year)s") % {"year": year}
    return bar_chart(bars, max_value=max(assessed, 1), chart_id=chart_id, title=title, description=description)


def progress_chart(points: list[YearPoint], *, total_criteria: int, communes: int, chart_id: str = "chart-progress"):
    """Two panels over the years: average criteria met per commune, and communes meeting all of them."""
    average_bars = [
        Bar(
            str(point.year),
            point.average,
            _("%(year)s: %(average)s criteria on average over %(count)s communes")
            % {"year": point.year, "average": _number(point.average), "count": point.assessed}
            if point.average is not None
            else _("%(year)s: no assessment") % {"year": point.year},
        )
        for point in points
    ]
    complete_bars = [
        Bar(
            str(point.year),
            point.complete if point.assessed else None,
            _("%(year)s: %(count)s communes meet all the criteria of their set")
            % {"year": point.year, "count": point.complete},
        )
        for point in points
    ]
    panels = [
        Panel(_("Average criteria met per commune"), average_bars, total_criteria, "bar-primary"),
        Panel(
            _("Communes meeting all the criteria of their set"),
            complete_bars,
            max(communes, 1),
            "bar-accent",
        ),
    ]
    description = "; ".join(
        _("%(year)s: average %(average)s, %(complete)s communes at %(total)s/%(total)s")
        % {
            "year": point.year,
            "average": _number(point.average) if point.average is not None else "–",
            "complete": point.complete,
            "total": total_criteria,
        }
        for point in points
    )
    title = _("Progress across years")
    return stacked_panels(panels, chart_id=chart_id, title=title, description=description)
