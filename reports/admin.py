from django import forms
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
    readonly_fields = ["snapshot_hash"]
    inlines = [ReportNarrativeInline]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # The signer's position is one line per office held ("Chủ tịch ASOEN Việt Nam",
        # "Thứ trưởng Bộ Nông nghiệp và Môi trường"), so it needs a multi-line box.
        if db_field.name in ("signer_title", "signer_title_en"):
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


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
