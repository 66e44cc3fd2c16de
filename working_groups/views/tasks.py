from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from asoen_portal import access
from asoen_portal.htmx import is_htmx
from asoen_portal.pagination import paginate

from .. import selectors, services
from ..filters import TaskFilter
from ..forms import TaskForm, TaskStatusForm
from ..models import WorkingGroup


def _my_groups_filter(user):
    """The filter a focal point's list opens with: their own groups ("group=AWGCC", or
    several "groups="); "Tất cả nhóm" (?group=) is one click away."""
    if access.follows_every_group(user):
        return None
    codes = sorted(
        WorkingGroup.objects.filter(pk__in=access.focal_group_ids(user)).values_list(
            "code", flat=True
        )
    )
    if not codes:
        return None
    query = QueryDict(mutable=True)
    if len(codes) == 1:
        query["group"] = codes[0]
    else:
        query.setlist("groups", codes)
    return query


@login_required
def task_list(request):
    data = request.GET
    if not data:
        data = _my_groups_filter(request.user) or data
    filterset = TaskFilter(data, queryset=selectors.task_list_queryset())
    page = paginate(request, filterset.qs)
    user = request.user
    # No status form per row: building and rendering 25 forms was most of the page's time.
    # A row the user may change gets a control that loads its form on demand (HTMX), or opens
    # the task's status page without JavaScript.
    rows = [(task, access.can_edit_task(user, task)) for task in page]
    return render(
        request,
        "working_groups/task_list.html",
        {
            "filter": filterset,
            "page": page,
            "rows": rows,
            "today": selectors.today(),
            "can_create": access.can_create_group_records(user),
            "is_filtered": any(data.get(name) for name in filterset.filters),
        },
    )


@login_required
def task_detail(request, pk):
    task = access.get_task_for_user(request.user, pk)
    can_edit = access.can_edit_task(request.user, task)
    return render(
        request,
        "working_groups/task_detail.html",
        {
            "task": task,
            "updates": task.updates.select_related("author"),
            "can_edit": can_edit,
            "status_form": TaskStatusForm.for_task(task) if can_edit else None,
            "today": selectors.today(),
        },
    )


@login_required
def task_status(request, pk):
    """Change a task's status and progress. With HTMX the status panel is swapped in place."""
    task = access.get_task_for_user(request.user, pk, write=True)
    form = TaskStatusForm.for_task(task, request.POST or None)
    conflict = saved = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_task_status(
                task=task,
                status=data["status"],
                progress=data["progress"],
                note=data["note"],
                by=request.user,
                expected_version=data["version"],
            )
        except services.TaskVersionConflict as error:
            conflict = True
            task = error.task
            # Show what the other person saved; keep the note this person typed.
            form = TaskStatusForm.for_task(task)
            form.initial["note"] = data["note"]
        else:
            if not is_htmx(request):
                messages.success(request, _("Đã cập nhật trạng thái nhiệm vụ."))
                return redirect("working_groups:task_detail", pk=task.pk)
            form = TaskStatusForm.for_task(task)
            saved = True
    expanded = request.method == "GET"
    if expanded:
        # A GET comes from a task list row's status control (HTMX, or its link without
        # JavaScript): show the form open, with the keyboard focus in it, since the control
        # it replaces had the focus.
        form.fields["status"].widget.attrs["autofocus"] = True
    context = {
        "task": task,
        "form": form,
        "conflict": conflict,
        "saved": saved,
        "expanded": expanded,
        "today": selectors.today(),
    }
    if is_htmx(request):
        # From the task's own page the answer also carries its update time and history (out
        # of band); a list row has neither, and a swap without a target is an error in htmx.
        panels = request.GET.get("panels")
        if panels == "detail" and request.method == "POST":
            context["panels"] = panels
            context["updates"] = task.updates.select_related("author")
            return render(request, "working_groups/_task_status_changed.html", context)
        return render(request, "working_groups/_task_status.html", context)
    return render(request, "working_groups/task_status.html", context)


@login_required
def task_create(request):
    access.require(access.can_create_group_records(request.user))
    form = TaskForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        task = services.create_task(by=request.user, **form.service_fields())
        messages.success(request, _("Đã tạo nhiệm vụ “{title}”.").format(title=task))
        return redirect("working_groups:task_detail", pk=task.pk)
    return render(request, "working_groups/task_form.html", {"form": form})


@login_required
def task_edit(request, pk):
    task = access.get_task_for_user(request.user, pk, write=True)
    form = TaskForm(request.POST or None, instance=task, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_task(
                task=task,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                **form.service_fields(),
            )
        except services.TaskVersionConflict as conflict:
            form.show_current_version(conflict.current)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("working_groups:task_detail", pk=task.pk)
    return render(request, "working_groups/task_form.html", {"form": form, "task": task})
