"""The form national administrators enter a campaign (phong trào thi đua) with: its name, period and reviews."""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign
from units.fields import YearFormField, fit_columns


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = [
            "name",
            "scope",
            "start_year",
            "end_year",
            "midterm_year",
            "final_year",
            "launching_body",
            "national_plan",
            "description",
        ]
        field_classes = {
            "start_year": YearFormField,
            "end_year": YearFormField,
            "midterm_year": YearFormField,
            "final_year": YearFormField,
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "midterm_year": _("Leave blank: the middle of the period."),
            "final_year": _("Leave blank: the last year of the period."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fit_columns(self)

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("start_year"), cleaned.get("end_year")
        if first is None or last is None:
            return cleaned
        if last < first:
            # On the field, which also keeps the model's check constraint from repeating it at the top.
            self.add_error("end_year", _("The last year must not be before the first year."))
            return cleaned
        for name in ("midterm_year", "final_year"):
            year = cleaned.get(name)
            if year is not None and not first <= year <= last:
                self.add_error(
                    name, _("Choose a year of the period, %(first)s to %(last)s.") % {"first": first, "last": last}
                )
        return cleaned
