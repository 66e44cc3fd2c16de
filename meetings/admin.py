from django.contrib import admin

from asoen_portal.admin_base import HistoryAdmin

from .models import (
    CalendarFeedToken,
    ChecklistItem,
    ChecklistTemplate,
    ChecklistTemplateItem,
    Delegate,
    Meeting,
    MeetingDocument,
    MeetingSeries,
)


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(HistoryAdmin):
    list_display = ["code", "name", "kind", "working_group"]
    list_filter = ["kind"]
    search_fields = ["code", "name", "name_en"]


class ChecklistItemInline(admin.TabularInline):
    model = ChecklistItem
    extra = 0
    autocomplete_fields = ["owner"]


class MeetingDocumentInline(admin.TabularInline):
    model = MeetingDocument
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(HistoryAdmin):
    list_display = [
        "__str__",
        "title",
        "year",
        "start_date",
        "city",
        "country",
        "is_hosted",
        "status",
    ]
    list_filter = ["year", "is_hosted", "status", "country", "series__kind"]
    search_fields = ["title", "title_en", "series__code", "city"]
    list_select_related = ["series"]
    autocomplete_fields = ["series"]
    inlines = [ChecklistItemInline, MeetingDocumentInline]


@admin.register(ChecklistItem)
class ChecklistItemAdmin(HistoryAdmin):
    list_display = ["title", "meeting", "owner_name", "deadline", "done"]
    list_filter = ["done"]
    search_fields = ["title", "owner_name"]
    list_select_related = ["meeting__series"]


@admin.register(MeetingDocument)
class MeetingDocumentAdmin(HistoryAdmin):
    list_display = ["title", "meeting", "uploaded_by", "created_at"]
    search_fields = ["title"]
    list_select_related = ["meeting__series", "uploaded_by"]


@admin.register(CalendarFeedToken)
class CalendarFeedTokenAdmin(admin.ModelAdmin):
    # The token is a secret in a feed URL: shown, never typed; users reset it on /meetings/feeds/.
    list_display = ["user", "created_at"]
    search_fields = ["user__username"]
    readonly_fields = ["user", "token", "created_at", "updated_at"]

    def has_add_permission(self, request):
        return False


class ChecklistTemplateItemInline(admin.TabularInline):
    model = ChecklistTemplateItem
    extra = 0


@admin.register(ChecklistTemplate)
class ChecklistTemplateAdmin(HistoryAdmin):
    list_display = ["name", "name_en"]
    search_fields = ["name", "name_en"]
    inlines = [ChecklistTemplateItemInline]


@admin.register(ChecklistTemplateItem)
class ChecklistTemplateItemAdmin(HistoryAdmin):
    list_display = ["title", "template", "offset_days", "owner_kind", "owner_name"]
    list_filter = ["template"]
    list_select_related = ["template"]
    search_fields = ["title", "title_en"]


@admin.register(Delegate)
class DelegateAdmin(HistoryAdmin):
    list_display = ["full_name", "meeting", "unit", "role", "funding"]
    list_filter = ["role", "funding", "meeting__year"]
    list_select_related = ["meeting__series"]
    search_fields = ["full_name", "unit"]
    autocomplete_fields = ["focal_person", "partner_project"]
