from django.contrib import admin
from django.urls import include, path

from asoen_portal.health import healthz

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # Before Django's auth URLs: the same names, with the portal's throttles.
    path("accounts/", include("asoen_portal.account_urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    # working_groups serves /, /activities/, /tasks/ and /working-groups/.
    path("", include("working_groups.urls")),
    path("meetings/", include("meetings.urls")),
    path("heritage-parks/", include("heritage_parks.urls")),
    path("", include("cooperation.urls")),
    path("reports/", include("reports.urls")),
    path("data/", include("asoen_portal.exchange.urls")),
]
# Uploaded and rendered files are never served from MEDIA_URL, not even with DEBUG on: every
# download goes through a view that checks the user may read the record it belongs to.
