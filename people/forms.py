from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from notifications.models import Kind
from notifications.services import preference_for
from working_groups.models import FocalPerson, WorkingGroup


class RolesForm(forms.Form):
    secretariat = forms.BooleanField(label=_("Văn phòng ASOEN"), required=False)
    leadership = forms.BooleanField(label=_("Lãnh đạo"), required=False)
    focal_groups = forms.ModelMultipleChoiceField(
        label=_("Đầu mối của các nhóm"),
        queryset=WorkingGroup.objects.order_by("order", "code"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    focal_role = forms.ChoiceField(
        label=_("Vai trò trong nhóm"), choices=FocalPerson.Role, initial=FocalPerson.Role.MEMBER
    )


class InviteForm(RolesForm):
    email = forms.EmailField(label=_("Thư điện tử"))
    last_name = forms.CharField(label=_("Họ và tên đệm"), max_length=150)
    first_name = forms.CharField(label=_("Tên"), max_length=150)
    language = forms.ChoiceField(label=_("Ngôn ngữ thư"), choices=settings.LANGUAGES, initial="vi")

    field_order = ["email", "last_name", "first_name", "language"]


class ProfileForm(forms.Form):
    last_name = forms.CharField(label=_("Họ và tên đệm"), max_length=150, required=False)
    first_name = forms.CharField(label=_("Tên"), max_length=150, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Ngôn ngữ thư"), choices=settings.LANGUAGES)
    enabled_kinds = forms.MultipleChoiceField(
        label=_("Nhận thông báo và thư về"),
        choices=Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class LocalisedPasswordResetForm(PasswordResetForm):
    """Django's reset form, writing each e-mail in the language its recipient chose."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        with translation.override(preference_for(context["user"]).language):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)
