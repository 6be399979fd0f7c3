"""The server-rendered SVG charts: parsed back as XML, bars checked against the data."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from campaigns.dashboards.charts import Bar, YearPoint, bar_chart, criteria_chart, progress_chart

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))  # noqa: S314 - our own markup, not untrusted input


def bars(svg: ET.Element) -> list[ET.Element]:
    return [rect for rect in svg.iter(f"{SVG}rect") if "bar" in rect.get("class", "").split()]


def heights(svg: ET.Element) -> list[float]:
    return [float(rect.get("height")) for rect in bars(svg)]


def test_bar_heights_are_proportional_to_the_values():
    svg = parse(
        bar_chart(
            [Bar("1", 2), Bar("2", 4), Bar("3", 0), Bar("4", 8)],
            max_value=8,
            chart_id="c",
            title="t",
            description="d",
        )
    )

    first, second, third, fourth = heights(svg)
    assert second == pytest.approx(2 * first)
    assert fourth == pytest.approx(4 * first)
    assert third == 0
    assert [rect.get("data-value") for rect in bars(svg)] == ["2", "4", "0", "8"]


def test_bars_stand_on_the_same_baseline():
    svg = parse(bar_chart([Bar("a", 1), Bar("b", 3)], max_value=3, chart_id="c", title="t", description="d"))

    bottoms = {round(float(rect.get("y")) + float(rect.get("height")), 1) for rect in bars(svg)}
    assert len(bottoms) == 1


def test_a_value_of_none_draws_no_bar_but_keeps_its_label():
    svg = parse(bar_chart([Bar("2021", None), Bar("2022", 5)], max_value=19, chart_id="c", title="t", description="d"))

    assert len(bars(svg)) == 1
    labels = [text.text for text in svg.iter(f"{SVG}text") if text.get("class") == "chart-label"]
    assert labels == ["2021", "2022"]


def test_the_chart_is_accessible_and_scales_by_its_viewbox():
    svg = parse(bar_chart([Bar("1", 1)], max_value=1, chart_id="dist", title="Criteria", description="One bar"))

    assert svg.get("role") == "img"
    assert svg.get("viewBox") == "0 0 420 230"
    assert svg.get("width") is None and svg.get("height") is None
    assert svg.find(f"{SVG}title").text == "Criteria"
    assert svg.find(f"{SVG}desc").text == "One bar"
    assert svg.get("aria-labelledby") == "dist-title dist-desc"


def test_labels_and_titles_are_escaped():
    markup = bar_chart(
        [Bar("<b>", 1, tooltip='Xã "A" & <script>')],
        max_value=1,
        chart_id="c",
        title="<i>T</i>",
        description="a & b",
    )
    svg = parse(markup)  # would raise on unescaped markup

    assert "<script>" not in markup
    assert svg.find(f"{SVG}title").text == "<i>T</i>"
    item_title = next(svg.iter(f"{SVG}g")).find(f"{SVG}title")
    assert item_title.text == 'Xã "A" & <script>'


def test_criteria_chart_has_a_bar_per_criterion_scaled_to_the_communes_assessed():
    criteria = [(number, f"Tiêu chí {number}") for number in range(1, 20)]
    achieved = [number % 5 for number in range(1, 20)]

    svg = parse(criteria_chart(criteria, achieved, assessed=4, year=2024))

    assert len(bars(svg)) == 19
    full = max(heights(svg))
    assert [round(h / full * 4) for h in heights(svg)] == achieved
    assert "2024" in svg.find(f"{SVG}title").text
    tooltips = [g.find(f"{SVG}title").text for g in svg.iter(f"{SVG}g")]
    assert tooltips[11] == "12. Tiêu chí 12: 2 of 4 communes"


def test_progress_chart_shows_the_average_and_the_complete_communes_per_year():
    points = [
        YearPoint(2021, 0, None, 0),
        YearPoint(2022, 4, 12.5, 0),
        YearPoint(2023, 4, 15.0, 1),
        YearPoint(2024, 4, 17.25, 3),
    ]

    svg = parse(progress_chart(points, total_criteria=19, communes=4))

    average = [rect for rect in bars(svg) if "bar-primary" in rect.get("class")]
    complete = [rect for rect in bars(svg) if "bar-accent" in rect.get("class")]
    assert [rect.get("data-value") for rect in average] == ["12.5", "15", "17.2"]
    assert [rect.get("data-value") for rect in complete] == ["0", "1", "3"]
    assert float(average[2].get("height")) / float(average[0].get("height")) == pytest.approx(17.25 / 12.5, rel=0.01)
    assert float(complete[2].get("height")) == pytest.approx(3 * float(complete[1].get("height")), rel=0.01)
    assert "2021: average –" in svg.find(f"{SVG}desc").text
