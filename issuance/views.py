"""The register page (secretariat and leadership) and its export, and the signature jobs of a
report's final PDF (request, status, download)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from asoen_portal import access
from issuance import signatures
from issuance.models import DocumentKind, IssuedNumber, ReportSignature
from reports.models import ReportRender

EXPORT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def register_queryset(user, params):
    """The register lines the user may see, narrowed by the page's year and kind filters."""
    access.require(access.can_view_register(user))
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


@login_required
@require_POST
def signature_request(request, render_pk):
    job = get_object_or_404(ReportRender.objects.select_related("report"), pk=render_pk)
    try:
        signature = signatures.request_signature(render=job, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if signature.note:
            messages.warning(request, signature.note)
        else:
            messages.success(request, _("Đã gửi yêu cầu ký số bản PDF."))
    return redirect("reports:detail", year=job.report.year)


@login_required
def signature_status(request, pk):
    """The job's row, polled by HTMX every 2 s until it is done or failed."""
    signature = access.get_signature_for_user(request.user, pk)
    return render(request, "issuance/_signature_row.html", {"signature": signature})


@login_required
def signature_download(request, pk):
    signature = access.get_signature_for_user(request.user, pk)
    if signature.status != ReportSignature.Status.DONE or not signature.file:
        raise Http404
    render_job = signature.render
    filename = f"bao-cao-tong-ket-{render_job.report.year}-{render_job.language}-da-ky-so.pdf"
    try:
        handle = signature.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=filename)
