"""The "my year" form (all the criteria of a year as one form), evidence uploads and the reviewer's return form."""

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.models import Assessment, Criterion, CriterionResult, Evidence, Indicator, Threshold
from units.uploads import FileKind, check_upload

# The first bytes of each accepted kind; the browser's content type and the extension must agree with them.
EVIDENCE_KINDS = [
    FileKind(b"%PDF", frozenset({".pdf"}), frozenset({"application/pdf"})),
    FileKind(b"\x89PNG", frozenset({".png"}), frozenset({"image/png"})),
    FileKind(b"\xff\xd8\xff", frozenset({".jpg", ".jpeg"}), frozenset({"image/jpeg"})),
]
ACCEPT = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"


def check_evidence(upload: UploadedFile) -> None:
    check_upload(upload, EVIDENCE_KINDS, _("Only PDF files and PNG or JPEG images are accepted (.pdf, .png, .jpg)."))


def upload_help() -> str:
    return _("PDF, PNG or JPEG, up to %(size)s.") % {"size": filesizeformat(settings.MAX_UPLOAD_SIZE)}


@dataclass
class IndicatorRow:
    indicator: Indicator
    field: forms.BoundField
    threshold: Threshold | None


@dataclass
class CriterionRow:
    criterion: Criterion
    result: CriterionResult
    achieved: forms.BoundField
    note: forms.BoundField
    file: forms.BoundField
    indicators: list[IndicatorRow] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.note.errors or self.file.errors or any(row.field.errors for row in self.indicators))


class AssessmentForm(forms.Form):
    """One switch, note and evidence file per criterion, a value per indicator, the year's note and evidence."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=gettext_lazy("Note for the year"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )
    year_file = forms.FileField(
        label=gettext_lazy("Evidence for the whole year"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT, "class": "form-control"}),
    )

    def __init__(
        self,
        *args,
        assessment: Assessment,
        results: list[CriterionResult],
        evidence: list[Evidence],
        editable: bool = True,
        **kw,
    ):
        kw.setdefault("initial", {"version": assessment.version, "note": assessment.note})
        super().__init__(*args, **kw)
        self.assessment = assessment
        self.editable = editable
        self.results = results
        self.evidence = evidence
        self.values = {value.indicator_id: value.value for value in assessment.indicator_values.all()}
        self.fields["year_file"].help_text = upload_help()
        for result in results:
            self._add_criterion_fields(result)
            for indicator in result.criterion.indicators.all():
                self.fields[f"i{indicator.pk}"] = self._indicator_field(indicator)

    def _add_criterion_fields(self, result: CriterionResult) -> None:
        number = result.criterion.number
        self.fields[f"c{result.criterion_id}-achieved"] = forms.BooleanField(
            label=str(result.criterion),
            required=False,
            initial=result.achieved,
            widget=forms.CheckboxInput(attrs={"class": "form-check-input js-achieved", "role": "switch"}),
        )
        self.fields[f"c{result.criterion_id}-note"] = forms.CharField(
            label=_("Note on criterion %(number)s") % {"number": number},
            required=False,
            max_length=500,
            initial=result.note,
            # A locked form shows no prompt to type in fields that cannot take input.
            widget=forms.TextInput(
                attrs={"class": "form-control", "placeholder": _("Note (optional)") if self.editable else ""}
            ),
        )
        self.fields[f"c{result.criterion_id}-file"] = forms.FileField(
            label=_("Add evidence for criterion %(number)s") % {"number": number},
            required=False,
            help_text=upload_help(),
            widget=forms.ClearableFileInput(attrs={"accept": ACCEPT, "class": "form-control form-control-sm"}),
        )

    def _indicator_field(self, indicator: Indicator) -> forms.Field:
        label = f"{indicator.code} {indicator.name}"
        initial = self.values.get(indicator.pk)
        attrs = {"class": "form-control form-control-sm"}
        if indicator.value_type == Indicator.ValueType.BOOLEAN:
            return forms.TypedChoiceField(
                label=label,
                required=False,
                choices=[("", "—"), ("1", _("Met")), ("0", _("Not met"))],
                coerce=Decimal,
                empty_value=None,
                initial="" if initial is None else str(int(initial)),
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )
        limits = {"min_value": 0}
        if indicator.value_type == Indicator.ValueType.PERCENT:
            limits["max_value"] = 100
        if indicator.value_type == Indicator.ValueType.COUNT:
            # IndicatorValue.value keeps 11 whole digits: PostgreSQL refuses more with a server error.
            return forms.IntegerField(
                label=label,
                required=False,
                initial=initial,
                **limits,
                max_value=10**11 - 1,
                widget=forms.NumberInput(attrs=attrs),
            )
        return forms.DecimalField(
            label=label,
            required=False,
            initial=initial if initial is None else initial.normalize(),
            max_digits=14,
            decimal_places=3,
            **limits,
            widget=forms.NumberInput(attrs={**attrs, "step": "any", "inputmode": "decimal"}),
        )

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if name.endswith("file") and value:
                try:
                    check_evidence(value)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return cleaned

    # What the services take, read from the cleaned data.

    def results_data(self) -> dict[int, tuple[bool, str]]:
        data = self.cleaned_data
        return {
            r.criterion_id: (data[f"c{r.criterion_id}-achieved"], data[f"c{r.criterion_id}-note"]) for r in self.results
        }

    def values_data(self) -> dict[int, Decimal | None]:
        return {
            int(name[1:]): None if value is None else Decimal(value)
            for name, value in self.cleaned_data.items()
            if name.startswith("i") and name[1:].isdigit()
        }

    def uploads(self) -> list[tuple[Criterion | None, UploadedFile]]:
        files = [(None, self.cleaned_data.get("year_file"))]
        files += [(r.criterion, self.cleaned_data.get(f"c{r.criterion_id}-file")) for r in self.results]
        return [(criterion, upload) for criterion, upload in files if upload]

    # What the template walks through.

    def groups(self) -> list[tuple[str, list[CriterionRow]]]:
        """The criteria rows under their groups, in the set's order."""
        evidence_of: dict[int | None, list[Evidence]] = {}
        for item in self.evidence:
            evidence_of.setdefault(item.criterion_id, []).append(item)
        groups: dict[str, list[CriterionRow]] = {}
        for result in self.results:
            key = f"c{result.criterion_id}"
            row = CriterionRow(
                criterion=result.criterion,
                result=result,
                achieved=self[f"{key}-achieved"],
                note=self[f"{key}-note"],
                file=self[f"{key}-file"],
                evidence=evidence_of.get(result.criterion_id, []),
            )
            for indicator in result.criterion.indicators.all():
                row.indicators.append(IndicatorRow(indicator, self[f"i{indicator.pk}"], self._threshold(indicator)))
            groups.setdefault(result.criterion.group, []).append(row)
        return list(groups.items())

    def met_count(self) -> int:
        """The criteria ticked on the page: the saved ones, or those just posted when the form comes back."""
        return sum(1 for r in self.results if self[f"c{r.criterion_id}-achieved"].value())

    def year_evidence(self) -> list[Evidence]:
        return [item for item in self.evidence if item.criterion_id is None]

    def _threshold(self, indicator: Indicator) -> Threshold | None:
        """The most specific threshold for the assessment's applied region and year."""
        region, year = self.assessment.applied_region, self.assessment.year
        fitting = [t for t in indicator.thresholds.all() if t.region in ("", region) and t.year in (None, year)]
        return max(fitting, key=lambda t: (t.region != "", t.year is not None), default=None)


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for return"),
        help_text=gettext_lazy("The commune sees this at the top of its page: say what to fix."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
