"""Values read by indicator type, and a criterion decided from them against its group's thresholds."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from campaigns.criteria.values import decide, parse_value
from campaigns.models import CriteriaSet, Criterion, GroupThreshold, Indicator

T = Indicator.ValueType


@pytest.mark.parametrize(
    ("value_type", "raw", "read"),
    [
        (T.PERCENT, "85,5", Decimal("85.5")),
        (T.PERCENT, 90.0, Decimal("90.0")),
        (T.BOOLEAN, "Có", Decimal(1)),
        (T.BOOLEAN, "không", Decimal(0)),
        (T.COUNT, "3", Decimal(3)),
        (T.NUMBER, "-2.5", Decimal("-2.5")),
        (T.TEXT, " Tốt ", "Tốt"),
        (T.PERCENT, "  ", None),
    ],
)
def test_a_value_is_read_by_its_indicators_type(value_type, raw, read):
    assert parse_value(value_type, raw) == read


@pytest.mark.parametrize(
    ("value_type", "raw"),
    [
        (T.PERCENT, "abc"),
        (T.PERCENT, "101"),
        (T.COUNT, "2.5"),
        (T.BOOLEAN, "có lẽ"),
        (T.MONEY, "-1"),
        (T.NUMBER, "inf"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused(value_type, raw):
    with pytest.raises(ValidationError):
        parse_value(value_type, raw)


@pytest.fixture
def criterion(db):
    criteria_set = CriteriaSet.objects.create(
        code="thu-2026", name="Bộ thử", level=CriteriaSet.Level.COMMUNE, start_year=2026, end_year=2030
    )
    criterion = Criterion.objects.create(criteria_set=criteria_set, number=1, name="Tiêu chí thử")
    level = Indicator.objects.create(criterion=criterion, code="1.1", name="Mức thử", value_type=T.TEXT)
    plan = Indicator.objects.create(criterion=criterion, code="1.2", name="Có quy hoạch", value_type=T.BOOLEAN)
    poverty = Indicator.objects.create(criterion=criterion, code="1.3", name="Tỷ lệ nghèo", value_type=T.PERCENT)
    GroupThreshold.objects.create(indicator=level, commune_group=1, from_year=2026, comparator="eq", text_value="Tốt")
    GroupThreshold.objects.create(indicator=plan, commune_group=1, from_year=2026, comparator="eq", value=1)
    GroupThreshold.objects.create(
        indicator=poverty, commune_group=1, from_year=2026, to_year=2027, comparator="lte", value=5
    )
    GroupThreshold.objects.create(indicator=poverty, commune_group=1, from_year=2028, comparator="lte", value=3)
    return criterion


def test_a_criterion_is_met_when_every_indicator_reaches_its_threshold_of_the_year(criterion):
    level, plan, poverty = criterion.indicators.all()
    values = {level.pk: "tốt", plan.pk: Decimal(1), poverty.pk: Decimal(4)}
    assert decide(criterion, values=values, group=1, year=2026).met is True
    assert decide(criterion, values=values, group=1, year=2028).met is False  # ≤ 3 from 2028
    assert decide(criterion, values={**values, level.pk: "Khá"}, group=1, year=2026).met is False
    assert decide(criterion, values={**values, plan.pk: None}, group=1, year=2026).met is False
    assert decide(criterion, values=values, group=2, year=2026).met is None  # no thresholds for Nhóm 2
    assert decide(criterion, values=values, group=None, year=2026).met is None
