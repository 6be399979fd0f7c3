"""Forms of the account pages: a new account with its first membership, an account's details, a membership."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from units.fields import UnitChoiceField
from units.models import Membership, User
from units.people import grantable_roles, may_grant


class PeopleFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name or username"), "autocomplete": "off"}),
    )


class MembershipFields(forms.Form):
    """A unit chosen with the picker among those the administrator may grant at, and a role from a list."""

    unit = UnitChoiceField(scope="people:unit", label=_("Unit"))
    role = forms.ChoiceField(label=_("Role"))

    def __init__(self, *args, by: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.by = by
        self.fields["unit"].limit_to(by)
        self.fields["role"].choices = [("", "---------"), *grantable_roles(by)]

    def check_membership(self, cleaned: dict, user: User | None) -> None:
        unit, role = cleaned.get("unit"), cleaned.get("role")
        if not unit or not role:
            return
        if not may_grant(self.by, role, unit):
            self.add_error("role", _("You may not grant this role at this unit."))
        elif user is not None and Membership.objects.filter(user=user, unit=unit, role=role).exists():
            self.add_error("unit", _("This account already holds this role at this unit."))


class MembershipForm(MembershipFields):
    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        cleaned = super().clean()
        self.check_membership(cleaned, self.user)
        return cleaned

    def save(self) -> Membership:
        data = self.cleaned_data
        return Membership.objects.create(user=self.user, unit=data["unit"], role=data["role"])


class AccountForm(forms.ModelForm):
    """An account's own details; the username is what the person signs in with."""

    class Meta:
        model = User
        fields = ["username", "full_name", "position", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].required = True
        self.fields["username"].help_text = _("Letters, digits and . _ - only, e.g. xa.truongha.hoa")


class NewAccountForm(MembershipFields, AccountForm):
    """A new account with its first membership: an account without one would be out of its administrator's reach.

    Without a password the account gets a set-password link instead, shown once to the administrator.
    """

    password1 = forms.CharField(
        label=_("Initial password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Leave both blank to get a link with which the person sets their own password."),
    )
    password2 = forms.CharField(
        label=_("Initial password again"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = ["username", "full_name", "position", "email", "unit", "role", "password1", "password2"]

    def clean(self):
        cleaned = super().clean()
        self.check_membership(cleaned, None)
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first or second:
            if first != second:
                self.add_error("password2", _("The two passwords differ."))
            else:
                try:
                    password_validation.validate_password(first, self.instance)
                except forms.ValidationError as error:
                    self.add_error("password1", error)
        return cleaned

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        if password := self.cleaned_data.get("password1"):
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        Membership.objects.create(user=user, unit=self.cleaned_data["unit"], role=self.cleaned_data["role"])
        return user
