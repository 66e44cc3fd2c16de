"""Import (secretariat only) and export (every signed-in user) of the registers."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_POST

from asoen_portal import access
from asoen_portal.exchange import exporting, services
from asoen_portal.exchange.forms import ImportUploadForm
from asoen_portal.exchange.registry import REGISTERS, get_register
from asoen_portal.models import ImportJob

ROWS_PER_PAGE = 200


def _download(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def index(request):
    access.require(access.can_manage_registers(request.user))
    return render(
        request,
        "exchange/index.html",
        {
            "registers": REGISTERS.values(),
            "form": ImportUploadForm(),
            "jobs": ImportJob.objects.select_related("requested_by")[:20],
        },
    )


@login_required
@require_POST
def upload(request):
    access.require(access.can_manage_registers(request.user))
    form = ImportUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(
            request,
            "exchange/index.html",
            {"registers": REGISTERS.values(), "form": form, "jobs": ImportJob.objects.none()},
            status=400,
        )
    job = services.create_import_job(
        register=form.cleaned_data["register"],
        upload=form.cleaned_data["file"],
        user=request.user,
        language=get_language() or "vi",
    )
    services.start_import_job(job=job)
    return redirect("exchange:job", pk=job.pk)


@login_required
@require_GET
def template(request, register):
    access.require(access.can_manage_registers(request.user))
    return _download(*exporting.blank_template(register=get_register(register)))


@login_required
@require_GET
def export(request, register):
    # Every signed-in user may read every register (asoen_portal.access), hence may export it.
    fmt = request.GET.get("format", "xlsx")
    if fmt not in exporting.FORMATS:
        fmt = "xlsx"
    params = request.GET.copy()
    params.pop("format", None)
    params.pop("page", None)
    content = exporting.export_register(
        register=get_register(register), params=params, request=request, fmt=fmt
    )
    return _download(*content)


def line_ranges(lines):
    """[2, 3, 4, 7, 9, 10] → "2–4, 7, 9–10": the unchanged rows, short enough to show."""
    parts, start, previous = [], None, None
    for line in [*lines, None]:
        if start is not None and line is not None and line == previous + 1:
            previous = line
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}–{previous}")
        start = previous = line
    return ", ".join(parts)


def _job_context(request, job):
    # Rows that change something (or fail) are listed; unchanged ones collapse to a count.
    changed = [row for row in job.row_results if row[1] != "unchanged"]
    unchanged = [row[0] for row in job.row_results if row[1] == "unchanged"]
    rows = Paginator(changed, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    return {
        "job": job,
        "register": REGISTERS.get(job.register),
        "rows": rows,
        "unchanged_lines": line_ranges(unchanged),
        "unchanged_total": len(unchanged),
    }


@login_required
@require_GET
def job_detail(request, pk):
    job = access.get_import_job_for_user(request.user, pk)
    return render(request, "exchange/job_detail.html", _job_context(request, job))


@login_required
@require_GET
def job_status(request, pk):
    job = access.get_import_job_for_user(request.user, pk)
    if not job.is_busy and request.headers.get("HX-Request"):
        # The run has finished: reload the whole page to show the preview or the result.
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "exchange/_job_status.html", {"job": job})


@login_required
@require_POST
def job_confirm(request, pk):
    job = access.get_import_job_for_user(request.user, pk)
    services.start_import_job(job=job, confirm=True)
    return redirect("exchange:job", pk=job.pk)


@login_required
@require_POST
def job_retry(request, pk):
    job = access.get_import_job_for_user(request.user, pk)
    services.retry_import_job(job=job)
    return redirect("exchange:job", pk=job.pk)
