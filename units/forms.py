from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from units.hierarchy import has_ended
from units.models import DIVISION_TYPES, Kind, Unit


class UnitFilterForm(forms.Form):
    """The search box and filters of the unit browser (a GET form)."""

    ALL, CURRENT, HISTORICAL = "", "current", "historical"

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Name, e.g. truong ha"), "autocomplete": "off"}
        ),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *Kind.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    validity = forms.ChoiceField(
        label=_("Validity"),
        required=False,
        choices=[
            (ALL, _("Current and historical")),
            (CURRENT, _("Current only")),
            (HISTORICAL, _("Historical only")),
        ],
        widget=forms.Select(attrs={"class": "form-select"}),
    )


def ended_parent_message(parent: Unit) -> str:
    return _("%(name)s ended on %(date)s: add new units under the unit that succeeded it.") % {
        "name": parent.name,
        "date": f"{parent.valid_to:%d/%m/%Y}",
    }


class UnitForm(forms.ModelForm):
    """A village, agency, department, enterprise, cooperative or organisation under a given parent."""

    division_type = forms.ChoiceField(label=_("Type"))

    class Meta:
        model = Unit
        fields = [
            "kind",
            "division_type",
            "name",
            "code",
            "valid_from",
            "valid_to",
            "is_mountainous",
            "is_ethnic_minority_area",
            "is_border",
            "is_especially_difficult",
            "ntm_region",
        ]
        widgets = {
            "valid_from": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
            "valid_to": forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
        }

    def __init__(self, *args, kinds: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind, Kind(kind).label) for kind in kinds]
        # Grouped by kind, so the list makes sense without JavaScript; units.js hides the other groups.
        groups = [(Kind(kind).label, [(t, t) for t in DIVISION_TYPES[kind]]) for kind in kinds]
        current = self.instance.division_type
        if current and not any(current in DIVISION_TYPES[kind] for kind in kinds):
            groups.insert(0, (_("Current"), [(current, current)]))
        self.fields["division_type"].choices = [("", "---------"), *groups]
        self.fields["code"].help_text = _("Optional; unique among units of the same kind.")
        self.fields["name"].help_text = _("Full name, e.g. Thôn Nà Pồng or Sở Nội vụ")
        # Shown, not edited (the parent comes from the page), so that a refusal stands next to it.
        parent = self.instance.parent
        self.fields["parent"] = forms.CharField(
            label=_("Parent"), required=False, disabled=True, initial=parent.name if parent else ""
        )
        self.order_fields(["parent"])

    def clean(self):
        cleaned = super().clean()
        parent = self.instance.parent
        if self.instance.pk is None and parent is not None and has_ended(parent):
            self.add_error("parent", ended_parent_message(parent))
        kind = cleaned.get("kind")
        division_type = cleaned.get("division_type")
        kept = division_type == self.instance.division_type and kind == self.instance.kind
        if kind and division_type and division_type not in DIVISION_TYPES[kind] and not kept:
            self.add_error("division_type", _("This type does not fit the chosen kind."))

        valid_from, valid_to = cleaned.get("valid_from"), cleaned.get("valid_to")
        if valid_from and valid_to and valid_to < valid_from:
            # An error on the field also keeps the model's check constraint from repeating it.
            self.add_error("valid_to", _("Valid to must be on or after valid from."))

        code = cleaned.get("code")
        if kind and code:
            clash = Unit.objects.filter(code_scheme=self.instance.code_scheme, kind=kind, code=code)
            if clash.exclude(pk=self.instance.pk).exists():
                self.add_error("code", _("Another unit of this kind already has this code."))
        return cleaned


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Excel file (.xlsx)"),
        validators=[FileExtensionValidator(["xlsx"], message=_("Upload an Excel file (.xlsx)."))],
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                _("The file is too large (at most %(size)s)."),
                params={"size": filesizeformat(settings.MAX_UPLOAD_SIZE)},
            )
        return upload
