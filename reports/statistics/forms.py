"""The statistics page's forms: which unit and reporting year, and the figures the unit enters itself."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from reports.forms import requestable_units  # noqa: F401 - registers the "reports:unit" picker scope
from reports.statistics.compute import MAX_ENTERED, FormTable
from units.fields import UnitChoiceField, YearFormField
from units.models import User

FIRST_REPORTING_YEAR = 2000  # before any form we hold; bounds what a request may ask


class StatisticsChoiceForm(forms.Form):
    unit = UnitChoiceField(scope="reports:unit", label=_("Unit"))
    year = YearFormField(
        label=_("Reporting year"),
        help_text=_("From 1 December of the year before to 30 November."),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].limit_to(user)
        last = datetime.date.today().year + 1
        self.fields["year"] = YearFormField(
            label=self.fields["year"].label,
            help_text=self.fields["year"].help_text,
            first=FIRST_REPORTING_YEAR,
            last=last,
        )


class EnteredFiguresForm(forms.Form):
    """One optional whole number per entered cell of the tables, named by the cell's key."""

    def __init__(self, *args, tables: list[FormTable], **kwargs):
        super().__init__(*args, **kwargs)
        for table in tables:
            for row, cells in table.rows:
                for cell, column in zip(cells, table.columns, strict=not row.is_heading):
                    if cell.entered:
                        self.fields[cell.key] = forms.IntegerField(
                            required=False,
                            min_value=0,
                            max_value=MAX_ENTERED,
                            label=f"{table.form.code} – {row.label} – {column.label}",
                        )

    def figures(self) -> dict[str, int]:
        return {key: value for key, value in self.cleaned_data.items() if value is not None}
