from django.contrib import admin

from asoen_portal.admin_base import HistoryAdmin

from .models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark, Programme


@admin.register(Programme)
class ProgrammeAdmin(HistoryAdmin):
    list_display = ["code", "name", "working_group"]
    search_fields = ["code", "name", "name_en"]


@admin.register(HeritagePark)
class HeritageParkAdmin(HistoryAdmin):
    list_display = ["name", "province", "year_recognised", "status"]
    list_filter = ["status", "year_recognised"]
    search_fields = ["name", "name_en", "province"]


@admin.register(EcoSchoolAward)
class EcoSchoolAwardAdmin(HistoryAdmin):
    list_display = ["year", "theme", "school", "province"]
    list_filter = ["year"]
    search_fields = ["theme", "school", "province"]


class EscAwardInline(admin.TabularInline):
    model = EscAward
    extra = 0


@admin.register(EscAwardRound)
class EscAwardRoundAdmin(HistoryAdmin):
    list_display = ["__str__", "kind", "edition", "year", "regional_recipients"]
    list_filter = ["kind", "year"]
    inlines = [EscAwardInline]


@admin.register(EscAward)
class EscAwardAdmin(HistoryAdmin):
    list_display = ["city", "province", "round", "category"]
    list_filter = ["category", "round"]
    search_fields = ["city", "province"]
