from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from asoen_portal import access
from asoen_portal.pagination import paginate
from asoen_portal.storage import storage_error_message

from .. import selectors, services
from ..filters import ActivityFilter
from ..forms import ActivityForm, AttachmentForm


@login_required
def activity_list(request):
    filterset = ActivityFilter(request.GET, queryset=selectors.activity_list_queryset())
    return render(
        request,
        "working_groups/activity_list.html",
        {
            "filter": filterset,
            "page": paginate(request, filterset.qs),
            "can_create": access.can_create_group_records(request.user),
            "is_filtered": any(request.GET.get(name) for name in filterset.filters),
        },
    )


@login_required
def activity_detail(request, pk):
    activity = access.get_activity_for_user(request.user, pk)
    return render(
        request,
        "working_groups/activity_detail.html",
        {
            "activity": activity,
            "attachments": activity.attachments.select_related("uploaded_by"),
            "links": [
                (_("Văn bản pháp lý"), activity.instruments.all()),
                (_("Văn kiện ASEAN"), activity.documents.all()),
                (_("Dự án đối tác"), activity.projects.all()),
                (_("Chương trình"), activity.programmes.all()),
            ],
            "can_edit": access.can_edit_activity(request.user, activity),
            "attachment_form": AttachmentForm(),
        },
    )


def _fields(form):
    data = form.service_fields()
    data["files"] = data.pop("files", None) or []
    return data


@login_required
def activity_create(request):
    access.require(access.can_create_group_records(request.user))
    form = ActivityForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.log_activity(author=request.user, **_fields(form))
        except OSError as error:  # the disk is full: the service rolled everything back
            form.add_error(None, storage_error_message(error))
            return render(request, "working_groups/activity_form.html", {"form": form}, status=507)
        messages.success(request, _("Đã ghi nhận hoạt động “{title}”.").format(title=activity))
        return redirect("working_groups:activity_detail", pk=activity.pk)
    return render(request, "working_groups/activity_form.html", {"form": form})


@login_required
def activity_edit(request, pk):
    activity = access.get_activity_for_user(request.user, pk, write=True)
    form = ActivityForm(
        request.POST or None, request.FILES or None, instance=activity, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        # The form must not write the row itself: the service applies the rules and history.
        try:
            services.update_activity(
                activity=activity,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                **_fields(form),
            )
        except services.ActivityVersionConflict as conflict:
            form.show_current_version(conflict.current)
        except OSError as error:
            form.add_error(None, storage_error_message(error))
            context = {"form": form, "activity": activity}
            return render(request, "working_groups/activity_form.html", context, status=507)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("working_groups:activity_detail", pk=activity.pk)
    return render(
        request, "working_groups/activity_form.html", {"form": form, "activity": activity}
    )


@login_required
@require_POST
def attachment_add(request, pk):
    activity = access.get_activity_for_user(request.user, pk, write=True)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_attachments(
                activity=activity, uploads=form.cleaned_data["files"], by=request.user
            )
        except OSError as error:
            messages.error(request, storage_error_message(error))
        else:
            count = len(form.cleaned_data["files"])
            messages.success(
                request,
                ngettext(
                    "Đã thêm {count} tệp đính kèm.", "Đã thêm {count} tệp đính kèm.", count
                ).format(count=count),
            )
    else:
        for error in form.errors.get("files", []):
            messages.error(request, error)
    return redirect("working_groups:activity_detail", pk=activity.pk)


@login_required
def attachment_download(request, pk, attachment_pk):
    """Files are served through a signed-in view, never from a public media URL."""
    activity = access.get_activity_for_user(request.user, pk)
    attachment = get_object_or_404(activity.attachments, pk=attachment_pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(handle, as_attachment=True, filename=attachment.original_name)
