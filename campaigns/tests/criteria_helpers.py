"""Shared steps of the criteria tests: the editor's forms posted as a person would, and the year form's data."""

from django.urls import reverse

from campaigns.models import CriteriaSet, Indicator

QD51 = "qd51-2025-xa-2026"


def qd51() -> CriteriaSet:
    return CriteriaSet.objects.get(code=QD51)


def add_indicator(client, criterion, *, code, value_type="percent", name=None, unit="%") -> Indicator:
    response = client.post(
        reverse("criteria:indicator-create", args=[criterion.pk]),
        {
            "code": code,
            "name": name or f"Chỉ tiêu thử {code}",
            "value_type": value_type,
            "unit_of_measure": unit,
            "source": "Dữ liệu thử",
            "order": 1,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return Indicator.objects.get(criterion=criterion, code=code)


def threshold_data(group, value, *, comparator="gte", from_year=2026, to_year=""):
    return {
        "commune_group": group,
        "from_year": from_year,
        "to_year": to_year,
        "comparator": comparator,
        "raw_value": value,
    }


def add_threshold(client, indicator, group, value, **kw):
    response = client.post(reverse("criteria:thresholds", args=[indicator.pk]), threshold_data(group, value, **kw))
    assert response.status_code == 302, response.context["form"].errors
    return response


def year_form_data(form, **overrides) -> dict:
    """What the browser posts for the year form as it was shown, with `overrides` by field name."""
    data = {}
    for name in form.fields:
        if name.endswith("file"):
            continue
        value = form[name].value()
        if value is True:
            data[name] = "on"
        elif value not in (None, False):
            data[name] = value
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}
