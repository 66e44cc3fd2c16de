from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("new/", views.report_create, name="create"),
    path("<int:year>/", views.report_detail, name="detail"),
    path(
        "<int:year>/narratives/<str:language>/<str:section>/",
        views.narrative_edit,
        name="narrative_edit",
    ),
    path("<int:year>/activities/<int:pk>/topic/", views.activity_topic, name="activity_topic"),
    path("<int:year>/submit/", views.report_submit, name="submit"),
    path("<int:year>/approve/", views.report_approve, name="approve"),
    path("<int:year>/return/", views.report_return, name="return"),
    path("<int:year>/renders/", views.render_request, name="render_request"),
    path("renders/<int:pk>/status/", views.render_status, name="render_status"),
    path("renders/<int:pk>/retry/", views.render_retry, name="render_retry"),
    path("renders/<int:pk>/download/", views.render_download, name="render_download"),
]
