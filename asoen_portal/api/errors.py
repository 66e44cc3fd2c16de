"""Error answers in the portal's languages. DRF's Vietnamese catalogue holds a handful of its
messages, so the common errors are worded here, in Vietnamese first like every string of the
portal (English comes from locale/en)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rest_framework import exceptions
from rest_framework.views import exception_handler


def _wording(exc):
    if isinstance(exc, exceptions.NotAuthenticated):
        return _("Chưa xác thực: hãy gửi mã truy cập (Authorization: Token …) hoặc đăng nhập.")
    if isinstance(exc, exceptions.PermissionDenied):
        return _("Bạn không có quyền thực hiện thao tác này.")
    if isinstance(exc, exceptions.NotFound):
        return _("Không tìm thấy.")
    if isinstance(exc, exceptions.MethodNotAllowed):
        return _("Thao tác này không được hỗ trợ ở địa chỉ này.")
    if isinstance(exc, exceptions.ParseError):
        return _("Không đọc được dữ liệu JSON gửi lên.")
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return _("Dữ liệu phải được gửi dạng JSON (Content-Type: application/json).")
    if isinstance(exc, exceptions.Throttled):
        if exc.wait is None:
            return _("Quá nhiều yêu cầu. Hãy thử lại sau.")
        wait = int(exc.wait) + 1
        return ngettext(
            "Quá nhiều yêu cầu. Hãy thử lại sau {wait} giây.",
            "Quá nhiều yêu cầu. Hãy thử lại sau {wait} giây.",
            wait,
        ).format(wait=wait)
    return None


REWORDED = (
    exceptions.NotAuthenticated,
    exceptions.NotFound,
    exceptions.MethodNotAllowed,
    exceptions.ParseError,
    exceptions.UnsupportedMediaType,
    exceptions.Throttled,
)


def portal_exception_handler(exc, context):
    # Django's own exceptions (raised by the access helpers and services) carry internal
    # wording such as "No Task matches the given query.": answered with the default message.
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    # A refusal the portal worded itself (e.g. a revoked token) is kept as it is; DRF's own
    # wordings ("Invalid page.", 'Method "PUT" not allowed.') are replaced.
    detail = getattr(exc, "detail", None)
    is_default = isinstance(detail, str) and str(detail) == str(exc.default_detail)
    is_default = is_default or isinstance(exc, REWORDED)
    wording = _wording(exc) if is_default else None
    if wording and isinstance(response.data, dict) and "detail" in response.data:
        response.data["detail"] = wording
    return response
