"""Reminders with the clock moved: once per object and window, one message per person, the
digest lists exactly the person's groups' open items, and a kind turned off stays off."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from meetings.models import ChecklistItem
from notifications.models import Kind, Notice, SentReminder
from notifications.services import update_preferences
from notifications.tasks import send_reminders_task
from tests.factories import (
    ChecklistItemFactory,
    FocalPersonFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    TaskFactory,
    UserFactory,
)
from working_groups.models import Task

pytestmark = pytest.mark.django_db
JULY_1 = "2026-07-01"  # a Wednesday


def remind(day):
    """What beat runs, as of `day`."""
    call_command("send_reminders", at=day, stdout=io.StringIO())


def _kinds(user):
    return sorted(Notice.objects.filter(recipient=user).values_list("kind", flat=True))


def test_overdue_task_one_email_one_notice_however_often_beat_runs(with_emails, group_ncb):
    focal = with_emails["focal"]
    TaskFactory(working_group=group_ncb, title="Góp ý kế hoạch ACB", due_date="2026-06-20")

    remind(JULY_1)
    send_reminders_task.apply(kwargs={"on": JULY_1})
    send_reminders_task.apply(kwargs={"on": JULY_1})

    reminders = [m for m in mail.outbox if "Tổng hợp tuần" not in m.subject]
    assert [m.to for m in reminders] == [["focal-awgncb@asoen.vn"]]
    assert "đã quá hạn từ ngày 20/06/2026" in reminders[0].body
    assert _kinds(focal).count(Kind.TASK_OVERDUE) == 1
    assert SentReminder.objects.filter(kind=Kind.TASK_OVERDUE).count() == 1


def test_a_moved_deadline_is_a_new_window(with_emails, group_ncb):
    task = TaskFactory(working_group=group_ncb, due_date="2026-06-20")
    remind(JULY_1)
    Task.objects.filter(pk=task.pk).update(due_date="2026-06-25")
    remind(JULY_1)

    assert _kinds(with_emails["focal"]).count(Kind.TASK_OVERDUE) == 2


def test_one_message_per_recipient_for_all_their_reminders(with_emails, group_ncb):
    TaskFactory.create_batch(3, working_group=group_ncb, due_date="2026-06-20")
    TaskFactory.create_batch(2, working_group=group_ncb, due_date="2026-07-05")
    TaskFactory(working_group=group_ncb, due_date="2026-07-09")  # 8 days: not yet
    second_focal = FocalPersonFactory(working_group=group_ncb, user__email="b@asoen.vn").user

    remind(JULY_1)

    reminder_mails = [m for m in mail.outbox if "Tổng hợp tuần" not in m.subject]
    assert sorted(m.to[0] for m in reminder_mails) == ["b@asoen.vn", "focal-awgncb@asoen.vn"]
    assert all(len(m.to) == 1 and not m.bcc and not m.cc for m in mail.outbox)
    assert reminder_mails[0].subject == "[Cổng ASOEN] 5 việc cần chú ý"
    assert _kinds(second_focal) == [Kind.TASK_DUE_SOON] * 2 + [Kind.TASK_OVERDUE] * 3 + [
        Kind.WEEKLY_DIGEST
    ]


def test_task_not_updated_for_30_days_is_chased_once_per_quiet_spell(with_emails, group_ncb):
    task = TaskFactory(working_group=group_ncb, due_date=None)
    Task.objects.filter(pk=task.pk).update(
        created_at=datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC)
    )
    remind("2026-05-30")
    assert _kinds(with_emails["focal"]).count(Kind.TASK_STALE) == 0
    remind("2026-05-31")
    remind("2026-06-15")
    assert _kinds(with_emails["focal"]).count(Kind.TASK_STALE) == 1

    Task.objects.filter(pk=task.pk).update(
        last_status_at=datetime.datetime(2026, 6, 20, tzinfo=datetime.UTC)
    )
    remind("2026-07-20")
    assert _kinds(with_emails["focal"]).count(Kind.TASK_STALE) == 2


def test_checklist_item_due_in_3_days_goes_to_its_owner_then_overdue(with_emails, group_ncb):
    series = MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb)
    meeting = MeetingFactory(series=series, number=36, start_date="2026-07-22", end_date=None)
    owner = UserFactory(username="le-thi-hoa", email="hoa@asoen.vn")
    ChecklistItemFactory(meeting=meeting, title="Gửi thư mời", deadline="2026-07-04", owner=owner)
    ChecklistItemFactory(meeting=meeting, title="Đặt phòng họp", deadline="2026-07-10")

    remind("2026-06-30")
    assert _kinds(owner) == []  # 4 days ahead: not yet
    remind(JULY_1)
    remind("2026-07-02")
    remind("2026-07-05")

    assert _kinds(owner) == [Kind.CHECKLIST_DUE_SOON, Kind.CHECKLIST_OVERDUE]
    assert Kind.CHECKLIST_DUE_SOON not in _kinds(with_emails["focal"])  # owner answers for it
    ChecklistItem.objects.filter(title="Đặt phòng họp").update(done=True)
    remind("2026-07-12")
    assert Kind.CHECKLIST_OVERDUE not in _kinds(with_emails["focal"])


def test_weekly_digest_lists_exactly_the_focal_points_groups_open_items(
    with_emails, group_ncb, group_cc
):
    ncb_tasks = TaskFactory.create_batch(120, working_group=group_ncb, due_date="2026-09-30")
    TaskFactory(working_group=group_ncb, title="Đã xong", status=Task.Status.DONE)
    TaskFactory.create_batch(80, working_group=group_cc, title=factory_title("AWGCC"))
    series = MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb)
    meeting = MeetingFactory(series=series, number=36)
    ChecklistItemFactory(meeting=meeting, title="Xin phép tổ chức hội nghị quốc tế")

    remind("2026-07-06")
    remind("2026-07-08")

    digests = [m for m in mail.outbox if "Tổng hợp tuần" in m.subject]
    assert sorted(m.to[0] for m in digests) == ["focal-awgcc@asoen.vn", "focal-awgncb@asoen.vn"]
    ncb = next(m for m in digests if m.to == ["focal-awgncb@asoen.vn"])
    listed = [line for line in ncb.body.splitlines() if line.startswith("- [")]
    assert sorted(listed) == sorted(
        [f"- [AWGNCB] {t.title} · hạn 30/09/2026" for t in ncb_tasks]
        + ["- [AWGNCB 36] Xin phép tổ chức hội nghị quốc tế · hạn 01/06/2026"]
    )
    assert ncb.subject == "[Cổng ASOEN] Tổng hợp tuần 2026-W28: 120 nhiệm vụ, 1 việc chuẩn bị"


def factory_title(code):
    import factory

    return factory.Sequence(lambda n: f"Nhiệm vụ {code} số {n}")


def test_turning_a_kind_off_stops_it(with_emails, group_ncb):
    focal = with_emails["focal"]
    update_preferences(
        user=focal,
        language="vi",
        enabled_kinds=[k for k in Kind.values if k not in (Kind.TASK_OVERDUE, Kind.WEEKLY_DIGEST)],
    )
    TaskFactory(working_group=group_ncb, due_date="2026-06-20")

    remind(JULY_1)

    assert (_kinds(focal), [m for m in mail.outbox if m.to == [focal.email]]) == ([], [])
    assert SentReminder.objects.filter(recipient=focal).count() == 0  # turned on later: sent


def test_secretariat_answers_for_tasks_with_no_group(with_emails):
    TaskFactory(working_group=None, due_date="2026-06-20")

    remind(JULY_1)

    assert _kinds(with_emails["secretariat"]) == [Kind.TASK_OVERDUE]
    assert _kinds(with_emails["focal"]) == []  # nothing of theirs: not even a digest


def test_bad_date_is_refused_in_vietnamese():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", at="01/07/2026")
