"""What each change announces, and to whom. Called explicitly by the services that make the
changes (reports, exchange, working_groups), after their write."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import recipients
from .models import Kind
from .services import Message, notify


def report_submitted(*, report, by):
    """The secretariat submitted the year-end report: leadership is asked to decide."""
    notify(
        recipients=recipients.leadership_users(),
        exclude=by,
        message=Message(
            kind=Kind.REPORT_SUBMITTED,
            text=_("Báo cáo tổng kết năm {year} đã được trình, chờ Lãnh đạo phê duyệt."),
            params={"year": report.year},
            url=reverse("reports:detail", args=[report.year]),
        ),
    )


def report_decided(*, report, by, approved: bool):
    """Leadership approved or returned the report: the secretariat hears which."""
    text = (
        _("Báo cáo tổng kết năm {year} đã được Lãnh đạo phê duyệt.")
        if approved
        else _("Báo cáo tổng kết năm {year} đã được Lãnh đạo trả lại để chỉnh sửa.")
    )
    notify(
        recipients=recipients.secretariat_users(),
        exclude=by,
        message=Message(
            kind=Kind.REPORT_DECIDED,
            text=text,
            params={"year": report.year},
            url=reverse("reports:detail", args=[report.year]),
        ),
    )


def render_finished(*, render):
    """A PDF render the user asked for is done or failed."""
    if render.requested_by_id is None:
        return
    done = render.status == render.Status.DONE
    text = (
        _("Bản PDF báo cáo năm {year} ({language}) đã sẵn sàng.")
        if done
        else _("Không tạo được bản PDF báo cáo năm {year} ({language}); hãy xem lỗi và thử lại.")
    )
    notify(
        recipients=[render.requested_by],
        message=Message(
            kind=Kind.JOB_FINISHED,
            text=text,
            params={"year": render.report.year, "language": render.language.upper()},
            url=reverse("reports:detail", args=[render.report.year]),
        ),
    )


def import_finished(*, job):
    """A confirmed import ended (written, or refused as a whole)."""
    if job.requested_by_id is None or not job.confirmed:
        return
    done = job.status == job.Status.DONE
    text = (
        _("Đã nhập tệp “{name}”: {new} dòng mới, {updated} dòng cập nhật.")
        if done
        else _("Không nhập được tệp “{name}”; không có dòng nào được ghi.")
    )
    notify(
        recipients=[job.requested_by],
        message=Message(
            kind=Kind.JOB_FINISHED,
            text=text,
            params={"name": job.original_name, "new": job.new_count, "updated": job.update_count},
            url=reverse("exchange:job", args=[job.pk]),
        ),
    )


def task_changed(*, task, by, created: bool = False, old_group_id=None):
    """A task was assigned to a group (created in it or moved to it) or changed: the group's
    focal points hear of it, except the person who made the change."""
    if task.working_group_id is None:
        return
    if created or old_group_id != task.working_group_id:
        text = _("Nhóm {group} được giao nhiệm vụ “{title}”.")
    else:
        text = _("Nhiệm vụ “{title}” của nhóm {group} vừa được cập nhật.")
    notify(
        recipients=recipients.focal_users([task.working_group_id]),
        exclude=by,
        message=Message(
            kind=Kind.TASK_CHANGED,
            text=text,
            params={"group": task.working_group.code, "title": task.title},
            url=reverse("working_groups:task_detail", args=[task.pk]),
        ),
    )
