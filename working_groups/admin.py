from django.contrib import admin

from asoen_portal.admin_base import HistoryAdmin

from .models import (
    Activity,
    Attachment,
    FocalPerson,
    FocalUnit,
    RegionalLeadTerm,
    StatusUpdate,
    Task,
    WorkingGroup,
)


@admin.register(FocalUnit)
class FocalUnitAdmin(HistoryAdmin):
    list_display = ["name", "abbreviation", "ministry"]
    search_fields = ["name", "name_en", "abbreviation"]


class FocalPersonInline(admin.TabularInline):
    model = FocalPerson
    extra = 0
    autocomplete_fields = ["user", "unit"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(HistoryAdmin):
    list_display = ["code", "name", "kind", "focal_unit", "order"]
    list_filter = ["kind"]
    search_fields = ["code", "name", "name_en"]
    inlines = [FocalPersonInline]


@admin.register(FocalPerson)
class FocalPersonAdmin(HistoryAdmin):
    list_display = ["full_name", "working_group", "role", "user", "is_active"]
    list_filter = ["working_group", "role", "is_active"]
    search_fields = ["full_name", "email", "user__username"]
    autocomplete_fields = ["user", "unit"]
    list_select_related = ["working_group", "user"]


@admin.register(RegionalLeadTerm)
class RegionalLeadTermAdmin(HistoryAdmin):
    list_display = ["working_group", "start_year", "end_year", "status"]
    list_filter = ["status", "working_group"]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["file", "original_name", "size", "uploaded_by"]
    readonly_fields = ["size", "uploaded_by"]


@admin.register(Attachment)
class AttachmentAdmin(HistoryAdmin):
    list_display = ["original_name", "activity", "size", "uploaded_by", "created_at"]
    search_fields = ["original_name", "activity__title"]
    list_select_related = ["activity", "uploaded_by"]
    readonly_fields = ["size", "uploaded_by"]


@admin.register(Activity)
class ActivityAdmin(HistoryAdmin):
    list_display = ["title", "start_date", "working_group", "kind", "theme"]
    list_filter = ["kind", "theme", "working_group", ("start_date", admin.DateFieldListFilter)]
    search_fields = ["title", "title_en", "description", "search_text"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["meeting", "instruments", "documents", "projects"]
    filter_horizontal = ["programmes"]
    list_select_related = ["working_group"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    inlines = [AttachmentInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class StatusUpdateInline(admin.TabularInline):
    model = StatusUpdate
    extra = 0
    readonly_fields = ["status", "progress", "note", "author", "created_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # Status changes go through the portal's service, which records who made them.
        return False


@admin.register(Task)
class TaskAdmin(HistoryAdmin):
    list_display = ["title", "year", "report_section", "working_group", "status", "progress"]
    list_filter = ["year", "status", "working_group", "theme"]
    search_fields = ["title", "title_en", "description"]
    autocomplete_fields = ["meeting"]
    list_select_related = ["working_group"]
    inlines = [StatusUpdateInline]
    # Status changes go through update_task_status, which keeps a StatusUpdate and the
    # version counter; an admin edit of these would bypass both.
    readonly_fields = ["status", "progress", "last_status_at"]


@admin.register(StatusUpdate)
class StatusUpdateAdmin(admin.ModelAdmin):
    list_display = ["task", "status", "progress", "author", "created_at"]
    list_filter = ["status"]
    search_fields = ["task__title", "note"]
    list_select_related = ["task", "author"]
    readonly_fields = ["task", "status", "progress", "note", "author", "created_at"]

    # The status history is a record of what happened: it is read, never written, here.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
