"""The nomination form (nominee of any kind + award + tờ trình), dossier uploads and the reviewer's reasons."""

import datetime
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.catalogue import DOSSIER_PARTS
from awards.models import AwardForm, DossierFile, LegalRegime, Nomination, Nominee, NomineeKind
from awards.permissions import proposing_units, units_under
from awards.services.grants import granted_on
from campaigns.models import Campaign, Plan
from units.fields import BoundedModelMultipleChoiceField, UnitChoiceField, VersionField, claim_version
from units.hierarchy import ENTERPRISES, LOCALITIES, TERRITORIES, default_successor
from units.models import Kind, Unit, User
from units.picker import unit_scope
from units.uploads import FileKind, check_upload

DATE_INPUTS = ["%d/%m/%Y", "%Y-%m-%d"]
# A text input rather than type="date": the tờ trình date is written dd/mm/yyyy on the paper.
DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})

# Which units each nominee kind may pick (the nominee's own unit, workplace or village).
COLLECTIVE_KINDS = (*TERRITORIES, Kind.AGENCY)
HOUSEHOLD_KINDS = LOCALITIES
ENTERPRISE_KINDS = ENTERPRISES
# The form fields each kind reads; awards.js shows only these (all stay in the form without JavaScript).
KIND_FIELDS = {
    NomineeKind.COLLECTIVE: ["collective_unit"],
    NomineeKind.INDIVIDUAL: ["person_name", "person_position", "person_unit"],
    NomineeKind.HOUSEHOLD: ["household_head", "household_village"],
    NomineeKind.ENTERPRISE: ["enterprise_unit"],
    NomineeKind.EXTERNAL: ["external_name"],
}


NOMINEE_UNIT_KINDS = {
    "collective_unit": COLLECTIVE_KINDS,
    "person_unit": None,  # any unit: a workplace
    "household_village": HOUSEHOLD_KINDS,
    "enterprise_unit": ENTERPRISE_KINDS,
}


@unit_scope("awards:proposing-unit")
def proposing_unit_choices(user: User) -> QuerySet[Unit]:
    return Unit.objects.filter(pk__in=[unit.pk for unit in proposing_units(user)]).order_by("path")


@unit_scope("awards:nominee-unit")
def nominee_units(user: User, *, field: str, proposer: int | None = None) -> QuerySet[Unit]:
    """Units within the bodies `user` proposes for (or within the one that proposed an edited nomination)."""
    # An edited nomination: within its proposer, which the views checked the user may edit for.
    roots = proposing_units(user) if proposer is None else list(Unit.objects.visible_to(user).filter(pk=proposer))
    units = units_under(roots) if roots else Unit.objects.none()
    kinds = NOMINEE_UNIT_KINDS[field]
    return units.filter(kind__in=kinds) if kinds else units


class AwardFormSelect(forms.Select):
    """Options carry the kinds and dates they accept, so awards.js can hide the ones that do not fit."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        award_form = getattr(value, "instance", None)
        if award_form is not None:
            option["attrs"]["data-kinds"] = " ".join(award_form.eligible_nominees)
            option["attrs"]["data-from"] = award_form.valid_from.isoformat() if award_form.valid_from else ""
            option["attrs"]["data-to"] = award_form.valid_to.isoformat() if award_form.valid_to else ""
        return option


class NominationForm(forms.ModelForm):
    proposing_unit = UnitChoiceField(scope="awards:proposing-unit", label=gettext_lazy("Proposing unit"))
    nominee_kind = forms.ChoiceField(
        label=gettext_lazy("Nominee"), choices=NomineeKind.choices, widget=forms.RadioSelect
    )
    collective_unit = UnitChoiceField(
        scope="awards:nominee-unit",
        required=False,
        label=gettext_lazy("Collective"),
        help_text=gettext_lazy("The commune itself, a village or an agency"),
    )
    person_name = forms.CharField(label=gettext_lazy("Full name"), max_length=200, required=False)
    person_position = forms.CharField(label=gettext_lazy("Position"), max_length=200, required=False)
    person_unit = UnitChoiceField(scope="awards:nominee-unit", required=False, label=gettext_lazy("Workplace"))
    household_head = forms.CharField(label=gettext_lazy("Head of household"), max_length=200, required=False)
    household_village = UnitChoiceField(scope="awards:nominee-unit", required=False, label=gettext_lazy("Village"))
    enterprise_unit = UnitChoiceField(
        scope="awards:nominee-unit", required=False, label=gettext_lazy("Enterprise or cooperative")
    )
    external_name = forms.CharField(label=gettext_lazy("Organisation"), max_length=200, required=False)
    version = VersionField()

    class Meta:
        model = Nomination
        fields = [
            "award_form",
            "campaign",
            "plan",
            "type",
            "round",
            "round_year",
            "achievements",
            "submission_number",
            "submission_date",
        ]
        widgets = {
            "award_form": AwardFormSelect,
            "submission_date": DATE_WIDGET,
            "achievements": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, user: User, proposing_units: list[Unit], **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # An edited nomination keeps the body that proposed it (the view passes it alone).
        self.fields["proposing_unit"].limit_to(user, also=self.instance.proposing_unit_id)
        if self.instance.pk:  # the body that submitted the tờ trình does not change afterwards
            self.fields["proposing_unit"].disabled = True
            self.initial.setdefault("proposing_unit", self.instance.proposing_unit_id)
        elif len(proposing_units) == 1:
            self.initial.setdefault("proposing_unit", proposing_units[0].pk)
        proposer = self.instance.proposing_unit_id if self.instance.pk else None
        for name in NOMINEE_UNIT_KINDS:
            self.fields[name].limit_to(user, field=name, proposer=proposer)
        self.fields["award_form"].queryset = AwardForm.objects.all()
        self.fields["award_form"].help_text = _("Only forms in force on the submission date and open to the nominee")
        self.fields["campaign"].queryset = Campaign.objects.all()
        self.fields["plan"].queryset = Plan.objects.visible_to(user).select_related("campaign").order_by("-issue_date")
        self.fields["submission_date"].input_formats = DATE_INPUTS
        self.fields["submission_date"].required = True
        self.fields["submission_date"].help_text = _("dd/mm/yyyy; may be earlier than today, not later")
        self.initial.setdefault("submission_date", datetime.date.today())
        self.initial.setdefault("round_year", datetime.date.today().year)
        if self.instance.pk:
            self.initial.update(nominee_initial(self.instance.nominee))
            self.initial.setdefault("version", self.instance.version)

    def clean_submission_date(self):
        day = self.cleaned_data["submission_date"]
        if day > datetime.date.today():
            raise forms.ValidationError(_("The submission date cannot be in the future."))
        return day

    def clean(self):
        cleaned = super().clean()
        unit = cleaned.get("proposing_unit")
        day = cleaned.get("submission_date")
        if unit and day and not unit.is_valid_on(day):
            self.add_error("submission_date", _not_valid_message(unit, day))
        kind = cleaned.get("nominee_kind")
        if kind:
            self._clean_nominee(kind, unit)
        award_form = cleaned.get("award_form")
        if award_form and day:
            self._clean_award_form(award_form, kind, day)
        plan, campaign = cleaned.get("plan"), cleaned.get("campaign")
        if plan and campaign and plan.campaign_id != campaign.pk:
            self.add_error("plan", _("The plan must belong to the chosen campaign."))
        return cleaned

    def _clean_nominee(self, kind: str, proposing_unit: Unit | None) -> None:
        for name in KIND_FIELDS[kind]:
            if not self.cleaned_data.get(name) and name != "person_position":
                self.add_error(name, _("This field is required for this kind of nominee."))
        for name in KIND_FIELDS[kind]:
            value = self.cleaned_data.get(name)
            if isinstance(value, Unit) and proposing_unit and not value.is_within(proposing_unit):
                self.add_error(name, _("Choose a unit within %(unit)s.") % {"unit": proposing_unit})

    def _clean_award_form(self, award_form: AwardForm, kind: str | None, day: datetime.date) -> None:
        if not granted_on(award_form, day):
            self.add_error(
                "award_form",
                _("%(form)s is not available on %(date)s.") % {"form": award_form, "date": f"{day:%d/%m/%Y}"},
            )
        elif award_form.regimes and LegalRegime.on(day) not in award_form.regimes:
            self.add_error(
                "award_form",
                _("%(form)s does not exist under the legal regime in force on %(date)s.")
                % {"form": award_form, "date": f"{day:%d/%m/%Y}"},
            )
        if kind and award_form.eligible_nominees and kind not in award_form.eligible_nominees:
            self.add_error(
                "award_form",
                _("%(form)s cannot be given to this kind of nominee (%(kind)s).")
                % {"form": award_form, "kind": NomineeKind(kind).label},
            )

    @transaction.atomic
    def save(self, commit: bool = True) -> Nomination:
        """The nominee and the nomination together, or nothing. An edit read before someone else saved (or
        moved the nomination on) is refused with a ValidationError (code "stale") and overwrites nothing."""
        if commit and self.instance.pk and not claim_version(self.instance, self.cleaned_data.get("version")):
            raise ValidationError(_stale_message(self.instance), code="stale")
        nomination = super().save(commit=False)
        if not nomination.pk:
            nomination.proposing_unit = self.cleaned_data["proposing_unit"]
            nomination.created_by = self.user
        nomination.nominee = self._nominee()
        nomination.legal_regime = LegalRegime.on(nomination.submission_date)
        if commit:
            nomination.save()
            self.save_m2m()
        return nomination

    def _nominee(self) -> Nominee:
        """The nominee the fields describe; the same kind, unit and name reuse the earlier record (its history)."""
        data = self.cleaned_data
        kind = data["nominee_kind"]
        proposing_unit = self.instance.proposing_unit if self.instance.pk else data["proposing_unit"]
        unit, name, position = {
            NomineeKind.COLLECTIVE: lambda: (data["collective_unit"], data["collective_unit"].name, ""),
            NomineeKind.INDIVIDUAL: lambda: (data["person_unit"], data["person_name"], data["person_position"]),
            NomineeKind.HOUSEHOLD: lambda: (data["household_village"], data["household_head"], ""),
            NomineeKind.ENTERPRISE: lambda: (data["enterprise_unit"], data["enterprise_unit"].name, ""),
            NomineeKind.EXTERNAL: lambda: (proposing_unit, data["external_name"], ""),
        }[kind]()
        name = " ".join(name.split())
        nominee = Nominee.objects.filter(kind=kind, unit=unit, name__iexact=name).first()
        if nominee is None:
            return Nominee.objects.create(kind=kind, unit=unit, name=name, position=position)
        if position and nominee.position != position:
            nominee.position = position
            nominee.save(update_fields=["position"])
        return nominee


def _stale_message(nomination: Nomination) -> str:
    saved_at = Nomination.objects.filter(pk=nomination.pk).values_list("updated_at", flat=True).first()
    return _(
        "Someone else saved this nomination at %(time)s; your changes were not saved — reload to see theirs; "
        "your entries are kept below."
    ) % {"time": date_format(timezone.localtime(saved_at or timezone.now()), "H:i")}


def nominee_initial(nominee: Nominee) -> dict:
    """The form fields that describe an existing nominee (editing, or proposing a suggested candidate)."""
    initial = {"nominee_kind": nominee.kind}
    field = {
        NomineeKind.COLLECTIVE: "collective_unit",
        NomineeKind.INDIVIDUAL: "person_unit",
        NomineeKind.HOUSEHOLD: "household_village",
        NomineeKind.ENTERPRISE: "enterprise_unit",
    }.get(nominee.kind)
    if field:
        initial[field] = nominee.unit_id
    if nominee.kind == NomineeKind.INDIVIDUAL:
        initial.update(person_name=nominee.name, person_position=nominee.position)
    elif nominee.kind == NomineeKind.HOUSEHOLD:
        initial["household_head"] = nominee.name
    elif nominee.kind == NomineeKind.EXTERNAL:
        initial["external_name"] = nominee.name
    return initial


def _not_valid_message(unit: Unit, day: datetime.date) -> str:
    if unit.valid_to and day > unit.valid_to:
        if successor := default_successor(unit, on=day):
            return _("%(unit)s no longer existed on %(date)s: propose as %(successor)s.") % {
                "unit": unit,
                "date": f"{day:%d/%m/%Y}",
                "successor": successor,
            }
        return _("%(unit)s no longer existed on %(date)s.") % {"unit": unit, "date": f"{day:%d/%m/%Y}"}
    return _("%(unit)s did not exist yet on %(date)s.") % {"unit": unit, "date": f"{day:%d/%m/%Y}"}


# The first bytes of each accepted kind, the extensions it may carry and the content types browsers send.
DOSSIER_KINDS = [
    FileKind(b"%PDF", frozenset({".pdf"}), frozenset({"application/pdf"})),
    FileKind(b"\x89PNG", frozenset({".png"}), frozenset({"image/png"})),
    FileKind(b"\xff\xd8\xff", frozenset({".jpg", ".jpeg"}), frozenset({"image/jpeg", "image/pjpeg"})),
    # Word 97-2003 is an OLE compound file; .docx is a zip package.
    FileKind(b"\xd0\xcf\x11\xe0", frozenset({".doc"}), frozenset({"application/msword", "application/octet-stream"})),
    FileKind(
        b"PK\x03\x04",
        frozenset({".docx"}),
        frozenset(
            {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/zip",
                "application/octet-stream",
            }
        ),
    ),
]
ACCEPT = ".pdf,.doc,.docx,.jpg,.jpeg,.png"


class DossierFileForm(forms.ModelForm):
    part = forms.ChoiceField(label=gettext_lazy("Part"), choices=list(DOSSIER_PARTS.items()))

    class Meta:
        model = DossierFile
        fields = ["part", "title", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave blank to use the file name")
        self.fields["file"].widget.attrs["accept"] = ACCEPT
        self.fields["file"].help_text = _("PDF, Word, JPEG or PNG, up to %(size)s.") % {
            "size": filesizeformat(settings.MAX_UPLOAD_SIZE)
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload, DOSSIER_KINDS, _("Only PDF, Word (.doc, .docx), JPEG or PNG files are accepted."))
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("file") and not cleaned.get("title"):
            cleaned["title"] = PurePath(cleaned["file"].name).stem[:200]
            self.instance.title = cleaned["title"]
        return cleaned


class ReasonForm(forms.Form):
    """Why the reviewer returns or rejects a nomination; the proposer reads it."""

    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class NoteForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("Note"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class AgendaForm(forms.Form):
    session = forms.ModelChoiceField(queryset=None, label=gettext_lazy("Council session"))

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions


class PlanAwardFormsForm(forms.Form):
    award_forms = BoundedModelMultipleChoiceField(
        queryset=AwardForm.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Award forms offered"),
        help_text=gettext_lazy("A plan with none ticked offers those of the plan it implements."),
    )
