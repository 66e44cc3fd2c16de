"""Cooperation registers: legal instruments, ASEAN documents, partners, partner projects.
Everyone signed in reads; the secretariat creates and edits (cooperation.services enforces it)."""

from functools import partial

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from asoen_portal import access
from asoen_portal.registers import record_form_page
from cooperation import services
from cooperation.forms import (
    AseanDocumentForm,
    LegalInstrumentForm,
    PartnerForm,
    PartnerProjectForm,
)
from cooperation.models import AseanDocument, LegalInstrument, Partner, PartnerProject
from working_groups.models import Activity

# A Count through a relation joins the table itself, where the default manager's filter does
# not reach: each names the archived rows it leaves out.
LIVE_FUNDED = Q(funded_projects__archived_at__isnull=True)
LIVE_CHANNELLED = Q(channelled_projects__archived_at__isnull=True)


def _detail_url(record):
    return reverse(DETAIL_URLS[type(record)], args=[record.pk])


def _form_page(request, form, save, title):
    """Cancelling goes back to the record's page, or to its list while it is new; saving
    shows the saved record."""
    record = form.instance
    cancel_url = _detail_url(record) if record.pk else reverse(LIST_URLS[type(record)])
    return record_form_page(
        request, form, save, title=title, cancel_url=cancel_url, success_url=_detail_url
    )


def _activities(queryset):
    return queryset.select_related("working_group").order_by("-start_date", "-id")


def _list(request, template, rows):
    return render(
        request, template, {"rows": rows, "can_edit": access.can_manage_registers(request.user)}
    )


# Instruments


@login_required
def instrument_list(request):
    rows = LegalInstrument.objects.annotate(
        activity_count=Count("activities", filter=Q(activities__archived_at__isnull=True))
    )
    return _list(request, "cooperation/legalinstrument_list.html", rows)


@login_required
def instrument_detail(request, pk):
    instrument = get_object_or_404(LegalInstrument, pk=pk)
    return render(
        request,
        "cooperation/legalinstrument_detail.html",
        {
            "instrument": instrument,
            "activities": _activities(instrument.activities.all()),
            "can_edit": access.can_manage_registers(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def instrument_create(request):
    form = LegalInstrumentForm(request.POST or None)
    return _form_page(request, form, services.register_instrument, _("Thêm văn bản pháp lý"))


@login_required
@require_http_methods(["GET", "POST"])
def instrument_edit(request, pk):
    instrument = get_object_or_404(LegalInstrument, pk=pk)
    form = LegalInstrumentForm(request.POST or None, instance=instrument)
    save = partial(services.update_instrument, instrument=instrument)
    return _form_page(request, form, save, _("Sửa văn bản pháp lý"))


# ASEAN documents


@login_required
def document_list(request):
    rows = AseanDocument.objects.select_related("partner", "working_group", "meeting__series")
    status = request.GET.get("status")
    if status in AseanDocument.Status.values:
        rows = rows.filter(status=status)
    return render(
        request,
        "cooperation/aseandocument_list.html",
        {
            "rows": rows,
            "can_edit": access.can_manage_registers(request.user),
            "statuses": AseanDocument.Status.choices,
            "status": status,
        },
    )


@login_required
def document_detail(request, pk):
    document = get_object_or_404(
        AseanDocument.objects.select_related("partner", "working_group", "meeting__series"), pk=pk
    )
    return render(
        request,
        "cooperation/aseandocument_detail.html",
        {
            "document": document,
            "activities": _activities(document.activities.all()),
            "can_edit": access.can_manage_registers(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def document_create(request):
    form = AseanDocumentForm(request.POST or None)
    return _form_page(request, form, services.register_asean_document, _("Thêm văn kiện ASEAN"))


@login_required
@require_http_methods(["GET", "POST"])
def document_edit(request, pk):
    document = get_object_or_404(AseanDocument, pk=pk)
    form = AseanDocumentForm(request.POST or None, instance=document)
    save = partial(services.update_asean_document, document=document)
    return _form_page(request, form, save, _("Sửa văn kiện ASEAN"))


# Partners


@login_required
def partner_list(request):
    rows = Partner.objects.annotate(
        funded_count=Count("funded_projects", distinct=True, filter=LIVE_FUNDED),
        channelled_count=Count("channelled_projects", distinct=True, filter=LIVE_CHANNELLED),
    )
    return _list(request, "cooperation/partner_list.html", rows)


@login_required
def partner_detail(request, pk):
    partner = get_object_or_404(Partner, pk=pk)
    projects = (
        PartnerProject.objects.filter(Q(donors=partner) | Q(channel=partner))
        .distinct()
        .select_related("channel")
    )
    return render(
        request,
        "cooperation/partner_detail.html",
        {
            "partner": partner,
            "projects": projects,
            "documents": partner.documents.all(),
            "can_edit": access.can_manage_registers(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_create(request):
    form = PartnerForm(request.POST or None)
    return _form_page(request, form, services.register_partner, _("Thêm đối tác"))


@login_required
@require_http_methods(["GET", "POST"])
def partner_edit(request, pk):
    partner = get_object_or_404(Partner, pk=pk)
    form = PartnerForm(request.POST or None, instance=partner)
    save = partial(services.update_partner, partner=partner)
    return _form_page(request, form, save, _("Sửa đối tác"))


# Partner projects


def _project_queryset():
    return PartnerProject.objects.select_related(
        "channel", "working_group", "programme"
    ).prefetch_related(Prefetch("donors", queryset=Partner.objects.order_by("code")))


@login_required
def project_list(request):
    rows = _project_queryset()
    status = request.GET.get("status")
    if status in PartnerProject.Status.values:
        rows = rows.filter(status=status)
    return render(
        request,
        "cooperation/partnerproject_list.html",
        {
            "rows": rows,
            "can_edit": access.can_manage_registers(request.user),
            "statuses": PartnerProject.Status.choices,
            "status": status,
        },
    )


@login_required
def project_detail(request, pk):
    project = get_object_or_404(_project_queryset(), pk=pk)
    return render(
        request,
        "cooperation/partnerproject_detail.html",
        {
            "project": project,
            "activities": _activities(Activity.objects.filter(projects=project)),
            "can_edit": access.can_manage_registers(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_create(request):
    form = PartnerProjectForm(request.POST or None)
    return _form_page(request, form, services.register_project, _("Thêm dự án đối tác"))


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request, pk):
    project = get_object_or_404(PartnerProject, pk=pk)
    form = PartnerProjectForm(request.POST or None, instance=project)
    save = partial(services.update_project, project=project)
    return _form_page(request, form, save, _("Sửa dự án đối tác"))


LIST_URLS = {
    LegalInstrument: "cooperation:instruments",
    AseanDocument: "cooperation:documents",
    Partner: "cooperation:partners",
    PartnerProject: "cooperation:projects",
}
DETAIL_URLS = {
    LegalInstrument: "cooperation:instrument_detail",
    AseanDocument: "cooperation:document_detail",
    Partner: "cooperation:partner_detail",
    PartnerProject: "cooperation:project_detail",
}
