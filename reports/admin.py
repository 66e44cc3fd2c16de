from django import forms
from django.contrib import admin

from asoen_portal.admin_base import HistoryAdmin

from .models import AnnualReport, ReportNarrative, ReportRender

# The workflow (draft → submitted → approved) belongs to the portal's services, which check
# who may submit and who may approve; in the admin these fields can only be read.
APPROVAL_FIELDS = ["status", "submitted_by", "submitted_at", "approved_by", "approved_at"]


class ReportNarrativeInline(admin.StackedInline):
    model = ReportNarrative
    extra = 0

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not (obj and obj.is_frozen)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.is_frozen)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_frozen)


@admin.register(AnnualReport)
class AnnualReportAdmin(HistoryAdmin):
    list_display = ["year", "number_symbol", "report_date", "status"]
    list_filter = ["status"]
    readonly_fields = ["snapshot_hash"]
    inlines = [ReportNarrativeInline]
    readonly_fields = APPROVAL_FIELDS

    def has_change_permission(self, request, obj=None):
        # An approved report is frozen, as in the portal.
        return super().has_change_permission(request, obj) and not (obj and obj.is_frozen)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_frozen)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # The signer's position is one line per office held ("Chủ tịch ASOEN Việt Nam",
        # "Thứ trưởng Bộ Nông nghiệp và Môi trường"), so it needs a multi-line box.
        if db_field.name in ("signer_title", "signer_title_en"):
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(ReportNarrative)
class ReportNarrativeAdmin(HistoryAdmin):
    list_display = ["report", "language", "section", "updated_at"]
    list_filter = ["language", "section", "report"]
    search_fields = ["text"]

    def has_change_permission(self, request, obj=None):
        frozen = obj is not None and obj.report.is_frozen
        return super().has_change_permission(request, obj) and not frozen

    def has_delete_permission(self, request, obj=None):
        frozen = obj is not None and obj.report.is_frozen
        return super().has_delete_permission(request, obj) and not frozen


@admin.register(ReportRender)
class ReportRenderAdmin(HistoryAdmin):
    """Render jobs are made and moved by the portal and the worker; the admin only shows them."""

    list_display = ["report", "language", "format", "status", "requested_by", "created_at"]
    list_filter = ["status", "language"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
