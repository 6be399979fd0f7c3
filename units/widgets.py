"""The unit picker's widget: a search box over the server (unit-picker.js), or a plain <select> for a few units.

Without JavaScript the search box is a text input: the field reads a code or a name typed in it. With
JavaScript it asks units:search as the user types and keeps the chosen unit's pk in a hidden input, which
is what the form reads, as it read the <select> before.
"""

from django import forms
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from units.picker import SELECT_LIMIT, label, parent_line, validity, with_parents

TEXT_SUFFIX = "__text"


class Picked(str):
    """The submitted pk, with the text of the search box beside it (None when the page had no search box)."""

    text: str | None = None


class PickedList(list):
    text: str | None = None


class UnitPicker(forms.Widget):
    template_name = "units/_unit_picker.html"
    multiple = False

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = ()  # set by the field with its queryset
        self.token = ""  # the signed scope, set by the field

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.choices = self.choices
        return result

    def value_from_datadict(self, data, files, name):
        text = data.get(name + TEXT_SUFFIX)
        if self.multiple:
            values = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
            value = PickedList(values if isinstance(values, list | tuple) else [values] if values else [])
        else:
            value = Picked(data.get(name) or "")
        value.text = text
        return value

    def value_omitted_from_data(self, data, files, name):
        if self.multiple:
            return False  # an empty multiple choice sends nothing, like a <select multiple>
        return name not in data and name + TEXT_SUFFIX not in data

    def format_value(self, value):
        if value is None or value == "":
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(getattr(v, "pk", v)) for v in values if v not in (None, "")]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        queryset = getattr(self.choices, "queryset", None)
        chosen = widget["value"]
        typed = getattr(value, "text", None)
        few = list(with_parents(queryset)[: SELECT_LIMIT + 1]) if queryset is not None else []
        css = widget["attrs"].pop("class", "")
        invalid = "is-invalid" if "is-invalid" in css else ""
        widget.update(
            multiple=self.multiple,
            invalid=invalid,
            text_name=name + TEXT_SUFFIX,
            listbox_id=f"{widget['attrs'].get('id', name)}-listbox",
        )
        if len(few) <= SELECT_LIMIT:
            widget["select"] = True
            widget["options"] = [(str(unit.pk), label(unit), str(unit.pk) in chosen) for unit in few]
            # As Django's own <select>: a blank first choice unless one is required and already made, so
            # that the browser never submits the first unit nobody chose.
            widget["blank"] = not self.multiple and (not self.is_required or not any(o[2] for o in widget["options"]))
            return context
        from units.fields import row_pks  # the fields module imports this one

        pks = row_pks(chosen)  # a posted value shown again may be no pk at all
        selected = list(with_parents(queryset.filter(pk__in=pks))) if pks else []
        selected.sort(key=lambda unit: pks.index(unit.pk))  # in the order given: a plan's named units keep theirs
        widget["selected"] = [(str(unit.pk), label(unit)) for unit in selected]
        if self.multiple:
            widget["text"] = typed or ""
        else:
            widget["text"] = typed if typed is not None else (label(selected[0]) if selected else "")
            widget["pk"] = str(selected[0].pk) if selected else ""
        widget["search_url"] = reverse("units:search") + "?" + urlencode({"scope": self.token})
        return context

    def render(self, name, value, attrs=None, renderer=None):
        # The project's templates folder, which the default form renderer does not read.
        return mark_safe(render_to_string(self.template_name, self.get_context(name, value, attrs)))


class UnitMultiplePicker(UnitPicker):
    multiple = True


def option(unit) -> dict:
    """What a search result shows: the name, then the parent, the code and the end of validity."""
    return {
        "pk": unit.pk,
        "label": label(unit),
        "name": unit.name,
        "parents": parent_line(unit),
        "code": unit.code,
        "until": validity(unit),
    }
