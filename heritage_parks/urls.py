from django.urls import path

from heritage_parks import views

app_name = "heritage_parks"

urlpatterns = [
    path("", views.park_list, name="list"),
    path("new/", views.park_create, name="create"),
    path("<int:pk>/", views.park_detail, name="detail"),
    path("<int:pk>/edit/", views.park_edit, name="edit"),
    path("eco-schools/", views.eco_school_list, name="eco_schools"),
    path("eco-schools/new/", views.eco_school_create, name="eco_school_create"),
    path("eco-schools/<int:pk>/edit/", views.eco_school_edit, name="eco_school_edit"),
    path("esc/", views.esc_list, name="esc"),
    path("esc/new/", views.esc_round_create, name="esc_round_create"),
    path("esc/<int:pk>/edit/", views.esc_round_edit, name="esc_round_edit"),
    path("esc/<int:round_pk>/cities/new/", views.esc_award_create, name="esc_award_create"),
    path("esc/cities/<int:pk>/edit/", views.esc_award_edit, name="esc_award_edit"),
]
