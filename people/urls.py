from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("people/", views.user_list, name="list"),
    path("people/invite/", views.user_invite, name="invite"),
    path("people/<int:pk>/roles/", views.user_edit, name="edit"),
    path("people/<int:pk>/active/", views.user_set_active, name="set_active"),
    path("people/<int:pk>/resend/", views.user_resend, name="resend"),
]
