"""Forms of the public posting: the reviewer opens it, anyone comments."""

from django import forms
from django.utils.translation import gettext_lazy

from awards.forms import DATE_WIDGET
from awards.models import PostingComment
from awards.services.postings import MAX_WORKING_DAYS
from units.fields import WholeNumberField


class PostingForm(forms.Form):
    starts_on = forms.DateField(label=gettext_lazy("Posted from"), widget=DATE_WIDGET)
    working_days = WholeNumberField(
        label=gettext_lazy("Working days"),
        min_value=1,
        max_value=MAX_WORKING_DAYS,
        initial=10,
        help_text=gettext_lazy("Saturdays, Sundays and public holidays are not counted."),
    )


class CommentForm(forms.ModelForm):
    class Meta:
        model = PostingComment
        fields = ["name", "contact", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4, "maxlength": 2000})}
        help_texts = {"contact": gettext_lazy("Only the reviewers see it, to reach you if needed.")}
