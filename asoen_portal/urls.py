from django.contrib import admin
from django.urls import include, path

from asoen_portal.changes import changes_page
from asoen_portal.dashboard import dashboard
from asoen_portal.health import healthz
from asoen_portal.search import search_page

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # Before Django's auth URLs: the same names, with the portal's throttles and reset
    # e-mails in each recipient's language.
    path("accounts/", include("asoen_portal.account_urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("notifications/", include("notifications.urls")),
    # people serves /profile/ and /people/.
    path("", include("people.urls")),
    path("", dashboard, name="dashboard"),
    path("search/", search_page, name="search"),
    path("changes/", changes_page, name="changes"),
    # working_groups serves /activities/, /tasks/ and /working-groups/.
    path("", include("working_groups.urls")),
    path("meetings/", include("meetings.urls")),
    path("heritage-parks/", include("heritage_parks.urls")),
    path("", include("cooperation.urls")),
    path("reports/", include("reports.urls")),
    # issuance serves /register/ and the signing of reports under /reports/.
    path("", include("issuance.urls")),
    path("data/", include("asoen_portal.exchange.urls")),
    path("archived/", include("asoen_portal.archive_urls")),
    path("api/", include("asoen_portal.api.urls")),
]
# Uploaded and rendered files are never served from MEDIA_URL, not even with DEBUG on: every
# download goes through a view that checks the user may read the record it belongs to.
