"""What every portal ModelAdmin with an audit trail builds on.

The admin is for IT staff; the secretariat works in the portal. Even IT staff cannot rewrite
the past: django-simple-history's "revert" form (which only hides its button when
SIMPLE_HISTORY_REVERT_DISABLED is on, and still saves a POST) is refused outright.
"""

from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin whose history pages can be read but never saved."""

    def get_queryset(self, request):
        # IT staff see archived rows too (the default manager leaves them out).
        manager = getattr(self.model, "objects_with_archived", self.model._default_manager)
        queryset = manager.get_queryset()
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
