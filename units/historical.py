"""Historical units: a district or commune missing from the national lists, added by its province's staff.

The national import holds the units of the last list before 07/2025 and of the list from 07/2025; a commune that
existed in 2022 but was merged before 2025 is in neither, yet plans of the time name it. Province staff add it
with its validity, its parent at the time and the unit it was merged into, inside their province (and the
provinces it was formed from, which they read).
"""

import datetime

from django import forms
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from units.fields import FIRST_YEAR, LAST_YEAR, UnitChoiceField
from units.models import DIVISION_TYPES, CodeScheme, Kind, Lineage, Role, Unit, User
from units.picker import unit_scope
from units.text import fold

# What may be added, and under what.
KINDS = (Kind.DISTRICT, Kind.COMMUNE)
PARENT_KINDS = {Kind.DISTRICT: (Kind.PROVINCE,), Kind.COMMUNE: (Kind.DISTRICT, Kind.PROVINCE)}
DATE_WIDGET = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})


def province_roots(user: User) -> list[Unit] | None:
    """The subtrees where `user` may add historical units; None for national administrators (everywhere)."""
    if user.sees_everything:
        return None
    return list({root.pk: root for root, m in user.scope if m.role == Role.PROVINCE_STAFF}.values())


def may_add_historical(user: User) -> bool:
    return user.is_authenticated and (user.sees_everything or bool(province_roots(user)))


def units_of(user: User) -> QuerySet[Unit]:
    """Every unit of the user's provinces, ended ones included."""
    roots = province_roots(user)
    return Unit.objects.all() if roots is None else Unit.objects.within(*roots)


def added_units(user: User) -> QuerySet[Unit]:
    """The historical districts and communes added in the app in the user's provinces (they all have ended)."""
    return units_of(user).filter(code_scheme=CodeScheme.LOCAL, kind__in=KINDS, valid_to__isnull=False)


@unit_scope("units:historical-parent")
def parent_units(user: User) -> QuerySet[Unit]:
    return units_of(user).of_kind(Kind.PROVINCE, Kind.DISTRICT).order_by("path")


@unit_scope("units:historical-successor")
def successor_units(user: User) -> QuerySet[Unit]:
    return units_of(user).of_kind(*KINDS).order_by("path")


def day(value: datetime.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


class HistoricalUnitForm(forms.ModelForm):
    division_type = forms.ChoiceField(label=_("Type"))
    parent = UnitChoiceField(scope="units:historical-parent", label=_("Parent at the time"))
    successor = UnitChoiceField(
        scope="units:historical-successor",
        label=_("Merged into"),
        required=False,
        help_text=_("The unit that took over its territory; leave blank if none."),
    )
    effective_date = forms.DateField(
        label=_("Merged on"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Leave blank: the day after it ended."),
    )
    legal_basis = forms.CharField(
        label=_("By resolution"), required=False, max_length=200, help_text=_("e.g. Nghị quyết 1107/NQ-UBTVQH14")
    )

    class Meta:
        model = Unit
        fields = ["kind", "division_type", "name", "code", "parent", "valid_from", "valid_to"]
        widgets = {"valid_from": DATE_WIDGET, "valid_to": DATE_WIDGET}

    field_order = [*Meta.fields, "successor", "effective_date", "legal_basis"]

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind, Kind(kind).label) for kind in KINDS]
        # "Kind" and "Type" both read "Loại" in Vietnamese: two fields must not share a label.
        self.fields["kind"].label = pgettext_lazy("tier of a unit in the tree", "Level")
        self.fields["division_type"].label = _("Unit type")
        self.fields["division_type"].choices = [
            ("", "---------"),
            *[(Kind(kind).label, [(t, t) for t in DIVISION_TYPES[kind]]) for kind in KINDS],
        ]
        self.fields["valid_to"].required = True
        self.fields["valid_to"].help_text = _("Its last day, e.g. 31/12/2022.")
        self.fields["code"].help_text = _("Optional: the code it had in the national list of its time.")
        self.fields["parent"].limit_to(user)
        self.fields["successor"].limit_to(user)

    def clean(self):
        cleaned = super().clean()
        kind, parent = cleaned.get("kind"), cleaned.get("parent")
        first, last = cleaned.get("valid_from"), cleaned.get("valid_to")
        for name in ("valid_from", "valid_to", "effective_date"):
            value = cleaned.get(name)
            if value and not FIRST_YEAR <= value.year <= LAST_YEAR:
                self.add_error(
                    name, _("Enter a date between %(first)s and %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}
                )
                return cleaned
        if first and last and last < first:
            self.add_error("valid_to", _("Valid to must be on or after valid from."))
            return cleaned
        if last and last >= datetime.date.today():
            self.add_error("valid_to", _("A unit that still exists comes from the national list: enter its last day."))
        division_type = cleaned.get("division_type")
        if kind and division_type and division_type not in DIVISION_TYPES[kind]:
            self.add_error("division_type", _("This type does not fit the chosen kind."))
        if kind and parent:
            self._check_parent(kind, parent, first, last)
        code = cleaned.get("code")
        if kind and code and Unit.objects.filter(code_scheme=CodeScheme.LOCAL, kind=kind, code=code).exists():
            self.add_error("code", _("Another unit of this kind already has this code."))
        if kind and parent and cleaned.get("name"):
            self._check_duplicate(kind, parent, cleaned["name"], first, last)
        self._check_successor(cleaned, kind, first, last)
        return cleaned

    def _check_parent(self, kind: str, parent: Unit, first, last) -> None:
        if parent.kind not in PARENT_KINDS[kind]:
            self.add_error(
                "parent",
                _("A %(kind)s cannot sit under a %(parent)s.")
                % {"kind": Kind(kind).label.lower(), "parent": Kind(parent.kind).label.lower()},
            )
        elif parent.valid_to and first and parent.valid_to < first:
            self.add_error(
                "parent",
                _("%(name)s had ended on %(date)s, before this unit's start.")
                % {"name": parent.name, "date": day(parent.valid_to)},
            )
        elif parent.valid_to and last and parent.valid_to < last:
            self.add_error(
                "parent",
                _("%(name)s ended on %(date)s, before this unit did.")
                % {"name": parent.name, "date": day(parent.valid_to)},
            )
        elif parent.valid_from and last and parent.valid_from > last:
            self.add_error(
                "parent",
                _("%(name)s only began on %(date)s, after this unit ended.")
                % {"name": parent.name, "date": day(parent.valid_from)},
            )

    def _check_duplicate(self, kind: str, parent: Unit, name: str, first, last) -> None:
        same = Unit.objects.filter(parent=parent, kind=kind, search_name=fold(name))
        if last:
            same = same.valid_between(first or datetime.date(FIRST_YEAR, 1, 1), last)
        if same.exists():
            self.add_error(
                "name", _("%(parent)s already has a unit of this name at that time.") % {"parent": parent.name}
            )

    def _check_successor(self, cleaned: dict, kind: str | None, first, last) -> None:
        successor = cleaned.get("successor")
        effective = cleaned.get("effective_date")
        if successor is None:
            if effective or cleaned.get("legal_basis"):
                self.add_error("successor", _("Choose the unit it was merged into."))
            return
        if not last:
            return
        if effective is None:
            effective = cleaned["effective_date"] = last + datetime.timedelta(days=1)
        if effective < last or effective > last + datetime.timedelta(days=1) or (first and effective <= first):
            self.add_error(
                "effective_date",
                _("The merger takes effect on the unit's last day or the day after it, %(date)s.")
                % {"date": day(last + datetime.timedelta(days=1))},
            )
        elif kind and successor.kind != kind:
            self.add_error("successor", _("Choose a unit of the same kind."))
        elif not successor.is_valid_on(effective):
            self.add_error(
                "successor", _("%(name)s did not exist on %(date)s.") % {"name": successor.name, "date": day(effective)}
            )

    @transaction.atomic
    def save(self, commit: bool = True) -> Unit:
        unit = super().save(commit=False)
        unit.code_scheme = CodeScheme.LOCAL
        unit.save()
        if successor := self.cleaned_data.get("successor"):
            Lineage.objects.create(
                predecessor=unit,
                successor=successor,
                effective_date=self.cleaned_data["effective_date"],
                legal_basis=self.cleaned_data["legal_basis"],
            )
        return unit
