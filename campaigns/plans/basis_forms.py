"""Forms for the parts of a plan that used to need the Django admin: its other legal bases (căn cứ), its
emulation subjects with their criteria, and the yearly figures that ratio and free-indicator targets read."""

import json
from decimal import Decimal

from django import forms
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils.translation import gettext_lazy as _

from campaigns.models import Document, EmulationSubject, Measurement, PlanBasis, Target
from campaigns.plans.forms import DATE_INPUTS, DATE_WIDGET
from units.fields import FIRST_YEAR, LAST_YEAR, WholeNumberField, bound, fit_columns
from units.models import Unit

DOCUMENT_FIELDS = ["kind", "number", "date", "issuer", "subject"]
# A plan cites a few dozen texts at most; an order past this is a typing mistake.
MAX_ORDER = 999
# Long enough for a subject with many criteria, short enough that a pasted book is refused before saving.
MAX_CRITERIA_CHARS = 20_000
MAX_CRITERIA = 100
# The rows a data grid showed, sent back with it: a few dozen years of figures and sources.
MAX_SEEN_CHARS = 50_000


class BasisForm(forms.ModelForm):
    """A căn cứ: the cited document's fields and its place in the list.

    Documents are shared by the plans that cite them, so the form never changes the row another plan cites:
    saving finds the identical document or creates one (see save).
    """

    order = WholeNumberField(label=_("Order"), max_value=MAX_ORDER, required=False)

    class Meta:
        model = Document
        fields = DOCUMENT_FIELDS
        widgets = {"date": DATE_WIDGET, "subject": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"subject": _("Trích yếu, as the plan cites it")}

    def __init__(self, *args, basis: PlanBasis, **kwargs):
        self.basis = basis
        # A detached copy: the form edits values, never the shared row itself.
        current = Document(**model_to_dict(basis.document, DOCUMENT_FIELDS)) if basis.document_id else Document()
        super().__init__(*args, instance=current, initial={"order": basis.order}, **kwargs)
        self.fields["date"].input_formats = DATE_INPUTS
        fit_columns(self)

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if not cleaned.get("number") and not cleaned.get("subject"):
            self.add_error("number", _("Give the document's number and symbol, or its subject."))
            return cleaned
        document = self._existing_document()
        if document and self.basis.plan.bases.filter(document=document).exclude(pk=self.basis.pk).exists():
            self.add_error("number", _("This plan already cites this document."))
        return cleaned

    def _existing_document(self) -> Document | None:
        values = {name: self.cleaned_data.get(name) for name in DOCUMENT_FIELDS}
        return Document.objects.filter(**values).order_by("pk").first()

    def save(self, commit: bool = True) -> PlanBasis:
        with transaction.atomic():
            document = self._existing_document() or Document.objects.create(
                **{name: self.cleaned_data.get(name) for name in DOCUMENT_FIELDS}
            )
            basis = self.basis
            basis.document = document
            if self.cleaned_data.get("order") is not None:
                basis.order = self.cleaned_data["order"]
            basis.save()
        return basis


class SubjectForm(forms.ModelForm):
    criteria = forms.CharField(
        label=_("Emulation criteria"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_CRITERIA_CHARS,
        help_text=_("One criterion per line, as the plan words it."),
    )

    class Meta:
        model = EmulationSubject
        fields = ["kind", "description", "criteria", "order"]
        # The model's "subject" reads as a document's trích yếu in Vietnamese.
        labels = {"kind": _("Emulation subject"), "description": _("Who exactly")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].help_text = _("Position in the plan's list of subjects")
        bound(self.fields["order"], 0, MAX_ORDER)

    def clean_criteria(self) -> str:
        text = self.cleaned_data["criteria"]
        lines = [line.strip() for line in text.splitlines() if line.strip(" -–•")]
        if not lines:
            raise forms.ValidationError(_("Write at least one criterion."))
        if len(lines) > MAX_CRITERIA:
            raise forms.ValidationError(
                _("At most %(max)d criteria per subject; split them between subjects.") % {"max": MAX_CRITERIA}
            )
        return "\n".join(lines)


# The target types whose current value comes from recorded yearly figures (Measurement).
MEASURED_TYPES = (Target.Type.RATIO_TO_BASELINE, Target.Type.FREE_INDICATOR)


def series_years(target: Target, recorded: list[int]) -> list[int]:
    """The years the data grid offers: the programme's, the baseline year and every year already recorded."""
    years = set(target.plan.campaign.years) | set(recorded)
    if target.baseline_year:
        years.add(target.baseline_year)
    return sorted(year for year in years if FIRST_YEAR <= year <= LAST_YEAR)


Row = tuple[Decimal | None, str]


class TargetDataForm(forms.Form):
    """One row per year: the figure of the target's indicator for the unit it is counted in, and its source.

    A blank figure leaves the year without one (an existing figure is removed: the help text says so). The
    page carries the rows as it showed them ("seen"): a row the user left alone is not written, and a row
    someone else changed meanwhile is refused next to its year instead of being overwritten.
    """

    unit_of_measure = forms.CharField(label=_("Unit of measure"), max_length=40, required=False)
    seen = forms.CharField(widget=forms.HiddenInput, required=False, max_length=MAX_SEEN_CHARS)

    def __init__(self, *args, target: Target, unit: Unit, **kwargs):
        self.target, self.unit = target, unit
        self.recorded = {
            m.year: m for m in Measurement.objects.filter(unit=unit, indicator=target.indicator).order_by("year")
        }
        first = next(iter(self.recorded.values()), None)
        initial = {
            "unit_of_measure": first.unit_of_measure if first else target.unit_of_measure,
            "seen": json.dumps({year: [str(m.value), m.source] for year, m in self.recorded.items()}),
        }
        super().__init__(*args, initial=initial, **kwargs)
        # What the re-shown page carries as "seen": the rows as stored now, not as first shown.
        self.fresh_seen = initial["seen"]
        if self.is_bound:
            self.data = self.data.copy()  # untouched rows are re-shown with what is stored now
        self.years = series_years(target, list(self.recorded))
        for year in self.years:
            measurement = self.recorded.get(year)
            self.fields[f"value_{year}"] = forms.DecimalField(
                label=str(year),
                required=False,
                max_digits=18,
                decimal_places=3,
                min_value=Decimal(0),
                initial=measurement.value if measurement else None,
                error_messages={
                    "min_value": _("Enter zero or more."),
                    "max_digits": _("At most 15 digits before the decimal point and 3 after it."),
                    "max_decimal_places": _("At most 3 digits after the decimal point."),
                    "max_whole_digits": _("At most 15 digits before the decimal point and 3 after it."),
                },
            )
            self.fields[f"source_{year}"] = forms.CharField(
                label=_("source"), max_length=200, required=False, initial=measurement.source if measurement else ""
            )

    def rows(self) -> list[tuple[int, forms.BoundField, forms.BoundField]]:
        return [(year, self[f"value_{year}"], self[f"source_{year}"]) for year in self.years]

    def current(self, year: int) -> Row:
        measurement = self.recorded.get(year)
        return (measurement.value, measurement.source) if measurement else (None, "")

    def clean_seen(self) -> dict[int, Row] | None:
        """The rows as the page showed them; None when the page sent none (then the database's rows stand in)."""
        try:
            seen = json.loads(self.cleaned_data["seen"])
            rows = {
                int(year): (Decimal(value) if value else None, str(source)) for year, (value, source) in seen.items()
            }
        except (ValueError, TypeError, ArithmeticError, AttributeError):
            return None
        # A signalling NaN raises even on ==: a page never shows one, so such a "seen" is ignored.
        if any(value is not None and not value.is_finite() for value, _source in rows.values()):
            return None
        return rows

    def clean(self):
        cleaned = super().clean()
        seen = cleaned.get("seen")
        self.touched = []
        for year in self.years:
            name = f"value_{year}"
            if name in self.errors or f"source_{year}" in self.errors:
                continue
            posted: Row = (cleaned.get(name), cleaned.get(f"source_{year}", ""))
            shown = self.current(year) if seen is None else seen.get(year, (None, ""))
            if posted == shown:
                # Left alone: whatever is stored now stays, and is what the page shows if it comes back.
                value, source = self.current(year)
                self.data[name], self.data[f"source_{year}"] = "" if value is None else str(value), source
                continue
            if self.current(year) != shown:
                value = self.current(year)[0]
                self.add_error(
                    name,
                    _(
                        "Someone changed this year since you opened the page: it now reads %(value)s. Check it and save again."
                    )
                    % {"value": "—" if value is None else f"{value.normalize():f}"},
                )
                continue
            self.touched.append((year, posted))
        return cleaned

    def save(self) -> int:
        """Write the rows the user changed in one transaction; returns how many years changed."""
        unit_of_measure = self.cleaned_data["unit_of_measure"]
        series = Measurement.objects.filter(unit=self.unit, indicator=self.target.indicator)
        with transaction.atomic():
            if unit_of_measure != self.initial["unit_of_measure"]:
                series.update(unit_of_measure=unit_of_measure)
            for year, (value, source) in self.touched:
                if value is None:
                    series.filter(year=year).delete()
                    continue
                Measurement.objects.update_or_create(
                    unit=self.unit,
                    indicator=self.target.indicator,
                    year=year,
                    defaults={"value": value, "source": source, "unit_of_measure": unit_of_measure},
                )
        return len(self.touched)
