from django.urls import path

from asoen_portal import archive_views

app_name = "archive"
urlpatterns = [
    path("", archive_views.archived, name="archived"),
    path("<str:kind>/<int:pk>/archive/", archive_views.archive, name="archive"),
    path("<str:kind>/<int:pk>/restore/", archive_views.restore, name="restore"),
]
