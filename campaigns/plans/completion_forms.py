"""The form national administrators enter a programme's completion conditions with (Phụ lục III)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.models import CompletionCondition
from campaigns.models.progress import STATUS_KIND
from units.models import DIVISION_TYPES, Kind

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
COMMUNE_TYPES = DIVISION_TYPES[Kind.COMMUNE]


class CompletionConditionForm(forms.ModelForm):
    division_types = forms.MultipleChoiceField(
        label=_("Units counted"),
        choices=[(name, name) for name in COMMUNE_TYPES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave every box empty to count every commune-level unit (xã, phường, thị trấn, đặc khu)."),
        error_messages={
            "invalid_choice": _("“%(value)s” is not a type of commune-level unit; choose among the boxes shown.")
        },
    )

    class Meta:
        model = CompletionCondition
        fields = [
            "order",
            "label",
            "kind",
            "level",
            "threshold",
            "division_types",
            "decided_from",
            "source",
            "confirmed",
        ]
        widgets = {"decided_from": DATE_WIDGET, "source": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "label": _("As the annex words it, e.g. “Tỷ lệ xã đạt chuẩn nông thôn mới”."),
            "threshold": _("A percentage from 0 to 100 for a share; a number of communes for a count."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [
            (value, label) for value, label in self.fields["level"].choices if STATUS_KIND.get(value) == Kind.COMMUNE
        ]
        self.fields["decided_from"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]

    def clean(self):
        cleaned = super().clean()
        kind, threshold = cleaned.get("kind"), cleaned.get("threshold")
        if threshold is None:
            return cleaned
        if threshold < 0:
            self.add_error("threshold", _("The threshold cannot be negative."))
        elif kind == CompletionCondition.Kind.SHARE and threshold > 100:
            self.add_error("threshold", _("A share is a percentage: give a number from 0 to 100."))
        elif kind == CompletionCondition.Kind.COUNT and threshold != threshold.to_integral():
            self.add_error("threshold", _("A count is a whole number of communes."))
        return cleaned
