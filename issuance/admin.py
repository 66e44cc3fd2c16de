from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import IssuedNumber


@admin.register(IssuedNumber)
class IssuedNumberAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "kind", "summary", "signer_name", "issued_on"]
    list_filter = ["year", "kind"]
    search_fields = ["summary", "signer_name"]
    # Numbers come from approvals only; editing one by hand would break the register.
    readonly_fields = ["year", "kind", "sequence", "issued_on", "report", "issued_by"]
