"""Pages of the annual report: list of years, a year's report (narratives, workflow, render
jobs), narrative editing, render status (HTMX partial) and permission-checked downloads."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from asoen_portal import access
from asoen_portal.pagination import paginate_list
from reports import jobs, services
from reports.formats import content_type, extension
from reports.forms import NarrativeForm, NewReportForm, RenderRequestForm, ReportTopicForm
from reports.models import AnnualReport, ReportNarrative, ReportRender

HISTORY_SIZE = 20
READINESS_PER_PAGE = 50


@login_required
def report_list(request):
    latest = ReportRender.objects.order_by("-created_at", "-id")
    reports = AnnualReport.objects.prefetch_related(
        Prefetch("renders", queryset=latest, to_attr="all_renders")
    )
    rows = [(report, report.all_renders[:3]) for report in reports]
    context = {
        "rows": rows,
        "new_form": NewReportForm() if access.can_edit_reports(request.user) else None,
    }
    return render(request, "reports/annualreport_list.html", context)


@login_required
@require_POST
def report_create(request):
    form = NewReportForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("year", [])))
        return redirect("reports:list")
    report = services.create_report(year=form.cleaned_data["year"], by=request.user)
    return redirect("reports:detail", year=report.year)


@login_required
def report_detail(request, year):
    report = access.get_report_for_user(request.user, year)
    texts = {(n.language, n.section): n for n in report.narratives.all()}
    narratives = [
        {
            "section": section,
            "label": label,
            "by_language": [
                (code, texts.get((code, section))) for code, _name in settings.LANGUAGES
            ],
        }
        for section, label in ReportNarrative.Section.choices
    ]
    from reports.readiness import check_readiness

    edition = request.GET.get("edition", "vi")
    if edition not in dict(settings.LANGUAGES):
        edition = "vi"
    context = {
        "report": report,
        # Hundreds of lines in a busy year (each activity without a topic has its own form):
        # the page shows them a page at a time, the count above them stays the whole list's.
        "readiness": paginate_list(
            request, check_readiness(report=report, language=edition), READINESS_PER_PAGE
        ),
        "edition": edition,
        "topic_form": ReportTopicForm(),
        "narratives": narratives,
        "renders": report.renders.select_related("requested_by")[:HISTORY_SIZE],
        "render_form": RenderRequestForm(),
        "can_render": access.can_render_reports(request.user),
        "can_edit": access.can_edit_reports(request.user)
        and report.status == AnnualReport.Status.DRAFT,
        "can_submit": access.can_edit_reports(request.user)
        and report.status == AnnualReport.Status.DRAFT,
        "can_approve": access.can_approve_reports(request.user)
        and report.status == AnnualReport.Status.SUBMITTED,
    }
    return render(request, "reports/annualreport_detail.html", context)


@login_required
def narrative_edit(request, year, language, section):
    report = access.get_report_for_user(request.user, year)
    if language not in dict(settings.LANGUAGES) or section not in ReportNarrative.Section.values:
        raise Http404
    if not access.can_edit_reports(request.user):
        raise PermissionDenied
    narrative = report.narratives.filter(language=language, section=section).first()
    form = NarrativeForm(
        request.POST or None, initial={"text": narrative.text if narrative else ""}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_narrative(
                report=report,
                language=language,
                section=section,
                text=form.cleaned_data["text"],
                by=request.user,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã lưu nội dung."))
        return redirect("reports:detail", year=report.year)
    context = {
        "report": report,
        "form": form,
        "language": language,
        "section_label": ReportNarrative.Section(section).label,
    }
    return render(request, "reports/reportnarrative_form.html", context)


def _workflow(request, year, action, done_message):
    report = access.get_report_for_user(request.user, year)
    try:
        action(report=report, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done_message)
    return redirect("reports:detail", year=report.year)


@login_required
@require_POST
def report_submit(request, year):
    return _workflow(request, year, services.submit_report, _("Đã trình báo cáo."))


@login_required
@require_POST
def report_approve(request, year):
    return _workflow(request, year, services.approve_report, _("Đã phê duyệt báo cáo."))


@login_required
@require_POST
def report_return(request, year):
    return _workflow(request, year, services.return_report, _("Đã trả lại báo cáo."))


@login_required
@require_POST
def render_request(request, year):
    report = access.get_report_for_user(request.user, year)
    form = RenderRequestForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied
    job = services.request_render(
        report=report,
        language=form.cleaned_data["language"],
        file_format=form.cleaned_data["format"],
        by=request.user,
    )
    if job.note:
        messages.warning(request, job.note)
    else:
        messages.success(
            request,
            _("Đã gửi yêu cầu tạo tệp {format} của báo cáo.").format(
                format=job.get_format_display()
            ),
        )
    return redirect("reports:detail", year=report.year)


@login_required
@require_POST
def render_retry(request, pk):
    job = access.get_render_for_user(request.user, pk)
    try:
        job = services.retry_render(render=job, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if job.note:
            messages.warning(request, job.note)
    return redirect("reports:detail", year=job.report.year)


@login_required
def render_status(request, pk):
    """The job's row, polled by HTMX every 2 s until it is done or failed."""
    job = access.get_render_for_user(request.user, pk)
    # Each poll applies the lease itself, so a dead worker shows within a minute or so even
    # when beat is not running.
    if jobs.fail_interrupted_renders(pks=[job.pk]):
        job.refresh_from_db()
    context = {"job": job, "can_render": access.can_render_reports(request.user)}
    return render(request, "reports/_render_row.html", context)


@login_required
def render_download(request, pk):
    job = access.get_render_for_user(request.user, pk)
    if job.status != ReportRender.Status.DONE or not job.file:
        raise Http404
    filename = f"bao-cao-tong-ket-{job.report.year}-{job.language}.{extension(job.format)}"
    try:
        handle = job.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type(job.format)
    )


@login_required
@require_POST
def activity_topic(request, year, pk):
    """Set an activity's report topic from the readiness list (the activity's own rules and
    permissions apply: a focal point only for their group's activities)."""
    from working_groups.services import update_activity

    report = access.get_report_for_user(request.user, year)
    activity = access.get_activity_for_user(request.user, pk, write=True)
    form = ReportTopicForm(request.POST)
    if form.is_valid():
        update_activity(activity=activity, by=request.user, theme=form.cleaned_data["theme"])
        messages.success(request, _("Đã đặt chủ đề báo cáo cho hoạt động."))
    else:
        messages.error(request, " ".join(form.errors.get("theme", [])))
    return redirect(reverse("reports:detail", args=[report.year]) + "#readiness")
