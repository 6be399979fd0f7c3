"""Indicator values and thresholds read by value type, and criteria decided from the values.

One reader for the threshold editor, the year form and the Excel templates, so that "85,5", "Có" and "Đạt" mean
the same thing everywhere and a value of the wrong type gets the same message next to its field.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from campaigns.models import Criterion, GroupThreshold, Indicator

YES = {"1", "có", "co", "đạt", "dat", "yes", "true", "x"}
NO = {"0", "không", "khong", "không đạt", "khong dat", "no", "false"}
NUMBER_TYPES = (Indicator.ValueType.NUMBER, Indicator.ValueType.MONEY)


def parse_value(value_type: str, raw) -> Decimal | str | None:
    """The value typed or read for an indicator of `value_type`: a Decimal, or text for a text level; None if blank.

    Raises ValidationError with a message for the person who typed it.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if value_type == Indicator.ValueType.TEXT:
        text = str(raw).strip()
        if len(text) > 100:
            raise ValidationError(_("A text level may have at most 100 characters."), code="too_long")
        return text
    if value_type == Indicator.ValueType.BOOLEAN:
        word = str(raw).strip().casefold()
        if isinstance(raw, bool | int | Decimal) and raw in (0, 1):
            word = "1" if raw else "0"
        if word in YES:
            return Decimal(1)
        if word in NO:
            return Decimal(0)
        raise ValidationError(_("Enter yes or no (Có / Không) for this indicator."), code="not_yes_no")
    number = _number(raw)
    if value_type == Indicator.ValueType.PERCENT and not 0 <= number <= 100:
        raise ValidationError(_("Enter a percentage between 0 and 100."), code="not_percent")
    if value_type == Indicator.ValueType.COUNT and (number < 0 or number != number.to_integral_value()):
        raise ValidationError(_("Enter a whole number, 0 or more."), code="not_count")
    if value_type != Indicator.ValueType.NUMBER and number < 0:
        raise ValidationError(_("Enter a number, 0 or more."), code="negative")
    return number


def _number(raw) -> Decimal:
    if isinstance(raw, bool):
        raise ValidationError(_("Enter a number for this indicator (e.g. 85.5)."), code="not_number")
    text = str(raw).strip().replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # 85,5 as written in Vietnamese
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError(_("Enter a number for this indicator (e.g. 85.5)."), code="not_number") from None
    if not number.is_finite() or abs(number) >= Decimal(10) ** 11:
        raise ValidationError(_("Enter a number for this indicator (e.g. 85.5)."), code="not_number")
    return number.quantize(Decimal("0.001")) if number.as_tuple().exponent < -3 else number


def shown_value(value_type: str, value: Decimal | str | None) -> str:
    """A stored value as the forms and the Excel template show it, so that it reads back the same."""
    if value is None or value == "":
        return ""
    if value_type == Indicator.ValueType.BOOLEAN:
        return _("Yes") if value else _("No")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def threshold_for(indicator: Indicator, group: int | None, year: int) -> GroupThreshold | None:
    """The indicator's threshold for a commune group in `year` (the latest start wins); reads prefetched rows."""
    if group is None:
        return None
    fitting = [t for t in indicator.group_thresholds.all() if t.commune_group == group and t.covers(year)]
    return max(fitting, key=lambda t: t.from_year, default=None)


@dataclass
class Decision:
    """What the indicator values say about a criterion: met, not met, or None when they cannot say."""

    met: bool | None
    why: str = ""


def decide(criterion: Criterion, *, values: dict, group: int | None, year: int) -> Decision:
    """Met when every applicable indicator reaches its group's threshold.

    An indicator applies when it has a threshold for the commune's group and year; one marked "where relevant"
    with no value entered does not apply. `values` maps indicator id → Decimal, text or None.
    """
    if group is None:
        return Decision(None, _("The commune has no commune group: the values cannot be compared with thresholds."))
    applicable = []
    for indicator in criterion.indicators.all():
        threshold = threshold_for(indicator, group, year)
        if threshold is None:
            continue
        value = values.get(indicator.pk)
        if value is None and indicator.only_if_relevant:
            continue
        applicable.append((indicator, threshold, value))
    if not applicable:
        return Decision(None, _("No thresholds are entered for this commune group and year."))
    missing = [indicator.code for indicator, _threshold, value in applicable if value is None]
    if missing:
        return Decision(False, _("No value yet for %(codes)s.") % {"codes": ", ".join(missing)})
    short = [indicator.code for indicator, threshold, value in applicable if not threshold.is_reached_by(value)]
    if short:
        return Decision(False, _("Below the threshold: %(codes)s.") % {"codes": ", ".join(short)})
    return Decision(True, _("Every indicator reaches its threshold."))
