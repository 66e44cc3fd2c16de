from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .models import ImportJob


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """Import jobs are made by the /data/ pages; the admin only shows them."""

    list_display = ["__str__", "register", "status", "requested_by", "created_at"]
    list_filter = ["status", "register"]
    list_select_related = ["requested_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


User = get_user_model()
# Who may grant powers: only a superuser. A staff member given user permissions (for
# support work) can fix a name or reset a password, but not make anyone staff or superuser.
PRIVILEGE_FIELDS = ("is_superuser", "is_staff", "groups", "user_permissions")


class PortalUserAdmin(UserAdmin):
    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += PRIVILEGE_FIELDS
        return readonly


admin.site.unregister(User)
admin.site.register(User, PortalUserAdmin)
