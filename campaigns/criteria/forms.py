"""Forms of the criteria-set editor and of the commune groups."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.criteria.values import parse_value, shown_value
from campaigns.models import CommuneGroup, Criterion, GroupThreshold, Indicator
from units.models import Unit

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y"]
MAX_UPLOAD_SIZE = 2 * 1024 * 1024  # a set of 47 indicators × 3 groups, or a province's communes, is a few KB


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["number", "name", "group", "source", "is_confirmed"]

    def clean_number(self):
        number = self.cleaned_data["number"]
        others = Criterion.objects.filter(criteria_set=self.instance.criteria_set_id, number=number)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This set already has a criterion %(number)s.") % {"number": number})
        return number


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "value_type",
            "unit_of_measure",
            "source",
            "only_if_relevant",
            "is_confirmed",
            "order",
        ]
        labels = {"order": gettext_lazy("order")}

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        criteria_set = self.instance.criterion.criteria_set_id
        others = Indicator.objects.filter(criterion__criteria_set=criteria_set, code=code)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This set already has an indicator %(code)s.") % {"code": code})
        return code

    def clean_value_type(self):
        value_type = self.cleaned_data["value_type"]
        if self.instance.pk and value_type != self.instance.value_type:
            for threshold in self.instance.group_thresholds.all():
                try:
                    parse_value(value_type, threshold.text_value or threshold.value)
                except forms.ValidationError:
                    raise forms.ValidationError(
                        _("The threshold %(threshold)s does not fit this value type: change or delete it first.")
                        % {"threshold": threshold.shown}
                    ) from None
        return value_type


class ThresholdForm(forms.ModelForm):
    """A threshold for one commune group; the value is read by the indicator's value type."""

    raw_value = forms.CharField(label=gettext_lazy("Threshold"), max_length=100)

    class Meta:
        model = GroupThreshold
        fields = ["commune_group", "from_year", "to_year", "comparator"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        indicator = self.instance.indicator
        self.fields["raw_value"].help_text = _("Value type: %(type)s%(unit)s.") % {
            "type": indicator.get_value_type_display(),
            "unit": f" ({indicator.unit_of_measure})" if indicator.unit_of_measure else "",
        }
        if self.instance.pk:
            self.initial["raw_value"] = self.instance.text_value or shown_value(
                indicator.value_type, self.instance.value
            )

    def clean_raw_value(self):
        try:
            return parse_value(self.instance.indicator.value_type, self.cleaned_data["raw_value"])
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages[0]) from None

    def clean(self):
        cleaned = super().clean()
        indicator = self.instance.indicator
        comparator = cleaned.get("comparator")
        if indicator.value_type == Indicator.ValueType.TEXT and comparator and comparator != "eq":
            self.add_error("comparator", _("A text level can only be compared with “=”."))
        criteria_set = indicator.criterion.criteria_set
        for name in ("from_year", "to_year"):
            year = cleaned.get(name)
            if year is not None and not criteria_set.start_year <= year <= criteria_set.end_year:
                self.add_error(
                    name,
                    _("The set covers %(start)s-%(end)s.")
                    % {"start": criteria_set.start_year, "end": criteria_set.end_year},
                )
        start, end, group = cleaned.get("from_year"), cleaned.get("to_year"), cleaned.get("commune_group")
        if start and end and end < start:
            self.add_error("to_year", _("The last year comes before the first."))
        elif start and group:
            for other in indicator.group_thresholds.filter(commune_group=group).exclude(pk=self.instance.pk):
                if start <= (other.to_year or 9999) and other.from_year <= (end or 9999):
                    self.add_error(
                        "from_year",
                        _("These years overlap the threshold %(years)s of the same group.") % {"years": other.years},
                    )
                    break
        return cleaned

    def save(self, commit=True):
        value = self.cleaned_data["raw_value"]
        self.instance.value, self.instance.text_value = (None, value) if isinstance(value, str) else (value, "")
        return super().save(commit)


class CommuneGroupForm(forms.ModelForm):
    """One commune's group from a date; the commune is one of the province's units."""

    class Meta:
        model = CommuneGroup
        fields = ["unit", "group", "valid_from", "decision"]
        widgets = {"unit": forms.HiddenInput, "valid_from": DATE_WIDGET}
        field_classes = {"valid_from": forms.DateField}

    def __init__(self, *args, province: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.within(province)
        self.fields["unit"].error_messages["invalid_choice"] = _("This unit is not in the province.")
        self.fields["valid_from"].input_formats = DATE_INPUTS


class WorkbookUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Filled template (.xlsx)"),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Upload an Excel file (.xlsx)."))
        if upload.size > MAX_UPLOAD_SIZE:
            raise forms.ValidationError(_("The file is too large (at most %(size)s).") % {"size": "2 MB"})
        return upload
