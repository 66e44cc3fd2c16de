"""Who hears of what: report workflow, finished jobs, tasks of one's group."""

import pytest
from django.core import mail
from django.utils import translation

from notifications.models import Kind, Notice
from notifications.services import update_preferences
from reports.models import AnnualReport, ReportRender
from reports.services import approve_report, return_report, submit_report
from tests.factories import TaskFactory
from working_groups.models import Task
from working_groups.services import create_task, update_task, update_task_status

pytestmark = pytest.mark.django_db


def _notices(user):
    return list(Notice.objects.filter(recipient=user).values_list("kind", "message"))


def test_report_submitted_tells_leadership_once_each(
    with_emails, django_capture_on_commit_callbacks
):
    report = AnnualReport.objects.create(year=2026)
    with django_capture_on_commit_callbacks(execute=True):
        submit_report(report=report, by=with_emails["secretariat"])

    assert _notices(with_emails["leadership"]) == [
        (
            Kind.REPORT_SUBMITTED,
            "Báo cáo tổng kết năm 2026 đã được trình, chờ Lãnh đạo phê duyệt.",
        )
    ]
    assert _notices(with_emails["secretariat"]) == []
    assert [m.to for m in mail.outbox] == [["leadership@asoen.vn"]]
    assert "/reports/2026/" in mail.outbox[0].body


def test_report_approved_and_returned_tell_the_secretariat(
    with_emails, django_capture_on_commit_callbacks
):
    leadership, secretariat = with_emails["leadership"], with_emails["secretariat"]
    report = AnnualReport.objects.create(year=2026, status=AnnualReport.Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        return_report(report=report, by=leadership)
        submit_report(report=report, by=secretariat)
        approve_report(report=report, by=leadership)

    assert [m for _k, m in _notices(secretariat)] == [
        "Báo cáo tổng kết năm 2026 đã được Lãnh đạo phê duyệt.",
        "Báo cáo tổng kết năm 2026 đã được Lãnh đạo trả lại để chỉnh sửa.",
    ]
    assert [m.to for m in mail.outbox] == [
        ["secretariat@asoen.vn"],
        ["leadership@asoen.vn"],
        ["secretariat@asoen.vn"],
    ]


def test_notice_and_email_are_in_the_recipients_language(
    with_emails, django_capture_on_commit_callbacks
):
    update_preferences(user=with_emails["leadership"], language="en", enabled_kinds=Kind.values)
    report = AnnualReport.objects.create(year=2026)
    with translation.override("vi"), django_capture_on_commit_callbacks(execute=True):
        submit_report(report=report, by=with_emails["secretariat"])

    assert _notices(with_emails["leadership"])[0][1] == (
        "The 2026 year-end report has been submitted for leadership approval."
    )
    assert mail.outbox[0].subject.startswith("[ASOEN Portal]")
    assert mail.outbox[0].body.startswith("Dear ")


def test_task_assigned_to_a_group_tells_its_focal_points_not_the_author(
    with_emails, group_ncb, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        task = create_task(
            by=with_emails["secretariat"],
            year=2026,
            title="Chuẩn bị AWGNCB 36",
            working_group=group_ncb,
        )

    assert _notices(with_emails["focal"]) == [
        (Kind.TASK_CHANGED, "Nhóm AWGNCB được giao nhiệm vụ “Chuẩn bị AWGNCB 36”.")
    ]
    assert _notices(with_emails["other_focal"]) == []
    assert [m.to for m in mail.outbox] == [["focal-awgncb@asoen.vn"]]

    update_task_status(
        task=task,
        status=Task.Status.IN_PROGRESS,
        progress=10,
        note="",
        by=with_emails["focal"],
        expected_version=task.version,
    )
    assert len(_notices(with_emails["focal"])) == 1  # their own change tells them nothing


def test_task_moved_to_another_group_is_an_assignment_for_that_group(
    with_emails, group_ncb, group_cc, django_capture_on_commit_callbacks
):
    task = TaskFactory(working_group=group_ncb, title="Tham vấn kế hoạch đa dạng sinh học")
    update_task(task=task, by=with_emails["secretariat"], working_group=group_cc)

    assert _notices(with_emails["other_focal"]) == [
        (Kind.TASK_CHANGED, "Nhóm AWGCC được giao nhiệm vụ “Tham vấn kế hoạch đa dạng sinh học”.")
    ]


def test_a_muted_kind_sends_nothing(with_emails, group_ncb, django_capture_on_commit_callbacks):
    focal = with_emails["focal"]
    kinds = [k for k in Kind.values if k != Kind.TASK_CHANGED]
    update_preferences(user=focal, language="vi", enabled_kinds=kinds)
    with django_capture_on_commit_callbacks(execute=True):
        create_task(by=with_emails["secretariat"], year=2026, title="X", working_group=group_ncb)

    assert (_notices(focal), mail.outbox) == ([], [])


def test_render_finished_tells_who_asked(with_emails, django_capture_on_commit_callbacks):
    from reports.jobs import run_render

    report = AnnualReport.objects.create(year=2026)
    render = ReportRender.objects.create(
        report=report, language="vi", requested_by=with_emails["leadership"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        run_render(render.pk)

    render.refresh_from_db()
    assert render.status == ReportRender.Status.DONE
    assert _notices(with_emails["leadership"]) == [
        (Kind.JOB_FINISHED, "Bản PDF báo cáo năm 2026 (VI) đã sẵn sàng.")
    ]
    assert [m.to for m in mail.outbox] == [["leadership@asoen.vn"]]


def test_confirmed_import_tells_who_asked(with_emails, django_capture_on_commit_callbacks):
    from asoen_portal.exchange.services import create_import_job, start_import_job
    from asoen_portal.models import ImportJob
    from tests.exchange.conftest import activity_rows, upload, xlsx_bytes
    from tests.factories import WorkingGroupFactory

    WorkingGroupFactory(code="AWGNCB")
    WorkingGroupFactory(code="AWGCC")
    secretariat = with_emails["secretariat"]
    job = create_import_job(
        register="activities",
        upload=upload(xlsx_bytes(activity_rows()), "hd.xlsx"),
        user=secretariat,
    )
    with django_capture_on_commit_callbacks(execute=True):
        start_import_job(job=job)
        assert _notices(secretariat) == []  # a preview announces nothing
        start_import_job(job=ImportJob.objects.get(pk=job.pk), confirm=True)

    assert _notices(secretariat) == [
        (Kind.JOB_FINISHED, "Đã nhập tệp “hd.xlsx”: 2 dòng mới, 0 dòng cập nhật.")
    ]
    assert [m.to for m in mail.outbox] == [["secretariat@asoen.vn"]]
