"""Widgets with Django's own markup, built in Python instead of through templates.

Django renders each option of a select through two templates (the option and its attributes);
on a list page the filter selects' ~50 options cost more than the whole rest of the page. The
markup here is the same as Django's templates produce (tests/asoen_portal/test_widgets.py
compares them), so nothing changes for the user. A project template overriding Django's
select.html would not apply to these widgets; the portal has none.
"""

from django import forms
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe


def _attrs(attrs):
    """Django's widgets/attrs.html: ` name="value"`, a bare ` name` for True, nothing for False."""
    return format_html_join(
        "",
        " {}{}",
        (
            (name, "" if value is True else format_html('="{}"', value))
            for name, value in attrs.items()
            if value is not False
        ),
    )


class Select(forms.Select):
    """Django's Select: the same context and markup, options rendered without templates."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], _attrs(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            # Plain concatenation of escaped parts: format_html per option (and for its
            # usually empty attributes) was most of the select's time.
            parts.extend(
                '<option value="'
                + conditional_escape(option["value"])
                + '"'
                + (_attrs(option["attrs"]) if option["attrs"] else "")
                + ">"
                + conditional_escape(option["label"])
                + "</option>"
                for option in options
            )
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))
