"""Forms for the records a unit keeps besides its assessments: recognitions, village statuses, OCOP, resources,
exemplary models. Each form is given the units the user may write for, and checks what the database cannot.
"""

import datetime
import re
from decimal import Decimal

from django import forms
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from campaigns.models import ExemplaryModel, OcopProduct, OcopRating, Recognition, ResourceContribution, VillageYear
from campaigns.models.progress import STATUS_KIND, STATUS_SINCE
from units.fields import COLUMN_RANGES, UnitChoiceField, WholeNumberField
from units.models import Kind, Unit, User

# Officials write dates as dd/mm/yyyy; ISO is accepted too so that pasted dates work.
DATE_INPUTS = ["%d/%m/%Y", "%Y-%m-%d"]
DATE_WIDGET = forms.DateInput(
    format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"}
)
FIRST_YEAR = 2000
# QĐ 148/QĐ-TTg, the OCOP rules of 2023, was signed on 24/02/2023: no rating under it can be older.
QD_148_SIGNED = datetime.date(2023, 2, 24)


def today() -> datetime.date:
    return datetime.date.today()


def check_not_future(value: datetime.date | None) -> datetime.date | None:
    if value and value > today():
        raise forms.ValidationError(_("A decision cannot be dated in the future."))
    return value


def check_year(value: int | None) -> int | None:
    if value is not None and not FIRST_YEAR <= value <= today().year:
        raise forms.ValidationError(
            _("Give a year between %(first)s and %(last)s.") % {"first": FIRST_YEAR, "last": today().year}
        )
    return value


class MoneyField(forms.Field):
    """A whole amount of đồng, typed with or without thousand separators: "1.250.000.000" or "1250000000 ₫"."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "class": "text-end", "autocomplete": "off"})
    default_error_messages = {
        "negative": _("Enter an amount of zero or more."),
        "invalid": _("Enter a whole amount in đồng, e.g. 1.250.000.000."),
        "fraction": _("Amounts are whole đồng: leave out the decimals."),
        "too_large": _("This amount is too large."),
    }

    def __init__(self, *, max_digits: int = 16, **kwargs):
        self.max_digits = max_digits
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, int | Decimal):
            return number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)
        return value

    def to_python(self, value) -> Decimal:
        text = str(value or "").strip()
        if not text:
            return Decimal(0)
        if text.startswith("-"):
            raise forms.ValidationError(self.error_messages["negative"], code="negative")
        text = re.sub(r"(?i)\s|₫|đ|vnd", "", text)
        # A separator followed by one or two digits at the end is a decimal part, not a thousands group.
        if re.search(r"[.,]\d{1,2}$", text):
            raise forms.ValidationError(self.error_messages["fraction"], code="fraction")
        digits = text.replace(".", "").replace(",", "")
        if not digits.isdecimal():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if len(digits.lstrip("0")) > self.max_digits:
            raise forms.ValidationError(self.error_messages["too_large"], code="too_large")
        return Decimal(digits)


def label(model: type, field: str) -> str:
    """The model field's own label, capitalised as ModelForm does for the fields it makes."""
    return capfirst(model._meta.get_field(field).verbose_name)


class AreaField(forms.DecimalField):
    """Square metres as Vietnamese write them, "1.200,5", or plainly, "1200.5"."""

    def to_python(self, value):
        text = str(value or "").replace(" ", "")
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d*)?", text):  # dots group thousands
            text = text.replace(".", "")
        return super().to_python(text.replace(",", "."))


class UnitsMixin:
    """Limits the `unit` field to the units the user may write for under the hub (the field's scope)."""

    def __init__(self, *args, user: User | None = None, hub: Unit | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        if self.instance.pk:  # an edited record stays where it is
            field.queryset = Unit.objects.filter(pk=self.instance.unit_id)
            field.disabled = True
        else:
            field.limit_to(user, hub=hub)
            only = list(field.queryset[:2])
            if len(only) == 1:
                field.initial = only[0].pk


class RecognitionForm(UnitsMixin, forms.ModelForm):
    unit = UnitChoiceField(
        scope="records:recognition",
        label=label(Recognition, "unit"),
        help_text=_("Communes for commune statuses, villages for village statuses."),
    )

    class Meta:
        model = Recognition
        fields = [
            "unit",
            "status",
            "decision_number",
            "decision_date",
            "issuer",
            "revoked_on",
            "revocation_note",
            "note",
        ]
        widgets = {"decision_date": DATE_WIDGET, "revoked_on": DATE_WIDGET, "note": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "decision_number": _("e.g. 2105/QĐ-UBND"),
            "issuer": _("e.g. UBND tỉnh Cao Bằng"),
            "revocation_note": _("Number and date of the decision that revoked it."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("decision_date", "revoked_on"):
            self.fields[name].input_formats = DATE_INPUTS

    def clean_decision_date(self):
        return check_not_future(self.cleaned_data["decision_date"])

    def clean_revoked_on(self):
        return check_not_future(self.cleaned_data["revoked_on"])

    def clean(self):
        cleaned = super().clean()
        unit, status = cleaned.get("unit"), cleaned.get("status")
        decided, revoked = cleaned.get("decision_date"), cleaned.get("revoked_on")
        if unit and status and STATUS_KIND.get(status) != unit.kind:
            self.add_error(
                "status",
                _("This status is for a %(kind)s; %(unit)s is a %(unit_kind)s.")
                % {
                    "kind": Kind(STATUS_KIND[status]).label.lower(),
                    "unit": unit.name,
                    "unit_kind": unit.get_kind_display().lower(),
                },
            )
        since = STATUS_SINCE.get(status)
        if since and decided and decided < since and "status" not in self.errors:
            self.add_error(
                "decision_date",
                _("This level exists from %(date)s; a decision before that date cannot recognise it.")
                % {"date": f"{since:%d/%m/%Y}"},
            )
        if unit and decided and not unit.is_valid_on(decided):
            self.add_error("decision_date", _("%(unit)s did not exist on this date.") % {"unit": unit.name})
        if decided and revoked and revoked < decided:
            self.add_error("revoked_on", _("A decision cannot be revoked before it was made."))
        if cleaned.get("revocation_note") and not revoked and "revoked_on" not in self.errors:
            self.add_error("revoked_on", _("Give the date of the revocation."))
        if unit and status and not revoked and "status" not in self.errors:
            held = Recognition.objects.filter(unit=unit, status=status, revoked_on__isnull=True)
            earlier = held.exclude(pk=self.instance.pk).first()
            if earlier:
                self.add_error(
                    "status",
                    _("%(unit)s already holds this status (decision of %(date)s).")
                    % {"unit": unit.name, "date": f"{earlier.decision_date:%d/%m/%Y}"},
                )
        return cleaned


class VillageGridForm(forms.Form):
    """One status select per village for one year; a blank choice means "no record"."""

    def __init__(self, *args, villages: list[Unit], current: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "—"), *VillageYear.Status.choices]
        self.villages = villages
        for village in villages:
            self.fields[self.key(village)] = forms.ChoiceField(
                label=village.name,
                choices=choices,
                required=False,
                initial=current.get(village.pk, ""),
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )

    @staticmethod
    def key(village: Unit) -> str:
        return f"village-{village.pk}"

    def statuses(self) -> dict[Unit, str]:
        return {village: self.cleaned_data[self.key(village)] for village in self.villages}


class OcopProductForm(UnitsMixin, forms.ModelForm):
    unit = UnitChoiceField(scope="records:commune", label=label(OcopProduct, "unit"))

    class Meta:
        model = OcopProduct
        fields = ["unit", "name", "owner_name", "owner_kind", "group"]
        help_texts = {"owner_name": _("The enterprise, cooperative or household that makes it.")}

    def clean(self):
        cleaned = super().clean()
        unit, name = cleaned.get("unit"), cleaned.get("name")
        if unit and name:
            same = OcopProduct.objects.filter(unit=unit, name__iexact=name.strip()).exclude(pk=self.instance.pk)
            if same.exists():
                self.add_error("name", _("This commune already has a product of this name."))
        return cleaned


class OcopRatingForm(forms.ModelForm):
    stars = forms.TypedChoiceField(
        label=label(OcopRating, "stars"),
        coerce=int,
        choices=[(n, f"{n}★") for n in range(1, 6)],
        error_messages={"invalid_choice": _("Stars go from 1 to 5.")},
    )
    score = forms.DecimalField(
        label=label(OcopRating, "score"),
        help_text=_("Out of 100, as the council scored it."),
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=2,
        localize=True,
    )

    class Meta:
        model = OcopRating
        fields = ["stars", "score", "rules_version", "level", "decision_number", "decision_date"]
        widgets = {"decision_date": DATE_WIDGET}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision_date"].input_formats = DATE_INPUTS
        self.fields["decision_date"].help_text = _("The certificate is valid 36 months from this date.")

    def clean_decision_date(self):
        return check_not_future(self.cleaned_data["decision_date"])

    def clean(self):
        cleaned = super().clean()
        decided, rules = cleaned.get("decision_date"), cleaned.get("rules_version")
        if decided and rules == OcopRating.RulesVersion.QD_148_2023 and decided < QD_148_SIGNED:
            self.add_error("rules_version", _("QĐ 148/QĐ-TTg applies to decisions from 24/02/2023."))
        if decided and "decision_date" not in self.errors:
            same = OcopRating.objects.filter(product=self.instance.product, decision_date=decided)
            if same.exclude(pk=self.instance.pk).exists():
                self.add_error("decision_date", _("This product already has a rating decided on this date."))
        return cleaned


class ResourceForm(UnitsMixin, forms.ModelForm):
    unit = UnitChoiceField(scope="records:commune", label=_("Commune"))
    state_budget = MoneyField(label=label(ResourceContribution, "state_budget"))
    people = MoneyField(label=label(ResourceContribution, "people"))
    enterprises = MoneyField(label=label(ResourceContribution, "enterprises"))
    land_donated_m2 = AreaField(
        label=label(ResourceContribution, "land_donated_m2"),
        min_value=0,
        max_digits=12,
        decimal_places=1,
        localize=True,
        required=False,
    )
    labour_days = WholeNumberField(
        label=label(ResourceContribution, "labour_days"),
        max_value=COLUMN_RANGES["PositiveIntegerField"][1],
        required=False,
    )

    class Meta:
        model = ResourceContribution
        fields = ["unit", "year", "state_budget", "people", "enterprises", "land_donated_m2", "labour_days", "note"]

    def clean_year(self):
        return check_year(self.cleaned_data["year"])

    def clean_land_donated_m2(self):
        return self.cleaned_data["land_donated_m2"] or Decimal(0)

    def clean_labour_days(self):
        return self.cleaned_data["labour_days"] or 0

    def clean(self):
        cleaned = super().clean()
        unit, year = cleaned.get("unit"), cleaned.get("year")
        if unit and year and "year" not in self.errors:
            same = ResourceContribution.objects.filter(unit=unit, year=year).exclude(pk=self.instance.pk)
            if same.exists():
                self.add_error(
                    "year", _("%(unit)s already has a record for %(year)s: edit it.") % {"unit": unit, "year": year}
                )
        return cleaned


class ExemplaryModelForm(UnitsMixin, forms.ModelForm):
    unit = UnitChoiceField(
        scope="records:model",
        label=label(ExemplaryModel, "unit"),
        help_text=_("The commune, or the village where the model is."),
    )

    class Meta:
        model = ExemplaryModel
        fields = ["unit", "year", "kind", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def clean_year(self):
        return check_year(self.cleaned_data["year"])
