"""Template helpers of the issuance app: the register link and a report's signature panel."""

from django import template

from issuance.register import can_view_register as _can_view_register

register = template.Library()


@register.filter
def can_view_register(user):
    return _can_view_register(user)
