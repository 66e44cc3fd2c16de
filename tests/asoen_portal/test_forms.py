"""No form changes the record it edits: the service checks permission on the stored record,
then assigns what the form cleaned (asoen_portal.forms.RecordForm)."""

import datetime

import pytest
from django.urls import reverse

from cooperation.forms import LegalInstrumentForm
from heritage_parks.forms import HeritageParkForm
from heritage_parks.models import HeritagePark
from meetings.forms import ChecklistItemForm, MeetingForm
from meetings.models import ChecklistItem
from tests.factories import (
    ActivityFactory,
    LegalInstrumentFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    TaskFactory,
)
from working_groups.forms import ActivityForm, TaskForm

pytestmark = pytest.mark.django_db


def _bound(form_class, instance, changes, **kwargs):
    """`form_class` bound to the record's own values with `changes` on top, and validated."""
    form = form_class(instance=instance, **kwargs)
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if hasattr(value, "pk"):
            value = value.pk
        elif isinstance(value, list):
            value = [getattr(v, "pk", v) for v in value]
        if value is not None:
            data[name] = value
    data |= changes
    form = form_class(data, instance=instance, **kwargs)
    assert form.is_valid(), form.errors
    return form


def test_activity_form_leaves_the_activity_untouched(secretariat_user, group_ncb, group_cc):
    activity = ActivityFactory(working_group=group_ncb, title="Hội thảo AHP")

    form = _bound(
        ActivityForm,
        activity,
        {"title": "Đổi tên", "working_group": group_cc.pk},
        user=secretariat_user,
    )

    assert form.cleaned_data["working_group"] == group_cc
    assert (activity.title, activity.working_group) == ("Hội thảo AHP", group_ncb)


def test_task_form_leaves_the_task_untouched(secretariat_user, group_ncb):
    task = TaskFactory(working_group=group_ncb, due_date=datetime.date(2026, 6, 10))

    _bound(TaskForm, task, {"due_date": "30/06/2026"}, user=secretariat_user)

    assert task.due_date == datetime.date(2026, 6, 10)


def test_meeting_form_leaves_the_meeting_untouched(secretariat_user, group_ncb):
    meeting = MeetingFactory(series=MeetingSeriesFactory(working_group=group_ncb), city="Hà Nội")

    _bound(MeetingForm, meeting, {"city": "Huế"}, user=secretariat_user)

    assert meeting.city == "Hà Nội"


def test_checklist_form_leaves_the_item_untouched(focal_user, other_focal_user, group_ncb):
    meeting = MeetingFactory(series=MeetingSeriesFactory(working_group=group_ncb))
    item = ChecklistItem.objects.create(meeting=meeting, title="Visa", owner=other_focal_user)

    _bound(ChecklistItemForm, item, {"owner": focal_user.pk}, meeting=meeting)

    assert item.owner == other_focal_user


@pytest.mark.parametrize(
    ("form_class", "make", "field", "value"),
    [
        (LegalInstrumentForm, lambda: LegalInstrumentFactory(title="Nghị quyết"), "title", "S"),
        (
            HeritageParkForm,
            lambda: HeritagePark.objects.create(name="Pù Mát", status="recognised"),
            "province",
            "Nghệ An",
        ),
    ],
)
def test_register_forms_leave_the_record_untouched(form_class, make, field, value):
    record = make()
    before = getattr(record, field)

    _bound(form_class, record, {field: value})

    assert getattr(record, field) == before


def test_owner_of_an_item_may_hand_it_over(
    other_focal_client, other_focal_user, focal_user, group_ncb
):
    # The owner may change their item; the check must read the stored owner, not the new one.
    meeting = MeetingFactory(series=MeetingSeriesFactory(working_group=group_ncb))
    item = ChecklistItem.objects.create(meeting=meeting, title="Visa", owner=other_focal_user)

    response = other_focal_client.post(
        reverse("meetings:checklist_edit", args=[item.pk]),
        {"title": "Visa cho đoàn", "owner": focal_user.pk, "order": 0},
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.owner) == ("Visa cho đoàn", focal_user)


def test_focal_point_cannot_move_a_task_to_another_group(focal_client, group_ncb, group_cc):
    task = TaskFactory(working_group=group_ncb, title="Chuẩn bị AWGNCB 36")

    response = focal_client.post(
        reverse("working_groups:task_edit", args=[task.pk]),
        {"year": 2026, "working_group": group_cc.pk, "title": "Chuyển nhóm", "report_order": 1},
    )

    assert response.status_code == 200
    assert "working_group" in response.context["form"].errors
    task.refresh_from_db()
    assert (task.title, task.working_group) == ("Chuẩn bị AWGNCB 36", group_ncb)
