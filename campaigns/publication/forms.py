from django import forms
from django.utils.translation import gettext_lazy as _

from units.fields import YearFormField
from units.models import Unit


class PublishForm(forms.Form):
    """Publish or withdraw one year of one of the provinces the user may publish for."""

    PUBLISH = "publish"
    WITHDRAW = "withdraw"

    province = forms.ModelChoiceField(queryset=None, label=_("Province"))
    year = YearFormField(label=_("Year"))
    action = forms.ChoiceField(choices=[(PUBLISH, _("Publish")), (WITHDRAW, _("Withdraw"))])

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = Unit.objects.filter(pk__in=[unit.pk for unit in provinces])
