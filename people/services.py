"""Accounts managed by the secretariat in the portal: invitations, roles, deactivation.

Roles are what asoen_portal.access reads: the Django groups "secretariat" and "leadership",
and FocalPerson rows linking an account to working groups. Taking a focal role away marks the
FocalPerson inactive (its history and the group's record of who served stay).
"""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from asoen_portal import access
from notifications.services import absolute, preference_for, send_emails, update_preferences
from working_groups.models import FocalPerson

User = get_user_model()


def _require_manager(by, user=None):
    if not access.can_manage_people(by):
        raise PermissionDenied
    # IT staff's accounts are managed in the admin, by IT staff.
    if user is not None and user.is_superuser and not by.is_superuser:
        raise PermissionDenied


def set_password_link(user) -> str:
    """The one-time link where `user` chooses a password (Django's reset token)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute(reverse("password_reset_confirm", args=[uid, token]))


def send_invitation(*, user, by) -> None:
    """E-mail the user their set-password link, in their language."""
    with translation.override(preference_for(user).language):
        context = {
            "user": user,
            "by": by,
            "link": set_password_link(user),
            "login_url": absolute(reverse("login")),
        }
        subject = render_to_string("people/email/invitation_subject.txt", context).strip()
        body = render_to_string("people/email/invitation.txt", context)
    send_emails([EmailMessage(subject=subject, body=body, to=[user.email])])


@transaction.atomic
def invite_user(
    *,
    email: str,
    first_name: str,
    last_name: str,
    by,
    language: str = "vi",
    secretariat: bool = False,
    leadership: bool = False,
    focal_groups: Iterable = (),
    focal_role: str = FocalPerson.Role.MEMBER,
):
    """Create an account with no usable password, give it its roles and send the link."""
    _require_manager(by)
    email = email.strip().lower()
    if (
        User.objects.filter(email__iexact=email).exists()
        or User.objects.filter(username__iexact=email).exists()
    ):
        raise ValidationError(
            _("Đã có tài khoản dùng địa chỉ {email}.").format(email=email), code="duplicate"
        )
    user = User(username=email, email=email, first_name=first_name, last_name=last_name)
    user.set_unusable_password()
    user.save()
    update_preferences(user=user, language=language, enabled_kinds=_all_kinds())
    set_roles(
        user=user,
        by=by,
        secretariat=secretariat,
        leadership=leadership,
        focal_groups=focal_groups,
        focal_role=focal_role,
    )
    transaction.on_commit(lambda: send_invitation(user=user, by=by))
    return user


def _all_kinds():
    from notifications.models import Kind

    return Kind.values


def _set_group(user, name, member: bool):
    group, _created = Group.objects.get_or_create(name=name)
    if member:
        user.groups.add(group)
    else:
        user.groups.remove(group)


@transaction.atomic
def set_roles(
    *,
    user,
    by,
    secretariat: bool,
    leadership: bool,
    focal_groups: Iterable,
    focal_role: str = FocalPerson.Role.MEMBER,
):
    """Make the user's roles exactly these: the two groups, and focal point of `focal_groups`
    (with `focal_role`); focal roles of other groups are ended."""
    _require_manager(by, user)
    if user.pk == by.pk and not secretariat and not by.is_superuser:
        raise ValidationError(
            _("Bạn không thể tự bỏ vai trò Văn phòng của chính mình."), code="self"
        )
    _set_group(user, access.SECRETARIAT, secretariat)
    _set_group(user, access.LEADERSHIP, leadership)
    wanted = {group.pk: group for group in focal_groups}
    full_name = user.get_full_name() or user.email or user.username
    for person in FocalPerson.objects.filter(user=user):
        active = person.working_group_id in wanted
        if person.is_active != active or (active and person.role != focal_role):
            person.is_active = active
            if active:
                person.role = focal_role
            person._history_user = by
            person.save()
        wanted.pop(person.working_group_id, None)
    for group in wanted.values():
        # A person already listed by name (from the seed, say) gets the account linked.
        person = FocalPerson.objects.filter(
            working_group=group, full_name=full_name, user__isnull=True
        ).first() or FocalPerson(working_group=group, full_name=full_name)
        person.user, person.role, person.is_active = user, focal_role, True
        person.email = person.email or user.email
        person._history_user = by
        person.save()
    for cached in ("_asoen_group_names", "_asoen_focal_group_ids"):
        user.__dict__.pop(cached, None)
    return user


def set_active(*, user, by, active: bool):
    """Deactivate (the account can no longer sign in; its records and history stay) or
    reactivate an account."""
    _require_manager(by, user)
    if user.pk == by.pk:
        raise ValidationError(_("Bạn không thể khóa tài khoản của chính mình."), code="self")
    user.is_active = active
    user.save(update_fields=["is_active"])
    return user


def update_profile(*, user, first_name: str, last_name: str, email: str):
    """A user changes their own name and address."""
    email = email.strip().lower()
    if email and User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
        raise ValidationError(
            _("Đã có tài khoản dùng địa chỉ {email}.").format(email=email), code="duplicate"
        )
    user.first_name, user.last_name, user.email = first_name, last_name, email
    user.save(update_fields=["first_name", "last_name", "email"])
    return user
