from django.contrib import admin

from asoen_portal.admin_base import HistoryAdmin

from .models import IssuedNumber, ReportSignature


@admin.register(IssuedNumber)
class IssuedNumberAdmin(HistoryAdmin):
    list_display = ["__str__", "kind", "summary", "signer_name", "issued_on"]
    list_filter = ["year", "kind"]
    search_fields = ["summary", "signer_name"]
    # Numbers come from approvals only; editing one by hand would break the register.
    readonly_fields = ["year", "kind", "sequence", "issued_on", "report", "issued_by"]


@admin.register(ReportSignature)
class ReportSignatureAdmin(HistoryAdmin):
    list_display = ["render", "status", "signed_at", "requested_by", "created_at"]
    list_filter = ["status"]
    readonly_fields = [
        "file",
        "error",
        "attempts",
        "signer_subject",
        "certificate_serial",
        "signed_at",
        "validation",
        "enqueued_at",
        "started_at",
        "finished_at",
    ]
