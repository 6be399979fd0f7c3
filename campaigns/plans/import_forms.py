"""The two steps of importing a plan: give the text (paste or file), then review the proposed fields."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.models import Campaign, DocumentKind, Plan
from campaigns.plans.forms import DATE_INPUTS, DATE_WIDGET
from campaigns.plans.importer import Draft, looks_like_a_plan, read_plan
from campaigns.plans.importer.files import MAX_TEXT, text_of_upload
from campaigns.plans.importer.saving import Confirmed
from units.fields import UnitChoiceField
from units.models import Unit, User
from units.wording import SigningMode


class ImportForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Paste the plan's text"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    file = forms.FileField(
        label=gettext_lazy("or upload it (.docx, or a PDF with a text layer)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.pdf"}),
    )

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        upload, text = cleaned.get("file"), (cleaned.get("text") or "").strip()
        if upload:
            try:
                text = text_of_upload(upload)
            except forms.ValidationError as error:
                self.add_error("file", error)
                return cleaned
        if not text.strip():
            self.add_error("text", _("Paste the plan's text or upload its file."))
            return cleaned
        draft = read_plan(text)
        if not looks_like_a_plan(draft):
            field = "file" if upload else "text"
            self.add_error(
                field, _("This does not read as a plan: no “Kế hoạch” or “Quyết định” heading and no numbered parts.")
            )
            return cleaned
        cleaned["plan_text"] = text
        return cleaned


def _label(item_value: dict, *keys: str) -> str:
    return " · ".join(str(item_value[key]) for key in keys if item_value.get(key) not in (None, "", [], {}))


class ReviewForm(forms.Form):
    """Each proposed field, editable, with the line it came from (the template shows `draft` beside it)."""

    campaign = forms.ModelChoiceField(Campaign.objects.all(), label=gettext_lazy("Campaign"))
    document_kind = forms.ChoiceField(
        label=gettext_lazy("Document kind"),
        choices=[(DocumentKind.PLAN, DocumentKind.PLAN.label), (DocumentKind.DECISION, _("Decision issuing a plan"))],
    )
    number = forms.CharField(label=gettext_lazy("Number and symbol"), max_length=80, required=False)
    issue_date = forms.DateField(
        label=gettext_lazy("Issue date"), required=False, widget=DATE_WIDGET, input_formats=DATE_INPUTS
    )
    place = forms.CharField(label=gettext_lazy("Place"), max_length=100, required=False)
    issuing_unit = UnitChoiceField(scope="plans:issuing-unit", label=gettext_lazy("Issuing unit"))
    issuer_name = forms.CharField(label=gettext_lazy("Issuing body"), max_length=200)
    title = forms.CharField(label=gettext_lazy("Movement title"), max_length=300)
    subject = forms.CharField(label=gettext_lazy("Subject"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    parent = forms.ModelChoiceField(Plan.objects.none(), label=gettext_lazy("Implements plan"), required=False)
    parent_record = forms.BooleanField(
        label=gettext_lazy("Record the cited parent plan as a short record"), required=False
    )
    signing_mode = forms.ChoiceField(label=gettext_lazy("Signing mode"), choices=SigningMode.choices, required=False)
    signer_title = forms.CharField(label=gettext_lazy("Signer's title"), max_length=120, required=False)
    signer_name = forms.CharField(label=gettext_lazy("Signer"), max_length=120, required=False)
    recipients = forms.CharField(
        label=gettext_lazy("Recipients"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    legal_bases = forms.TypedMultipleChoiceField(coerce=int, required=False, widget=forms.CheckboxSelectMultiple)
    baselines = forms.TypedMultipleChoiceField(coerce=int, required=False, widget=forms.CheckboxSelectMultiple)
    targets = forms.TypedMultipleChoiceField(coerce=int, required=False, widget=forms.CheckboxSelectMultiple)
    timeline = forms.TypedMultipleChoiceField(coerce=int, required=False, widget=forms.CheckboxSelectMultiple)
    subjects = forms.TypedMultipleChoiceField(coerce=int, required=False, widget=forms.CheckboxSelectMultiple)
    award_forms = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)

    HEADER = {
        "document_kind": "kind",
        "number": "number",
        "issue_date": "date",
        "place": "place",
        "issuing_unit": "issuing_unit",
        "issuer_name": "issuing_body",
        "title": "title",
        "subject": "subject",
        "parent": "parent_plan",
        "signing_mode": "signing_mode",
        "signer_title": "signer_title",
        "signer_name": "signer",
    }

    def __init__(self, *args, draft: Draft, user: User, award_names: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.draft, self.user = draft, user
        self.fields["issuing_unit"].limit_to(user)
        self.fields["parent"].queryset = Plan.objects.visible_to(user).select_related("campaign")
        lists = draft.lists
        self.fields["legal_bases"].choices = [
            (i, _label(p.value, "kind", "number", "date", "issuer")) for i, p in enumerate(lists["legal_bases"])
        ]
        self.fields["baselines"].choices = [(i, p.value["text"]) for i, p in enumerate(lists["baselines"])]
        self.fields["targets"].choices = [(i, p.value["text"]) for i, p in enumerate(lists["targets"])]
        self.fields["timeline"].choices = [(i, p.value["text"]) for i, p in enumerate(lists["timeline"])]
        self.fields["subjects"].choices = [(i, p.value["name"]) for i, p in enumerate(lists["subjects"])]
        offered = list(dict.fromkeys([*award_names, *(c for p in lists["award_forms"] for c in p.candidates)]))
        self.fields["award_forms"].choices = [(name, name) for name in offered]
        self.unit_fields = {}
        for i, item in enumerate(lists["targets"]):
            for j, match in enumerate(item.value.get("matches", [])):
                name = f"unit_{i}_{j}"
                choices = [("", _("— leave out —"))] + [(str(c["pk"]), c["name"]) for c in match["candidates"]]
                if match["create"]:
                    choices.append(("new", _("Create the village “%(name)s”") % {"name": match["name"]}))
                self.fields[name] = forms.ChoiceField(label=match["name"], choices=choices, required=False)
                self.unit_fields.setdefault(i, []).append(name)
        if not self.is_bound:
            self.initial.update(self._initial(award_names))
        for field in self.fields.values():  # the page lays fields out itself (beside their sources), not crispy
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select form-select-sm")
            else:
                widget.attrs.setdefault("class", "form-control")

    def _initial(self, award_names: list[str]) -> dict:
        draft, header = self.draft, self.draft.header
        number = "/".join(part for part in (header["number"].value or "", header["symbol"].value or "") if part)
        if not header["number"].value and header["symbol"].value:
            number = f"/{header['symbol'].value}"  # the number is blank in the text: only the symbol
        unit = (header["issuing_unit"].value or {}).get("pk")
        parent = header["parent_plan"].value or {}
        year = draft.date.year if draft.date else None
        campaigns = Campaign.objects.covering(year) if year else Campaign.objects.all()
        title = (header["title"].value or "").lower()
        campaign = next((c for c in campaigns if c.name.lower() == title), None) or campaigns.first()
        initial = {
            "campaign": campaign,
            "document_kind": header["kind"].value or DocumentKind.PLAN,
            "number": number,
            "issue_date": draft.date,
            "place": header["place"].value or "",
            "issuing_unit": Unit.objects.filter(pk=unit).first() if unit else None,
            "issuer_name": header["issuing_body"].value or "",
            "title": header["title"].value or "",
            "subject": header["subject"].value or "",
            "parent": parent.get("pk"),
            "parent_record": bool(parent) and not parent.get("pk"),
            "signing_mode": header["signing_mode"].value or "",
            "signer_title": header["signer_title"].value or "",
            "signer_name": header["signer"].value or "",
            "recipients": "\n".join(p.value for p in draft.lists["recipients"]),
            "award_forms": [p.value for p in draft.lists["award_forms"] if p.is_found and p.value in award_names],
        }
        for name in ("legal_bases", "baselines", "targets", "timeline", "subjects"):
            initial[name] = list(range(len(draft.lists[name])))
        for i, names in self.unit_fields.items():
            for j, name in enumerate(names):
                match = self.draft.lists["targets"][i].value["matches"][j]
                initial[name] = str(match["pk"]) if match["pk"] else ("new" if match["create"] else "")
        return initial

    def list_rows(self, name: str) -> list[tuple]:
        """(checkbox, proposed item, the unit choices of a target) for each item of a list field."""
        items = self.draft.lists[name]
        return [
            (checkbox, items[i], [self[field] for field in self.unit_fields.get(i, [])] if name == "targets" else [])
            for i, checkbox in enumerate(self[name].subwidgets)
        ]

    def confirmed(self) -> Confirmed:
        data, lists = self.cleaned_data, self.draft.lists
        plan = Plan(
            campaign=data["campaign"],
            parent=data["parent"],
            document_kind=data["document_kind"],
            number=data["number"],
            title=data["title"],
            subject=data["subject"],
            issue_date=data["issue_date"],
            place=data["place"],
            issuing_unit=data["issuing_unit"],
            issuer_name=data["issuer_name"],
            signing_mode=data["signing_mode"],
            signer_title=data["signer_title"],
            signer_name=data["signer_name"],
            recipients=data["recipients"],
            status=Plan.Status.DRAFT,
        )
        parent = self.draft.header["parent_plan"].value
        record = None
        if data["parent_record"] and parent and not data["parent"]:
            record = {
                "number": "/".join(part for part in (parent["number"], parent["symbol"]) if part),
                "date": parent["date"],
                "issuer": parent["issuer"],
                "unit": Unit.objects.filter(pk=parent.get("unit_pk")).first() if parent.get("unit_pk") else None,
            }
        targets = []
        for i in data["targets"]:
            item = dict(lists["targets"][i].value)
            item["chosen"] = [self._chosen(data.get(name), i, j) for j, name in enumerate(self.unit_fields.get(i, []))]
            item["chosen"] = [chosen for chosen in item["chosen"] if chosen is not None]
            targets.append(item)
        return Confirmed(
            plan=plan,
            parent_record=record,
            legal_bases=[lists["legal_bases"][i].value for i in data["legal_bases"]],
            targets=targets,
            timeline=[lists["timeline"][i].value for i in data["timeline"]],
            subjects=[lists["subjects"][i].value for i in data["subjects"]],
            baselines=[lists["baselines"][i].value for i in data["baselines"]],
            sections=self.draft.sections,
            award_forms=data["award_forms"],
        )

    def _chosen(self, value: str | None, i: int, j: int):
        if not value:
            return None
        if value == "new":
            return ("new", self.draft.lists["targets"][i].value["matches"][j]["name"])
        # The choices hold only units the matching found within the user's view.
        return Unit.objects.visible_to(self.user).filter(pk=int(value)).first()
