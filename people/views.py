"""People in the portal: the secretariat's user pages, and everyone's own profile."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from asoen_portal import access
from notifications.models import Kind
from notifications.services import preference_for, update_preferences
from working_groups.models import FocalPerson

from . import services
from .forms import InviteForm, PreferencesForm, ProfileForm, RolesForm

User = get_user_model()
PAGE_SIZE = 50


def _ensure_manager(user):
    if not access.can_manage_people(user):
        raise PermissionDenied


def _users():
    return (
        User.objects.filter(is_superuser=False)
        .prefetch_related(
            "groups",
            Prefetch(
                "focal_roles",
                queryset=FocalPerson.objects.filter(is_active=True).select_related("working_group"),
                to_attr="active_focal_roles",
            ),
        )
        .order_by("-is_active", "last_name", "first_name", "username")
    )


@login_required
def user_list(request):
    _ensure_manager(request.user)
    page = Paginator(_users(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "people/user_list.html", {"page": page})


@login_required
def user_invite(request):
    _ensure_manager(request.user)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.invite_user(by=request.user, **data)
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(request, _("Đã gửi thư mời tới {email}.").format(email=user.email))
            return redirect("people:list")
    return render(request, "people/user_invite.html", {"form": form})


def _get_managed_user(request, pk):
    _ensure_manager(request.user)
    return get_object_or_404(User.objects.filter(is_superuser=False), pk=pk)


@login_required
def user_edit(request, pk):
    """Give and take roles."""
    person = _get_managed_user(request, pk)
    active = FocalPerson.objects.filter(user=person, is_active=True)
    initial = {
        "secretariat": access.is_secretariat(person),
        "leadership": access.is_leadership(person),
        "focal_groups": [p.working_group for p in active.select_related("working_group")],
        "focal_role": active.values_list("role", flat=True).first() or FocalPerson.Role.MEMBER,
    }
    form = RolesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_roles(user=person, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Đã lưu vai trò của {name}.").format(name=person))
            return redirect("people:list")
    return render(request, "people/user_edit.html", {"form": form, "person": person})


@login_required
@require_POST
def user_set_active(request, pk):
    person = _get_managed_user(request, pk)
    active = request.POST.get("active") == "1"
    try:
        services.set_active(user=person, by=request.user, active=active)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        text = _("Đã mở lại tài khoản {name}.") if active else _("Đã khóa tài khoản {name}.")
        messages.success(request, text.format(name=person))
    return redirect("people:list")


@login_required
@require_POST
def user_resend(request, pk):
    """Send a new invitation link to someone who has not chosen a password yet."""
    person = _get_managed_user(request, pk)
    services.send_invitation(user=person, by=request.user)
    messages.success(request, _("Đã gửi lại thư mời tới {email}.").format(email=person.email))
    return redirect("people:list")


@login_required
def profile(request):
    """Everyone's own page: name and address, e-mail language and kinds, password link."""
    user = request.user
    preference = preference_for(user)
    profile_form = ProfileForm(
        request.POST if "save_profile" in request.POST else None,
        initial={"first_name": user.first_name, "last_name": user.last_name, "email": user.email},
        prefix="profile",
    )
    preferences_form = PreferencesForm(
        request.POST if "save_preferences" in request.POST else None,
        initial={
            "language": preference.language,
            "enabled_kinds": [k for k in Kind.values if k not in preference.muted_kinds],
        },
        prefix="prefs",
    )
    if request.method == "POST":
        if profile_form.is_bound and profile_form.is_valid():
            try:
                services.update_profile(user=user, **profile_form.cleaned_data)
            except ValidationError as error:
                profile_form.add_error("email", error)
            else:
                messages.success(request, _("Đã lưu thông tin cá nhân."))
                return redirect("people:profile")
        if preferences_form.is_bound and preferences_form.is_valid():
            update_preferences(user=user, **preferences_form.cleaned_data)
            messages.success(request, _("Đã lưu lựa chọn thông báo."))
            return redirect("people:profile")
    return render(
        request,
        "people/profile.html",
        {
            "profile_form": profile_form,
            "preferences_form": preferences_form,
            "focal_roles": FocalPerson.objects.filter(user=user, is_active=True).select_related(
                "working_group"
            ),
        },
    )
