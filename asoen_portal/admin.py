from django.contrib import admin

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
