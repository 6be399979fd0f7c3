"""The "my year" form (all the criteria of a year as one form), evidence uploads and the reviewer's return form."""

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.criteria.values import Decision, decide, parse_value, threshold_for
from campaigns.models import (
    Assessment,
    CommuneGroup,
    Criterion,
    CriterionResult,
    Evidence,
    GroupThreshold,
    Indicator,
    Threshold,
)
from units.renderers import PLAIN_WIDGETS
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
    group_threshold: GroupThreshold | None = None


@dataclass
class CriterionRow:
    criterion: Criterion
    result: CriterionResult
    achieved: forms.BoundField | None
    note: forms.BoundField
    file: forms.BoundField
    indicators: list[IndicatorRow] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    # Criteria decided from the indicator values (sets with commune groups): what the values say, the officer's
    # choice to follow them or mark differently, and the reason for marking differently.
    decision: Decision | None = None
    mark: forms.BoundField | None = None
    reason: forms.BoundField | None = None
    is_met: bool = False

    @property
    def has_errors(self) -> bool:
        fields = [self.note, self.file, self.reason] + [row.field for row in self.indicators]
        return any(f is not None and f.errors for f in fields)


class AssessmentForm(forms.Form):
    """One switch, note and evidence file per criterion, a value per indicator, the year's note and evidence."""

    # About a hundred widgets on one page: written directly rather than through a template each (issue #14).
    default_renderer = PLAIN_WIDGETS

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
        commune_group: CommuneGroup | None = None,
        **kw,
    ):
        kw.setdefault("initial", {"version": assessment.version, "note": assessment.note})
        super().__init__(*args, **kw)
        self.assessment = assessment
        self.editable = editable
        self.results = results
        self.evidence = evidence
        # A year not saved yet (built in memory) has no values.
        self.values = {
            value.indicator_id: value.text_value or value.value
            for value in (assessment.indicator_values.all() if assessment.pk else ())
        }
        self.fields["year_file"].help_text = upload_help()
        criteria_set = assessment.criteria_set
        self.uses_groups = bool(criteria_set and criteria_set.uses_commune_groups)
        # The view reads the group with the year (a set without groups has none): the thresholds are its group's.
        self.commune_group = commune_group if self.uses_groups else None
        self.decisions: dict[int, tuple[Decision, bool, str]] = {}
        for result in results:
            self._add_criterion_fields(result)
            for indicator in result.criterion.indicators.all():
                if self.uses_groups:
                    self.fields[f"i{indicator.pk}"] = self._typed_field(indicator)
                else:
                    self.fields[f"i{indicator.pk}"] = self._indicator_field(indicator)

    @property
    def group_number(self) -> int | None:
        return self.commune_group.group if self.commune_group else None

    def _decided(self, result: CriterionResult) -> bool:
        """Decided from its indicator values: a criterion with indicators in a set with commune groups."""
        return self.uses_groups and bool(result.criterion.indicators.all())

    def _add_criterion_fields(self, result: CriterionResult) -> None:
        number = result.criterion.number
        if self._decided(result):
            self._add_mark_fields(result)
        else:
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

    def _add_mark_fields(self, result: CriterionResult) -> None:
        key = f"c{result.criterion_id}"
        initial = ""
        if result.override_reason:
            initial = "met" if result.achieved else "not_met"
        self.fields[f"{key}-mark"] = forms.ChoiceField(
            label=_("Criterion %(number)s") % {"number": result.criterion.number},
            required=False,
            initial=initial,
            choices=[("", _("As the values decide")), ("met", _("Mark as met")), ("not_met", _("Mark as not met"))],
            widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
        )
        self.fields[f"{key}-reason"] = forms.CharField(
            label=_("Reason for marking differently from the values"),
            required=False,
            max_length=500,
            initial=result.override_reason,
            widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
        )

    def _typed_field(self, indicator: Indicator) -> forms.Field:
        """A value read by the indicator's type in clean(), so a wrong type gets its message next to the field."""
        label = f"{indicator.code} {indicator.name}"
        initial = self.values.get(indicator.pk)
        if indicator.value_type == Indicator.ValueType.BOOLEAN:
            return forms.ChoiceField(
                label=label,
                required=False,
                choices=[("", "—"), ("1", _("Yes")), ("0", _("No"))],
                initial="" if initial is None else str(int(initial)),
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )
        attrs = {"class": "form-control form-control-sm"}
        if indicator.value_type != Indicator.ValueType.TEXT:
            attrs["inputmode"] = "decimal"
        shown = initial.normalize() if hasattr(initial, "normalize") else initial
        return forms.CharField(
            label=label, required=False, max_length=100, initial=shown, widget=forms.TextInput(attrs=attrs)
        )

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if name.endswith("file") and value:
                try:
                    check_evidence(value)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        self._refuse_foreign_indicators()
        if self.uses_groups:
            self._clean_values(cleaned)
            self._clean_marks(cleaned)
        return cleaned

    def _refuse_foreign_indicators(self) -> None:
        """A posted value for an indicator that is not in this year's set: say so, save nothing."""
        posted = [name for name in self.data if name[:1] == "i" and name[1:].isdecimal()]
        foreign = [int(name[1:]) for name in posted if name not in self.fields]
        for indicator in Indicator.objects.filter(pk__in=foreign).select_related("criterion__criteria_set"):
            self.add_error(
                None,
                _(
                    "Indicator %(code)s belongs to another criteria set (%(set)s), not to this year's: nothing was saved."
                )
                % {"code": indicator.code, "set": indicator.criterion.criteria_set},
            )

    def _clean_values(self, cleaned: dict) -> None:
        for result in self.results:
            for indicator in result.criterion.indicators.all():
                name = f"i{indicator.pk}"
                if name not in cleaned:
                    continue
                try:
                    cleaned[name] = parse_value(indicator.value_type, cleaned[name])
                except forms.ValidationError as error:
                    self.add_error(name, error.messages[0])

    def _clean_marks(self, cleaned: dict) -> None:
        for result in self.results:
            if not self._decided(result):
                continue
            key = f"c{result.criterion_id}"
            values = {i.pk: cleaned.get(f"i{i.pk}") for i in result.criterion.indicators.all()}
            decision = decide(result.criterion, values=values, group=self.group_number, year=self.assessment.year)
            mark, reason = cleaned.get(f"{key}-mark", ""), cleaned.get(f"{key}-reason", "").strip()
            achieved = bool(decision.met) if not mark else mark == "met"
            if achieved == bool(decision.met):
                reason = ""
            elif not reason:
                message = (
                    _("The values say this criterion is not met: give the reason for marking it as met.")
                    if achieved
                    else _("The values say this criterion is met: give the reason for marking it as not met.")
                )
                self.add_error(f"{key}-reason", message)
            self.decisions[result.criterion_id] = (decision, achieved, reason)

    # What the services take, read from the cleaned data.

    def results_data(self) -> dict[int, tuple[bool, str]]:
        data = self.cleaned_data
        return {
            r.criterion_id: (
                self.decisions[r.criterion_id][1]
                if r.criterion_id in self.decisions
                else data[f"c{r.criterion_id}-achieved"],
                data[f"c{r.criterion_id}-note"],
            )
            for r in self.results
        }

    def decisions_data(self) -> dict[int, tuple[bool | None, str]]:
        """Criterion id → (what the values decided, the reason for marking differently)."""
        return {pk: (decision.met, reason) for pk, (decision, _achieved, reason) in self.decisions.items()}

    def values_data(self) -> dict[int, Decimal | str | None]:
        return {
            int(name[1:]): None if value is None else value if isinstance(value, str) else Decimal(value)
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
            decided = self._decided(result)
            row = CriterionRow(
                criterion=result.criterion,
                result=result,
                achieved=None if decided else self[f"{key}-achieved"],
                note=self[f"{key}-note"],
                file=self[f"{key}-file"],
                evidence=evidence_of.get(result.criterion_id, []),
                decision=self._shown_decision(result) if decided else None,
                mark=self[f"{key}-mark"] if decided else None,
                reason=self[f"{key}-reason"] if decided else None,
                is_met=self.decisions[result.criterion_id][1]
                if result.criterion_id in self.decisions
                else result.achieved,
            )
            for indicator in result.criterion.indicators.all():
                group_threshold = threshold_for(indicator, self.group_number, self.assessment.year)
                threshold = None if self.uses_groups else self._threshold(indicator)
                row.indicators.append(IndicatorRow(indicator, self[f"i{indicator.pk}"], threshold, group_threshold))
            groups.setdefault(result.criterion.group, []).append(row)
        return list(groups.items())

    def _shown_decision(self, result: CriterionResult) -> Decision:
        if result.criterion_id in self.decisions:
            return self.decisions[result.criterion_id][0]
        values = {i.pk: self.values.get(i.pk) for i in result.criterion.indicators.all()}
        return decide(result.criterion, values=values, group=self.group_number, year=self.assessment.year)

    def met_count(self) -> int:
        """The criteria ticked on the page: the saved ones, or those just posted when the form comes back."""
        count = 0
        for r in self.results:
            if r.criterion_id in self.decisions:
                count += self.decisions[r.criterion_id][1]
            elif self._decided(r):
                count += r.achieved
            else:
                count += bool(self[f"c{r.criterion_id}-achieved"].value())
        return count

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
