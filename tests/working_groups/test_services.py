import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import ActivityFactory, TaskFactory
from working_groups import services
from working_groups.models import Activity, StatusUpdate, Task


def _pdf(name="bien-ban.pdf", size=10):
    return SimpleUploadedFile(name, b"%" * size, content_type="application/pdf")


def test_log_activity_records_author_links_and_files(focal_user, group_ncb):
    activity = services.log_activity(
        author=focal_user,
        working_group=group_ncb,
        kind=Activity.Kind.AWARD,
        title="Trao chứng nhận Vườn Di sản ASEAN cho Vườn quốc gia Xuân Thủy",
        start_date=datetime.date(2025, 12, 3),
        files=[_pdf()],
    )
    assert activity.created_by == focal_user
    assert activity.search_text.startswith("trao chung nhan vuon di san asean")
    assert [a.original_name for a in activity.attachments.all()] == ["bien-ban.pdf"]
    assert activity.history.get().history_user == focal_user


def test_log_activity_refuses_another_groups_focal_point(other_focal_user, group_ncb):
    with pytest.raises(PermissionDenied):
        services.log_activity(
            author=other_focal_user,
            working_group=group_ncb,
            kind=Activity.Kind.OTHER,
            title="Không được phép",
            start_date=datetime.date(2025, 1, 1),
        )
    assert Activity.objects.count() == 0


def test_update_activity_refuses_moving_to_a_group_not_ones_own(focal_user, group_ncb, group_cc):
    activity = ActivityFactory(working_group=group_ncb)
    with pytest.raises(PermissionDenied):
        services.update_activity(activity=activity, by=focal_user, working_group=group_cc)
    activity.refresh_from_db()
    assert activity.working_group == group_ncb


def test_update_activity_changes_fields_and_keeps_history(secretariat_user, group_ncb):
    activity = ActivityFactory(working_group=group_ncb, title="Cũ")
    services.update_activity(activity=activity, by=secretariat_user, title="Mới")
    activity.refresh_from_db()
    assert activity.title == "Mới"
    assert activity.search_text.startswith("moi")
    assert activity.history.first().history_user == secretariat_user


def test_add_attachment_refuses_a_type_not_allowed_in_vietnamese(secretariat_user, group_ncb):
    activity = ActivityFactory(working_group=group_ncb)
    upload = SimpleUploadedFile("virus.exe", b"MZ")
    with pytest.raises(ValidationError) as error:
        services.add_attachment(activity=activity, upload=upload, by=secretariat_user)
    assert error.value.messages == [
        "Tệp “virus.exe” có định dạng không được chấp nhận. Chỉ nhận các định dạng: "
        "pdf, doc, docx, xls, xlsx, ppt, pptx, jpg, jpeg, png."
    ]
    assert activity.attachments.count() == 0


def test_add_attachment_refuses_a_file_over_the_limit_in_vietnamese(
    settings, secretariat_user, group_ncb
):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    activity = ActivityFactory(working_group=group_ncb)
    upload = _pdf("ke-hoach.pdf", size=2 * 1024 * 1024)
    with pytest.raises(ValidationError) as error:
        services.add_attachment(activity=activity, upload=upload, by=secretariat_user)
    assert error.value.messages == [
        "Tệp “ke-hoach.pdf” quá lớn (2,0\xa0MB); dung lượng tối đa là 1,0\xa0MB."
    ]


def test_add_attachment_stores_file_name_and_size(secretariat_user, group_ncb):
    activity = ActivityFactory(working_group=group_ncb)
    attachment = services.add_attachment(
        activity=activity, upload=_pdf("Biên bản.pdf", 42), by=secretariat_user
    )
    assert (attachment.original_name, attachment.size) == ("Biên bản.pdf", 42)
    assert attachment.file.read() == b"%" * 42


def test_update_task_status_bumps_version_and_records_update(focal_user, group_ncb):
    task = TaskFactory(working_group=group_ncb)
    services.update_task_status(
        task=task,
        status=Task.Status.IN_PROGRESS,
        progress=40,
        note="Đã gửi dự thảo",
        by=focal_user,
        expected_version=1,
    )
    task.refresh_from_db()
    assert (task.status, task.progress, task.version) == (Task.Status.IN_PROGRESS, 40, 2)
    assert task.last_status_at is not None
    update = StatusUpdate.objects.get()
    assert (update.author, update.note, update.progress) == (focal_user, "Đã gửi dự thảo", 40)


def test_update_task_status_keeps_the_task_audit_trail(focal_user, group_ncb):
    task = TaskFactory(working_group=group_ncb)

    services.update_task_status(
        task=task,
        status=Task.Status.IN_PROGRESS,
        progress=40,
        note="",
        by=focal_user,
        expected_version=1,
    )

    latest = task.history.latest()
    assert (latest.history_type, latest.history_user) == ("~", focal_user)
    assert (latest.status, latest.progress, latest.version) == (Task.Status.IN_PROGRESS, 40, 2)


def test_update_task_status_done_means_full_progress(secretariat_user, group_ncb):
    task = TaskFactory(working_group=group_ncb)
    services.update_task_status(
        task=task, status="done", progress=70, note="", by=secretariat_user, expected_version=1
    )
    assert (task.status, task.progress) == ("done", 100)


def test_update_task_status_second_save_from_a_stale_page_is_refused(
    focal_user, secretariat_user, group_ncb
):
    task = TaskFactory(working_group=group_ncb)
    first_copy, second_copy = Task.objects.get(pk=task.pk), Task.objects.get(pk=task.pk)
    services.update_task_status(
        task=first_copy,
        status="in_progress",
        progress=30,
        note="A",
        by=focal_user,
        expected_version=1,
    )
    with pytest.raises(services.TaskVersionConflict) as conflict:
        services.update_task_status(
            task=second_copy,
            status="postponed",
            progress=0,
            note="B",
            by=secretariat_user,
            expected_version=1,
        )
    assert (conflict.value.task.status, conflict.value.task.progress) == ("in_progress", 30)
    assert conflict.value.task.version == 2
    assert list(StatusUpdate.objects.values_list("note", flat=True)) == ["A"]


def test_update_task_status_refuses_leadership(leadership_user, group_ncb):
    task = TaskFactory(working_group=group_ncb)
    with pytest.raises(PermissionDenied):
        services.update_task_status(
            task=task, status="done", progress=100, note="", by=leadership_user, expected_version=1
        )
    assert StatusUpdate.objects.count() == 0
