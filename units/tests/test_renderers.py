"""The plain-widget renderer writes exactly what Django's widget templates write, escaping included."""

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.renderers import DjangoTemplates
from django.test.signals import template_rendered

from units.renderers import PLAIN_WIDGETS

ODD = '"><b>x</b>&amp;'


class Everything(forms.Form):
    text = forms.CharField(max_length=10, widget=forms.TextInput(attrs={"data-odd": ODD, "autofocus": True}))
    number = forms.DecimalField(required=False, widget=forms.NumberInput(attrs={"step": "any", "hidden": False}))
    tick = forms.BooleanField(required=False)
    grouped = forms.ChoiceField(choices=[("", "—"), (ODD, [("a", ODD), ("b", "B")]), ("c", "C")])
    note = forms.CharField(widget=forms.Textarea, required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    upload = forms.FileField(required=False)
    when = forms.DateField(required=False)


def markup(form):
    return {name: str(form[name]) for name in form.fields}


def both(form):
    fast = markup(form)
    form.renderer = DjangoTemplates()
    return fast, markup(form)


def test_unbound_widgets_with_odd_values_are_written_as_the_templates_write_them():
    form = Everything(
        initial={"text": ODD, "tick": True, "grouped": "a", "note": ODD, "hidden": ODD}, renderer=PLAIN_WIDGETS
    )
    fast, slow = both(form)
    assert fast == slow
    assert "<b>" not in "".join(fast.values())


def test_bound_widgets_with_errors_are_written_as_the_templates_write_them():
    data = {"text": ODD * 3, "number": "abc", "grouped": "zz", "note": "<script>", "hidden": ODD}
    form = Everything(data, {"upload": SimpleUploadedFile("a.pdf", b"%PDF")}, renderer=PLAIN_WIDGETS)
    assert not form.is_valid()
    fast, slow = both(form)
    assert fast == slow
    assert 'aria-invalid="true"' in fast["text"]


def test_no_widget_template_is_rendered_for_the_plain_widgets():
    seen = []

    def record(sender, template, **kwargs):
        seen.append(template.name)

    template_rendered.connect(record)
    try:
        markup(Everything(renderer=PLAIN_WIDGETS))
        plain = list(seen)
        markup(Everything(renderer=DjangoTemplates()))
    finally:
        template_rendered.disconnect(record)
    assert plain == []
    assert "django/forms/widgets/select.html" in seen  # the signal does see the templates Django would render
