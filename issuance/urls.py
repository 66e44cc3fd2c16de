from django.urls import path

from issuance import views

app_name = "issuance"

urlpatterns = [
    path("register/", views.register_list, name="register"),
    path("reports/renders/<int:render_pk>/sign/", views.signature_request, name="sign"),
    path("reports/signatures/<int:pk>/status/", views.signature_status, name="signature_status"),
    path(
        "reports/signatures/<int:pk>/download/",
        views.signature_download,
        name="signature_download",
    ),
]
