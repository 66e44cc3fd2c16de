from django.urls import path

from meetings import feeds, views, views_delegates, views_prep, views_templates

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("calendar/", views.meeting_calendar, name="calendar"),
    path("new/", views.meeting_create, name="create"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("<int:pk>/documents/new/", views_prep.document_upload, name="document_upload"),
    path(
        "<int:pk>/documents/<int:document_pk>/",
        views_prep.document_download,
        name="document_download",
    ),
    path("<int:pk>/checklist/new/", views_prep.checklist_add, name="checklist_add"),
    path("checklist/<int:item_pk>/edit/", views_prep.checklist_edit, name="checklist_edit"),
    path("checklist/<int:item_pk>/done/", views_prep.checklist_toggle, name="checklist_toggle"),
    path("<int:pk>/checklist/apply/", views_templates.checklist_apply, name="checklist_apply"),
    path("<int:pk>/delegates/new/", views_delegates.delegate_add, name="delegate_add"),
    path(
        "<int:pk>/delegates/<int:delegate_pk>/edit/",
        views_delegates.delegate_edit,
        name="delegate_edit",
    ),
    path(
        "<int:pk>/delegates/<int:delegate_pk>/remove/",
        views_delegates.delegate_remove,
        name="delegate_remove",
    ),
    path("checklist-templates/", views_templates.template_list, name="templates"),
    path("checklist-templates/new/", views_templates.template_edit, name="template_create"),
    path("checklist-templates/<int:pk>/", views_templates.template_edit, name="template_edit"),
    path("feeds/", feeds.feed_settings, name="feeds"),
    path("feeds/reset/", feeds.feed_reset, name="feed_reset"),
    path("feeds/user/<str:token>.ics", feeds.user_feed, name="user_feed"),
    path("feeds/group/<str:code>.ics", feeds.group_feed, name="group_feed"),
]
