"""`Authorization: Token <key>` for other systems; the browser keeps its session."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from .tokens import find_active_token


class ApiTokenAuthentication(authentication.TokenAuthentication):
    """DRF's header parsing, with our hashed tokens behind it."""

    keyword = "Token"

    def authenticate_credentials(self, key):
        token = find_active_token(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Mã truy cập không hợp lệ hoặc đã bị thu hồi."))
        return token.user, token


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = ApiTokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": _("Mã truy cập cá nhân, dạng “Token <mã>”."),
        }
