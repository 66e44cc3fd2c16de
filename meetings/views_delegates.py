"""A meeting's delegation: add, edit, remove (the meeting's editors)."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from asoen_portal import access
from asoen_portal.archive_views import announce_archived
from meetings.delegations import add_delegate, remove_delegate, update_delegate
from meetings.models import Delegate
from working_groups.models import FocalPerson


class DelegateForm(forms.ModelForm):
    class Meta:
        model = Delegate
        fields = [
            "focal_person",
            "full_name",
            "unit",
            "role",
            "funding",
            "partner_project",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        group_id = meeting.series.working_group_id
        people = FocalPerson.objects.filter(is_active=True).select_related("working_group")
        self.fields["focal_person"].queryset = (
            people.filter(working_group_id=group_id) if group_id else people
        )
        self.fields["full_name"].required = False


def _save(request, meeting, form, delegate=None):
    fields = dict(form.cleaned_data)
    try:
        if delegate is None:
            add_delegate(meeting=meeting, by=request.user, **fields)
        else:
            update_delegate(delegate=delegate, by=request.user, **fields)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def delegate_add(request, pk):
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    form = DelegateForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid() and _save(request, meeting, form):
        return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/delegate_form.html", {"form": form, "meeting": meeting})


@login_required
@require_http_methods(["GET", "POST"])
def delegate_edit(request, pk, delegate_pk):
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    delegate = get_object_or_404(Delegate, pk=delegate_pk, meeting=meeting)
    form = DelegateForm(request.POST or None, instance=delegate, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        delegate.refresh_from_db()  # the form wrote into it; the service applies the change
        if _save(request, meeting, form, delegate):
            return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request,
        "meetings/delegate_form.html",
        {"form": form, "meeting": meeting, "delegate": delegate},
    )


@login_required
@require_POST
def delegate_remove(request, pk, delegate_pk):
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    delegate = get_object_or_404(Delegate, pk=delegate_pk, meeting=meeting)
    remove_delegate(delegate=delegate, by=request.user)
    announce_archived(request, delegate)
    return redirect("meetings:detail", pk=meeting.pk)
