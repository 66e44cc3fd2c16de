from django.contrib import admin

from asoen_portal.admin_base import HistoryAdmin

from .models import AseanDocument, LegalInstrument, Partner, PartnerProject


@admin.register(LegalInstrument)
class LegalInstrumentAdmin(HistoryAdmin):
    list_display = ["number", "kind", "issuer", "issued_on"]
    list_filter = ["kind", "issuer"]
    search_fields = ["number", "title", "title_en", "approves"]
    date_hierarchy = "issued_on"


@admin.register(Partner)
class PartnerAdmin(HistoryAdmin):
    list_display = ["code", "name", "kind", "is_priority"]
    list_filter = ["kind", "is_priority"]
    search_fields = ["code", "name", "name_en"]


@admin.register(AseanDocument)
class AseanDocumentAdmin(HistoryAdmin):
    list_display = ["code", "title", "kind", "year", "status", "partner"]
    list_filter = ["kind", "status", "year"]
    search_fields = ["code", "title", "title_en"]
    autocomplete_fields = ["partner", "meeting"]


@admin.register(PartnerProject)
class PartnerProjectAdmin(HistoryAdmin):
    list_display = ["code", "title", "channel", "status", "start_year", "end_year"]
    list_filter = ["status"]
    search_fields = ["code", "title", "title_en"]
    filter_horizontal = ["donors"]
