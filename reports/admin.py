from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AnnualReport, ReportNarrative, ReportRender


class ReportNarrativeInline(admin.StackedInline):
    model = ReportNarrative
    extra = 0


@admin.register(AnnualReport)
class AnnualReportAdmin(SimpleHistoryAdmin):
    list_display = ["year", "number_symbol", "report_date", "status"]
    list_filter = ["status"]
    inlines = [ReportNarrativeInline]


@admin.register(ReportNarrative)
class ReportNarrativeAdmin(SimpleHistoryAdmin):
    list_display = ["report", "language", "section", "updated_at"]
    list_filter = ["language", "section", "report"]
    search_fields = ["text"]


@admin.register(ReportRender)
class ReportRenderAdmin(SimpleHistoryAdmin):
    list_display = ["report", "language", "format", "status", "requested_by", "created_at"]
    list_filter = ["status", "language"]
    readonly_fields = ["error", "attempts", "started_at", "finished_at", "enqueued_at"]
