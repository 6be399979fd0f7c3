"""Forms of the district and province dashboards: reminders, matrix options, Excel upload."""

from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# An assessment sheet of a whole province is a few hundred rows; anything much bigger is a wrong file.
# The site-wide MAX_UPLOAD_SIZE still applies when an operator sets it lower.
MAX_UPLOAD_SIZE = 2 * 1024 * 1024


class ReminderForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Left blank, the standard reminder is sent."),
    )


class MatrixOptionsForm(forms.Form):
    """GET options of the matrix: approved assessments only, and a minimum when no plan sets one."""

    approved = forms.BooleanField(label=_("Approved only"), required=False)
    min = forms.IntegerField(label=_("Minimum criteria"), min_value=1, max_value=40, required=False)


class AssessmentUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Filled template (.xlsx)"),
        validators=[FileExtensionValidator(["xlsx"], message=_("Upload an Excel file (.xlsx)."))],
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = min(MAX_UPLOAD_SIZE, settings.MAX_UPLOAD_SIZE)
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is too large (at most %(size)s)."), params={"size": filesizeformat(limit)}
            )
        return upload
