"""Forms of the council session (members, votes, minutes) and of the award decision, with its legal basis."""

import datetime
from decimal import Decimal

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.forms import DATE_INPUTS, DATE_WIDGET
from awards.models import Ballot, CouncilMember, CouncilSession, Nomination
from awards.models.catalogue import AwardForm
from awards.permissions import council_units
from awards.services.grants import legal_bases
from units.fields import BoundedModelMultipleChoiceField, UnitChoiceField, WholeNumberField
from units.models import Unit, User
from units.picker import unit_scope
from units.wording import cited, council_name


def legal_basis_for(
    day: datetime.date, sessions: list[CouncilSession] = (), *, award_form: AwardForm | None = None
) -> str:
    """The bases of the form's rule in force on `day` (the regime's without a form), then the council
    session(s) whose vote the decision follows."""
    lines = legal_bases([award_form] if award_form else [], day)
    for session in sessions:
        lines.append(f"Căn cứ kết quả phiên họp {cited(council_name(session.council_unit), session.date)};")
    return "\n".join(lines)


@unit_scope("awards:council-unit")
def council_unit_choices(user: User) -> QuerySet[Unit]:
    return Unit.objects.filter(pk__in=[unit.pk for unit in council_units(user)]).order_by("path")


class SessionForm(forms.ModelForm):
    council_unit = UnitChoiceField(scope="awards:council-unit", label=gettext_lazy("Council of"))
    # A percentage reads better than the stored share (0.5): "more than 50% of the votes cast".
    threshold_percent = forms.IntegerField(
        label=gettext_lazy("Approval threshold (%)"),
        min_value=0,
        max_value=99,
        initial=50,
        help_text=gettext_lazy("A nomination passes with more than this share of the votes cast agreeing."),
    )

    class Meta:
        model = CouncilSession
        fields = ["council_unit", "title", "date", "place", "secret_ballot"]
        widgets = {"date": DATE_WIDGET}
        help_texts = {
            "secret_ballot": gettext_lazy(
                "Members' votes are not recorded one by one: the vote counting board enters the totals."
            )
        }

    def __init__(self, *args, user: User, units: list[Unit], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council_unit"].limit_to(user)
        self.fields["date"].input_formats = DATE_INPUTS
        self.fields["date"].help_text = _("dd/mm/yyyy")
        # Open votes are the rule for the commune and district forms; higher forms ask for a secret ballot.
        self.initial.setdefault("secret_ballot", False)
        if len(units) == 1:
            self.initial.setdefault("council_unit", units[0].pk)

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > datetime.date.today():
            raise forms.ValidationError(_("Record a session once it has met: the date cannot be in the future."))
        return day

    @property
    def threshold(self) -> Decimal:
        return Decimal(self.cleaned_data["threshold_percent"]) / 100


class MemberForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200, required=False)
    position = forms.CharField(label=gettext_lazy("Position"), max_length=200, required=False)
    role = forms.ChoiceField(
        label=gettext_lazy("Council role"), choices=CouncilMember.Role.choices, initial=CouncilMember.Role.MEMBER
    )
    user = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, label=gettext_lazy("Account (optional)")
    )
    present = forms.BooleanField(label=gettext_lazy("Present"), required=False, initial=True)

    def __init__(self, *args, users: QuerySet[User], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
        self.fields["user"].label_from_instance = lambda user: f"{user} ({user.username})"
        # Laid out as a table row: each field carries its own label for screen readers.
        for name, field in self.fields.items():
            css = "form-check-input" if name == "present" else "form-select form-select-sm"
            if name in ("name", "position"):
                css = "form-control form-control-sm"
            field.widget.attrs.update({"class": css, "aria-label": str(field.label)})

    @property
    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not data.get("name") and not data.get("user")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("name") and not cleaned.get("user") and cleaned.get("position"):
            self.add_error("name", _("Enter the member's name."))
        return cleaned


class BaseMemberFormSet(forms.BaseFormSet):
    default_error_messages = {
        "too_many_forms": gettext_lazy("A council has at most %(num)d members: remove the extra lines."),
    }

    def __init__(self, *args, users: QuerySet[User], **kwargs):
        self.users = users
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "users": self.users}

    @property
    def empty_form(self):
        return self.form(auto_id=self.auto_id, prefix=self.add_prefix("__prefix__"), users=self.users)

    def members(self) -> list[dict]:
        """The filled rows as create_council_session takes them; empty rows are spare lines."""
        rows = [form for form in self.forms if not form.is_blank]
        return [
            {key: form.cleaned_data[key] for key in ("name", "position", "role", "user", "present")} for form in rows
        ]

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        voters = [
            form
            for form in self.forms
            if not form.is_blank
            and form.cleaned_data["present"]
            and form.cleaned_data["role"] != CouncilMember.Role.SECRETARY
        ]
        if not voters:
            raise forms.ValidationError(
                _("A session needs at least one member present who votes (the secretary does not).")
            )


# Spare lines under the members carried over from the unit's last session; blank lines are ignored. A council
# has a few dozen members at most: a request claiming 100,000 rows is refused before it builds them all.
MAX_MEMBERS = 60
MemberFormSet = forms.formset_factory(
    MemberForm, formset=BaseMemberFormSet, extra=4, max_num=MAX_MEMBERS, absolute_max=MAX_MEMBERS, validate_max=True
)


class VoteForm(forms.Form):
    """One select per member who votes (open ballot); a declared conflict of interest is not a vote."""

    def __init__(self, *args, voters: list[CouncilMember], **kwargs):
        super().__init__(*args, **kwargs)
        self.voters = voters
        for member in voters:
            self.fields[f"member_{member.pk}"] = forms.ChoiceField(
                label=member.name,
                choices=[("", "—"), *Ballot.Vote.choices],
                help_text=member.get_role_display(),
            )

    def votes(self) -> dict[int, str]:
        return {member.pk: self.cleaned_data[f"member_{member.pk}"] for member in self.voters}

    def rows(self):
        """(member, bound field) pairs for the table layout."""
        return [(member, self[f"member_{member.pk}"]) for member in self.voters]


class TallyForm(forms.Form):
    """A secret ballot: the counting board's totals, not who voted how."""

    agree = WholeNumberField(label=gettext_lazy("Agree"), max_value=MAX_MEMBERS)
    disagree = WholeNumberField(label=gettext_lazy("Disagree"), max_value=MAX_MEMBERS)
    abstain = WholeNumberField(label=gettext_lazy("Abstain"), max_value=MAX_MEMBERS)
    conflicts = WholeNumberField(
        label=gettext_lazy("Conflicts of interest"),
        max_value=MAX_MEMBERS,
        initial=0,
        help_text=gettext_lazy("Members who declared a conflict of interest and did not vote."),
    )


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=gettext_lazy("Minutes"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("The minutes (biên bản) as signed: closing the session makes them final."),
    )


class AgendaAddForm(forms.Form):
    nominations = BoundedModelMultipleChoiceField(
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        label=gettext_lazy("Nominations in appraisal"),
        error_messages={"required": gettext_lazy("Tick at least one nomination.")},
    )

    def __init__(self, *args, candidates: QuerySet[Nomination], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = candidates
        self.fields["nominations"].label_from_instance = lambda n: f"{n.nominee} – {n.award_form}"


class DecisionForm(forms.Form):
    nominations = BoundedModelMultipleChoiceField(
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Awardees"),
        error_messages={"required": gettext_lazy("Tick at least one approved nomination.")},
    )
    date = forms.DateField(label=gettext_lazy("Decision date"), widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    signer_name = forms.CharField(label=gettext_lazy("Signer"), max_length=120)
    signer_title = forms.CharField(
        label=gettext_lazy("Signer's title"),
        max_length=120,
        help_text=gettext_lazy("e.g. Chủ tịch, or Phó Chủ tịch signing for the Chairman (KT. Chủ tịch)"),
    )
    legal_basis = forms.CharField(
        label=gettext_lazy("Legal basis"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=gettext_lazy(
            "Pre-filled with the texts in force on the decision date and the council session. "
            "Left as it is, it follows a changed date."
        ),
    )

    def __init__(self, *args, candidates: QuerySet[Nomination], sessions_of, **kwargs):
        super().__init__(*args, **kwargs)
        self.sessions_of = sessions_of  # nominations → the council sessions that passed them
        self.fields["nominations"].queryset = candidates
        self.fields["nominations"].label_from_instance = lambda n: f"{n.nominee} ({n.proposing_unit})"
        self.fields["date"].help_text = _("dd/mm/yyyy")

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > datetime.date.today():
            raise forms.ValidationError(_("The decision date cannot be in the future."))
        return day

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("date")
        # The untouched pre-filled text was written for the initial date and ticks: follow the ones chosen.
        untouched = cleaned.get("legal_basis", "").strip() == str(self.initial.get("legal_basis", "")).strip()
        if day and untouched and cleaned.get("nominations"):
            nominations = cleaned["nominations"]
            award_form = nominations[0].award_form
            cleaned["legal_basis"] = legal_basis_for(day, self.sessions_of(nominations), award_form=award_form)
        return cleaned
