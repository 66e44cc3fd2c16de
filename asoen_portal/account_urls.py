"""Django's sign-in and password-reset routes with the portal's throttles (same names as
django.contrib.auth.urls, which is included after these and serves the rest)."""

from django.urls import path

from asoen_portal import accounts
from people.forms import LocalisedPasswordResetForm

urlpatterns = [
    path("login/", accounts.LoginView.as_view(), name="login"),
    path(
        "password_reset/",
        accounts.PasswordResetView.as_view(form_class=LocalisedPasswordResetForm),
        name="password_reset",
    ),
]
