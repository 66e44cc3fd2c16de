from django.contrib import admin

from .models import Notice, NotificationPreference, SentReminder


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["recipient", "kind", "created_at", "read_at"]
    list_filter = ["kind"]
    list_select_related = ["recipient"]


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "object_key", "window", "recipient", "sent_at"]
    list_filter = ["kind"]
    list_select_related = ["recipient"]


admin.site.register(NotificationPreference)
