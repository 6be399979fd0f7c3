"""Form fields shared by the apps."""

from django import forms
from django.core.exceptions import ValidationError

BIGINT = 2**63


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
