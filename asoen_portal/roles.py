"""The portal's roles as Django groups, for the demo and for a production set-up
(`manage.py setup_roles`).

Roles are checked by group name in `asoen_portal.access`, not by Django model permissions:
the secretariat's work (records, people and roles) happens in the portal, whose services
enforce the rules and keep the history. The groups therefore hold no model permissions at
all — none of `auth` (which would let a member make anyone a superuser) and none on reports
(which would let a member forge an approval in the admin). The admin is for IT staff
(superusers made with `createsuperuser`).
"""

from django.contrib.auth.models import Group
from django.db import transaction

from asoen_portal.access import LEADERSHIP, SECRETARIAT


@transaction.atomic
def set_up_roles() -> dict[str, Group]:
    """Create the role groups, and strip any model permission an older set-up gave them."""
    groups = {}
    for name in (SECRETARIAT, LEADERSHIP):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.clear()
        groups[name] = group
    return groups
