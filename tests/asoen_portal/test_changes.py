"""'Recent changes': who changed which record when, and which fields, as each role may see."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from heritage_parks.models import HeritagePark
from tests.factories import ActivityFactory, MeetingFactory, MeetingSeriesFactory, TaskFactory
from working_groups.models import Task

pytestmark = pytest.mark.django_db


def _edit(record, user, **values):
    for name, value in values.items():
        setattr(record, name, value)
    record._history_user = user
    record.save()


def _rows(response):
    return [(c.kind.code, c.type_code, c.title) for c in response.context["changes"]]


@pytest.fixture
def history(group_ncb, group_cc, secretariat_user):
    task = TaskFactory(working_group=group_ncb, title="Kiểm kê đất ngập nước")
    _edit(task, secretariat_user, status=Task.Status.IN_PROGRESS, progress=40)
    other = TaskFactory(working_group=group_cc, title="Báo cáo khí hậu")
    park = HeritagePark.objects.create(name="Vườn quốc gia Ba Bể", status="nominated")
    doomed = ActivityFactory(working_group=group_ncb, title="Hoạt động nhập nhầm")
    doomed._history_user = secretariat_user
    doomed.delete()
    return {"task": task, "other": other, "park": park}


def test_changes_newest_first_with_who_what_and_fields(history, secretariat_client):
    response = secretariat_client.get(reverse("changes"))

    assert response.status_code == 200
    assert _rows(response) == [
        ("activity", "-", "Hoạt động nhập nhầm"),
        ("activity", "+", "Hoạt động nhập nhầm"),
        ("park", "+", "Vườn quốc gia Ba Bể"),
        ("task", "+", "Báo cáo khí hậu"),
        ("task", "~", "Kiểm kê đất ngập nước"),
        ("task", "+", "Kiểm kê đất ngập nước"),
    ]
    edit = response.context["changes"][4]
    assert [(str(f.label), str(f.old), str(f.new)) for f in edit.fields] == [
        ("trạng thái", "Chưa bắt đầu", "Đang thực hiện"),
        ("tiến độ (%)", "0", "40"),
    ]
    assert edit.who.username == "secretariat"
    assert edit.url == f"/tasks/{history['task'].pk}/"
    # A deleted record has no page to link to.
    assert response.context["changes"][0].url is None
    body = response.content.decode()
    assert "Chưa bắt đầu → Đang thực hiện" in body


def test_changes_in_english_translate_field_labels(history, secretariat_client):
    secretariat_client.cookies["django_language"] = "en"
    response = secretariat_client.get(reverse("changes"), {"kind": "task"})

    edit = response.context["changes"][1]
    assert (str(edit.type_label), [str(f.label) for f in edit.fields]) == (
        "changed",
        ["status", "progress (%)"],
    )


@pytest.mark.parametrize("role", ["secretariat_client", "leadership_client"])
def test_secretariat_and_leadership_see_every_change(history, role, request):
    response = request.getfixturevalue(role).get(reverse("changes"))

    assert len(response.context["changes"]) == 6


def test_focal_point_sees_only_their_groups_records(history, focal_client):
    response = focal_client.get(reverse("changes"))

    assert _rows(response) == [
        ("activity", "-", "Hoạt động nhập nhầm"),
        ("activity", "+", "Hoạt động nhập nhầm"),
        ("task", "~", "Kiểm kê đất ngập nước"),
        ("task", "+", "Kiểm kê đất ngập nước"),
    ]


def test_focal_point_sees_their_groups_meetings(group_ncb, group_cc, focal_client):
    MeetingFactory(series=MeetingSeriesFactory(working_group=group_ncb), title="Họp nhóm NCB")
    MeetingFactory(series=MeetingSeriesFactory(working_group=group_cc), title="Họp nhóm CC")

    assert _rows(focal_client.get(reverse("changes"), {"kind": "meeting"})) == [
        ("meeting", "+", "Họp nhóm NCB")
    ]


def test_anonymous_is_sent_to_sign_in(anonymous_client):
    response = anonymous_client.get(reverse("changes"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_filters_by_group_kind_and_dates(history, secretariat_client):
    by_group = secretariat_client.get(reverse("changes"), {"group": "AWGCC"})
    by_kind = secretariat_client.get(reverse("changes"), {"kind": "park"})
    today = timezone.localdate()
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    by_dates = secretariat_client.get(reverse("changes"), {"date_from": tomorrow})
    up_to_today = secretariat_client.get(reverse("changes"), {"date_to": today.isoformat()})

    assert _rows(by_group) == [("task", "+", "Báo cáo khí hậu")]
    assert _rows(by_kind) == [("park", "+", "Vườn quốc gia Ba Bể")]
    assert _rows(by_dates) == []
    assert len(up_to_today.context["changes"]) == 6


def test_a_range_ending_before_it_starts_is_refused(history, secretariat_client):
    response = secretariat_client.get(
        reverse("changes"), {"date_from": "2026-05-02", "date_to": "2026-05-01"}
    )

    assert response.context["changes"] == []
    assert response.context["form"].errors == {"date_to": ["Ngày kết thúc phải sau ngày bắt đầu."]}


def test_changes_paginate_fifty_a_page(group_ncb, secretariat_client):
    for n in range(55):
        TaskFactory(working_group=group_ncb, title=f"Nhiệm vụ {n:02d}")

    first = secretariat_client.get(reverse("changes"))
    second = secretariat_client.get(reverse("changes"), {"page": 2})

    assert len(first.context["changes"]) == 50
    assert [c.title for c in second.context["changes"]] == [
        f"Nhiệm vụ {n:02d}" for n in range(4, -1, -1)
    ]


def _count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("changes"))
    return len(queries), response


def test_changes_page_query_count_at_one_row_and_many(
    group_ncb, secretariat_user, secretariat_client
):
    task = TaskFactory(working_group=group_ncb)
    one, response = _count_queries(secretariat_client)
    assert len(response.context["changes"]) == 1

    for n in range(24):
        _edit(task, secretariat_user, progress=n + 1)
    for _ in range(25):
        TaskFactory(working_group=group_ncb)
    many, response = _count_queries(secretariat_client)

    assert len(response.context["changes"]) == 50
    # Session, user, the user's groups; count, page; the tasks' rows, their earlier versions,
    # which still exist; the groups shown in the filter.
    assert (one, many) == (9, 9)


def test_each_kind_on_a_page_adds_a_fixed_number_of_queries(group_ncb, secretariat_client):
    TaskFactory(working_group=group_ncb)
    one_kind, _ = _count_queries(secretariat_client)
    for _ in range(10):
        ActivityFactory(working_group=group_ncb)
    two_kinds, response = _count_queries(secretariat_client)

    assert len(response.context["changes"]) == 11
    assert two_kinds == one_kind + 3
