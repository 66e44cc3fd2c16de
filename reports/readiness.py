"""What stands between the records of year Y and a true report, before anyone renders it.

Each line names one record and links to the page that fixes it. The same list feeds the
report page, the dashboard's count for leadership and `manage.py report_readiness YEAR`.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _


@dataclass
class ReadinessItem:
    kind: str  # meeting_status / activity_topic / task_status / narrative / english_title
    message: str
    url: str
    activity_id: int | None = None  # lines that can be fixed in place (the report topic)


def _meeting_over(meeting, today: date) -> bool:
    if meeting.end_date or meeting.start_date:
        return (meeting.end_date or meeting.start_date) < today
    if meeting.month:
        last = meeting.end_month or meeting.month
        return date(meeting.year, last, calendar.monthrange(meeting.year, last)[1]) < today
    return date(meeting.year, 12, 31) < today


def check_readiness(*, report, language: str = "vi", today: date | None = None) -> list:
    """The lines for `report` (its year Y); `language` "en" adds the English edition's needs."""
    from django.db.models import Count

    from meetings.models import Meeting
    from reports.models import ReportNarrative
    from working_groups.models import Activity, Task

    today = today or date.today()
    year = report.year
    items = []
    open_statuses = [Meeting.Status.PLANNED, Meeting.Status.CONFIRMED]
    meetings = Meeting.objects.filter(year=year).select_related("series")
    for meeting in meetings.filter(status__in=open_statuses):
        if _meeting_over(meeting, today):
            items.append(
                ReadinessItem(
                    "meeting_status",
                    _(
                        "“{name}” đã qua ngày dự kiến nhưng chưa được đánh dấu là đã tổ chức, "
                        "hoãn hoặc hủy."
                    ).format(name=meeting.title or meeting.short_name),
                    reverse("meetings:edit", args=[meeting.pk]),
                )
            )
    activities = Activity.objects.filter(start_date__year=year)
    for activity in activities.filter(theme="").order_by("start_date", "id"):
        items.append(
            ReadinessItem(
                "activity_topic",
                _("Hoạt động “{title}” chưa có chủ đề báo cáo nên không có trong phần II.").format(
                    title=activity.title
                ),
                reverse("working_groups:activity_detail", args=[activity.pk]),
                activity_id=activity.pk,
            )
        )
    tasks = Task.objects.filter(year=year).exclude(status=Task.Status.CANCELLED)
    tasks = tasks.annotate(update_count=Count("updates"))
    year_over = date(year, 12, 31) < today
    for task in tasks.order_by("report_order", "id"):
        if task.update_count == 0 and task.status not in (Task.Status.DONE, Task.Status.POSTPONED):
            message = _("Nhiệm vụ “{title}” chưa có cập nhật trạng thái nào.")
        elif year_over and task.status in (Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS):
            message = _("Nhiệm vụ “{title}” chưa được đóng khi hết năm.")
        else:
            continue
        items.append(
            ReadinessItem(
                "task_status",
                message.format(title=task.title),
                reverse("working_groups:task_detail", args=[task.pk]),
            )
        )
    written = {(n.language, n.section) for n in report.narratives.all() if n.text.strip()}
    languages = ["vi", "en"] if language == "en" else ["vi"]
    for code in languages:
        for section, label in ReportNarrative.Section.choices:
            if (code, section) not in written:
                items.append(
                    ReadinessItem(
                        "narrative",
                        _("Phần “{section}” ({language}) chưa có nội dung.").format(
                            section=label, language=code.upper()
                        ),
                        reverse("reports:narrative_edit", args=[year, code, section]),
                    )
                )
    if language == "en":
        items += _missing_english(year)
    return items


def _missing_english(year: int) -> list:
    from meetings.models import Meeting
    from working_groups.models import Activity, Task

    items = []
    message = _("Chưa có tên tiếng Anh: {title}")
    for activity in Activity.objects.filter(start_date__year=year, title_en="").exclude(theme=""):
        items.append(
            ReadinessItem(
                "english_title",
                message.format(title=activity.title),
                reverse("working_groups:activity_edit", args=[activity.pk]),
            )
        )
    for meeting in Meeting.objects.filter(year__in=[year, year + 1], title_en=""):
        items.append(
            ReadinessItem(
                "english_title",
                message.format(title=meeting.title),
                reverse("meetings:edit", args=[meeting.pk]),
            )
        )
    for task in Task.objects.filter(year=year + 1, title_en="").exclude(report_section=""):
        items.append(
            ReadinessItem(
                "english_title",
                message.format(title=task.title),
                reverse("working_groups:task_edit", args=[task.pk]),
            )
        )
    return items
