"""The register page (secretariat and leadership) and its export, and the signature jobs of a
report's final PDF (request, status, download)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from issuance.models import DocumentKind, IssuedNumber
from issuance.register import can_view_register

EXPORT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def register_queryset(user, params):
    """The register lines the user may see, narrowed by the page's year and kind filters."""
    if not can_view_register(user):
        raise PermissionDenied
    numbers = IssuedNumber.objects.select_related("report")
    year = params.get("year", "")
    if year.isdigit():
        numbers = numbers.filter(year=int(year))
    if params.get("kind") in DocumentKind.values:
        numbers = numbers.filter(kind=params["kind"])
    return numbers


@login_required
def register_list(request):
    numbers = register_queryset(request.user, request.GET)
    export = request.GET.get("export")
    if export in EXPORT_TYPES:
        return _export(numbers, export)
    context = {
        "numbers": numbers,
        "years": IssuedNumber.objects.order_by("-year").values_list("year", flat=True).distinct(),
        "kinds": DocumentKind.choices,
        "selected_year": request.GET.get("year", ""),
        "selected_kind": request.GET.get("kind", ""),
        "query": request.GET.urlencode(),
    }
    return render(request, "issuance/issuednumber_list.html", context)


def _export(numbers, file_type):
    import tablib

    headers = [_("Số, ký hiệu"), _("Ngày ban hành"), _("Loại văn bản")]
    headers += [_("Trích yếu nội dung"), _("Người ký"), _("Chức vụ người ký")]
    dataset = tablib.Dataset(headers=headers, title=_("Sổ đăng ký văn bản đi")[:31])
    for number in numbers:
        dataset.append(
            [
                number.symbol,
                number.issued_on.strftime("%d/%m/%Y"),
                number.get_kind_display(),
                number.summary,
                number.signer_name,
                number.signer_title,
            ]
        )
    data = dataset.export(file_type)
    if file_type == "csv":
        data = "\ufeff" + data  # BOM: Excel opens UTF-8 Vietnamese correctly only with it
    response = HttpResponse(data, content_type=EXPORT_TYPES[file_type])
    response["Content-Disposition"] = f'attachment; filename="so-van-ban-di.{file_type}"'
    return response
