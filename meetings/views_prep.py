"""Preparing a meeting: its documents and the hosted-meeting checklist."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from asoen_portal import access
from asoen_portal.htmx import is_htmx
from asoen_portal.storage import storage_error_message
from meetings.forms import ChecklistItemForm, MeetingDocumentForm
from meetings.models import ChecklistItem, MeetingDocument
from meetings.services import (
    add_checklist_item,
    add_meeting_document,
    set_checklist_item_done,
    update_checklist_item,
)


@login_required
@require_http_methods(["GET", "POST"])
def document_upload(request, pk):
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    form = MeetingDocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            add_meeting_document(
                meeting=meeting,
                title=form.cleaned_data["title"],
                file=form.cleaned_data["file"],
                by=request.user,
            )
        except OSError as error:  # the disk is full: no row, no partial file
            form.add_error(None, storage_error_message(error))
            context = {"form": form, "meeting": meeting}
            return render(request, "meetings/meetingdocument_form.html", context, status=507)
        messages.success(request, _("Đã tải lên tài liệu."))
        return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/meetingdocument_form.html", {"form": form, "meeting": meeting})


@login_required
def document_download(request, pk, document_pk):
    # Every signed-in user may read every meeting; files are served through this view, not
    # from /media/, so that rule holds for them too.
    meeting = access.get_meeting_for_user(request.user, pk)
    document = get_object_or_404(MeetingDocument, pk=document_pk, meeting=meeting)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=document.file.name.rsplit("/")[-1])


@login_required
@require_http_methods(["GET", "POST"])
def checklist_add(request, pk):
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    if not meeting.is_hosted:
        raise Http404
    form = ChecklistItemForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            add_checklist_item(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/checklistitem_form.html", {"form": form, "meeting": meeting})


@login_required
@require_http_methods(["GET", "POST"])
def checklist_edit(request, item_pk):
    item = access.get_checklist_item_for_user(request.user, item_pk, write=True)
    form = ChecklistItemForm(request.POST or None, instance=item, meeting=item.meeting)
    if request.method == "POST" and form.is_valid():
        try:
            update_checklist_item(item=item, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("meetings:detail", pk=item.meeting_id)
    return render(
        request,
        "meetings/checklistitem_form.html",
        {"form": form, "meeting": item.meeting, "item": item},
    )


@login_required
@require_POST
def checklist_toggle(request, item_pk):
    """Tick or untick an item. HTMX gets the re-rendered row; a plain form post is redirected."""
    item = access.get_checklist_item_for_user(request.user, item_pk, write=True)
    set_checklist_item_done(item=item, done=request.POST.get("done") == "1", by=request.user)
    if is_htmx(request):
        item.can_edit = True
        # The row, and the "3/9 done" counter swapped out of band, so both stay true.
        counts = ChecklistItem.objects.filter(meeting_id=item.meeting_id).aggregate(
            total=Count("id"), done=Count("id", filter=Q(done=True))
        )
        return render(
            request,
            "meetings/_checklist_toggled.html",
            {
                "item": item,
                "checklist_done": counts["done"],
                "checklist_total": counts["total"],
                # An unticked item past its deadline shows "Quá hạn", as on the page.
                "today": timezone.localdate(),
            },
        )
    return redirect("meetings:detail", pk=item.meeting_id)
