"""The secretariat's narrative markup on report pages (reports.narrative holds the rules)."""

from django import template

from reports.narrative import preview_html

register = template.Library()


@register.filter
def narrative_preview(text, limit=220):
    return preview_html(text, int(limit))
