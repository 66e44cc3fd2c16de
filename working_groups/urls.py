from django.urls import path

from .views import activities, groups, history, tasks

app_name = "working_groups"

urlpatterns = [
    path("activities/", activities.activity_list, name="activity_list"),
    path("activities/new/", activities.activity_create, name="activity_create"),
    path("activities/<int:pk>/", activities.activity_detail, name="activity_detail"),
    path("activities/<int:pk>/edit/", activities.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/history/", history.activity_history, name="activity_history"),
    path("activities/<int:pk>/attachments/", activities.attachment_add, name="attachment_add"),
    path(
        "activities/<int:pk>/attachments/<int:attachment_pk>/",
        activities.attachment_download,
        name="attachment_download",
    ),
    path("tasks/", tasks.task_list, name="task_list"),
    path("tasks/new/", tasks.task_create, name="task_create"),
    path("tasks/<int:pk>/", tasks.task_detail, name="task_detail"),
    path("tasks/<int:pk>/edit/", tasks.task_edit, name="task_edit"),
    path("tasks/<int:pk>/status/", tasks.task_status, name="task_status"),
    path("working-groups/", groups.group_list, name="group_list"),
    path("working-groups/<str:code>/", groups.group_detail, name="group_detail"),
]
