"""Forms for the dated award catalogue: award forms, who grants them in each period, and the base salary.

Each row is valid over a period; a change of law is a new row from its date, never an edit of the old one
(documents already issued cite the old one). The forms refuse an end before the start and a period that
overlaps another row of the same key, next to the date fields.
"""

import datetime

from django import forms
from django.db.models import Q, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from awards.catalogue import DOSSIER_PARTS
from awards.models import AwardForm, BaseSalary, GrantRule, LegalRegime, NomineeKind
from units.fields import fit_columns

# An <input type="date"> sends ISO dates; typed dates may come as dd/mm/yyyy.
DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y"]
TEXTAREA = forms.Textarea(attrs={"rows": 3})


def check_dates(form: forms.ModelForm, start: str = "valid_from", end: str = "valid_to") -> None:
    cleaned = form.cleaned_data
    if cleaned.get(start) and cleaned.get(end) and cleaned[end] < cleaned[start]:
        form.add_error(end, _("The end date must be on or after the start date."))


def overlapping(rows: QuerySet, start: datetime.date | None, end: datetime.date | None) -> QuerySet:
    """Rows whose period [valid_from, valid_to] meets [start, end]; a blank date is open-ended."""
    if end is not None:
        rows = rows.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end))
    if start is not None:
        rows = rows.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
    return rows


def period_text(row) -> str:
    start = date_format(row.valid_from, "SHORT_DATE_FORMAT") if row.valid_from else "…"
    end = date_format(row.valid_to, "SHORT_DATE_FORMAT") if row.valid_to else "…"
    return f"{start} – {end}"


class DatedForm(forms.ModelForm):
    date_fields: tuple[str, ...] = ("valid_from", "valid_to")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.date_fields:
            # One widget per field: crispy marks an invalid field on its widget's attributes.
            self.fields[name].widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            self.fields[name].input_formats = DATE_INPUTS
        fit_columns(self)


def checkboxes(label, choices, **kwargs) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, choices=choices, widget=forms.CheckboxSelectMultiple, required=False, **kwargs
    )


class AwardFormForm(DatedForm):
    eligible_nominees = checkboxes(_("eligible nominee kinds"), NomineeKind.choices)
    required_parts = checkboxes(_("required dossier parts"), list(DOSSIER_PARTS.items()))
    regimes = checkboxes(_("legal regimes"), LegalRegime.choices)

    class Meta:
        model = AwardForm
        fields = [
            "name",
            "short_name",
            "category",
            "authority_level",
            "authority_title",
            "eligible_nominees",
            "required_parts",
            "regimes",
            "valid_from",
            "valid_to",
            "rank",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["valid_to"].help_text = _("Blank while it is still granted.")

    def clean(self):
        cleaned = super().clean()
        check_dates(self)
        return cleaned


class GrantRuleForm(DatedForm):
    """Who grants one award form in one period. Two rules of the same form and granting level may not
    overlap: a new decree starts a new rule, and the old one is given its last day."""

    bonus_recipients = checkboxes(_("bonus for nominee kinds"), NomineeKind.choices)

    class Meta:
        model = GrantRule
        fields = [
            "authority_level",
            "authority_title",
            "regime",
            "legal_basis",
            "valid_from",
            "valid_to",
            "reported_end",
            "status",
            "bonus_multiple",
            "bonus_recipients",
            "bonus_status",
            "note",
        ]
        widgets = {"legal_basis": forms.Textarea(attrs={"rows": 4}), "note": TEXTAREA}

    date_fields = ("valid_from", "valid_to", "reported_end")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bonus_multiple"].min_value = None  # checked in clean_bonus_multiple, with a clear message

    def clean_bonus_multiple(self):
        value = self.cleaned_data.get("bonus_multiple")
        if value is not None and value <= 0:
            raise forms.ValidationError(_("The bonus is a positive multiple of the base salary, or blank."))
        return value

    def clean(self):
        cleaned = super().clean()
        check_dates(self)
        level = cleaned.get("authority_level")
        if self.errors or not level:
            return cleaned
        rules = GrantRule.objects.filter(award_form=self.instance.award_form, authority_level=level)
        clash = overlapping(rules.exclude(pk=self.instance.pk), cleaned.get("valid_from"), cleaned.get("valid_to"))
        if other := clash.order_by("valid_from").first():
            self.add_error(
                "valid_from",
                _(
                    "This period overlaps the rule “%(regime)s” (%(period)s) of the same form and granting level. "
                    "Give the earlier rule its last day first, or change these dates."
                )
                % {"regime": other.regime, "period": period_text(other)},
            )
        return cleaned


class BaseSalaryForm(DatedForm):
    """A base salary from a date to the next row's date: one row per start date."""

    date_fields = ("valid_from",)

    class Meta:
        model = BaseSalary
        fields = ["valid_from", "amount", "legal_basis", "status", "note"]
        widgets = {"note": TEXTAREA}

    def clean_amount(self):
        amount = self.cleaned_data.get("amount")
        if amount is not None and amount <= 0:
            raise forms.ValidationError(_("Enter an amount above zero."))
        return amount

    def clean_valid_from(self):
        day = self.cleaned_data.get("valid_from")
        if day and BaseSalary.objects.filter(valid_from=day).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("A base salary already starts on this date: edit that row instead."))
        return day
