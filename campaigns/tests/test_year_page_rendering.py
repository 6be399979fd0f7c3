"""The commune year page writes its widgets without Django's widget templates, with the same markup as they would."""

import datetime
from decimal import Decimal

import pytest
from django.forms.renderers import DjangoTemplates
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils import translation

from campaigns.models import CommuneGroup, GroupThreshold, Indicator, Threshold
from campaigns.tests.criteria_helpers import qd51
from units.models import Role

pytestmark = pytest.mark.django_db
T = Indicator.ValueType


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def rendered_templates(client, url, data=None):
    """The names of the templates rendered for one GET (or POST with `data`) of the page, and the response."""
    names = []

    def seen(sender, template, context, **kwargs):
        names.append(template.name)

    template_rendered.connect(seen)
    try:
        response = client.post(url, data) if data is not None else client.get(url)
    finally:
        template_rendered.disconnect(seen)
    return names, response


def widget_templates(names):
    return [name for name in names if name and name.startswith("django/forms/")]


def markup_of_every_field(form):
    return {name: str(form[name]) for name in form.fields}


@pytest.fixture
def year_2021(client, clock, tree, make_user):
    clock(datetime.date(2024, 12, 16))
    client.force_login(make_user("officer", (tree.commune, Role.COMMUNE_OFFICER)))
    return reverse("progress:my-year", args=[tree.commune.pk, 2024])


@pytest.fixture
def year_2026(client, clock, tree, make_user):
    """The 2026 set with indicators of every type on its criteria, the commune in group 1."""
    clock(datetime.date(2026, 12, 16))
    types = [T.PERCENT, T.COUNT, T.BOOLEAN, T.TEXT, T.MONEY, T.NUMBER]
    for number, criterion in enumerate(qd51().criteria.all()):
        for index, value_type in enumerate(types):
            Indicator.objects.create(
                criterion=criterion,
                code=f"{number}.{index}",
                name=f'Chỉ tiêu <{value_type}> & "thử"',
                value_type=value_type,
            )
    CommuneGroup.objects.create(
        unit=tree.new_commune, group=1, valid_from=datetime.date(2026, 1, 1), decision="12/QĐ-UBND"
    )
    client.force_login(make_user("new-officer", (tree.new_commune, Role.COMMUNE_OFFICER)))
    return reverse("progress:my-year", args=[tree.new_commune.pk, 2026])


def test_the_2021_year_page_renders_no_widget_template_for_its_rows(client, year_2021):
    names, response = rendered_templates(client, year_2021)
    form = response.context["form"]
    assert len(form.fields) > 50  # 19 criteria with switch, note, file, and the indicators
    assert widget_templates(names) == []
    assert 'role="switch"' in response.content.decode()


def test_the_2026_year_page_renders_no_widget_template_for_its_indicators(client, year_2026):
    names, response = rendered_templates(client, year_2026)
    form = response.context["form"]
    assert sum(name.startswith("i") for name in form.fields) == 6 * qd51().criteria.count()
    assert widget_templates(names) == []


def test_the_2021_widgets_are_written_exactly_as_the_widget_templates_write_them(client, year_2021):
    form = client.get(year_2021).context["form"]
    direct = markup_of_every_field(form)
    form.renderer = DjangoTemplates()
    assert direct == markup_of_every_field(form)


def test_the_2026_widgets_with_errors_and_odd_characters_are_written_as_the_templates_write_them(client, year_2026):
    form = client.get(year_2026).context["form"]
    data = {name: form[name].value() for name in form.fields if not name.endswith("file")}
    data = {name: value for name, value in data.items() if value not in (None, False)}
    values = [name for name in form.fields if name.startswith("i")]
    data |= dict.fromkeys(values, '"><script>x</script>')  # refused by every numeric type
    data["action"] = "save"
    names, response = rendered_templates(client, year_2026, data)
    bound = response.context["form"]
    assert bound.errors and widget_templates(names) == []
    page = response.content.decode()
    assert "<script>x</script>" not in page
    assert 'aria-invalid="true"' in page
    direct = markup_of_every_field(bound)
    bound.renderer = DjangoTemplates()
    assert direct == markup_of_every_field(bound)


def test_the_year_page_writes_its_criterion_and_indicator_rows_without_a_template_per_row(client, year_2026):
    names, response = rendered_templates(client, year_2026)
    assert len([name for name in names if name and name.startswith("assessments/")]) <= 5  # the page and its parts
    page = response.content.decode()
    assert page.count('class="progress-indicator ') == 6 * qd51().criteria.count()
    assert page.count('class="progress-decided js-decided"') == qd51().criteria.count()


def test_the_rows_escape_the_names_and_show_the_group_thresholds(client, year_2026):
    indicator = Indicator.objects.filter(criterion__criteria_set=qd51(), value_type=T.PERCENT).order_by("pk").first()
    GroupThreshold.objects.create(indicator=indicator, commune_group=1, from_year=2026, value=Decimal("80.50"))
    page = client.get(year_2026).content.decode()

    assert "Chỉ tiêu &lt;percent&gt; &amp; &quot;thử&quot;" in page
    assert "<percent>" not in page
    assert 'threshold <span class="group-threshold">≥ 80.5</span>' in page


def test_the_2021_rows_show_the_regional_threshold_localised(client, year_2021, settings):
    indicator = Indicator.objects.filter(criterion__criteria_set__code="qd318-xa-2021").order_by("pk").first()
    Threshold.objects.create(indicator=indicator, value=Decimal("1234.500"))
    settings.LANGUAGE_CODE = "vi"
    with translation.override("vi"):
        page = client.get(year_2021).content.decode()
    assert "ngưỡng ≥ 1234,5" in page
