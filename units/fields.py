"""Form and model fields shared by the apps, and the bounds every number typed into a form must keep."""

import re

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from units.models import Unit
from units.picker import MAX_QUERY, find, label, matches_label, scope_token, scope_units
from units.widgets import UnitMultiplePicker, UnitPicker

BIGINT = 2**63


def row_pks(values) -> list[int]:
    """The posted values that a row's pk can be, as numbers: others are dropped, not an error.

    isdecimal, not isdigit: int() refuses "²". Past 2**63 no row has the pk, and SQLite raises OverflowError
    on `pk__in` with such a number.
    """
    return [number for value in values if (text := str(value)).isdecimal() and (number := int(text)) < BIGINT]


def _interpolate(message, values: dict) -> str:
    return str(message) % values


# A translated message with its numbers, translated when shown (forms are built at import time).
interpolate = lazy(_interpolate, str)

# Every year a page builds a date from: 1945, the Republic's first year, to 2100. A year outside is a typing
# mistake, and datetime.date() fails on years 0 and past 9999, which broke every page showing the row.
FIRST_YEAR, LAST_YEAR = 1945, 2100
YEAR_MESSAGE = _("Enter a year between %(first)s and %(last)s.")
# What each integer column holds on PostgreSQL; SQLite stores any 64-bit number, so the form checks it itself.
COLUMN_RANGES = BaseDatabaseOperations.integer_field_ranges


def year_validators() -> list:
    message = interpolate(YEAR_MESSAGE, {"first": FIRST_YEAR, "last": LAST_YEAR})
    return [MinValueValidator(FIRST_YEAR, message=message), MaxValueValidator(LAST_YEAR, message=message)]


class YearFormField(forms.IntegerField):
    """A year within FIRST_YEAR..LAST_YEAR (or a tighter window), refused with one clear message."""

    def __init__(self, *, first: int = FIRST_YEAR, last: int = LAST_YEAR, **kwargs):
        kwargs.pop("min_value", None), kwargs.pop("max_value", None)  # a model field's column range is wider
        super().__init__(**kwargs)
        bound(self, first, last, interpolate(YEAR_MESSAGE, {"first": first, "last": last}))


def year_or_none(value: str | None) -> int | None:
    """A year read from a request outside a form, or None when it is none a page can show."""
    try:
        return YearFormField(required=False).clean(value)
    except ValidationError:
        return None


class YearField(models.PositiveSmallIntegerField):
    """A year column that only takes FIRST_YEAR..LAST_YEAR, in forms, the admin and full_clean."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", year_validators())
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("validators") == year_validators():
            del kwargs["validators"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(**{**kwargs, "form_class": YearFormField})


def fit_columns(form: forms.ModelForm) -> None:
    """Give each whole-number field of a model form its column's range, with a clear message.

    PostgreSQL refuses 70000 in a smallint with a server error, while SQLite stores it; the form refuses it
    on both. Called from a model form's __init__.
    """
    for name, field in form.fields.items():
        if type(field) is not forms.IntegerField:
            continue
        try:
            model_field = form._meta.model._meta.get_field(name)
        except FieldDoesNotExist:  # a form-only field has no column
            continue
        low, high = COLUMN_RANGES.get(model_field.get_internal_type(), (None, None))
        if low is None:
            continue
        low = max(low, field.min_value) if field.min_value is not None else low
        high = min(high, field.max_value) if field.max_value is not None else high
        bound(field, low, high)


def bound(field: forms.IntegerField, low: int, high: int, message=None) -> forms.IntegerField:
    """Refuse whole numbers outside low..high, and anything not a whole number, with one message."""
    if message is None:
        message = interpolate(_("Enter a whole number from %(low)s to %(high)s."), {"low": low, "high": high})
    field.min_value, field.max_value = low, high
    field.validators = [v for v in field.validators if not isinstance(v, MinValueValidator | MaxValueValidator)]
    field.validators += [MinValueValidator(low, message=message), MaxValueValidator(high, message=message)]
    field.error_messages = {**field.error_messages, "invalid": message}
    field.widget.attrs.update(min=low, max=high)
    return field


class WholeNumberField(forms.IntegerField):
    """A count typed in a plain form: 0..high by default, with one message for anything else."""

    def __init__(self, *, min_value: int = 0, max_value: int = COLUMN_RANGES["PositiveSmallIntegerField"][1], **kw):
        super().__init__(**kw)
        bound(self, min_value, max_value)


class VersionField(forms.IntegerField):
    """The row version an edit form was read at (optimistic locking); a missing or mangled one reads as None."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        try:
            number = super().to_python(value)
        except ValidationError:
            return None
        return number if number is not None and 0 < number < BIGINT else None


def claim_version(instance: models.Model, version: int | None) -> bool:
    """Take the row's next version if it is still at `version`.

    A conditional UPDATE instead of a lock: of two edits read at the same version only the first matches
    the row; the second is refused and overwrites nothing. Call inside the transaction that saves.
    """
    if version is None:
        return False
    model = type(instance)
    if not model._default_manager.filter(pk=instance.pk, version=version).update(version=version + 1):
        return False
    instance.version = version + 1
    return True


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Refuses a pk no database row can have before querying with it.

    SQLite raises OverflowError on `pk__in` with a number past 2**63 (Django fixed exact/gt/lt
    lookups for such numbers, ticket #27397, not __in), which would be a server error.
    """

    def _check_values(self, value):
        for pk in value:
            try:
                number = int(str(pk))
            except ValueError:
                continue  # not a number: the parent class reports it
            if not -BIGINT <= number < BIGINT:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": pk}
                )
        return super()._check_values(value)


def _resolve(units, text: str):
    """The one unit of `units` a typed text names, or a ValidationError listing the candidates."""
    found = find(units, text)
    if len(found) == 1:
        return found[0]
    shown = text.strip()[:MAX_QUERY]
    if not found:
        raise ValidationError(
            _("No unit you may choose here matches “%(text)s”."), code="invalid_choice", params={"text": shown}
        )
    names = [label(unit) + (f" [{unit.code}]" if unit.code else "") for unit in found[:5]]
    raise ValidationError(
        _("Several units match “%(text)s”: %(candidates)s. Type the unit's code, or its name as listed."),
        code="ambiguous",
        params={"text": shown, "candidates": "; ".join(names) + ("; …" if len(found) > 5 else "")},
    )


class ScopedUnits:
    """A unit field that picks from a named scope (units.picker), searched on the server as the user types."""

    def __init__(self, *, scope: str, queryset=None, **kwargs):
        super().__init__(queryset=Unit.objects.none() if queryset is None else queryset, **kwargs)
        self.scope = scope

    def limit_to(self, user, *, also: int | None = None, **arguments) -> None:
        """The units `user` may choose (the scope's function), plus `also`: a unit already chosen."""
        units = scope_units(self.scope, user, **arguments)
        if also is not None:
            units = units | Unit.objects.filter(pk=also)
        self.queryset = units
        self.widget.token = scope_token(self.scope, arguments)

    def label_from_instance(self, unit) -> str:
        return label(unit)


class UnitChoiceField(ScopedUnits, forms.ModelChoiceField):
    """One unit: its pk as a <select> or the picker sends it, or a code or name typed without JavaScript."""

    widget = UnitPicker

    def to_python(self, value):
        text = getattr(value, "text", None)
        if text is None:  # a pk alone: the <select>, or a client that posts pks
            return super().to_python(str(value) if value is not None else value)
        if not text.strip():
            return None
        if len(text) > MAX_QUERY * 2:
            raise ValidationError(_("This text is too long to name a unit."), code="invalid_choice")
        if value:
            try:
                unit = super().to_python(str(value))
            except ValidationError:
                unit = None
            if unit is not None and matches_label(unit, text):
                return unit
        return _resolve(self.queryset, text)

    def has_changed(self, initial, data):
        return super().has_changed(initial, str(data) if data is not None else data)


class UnitMultipleChoiceField(ScopedUnits, BoundedModelMultipleChoiceField):
    """Several units: the pks chosen, plus any codes or names typed, one a line or separated by “;”."""

    widget = UnitMultiplePicker

    def clean(self, value):
        text = getattr(value, "text", None) or ""
        if len(text) > MAX_QUERY * 20:
            raise ValidationError(_("This text is too long to name units."), code="invalid_choice")
        entries = [entry.strip() for entry in re.split(r"[;\n]", text) if entry.strip()]
        pks = list(value or [])
        if not entries:
            return super().clean(pks)
        chosen = list(super().clean(pks)) if pks else []
        found, errors = [], []
        for entry in entries:
            try:
                found.append(_resolve(self.queryset, entry))
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return self.queryset.filter(pk__in=[unit.pk for unit in chosen + found])
