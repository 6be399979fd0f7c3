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

from campaigns.models import Milestone, Plan, PlanAmendment, PlanAttachment, PlanSection
from campaigns.plans.permissions import child_plan_units, editable_units
from units.fields import (
    UnitChoiceField,
    VersionField,
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
