"""A form renderer that writes the plain widgets in Python instead of through Django's widget templates.

The commune year page has about a hundred widgets; a profile showed two thirds of its time in rendering them through
the template engine, about 0.8 ms each (issue #14). The markup below is the markup of Django's own widget templates
(django/forms/widgets/input.html, attrs.html, select.html, select_option.html, textarea.html), so pages, labels,
ids and aria attributes stay the same; anything this does not know goes to the templates as before.
"""

import html

from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe


def esc(value) -> str:
    """conditional_escape without its lazy-string wrapper, which costs more than the escaping on a page of widgets:
    what is already safe (has __html__) goes as it is, anything else is escaped as Django's escape() does."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _attrs(attrs: dict) -> str:
    # attrs.html: False drops the attribute, True writes it bare, anything else as a string, escaped.
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {esc(name)}")
        else:
            parts.append(f' {esc(name)}="{esc(value)}"')
    return "".join(parts)


def _input(widget: dict) -> str:
    value = "" if widget["value"] is None else f' value="{esc(widget["value"])}"'
    return f'<input type="{esc(widget["type"])}" name="{esc(widget["name"])}"{value}{_attrs(widget["attrs"])}>'


def _option(option: dict) -> str:
    return f'<option value="{esc(option["value"])}"{_attrs(option["attrs"])}>{esc(option["label"])}</option>'


def _select(widget: dict) -> str | None:
    parts = [f'<select name="{esc(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{esc(group_name)}">')
        for option in choices:
            if option["template_name"] != "django/forms/widgets/select_option.html":
                return None
            # select_option.html ends with a newline, kept by the include.
            parts.append(f"\n  {_option(option)}\n")
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _textarea(widget: dict) -> str:
    value = esc(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{esc(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


def _file(widget: dict) -> str | None:
    # With a file already stored the widget shows a link and a "clear" box: left to the template.
    if widget.get("is_initial"):
        return None
    return f'<input type="{esc(widget["type"])}" name="{esc(widget["name"])}"{_attrs(widget["attrs"])}>'


INPUT_TEMPLATES = {
    f"django/forms/widgets/{name}.html"
    for name in ("input", "text", "number", "email", "url", "password", "hidden", "checkbox", "date", "time")
}
WRITERS = {
    "django/forms/widgets/select.html": _select,
    "django/forms/widgets/textarea.html": _textarea,
    "django/forms/widgets/clearable_file_input.html": _file,
    "django/forms/widgets/file.html": _file,
}


class PlainWidgetRenderer(DjangoTemplates):
    """Django's default renderer, with the plain widgets written directly."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget is not None:
            if template_name in INPUT_TEMPLATES:
                return mark_safe(_input(widget))  # noqa: S308 - every part is escaped above
            writer = WRITERS.get(template_name)
            html = writer(widget) if writer else None
            if html is not None:
                return mark_safe(html)  # noqa: S308 - every part is escaped above
        return super().render(template_name, context, request)


# One instance: a renderer builds its template engine once, on first use.
PLAIN_WIDGETS = PlainWidgetRenderer()
