"""The target form: which fields each type reads, what each needs, and the named units kept in the plan's order."""

import datetime
import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from campaigns.models import Target
from campaigns.models.progress import STATUS_KIND
from campaigns.plans.forms import plan_units  # noqa: F401 (registers the "plans:plan-units" scope the fields use)
from units.fields import UnitChoiceField, UnitMultipleChoiceField, YearFormField, bound, fit_columns, row_pks
from units.hierarchy import TERRITORIES
from units.models import DIVISION_TYPES, Kind, Unit, User
from units.picker import matches_label
from units.widgets import TEXT_SUFFIX

# Fields each target type reads (campaigns.targets.evaluation); the others are hidden by campaigns.js.
FILTERS = ["only_mountainous", "only_ethnic_minority", "only_especially_difficult", "only_border"]
TYPE_FIELDS = {
    Target.Type.UNIT_MILESTONE: ["units", "status", "target_value", "years"],
    Target.Type.KEEP_STATUS: ["units", "status"],
    Target.Type.UNIT_SHARE: [
        "scope_unit",
        "unit_kind",
        "division_type",
        "status",
        "measure",
        *FILTERS,
        "target_value",
        "years",
    ],
    Target.Type.AVERAGE_CRITERIA: ["scope_unit", *FILTERS, "target_value", "years"],
    Target.Type.MINIMUM_CRITERIA: ["scope_unit", *FILTERS, "target_value"],
    Target.Type.CRITERIA_GAIN: ["scope_unit", *FILTERS, "target_value", "target_value_max"],
    Target.Type.OCOP_PRODUCTS: ["scope_unit", "ocop_stars", "ocop_level", "target_value", "target_value_max", "years"],
    Target.Type.RATIO_TO_BASELINE: ["scope_unit", "indicator", "unit_of_measure", "target_value"],
    Target.Type.FREE_INDICATOR: ["scope_unit", "indicator", "unit_of_measure", "target_value", "years"],
    Target.Type.VILLAGES_EACH: ["units", "scope_unit", "division_type", "status", *FILTERS, "target_value", "years"],
}
COMMON_FIELDS = ["type", "description", "note", "baseline_value", "baseline_year", "deadline_year", "order"]

# What each type cannot do without, with the message shown next to the field.
REQUIRED = {
    Target.Type.UNIT_MILESTONE: ["status"],
    Target.Type.KEEP_STATUS: ["status"],
    Target.Type.UNIT_SHARE: ["unit_kind", "status", "measure", "target_value"],
    Target.Type.AVERAGE_CRITERIA: ["target_value"],
    Target.Type.MINIMUM_CRITERIA: ["target_value"],
    Target.Type.CRITERIA_GAIN: ["target_value"],
    Target.Type.OCOP_PRODUCTS: ["ocop_stars", "target_value"],
    Target.Type.RATIO_TO_BASELINE: ["indicator", "baseline_year", "target_value"],
    Target.Type.FREE_INDICATOR: ["indicator", "target_value"],
    Target.Type.VILLAGES_EACH: ["status"],
}
REQUIRED_MESSAGES = {
    "status": _("This type of target needs a status."),
    "unit_kind": _("Say which kind of unit is counted."),
    "measure": _("Say whether to count units or give a percentage."),
    "target_value": _("This type of target needs a target value."),
    "ocop_stars": _("Say how many stars the products need."),
    "indicator": _("Name the indicator, as recorded in the measurements."),
    "baseline_year": _("A ratio needs the baseline year it compares with."),
}


# The messages of a target's numbers, for NaN, 1e30 or -1 typed in place of a value.
NUMBER_MESSAGES = {
    "invalid": _("Enter a number, e.g. 12.5."),
    "required": _("Enter a number, e.g. 12.5."),
    "min_value": _("Enter zero or more."),
    "max_digits": _("This number is too large."),
    "max_whole_digits": _("This number is too large."),
    "max_decimal_places": _("Use at most three decimal places."),
}
# One line of the yearly breakdown, checked as TargetYear's columns are.
BREAKDOWN_YEAR = YearFormField()
BREAKDOWN_VALUE = forms.DecimalField(max_digits=18, decimal_places=3, min_value=0, error_messages=NUMBER_MESSAGES)


# Division types a target may count only (Xã, not Thị trấn): those of the territories, each once.
DIVISION_CHOICES = [("", _("Every type"))] + [
    (name, name) for name in dict.fromkeys(name for kind in TERRITORIES for name in DIVISION_TYPES[kind])
]


class TargetForm(forms.ModelForm):
    division_type = forms.ChoiceField(
        label=_("Only units of the type"),
        choices=DIVISION_CHOICES,
        required=False,
        help_text=_("E.g. only “Xã”, so that a thị trấn or a phường is not counted (“13/13 xã”)."),
    )
    scope_unit = UnitChoiceField(scope="plans:plan-units", label=_("Counted within"), required=False)
    units = UnitMultipleChoiceField(scope="plans:plan-units", label=_("Named units"), required=False)
    years = forms.CharField(
        label=_("Yearly breakdown"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional, one year a line: 'year: value'."),
    )

    class Meta:
        model = Target
        fields = [
            "type",
            "description",
            "note",
            "units",
            "scope_unit",
            "unit_kind",
            "division_type",
            "status",
            "measure",
            *FILTERS,
            "ocop_stars",
            "ocop_level",
            "indicator",
            "unit_of_measure",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_value_max",
            "deadline_year",
            "years",
            "order",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "note": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "type": _("The fields this type does not use are ignored."),
            "description": _("The target as the plan words it."),
            "note": _("What you read into the plan's words (figures, units, years), shown apart from them."),
            "status": _("For named-unit and share targets: the status to reach or keep."),
            "unit_kind": _("For share targets: the kind of unit counted (communes, villages…)."),
            "measure": _("For share targets: a number of units or a percentage of them."),
            "baseline_value": _("The value stated for the baseline year, if any."),
            "target_value": _(
                "Milestone targets: leave blank to mean every named unit. Villages in each commune: the number of "
                "villages each commune needs (blank means one)."
            ),
            "target_value_max": _("For a range such as '2-3 products': the upper end."),
            "indicator": _("For ratio and free indicators, e.g. rural income per head."),
        }

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = datetime.date.today().year
        self.fields["years"].widget.attrs["placeholder"] = f"{this_year}: 1\n{this_year + 1}: 2"
        self.fields["units"].limit_to(user, plan=self.instance.plan)
        self.fields["units"].help_text = _("For milestone and keep targets: the units named in the plan.")
        self.fields["scope_unit"].limit_to(user, plan=self.instance.plan)
        self.fields["scope_unit"].help_text = _("Blank means the plan's issuing unit.")
        self.fields["measure"].required = False  # only share targets read it
        if self.instance.pk:
            self.initial["units"] = [unit.pk for unit in self.instance.ordered_units()]
            self.initial["years"] = "\n".join(f"{y.year}: {y.value.normalize():f}" for y in self.instance.years.all())
        fit_columns(self)
        bound(self.fields["ocop_stars"], 1, 5)
        for name in ("baseline_value", "target_value", "target_value_max"):
            self.fields[name].error_messages.update(NUMBER_MESSAGES)

    def field_map(self) -> dict[str, list[str]]:
        """For campaigns.js: which optional fields each type shows."""
        return {str(type_): [*COMMON_FIELDS, *fields] for type_, fields in TYPE_FIELDS.items()}

    def clean_units(self) -> list[Unit]:
        """The named units in the plan's order: those already listed keep their place, new ones follow in the
        order they were chosen, then as typed."""
        units = list(self.cleaned_data["units"] or [])
        kept = {pk: index for index, pk in enumerate(self.instance.unit_order or [])}
        name = self.add_prefix("units")
        raw = self.data.getlist(name) if hasattr(self.data, "getlist") else self.data.get(name) or []
        posted = {pk: index for index, pk in enumerate(row_pks(raw if isinstance(raw, list | tuple) else [raw]))}
        typed = [entry.strip() for entry in re.split(r"[;\n]", self.data.get(name + TEXT_SUFFIX) or "")]

        def position(unit: Unit) -> tuple:
            if unit.pk in kept:
                return (0, kept[unit.pk])
            if unit.pk in posted:
                return (1, posted[unit.pk])
            return (2, next((i for i, entry in enumerate(typed) if entry and matches_label(unit, entry)), len(typed)))

        return sorted(units, key=position)

    def clean_years(self) -> dict[int, Decimal]:
        """Every line checked before anything is saved: a year a page can show, a value its column holds."""
        years = {}
        for number, line in enumerate(self.cleaned_data["years"].splitlines(), 1):
            if not line.strip():
                continue
            year, separator, value = line.partition(":")
            if not separator:
                raise forms.ValidationError(_("Write one year a line, as 'year: value'."))
            try:
                years[BREAKDOWN_YEAR.clean(year.strip())] = BREAKDOWN_VALUE.clean(value.strip().replace(",", "."))
            except ValidationError as error:
                raise forms.ValidationError(
                    _("Line %(number)s (“%(line)s”): %(error)s")
                    % {"number": number, "line": line.strip()[:40], "error": " ".join(error.messages)}
                ) from None
        return years

    def clean(self):
        cleaned = super().clean()
        type_ = cleaned.get("type")
        for name in REQUIRED.get(type_, []):
            if cleaned.get(name) in (None, "") and name not in self.errors:
                self.add_error(name, REQUIRED_MESSAGES[name])
        division, kind = cleaned.get("division_type"), cleaned.get("unit_kind")
        if type_ == Target.Type.VILLAGES_EACH:
            kind = Kind.COMMUNE
        if division and kind and division not in DIVISION_TYPES.get(kind, []):
            self.add_error("division_type", _("Units of the chosen kind are never of this type."))
        if type_ in (Target.Type.UNIT_MILESTONE, Target.Type.KEEP_STATUS) and not cleaned.get("units"):
            self.add_error("units", _("Name at least one unit."))
        if not cleaned.get("measure") and "measure" not in self.errors:
            cleaned["measure"] = Target.Measure.COUNT
        self._check_kinds(cleaned)
        low, high = cleaned.get("target_value"), cleaned.get("target_value_max")
        if high is not None and (low is None or high < low):
            self.add_error("target_value_max", _("The upper end must not be below the target value."))
        baseline_year, deadline_year = cleaned.get("baseline_year"), cleaned.get("deadline_year")
        if baseline_year and deadline_year and baseline_year > deadline_year:
            self.add_error("baseline_year", _("The baseline year must come before the deadline year."))
        return cleaned

    def _check_kinds(self, cleaned):
        """The status must fit the units counted: a village status for villages, and so on."""
        status_kind = STATUS_KIND.get(cleaned.get("status"))
        if status_kind is None:
            return
        if cleaned.get("type") == Target.Type.UNIT_SHARE and cleaned.get("unit_kind") not in (None, "", status_kind):
            self.add_error("status", _("This status is not one that units of the chosen kind reach."))
        if cleaned.get("type") == Target.Type.VILLAGES_EACH:
            if status_kind != Kind.VILLAGE:
                self.add_error("status", _("Choose a status that villages reach."))
            wrong = [unit.name for unit in cleaned.get("units") or [] if unit.kind != Kind.COMMUNE]
            if wrong:
                self.add_error("units", _("Name communes here: %(names)s are not.") % {"names": ", ".join(wrong)})
        if cleaned.get("type") in (Target.Type.UNIT_MILESTONE, Target.Type.KEEP_STATUS):
            wrong = [unit.name for unit in cleaned.get("units") or [] if unit.kind != status_kind]
            if wrong:
                self.add_error(
                    "units",
                    _("These units cannot reach the chosen status: %(names)s.") % {"names": ", ".join(wrong)},
                )

    def save(self, commit=True):
        """The target, its named units and its yearly breakdown together, or nothing."""
        if not commit:
            return super().save(commit=False)
        with transaction.atomic():
            self.instance.unit_order = [unit.pk for unit in self.cleaned_data.get("units") or []]
            target = super().save()
            target.years.all().delete()
            target.years.bulk_create(
                [target.years.model(target=target, year=y, value=v) for y, v in self.cleaned_data["years"].items()]
            )
        return target
