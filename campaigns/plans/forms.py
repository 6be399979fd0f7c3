import datetime
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from campaigns.models import Milestone, Plan, PlanAmendment, PlanAttachment, PlanSection, Target
from campaigns.models.progress import STATUS_KIND
from campaigns.plans.permissions import child_plan_units, editable_units
from units.fields import (
    UnitChoiceField,
    UnitMultipleChoiceField,
    VersionField,
    YearFormField,
    bound,
    claim_version,
    fit_columns,
)
from units.models import Unit, User
from units.picker import unit_scope
from units.uploads import FileKind, check_upload

# An <input type="date"> sends and expects ISO dates; the browser shows them as dd/mm/yyyy.
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y"]


def units_under(plan: Plan, user: User) -> QuerySet[Unit]:
    """Units a target or milestone may name: visible to the user, within the plan's issuing unit."""
    units = Unit.objects.visible_to(user)
    if plan.issuing_unit is not None:
        units = units.within(plan.issuing_unit)
    return units.order_by("path")


def _plan(user: User, plan: Plan | int) -> Plan | None:
    """The plan a form was built for, or the one a search names (only if the user may read it)."""
    return plan if isinstance(plan, Plan) else Plan.objects.visible_to(user).filter(pk=plan).first()


@unit_scope("plans:issuing-unit")
def issuing_units(user: User) -> QuerySet[Unit]:
    return editable_units(user).order_by("path")


@unit_scope("plans:plan-units")
def plan_units(user: User, *, plan: Plan | int) -> QuerySet[Unit]:
    plan = _plan(user, plan)
    return units_under(plan, user) if plan is not None else Unit.objects.none()


@unit_scope("plans:child-unit")
def child_units(user: User, *, plan: Plan | int) -> QuerySet[Unit]:
    plan = _plan(user, plan)
    return child_plan_units(user, plan) if plan is not None else Unit.objects.none()


class PlanForm(forms.ModelForm):
    issuing_unit = UnitChoiceField(scope="plans:issuing-unit", label=_("Issuing unit"), required=False)
    version = VersionField()

    class Meta:
        model = Plan
        fields = [
            "campaign",
            "parent",
            "document_kind",
            "number",
            "title",
            "subject",
            "issue_date",
            "place",
            "issuing_unit",
            "issuer_name",
            "signing_mode",
            "signer_title",
            "signer_name",
            "recipients",
            "status",
        ]
        widgets = {
            "issue_date": DATE_WIDGET,
            "subject": forms.Textarea(attrs={"rows": 3}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["issue_date"].input_formats = DATE_INPUTS
        self.fields["parent"].queryset = Plan.objects.visible_to(user).select_related("campaign")
        # The current unit stays selectable even if now out of reach.
        self.fields["issuing_unit"].limit_to(user, also=self.instance.issuing_unit_id)
        self.fields["issuing_unit"].required = not user.sees_everything
        self.fields["issuing_unit"].help_text = _("Leave blank only for a national plan.")
        if self.instance.pk:
            self.initial.setdefault("version", self.instance.version)

    def save(self, commit: bool = True) -> Plan:
        """The header in one transaction; an edit read before someone else saved is
        refused with a ValidationError (code "stale") and overwrites nothing."""
        if not commit:
            return super().save(commit=False)
        with transaction.atomic():
            if self.instance.pk and not claim_version(self.instance, self.cleaned_data.get("version")):
                raise ValidationError(_stale_message(self.instance), code="stale")
            return super().save()

    def clean(self):
        cleaned = super().clean()
        parent, campaign = cleaned.get("parent"), cleaned.get("campaign")
        if parent and campaign and parent.campaign_id != campaign.pk:
            self.add_error("parent", _("The plan implemented must belong to the same campaign."))
        if parent and self.instance.pk and _is_below(parent, self.instance):
            self.add_error("parent", _("A plan cannot implement itself or a plan that implements it."))
        return cleaned


def _stale_message(plan: Plan) -> str:
    saved_at = Plan.objects.filter(pk=plan.pk).values_list("updated_at", flat=True).first() or timezone.now()
    return gettext(
        "Someone else saved this plan at %(time)s; your changes were not saved — reload to see theirs; "
        "your entries are kept below."
    ) % {"time": date_format(timezone.localtime(saved_at), "H:i")}


def _is_below(plan: Plan, ancestor: Plan) -> bool:
    seen = set()
    while plan is not None and plan.pk not in seen:
        if plan.pk == ancestor.pk:
            return True
        seen.add(plan.pk)
        plan = plan.parent
    return False


class SectionForm(forms.ModelForm):
    class Meta:
        model = PlanSection
        fields = ["kind", "heading", "body", "order"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fit_columns(self)


class AmendmentForm(forms.ModelForm):
    class Meta:
        model = PlanAmendment
        fields = ["date", "document_number", "requested_by", "reason"]
        widgets = {"date": DATE_WIDGET, "reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].input_formats = DATE_INPUTS
        self.fields["requested_by"].help_text = _("The unit that asked in writing for the change")


class MilestoneForm(forms.ModelForm):
    responsible_unit = UnitChoiceField(scope="plans:plan-units", label=_("Responsible unit"), required=False)

    class Meta:
        model = Milestone
        fields = [
            "kind",
            "title",
            "due_date",
            "due_year",
            "due_quarter",
            "year_from",
            "recurs_yearly",
            "responsible_unit",
            "responsible",
            "done_date",
        ]
        widgets = {"due_date": DATE_WIDGET, "done_date": DATE_WIDGET}

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("due_date", "done_date"):
            self.fields[name].input_formats = DATE_INPUTS
        self.fields["responsible_unit"].limit_to(user, plan=self.instance.plan)
        self.fields["due_year"].help_text = _("Or a year (and quarter) instead of an exact date")
        self.fields["year_from"].help_text = _(
            "For an item over several years: its first year; the due date or year is its last."
        )
        self.fields["recurs_yearly"].help_text = _(
            "Due every year from the first year to the due year, on the due date's day or at the quarter's end."
        )
        fit_columns(self)

    def clean(self):
        cleaned = super().clean()
        if "due_year" in self.errors or "year_from" in self.errors:  # a year out of range is said once, next to it
            return cleaned
        due_date, due_year, year_from = cleaned.get("due_date"), cleaned.get("due_year"), cleaned.get("year_from")
        if not due_date and not due_year:
            self.add_error("due_date", _("Give a due date, or a due year."))
        if cleaned.get("due_quarter") and not due_year:
            self.add_error("due_year", _("A quarter needs its year."))
        last = due_date.year if due_date else due_year
        if year_from and last and year_from > last:
            self.add_error("year_from", _("The first year comes after the due year %(year)s.") % {"year": last})
        if cleaned.get("recurs_yearly") and not year_from:
            self.add_error("year_from", _("A yearly item needs its first year."))
        return cleaned


# Fields each target type reads (campaigns.targets.evaluation); the others are hidden by campaigns.js.
FILTERS = ["only_mountainous", "only_ethnic_minority", "only_especially_difficult", "only_border"]
TYPE_FIELDS = {
    Target.Type.UNIT_MILESTONE: ["units", "status", "target_value", "years"],
    Target.Type.KEEP_STATUS: ["units", "status"],
    Target.Type.UNIT_SHARE: ["scope_unit", "unit_kind", "status", "measure", *FILTERS, "target_value", "years"],
    Target.Type.AVERAGE_CRITERIA: ["scope_unit", *FILTERS, "target_value", "years"],
    Target.Type.MINIMUM_CRITERIA: ["scope_unit", *FILTERS, "target_value"],
    Target.Type.CRITERIA_GAIN: ["scope_unit", *FILTERS, "target_value", "target_value_max"],
    Target.Type.OCOP_PRODUCTS: ["scope_unit", "ocop_stars", "ocop_level", "target_value", "target_value_max", "years"],
    Target.Type.RATIO_TO_BASELINE: ["scope_unit", "indicator", "unit_of_measure", "target_value"],
    Target.Type.FREE_INDICATOR: ["scope_unit", "indicator", "unit_of_measure", "target_value", "years"],
}
COMMON_FIELDS = ["type", "description", "baseline_value", "baseline_year", "deadline_year", "order"]

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


class TargetForm(forms.ModelForm):
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
            "units",
            "scope_unit",
            "unit_kind",
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
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "type": _("The fields this type does not use are ignored."),
            "description": _("The target as the plan words it."),
            "status": _("For named-unit and share targets: the status to reach or keep."),
            "unit_kind": _("For share targets: the kind of unit counted (communes, villages…)."),
            "measure": _("For share targets: a number of units or a percentage of them."),
            "baseline_value": _("The value stated for the baseline year, if any."),
            "target_value": _("Milestone targets: leave blank to mean every named unit."),
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
            self.initial["years"] = "\n".join(f"{y.year}: {y.value.normalize():f}" for y in self.instance.years.all())
        fit_columns(self)
        bound(self.fields["ocop_stars"], 1, 5)
        for name in ("baseline_value", "target_value", "target_value_max"):
            self.fields[name].error_messages.update(NUMBER_MESSAGES)

    def field_map(self) -> dict[str, list[str]]:
        """For campaigns.js: which optional fields each type shows."""
        return {str(type_): [*COMMON_FIELDS, *fields] for type_, fields in TYPE_FIELDS.items()}

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
            target = super().save()
            target.years.all().delete()
            target.years.bulk_create(
                [target.years.model(target=target, year=y, value=v) for y, v in self.cleaned_data["years"].items()]
            )
        return target


ATTACHMENT_KINDS = [
    FileKind(b"%PDF", frozenset({".pdf"})),
    FileKind(b"\x89PNG", frozenset({".png"})),
    FileKind(b"\xff\xd8\xff", frozenset({".jpg", ".jpeg"})),
]


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = PlanAttachment
        fields = ["kind", "title", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".pdf,.png,.jpg,.jpeg"
        self.fields["file"].help_text = _("PDF, PNG or JPEG, up to %(size)s.") % {
            "size": filesizeformat(settings.MAX_UPLOAD_SIZE)
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload, ATTACHMENT_KINDS, _("Only PDF files and PNG or JPEG images are accepted."))
        return upload
