"""The form that requests a movement report, with the narrative the user writes before it is built."""

import datetime

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign
from reports.documents import REGISTRY, form_kinds
from reports.scope import GROUP_BY_NEW, GROUP_BY_OLD, REPORTING_KINDS, REVIEW_KINDS, review_year
from reports.services import REQUEST_ROLES
from units.fields import UnitChoiceField, YearFormField
from units.models import Kind, Unit, User
from units.picker import unit_scope
from units.wording import SigningMode

# "" keeps the plan's signer; "own" is stored for SigningMode.NONE, which a blank choice cannot say.
SIGNING_MODE_CHOICES = [
    ("", _("As in the unit's plan")),
    *[(mode, label) for mode, label in SigningMode.choices if mode],
    ("own", SigningMode.NONE.label),
]
DOCUMENT_FIELDS = ["number", "place", "signer_name", "signer_title", "signing_mode", "recipients"]


def requestable_units(user: User):
    """Units the user may request a report for: where they hold a requesting role; administrators: any
    province, and any unit with a plan (listing every commune of the country would make the page huge)."""
    units = Unit.objects.of_kind(*REPORTING_KINDS)
    if user.sees_everything:
        return units.filter(Q(kind=Kind.PROVINCE) | Q(plans__isnull=False)).distinct().order_by("path")
    ids = [m.unit_id for m in user.active_memberships if m.role in REQUEST_ROLES]
    return units.filter(pk__in=ids).order_by("path")


@unit_scope("reports:unit")
def report_units(user: User) -> QuerySet[Unit]:
    return requestable_units(user)


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"), choices=form_kinds)
    unit = UnitChoiceField(scope="reports:unit", label=_("Unit"))
    campaign = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Campaign.objects.order_by("-start_year", "pk"),
        required=False,
        empty_label=_("The programme of the year"),
        help_text=_("A mid-term or final review covers the programme's years up to its review year."),
    )
    year = YearFormField(
        label=_("Year"),
        required=False,
        help_text=_("For the annual report; the mid-term and final reviews cover their own period."),
    )
    grouping = forms.ChoiceField(
        label=_("Show the communes"),
        choices=[(GROUP_BY_OLD, _("by old units (as recorded)")), (GROUP_BY_NEW, _("by new units (from 07/2025)"))],
        initial=GROUP_BY_OLD,
        widget=forms.RadioSelect,
    )
    results = forms.CharField(
        label=_("Results achieved"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Printed before the tables of results. Blank lines separate paragraphs; “- ” starts a list item."),
    )
    difficulties = forms.CharField(
        label=_("Shortcomings and difficulties"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    proposals = forms.CharField(
        label=_("Directions and proposals"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    number = forms.CharField(
        label=_("Number"), required=False, max_length=20, help_text=_("Leave blank to fill it in by hand.")
    )
    place = forms.CharField(label=_("Place"), required=False, max_length=100)
    signer_name = forms.CharField(
        label=_("Signer"), required=False, max_length=120, help_text=_("Blank: the signer of the unit's plan.")
    )
    signer_title = forms.CharField(label=_("Signer's title"), required=False, max_length=120)
    signing_mode = forms.ChoiceField(label=_("Signing mode"), choices=SIGNING_MODE_CHOICES, required=False)
    recipients = forms.CharField(
        label=_("Recipients"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line. Blank: the level above and the archive."),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].limit_to(user)
        self.fields["year"].widget.attrs.update(min=Campaign.objects.first_year(), max=datetime.date.today().year)

    def clean(self):
        data = super().clean()
        unit, kind, year = data.get("unit"), data.get("kind"), data.get("year")
        self._check_programme(kind, year, data.get("campaign"))
        if kind in REGISTRY and REGISTRY[kind].needs_year:
            first, last = Campaign.objects.first_year(), datetime.date.today().year
            if year is None:
                self.add_error("year", _("Choose the year of the annual report."))
            elif not first <= year <= last:
                self.add_error(
                    "year", _("Choose a year between %(first)s and %(last)s.") % {"first": first, "last": last}
                )
            elif unit and unit.valid_to and year > unit.valid_to.year:
                self.add_error(
                    "year",
                    _("%(unit)s existed until %(date)s; choose an earlier year or its successor.")
                    % {"unit": unit.name, "date": f"{unit.valid_to:%d/%m/%Y}"},
                )
        return data

    def _check_programme(self, kind, year, campaign) -> None:
        """A chosen programme must hold the annual report's year, and have the review year a review needs."""
        if campaign is None:
            return
        if kind in REVIEW_KINDS and not review_year(kind, campaign):
            self.add_error("campaign", _("This programme has no year set for this review; choose another programme."))
        elif year is not None and kind in REGISTRY and REGISTRY[kind].needs_year and year not in campaign.years:
            self.add_error(
                "year",
                _("%(year)s is outside the programme “%(programme)s” (%(first)s-%(last)s).")
                % {"year": year, "programme": campaign.name, "first": campaign.start_year, "last": campaign.end_year},
            )

    @property
    def narrative(self) -> dict:
        return {key: self.cleaned_data.get(key, "") for key in ("results", "difficulties", "proposals")}

    @property
    def parameters(self) -> dict:
        parameters = {"grouping": self.cleaned_data.get("grouping") or GROUP_BY_OLD}
        if self.cleaned_data.get("campaign"):
            parameters["campaign"] = self.cleaned_data["campaign"].pk
        for key in DOCUMENT_FIELDS:
            if self.cleaned_data.get(key):
                parameters[key] = self.cleaned_data[key]
        return parameters
