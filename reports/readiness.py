"""What stands between the records of year Y and a true report, before anyone renders it.

Each line names one record and links to the page that fixes it. The same list feeds the
report page, the dashboard's count for leadership and `manage.py report_readiness YEAR`.
Each rule is one queryset (or one test on a few rows), shared by the list and the count: the
dashboard counts in the database instead of building the lines of 50,000 records' year.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _

from asoen_portal.links import row_link


@dataclass
class ReadinessItem:
    kind: str  # meeting_status / activity_topic / task_status / narrative / english_title
    message: str
    url: str
    activity_id: int | None = None  # lines that can be fixed in place (the report topic)


def _meetings_over(year: int, today: date) -> QuerySet:
    """The year's meetings still planned or confirmed whose time has passed: the last day of
    their dates, else of their planned month(s), else of their year, is before `today`."""
    from meetings.models import Meeting

    dated = Q(start_date__isnull=False) | Q(end_date__isnull=False)
    # The last day of month M of year Y is before today exactly when (Y, M) is before
    # today's month.
    month_over = Q(year__lt=today.year) | Q(year=today.year, last_month__lt=today.month)
    return (
        Meeting.objects.filter(
            year=year, status__in=[Meeting.Status.PLANNED, Meeting.Status.CONFIRMED]
        )
        .annotate(
            last_date=Coalesce("end_date", "start_date"), last_month=Coalesce("end_month", "month")
        )
        .filter(
            (dated & Q(last_date__lt=today))
            | (~dated & Q(month__isnull=False) & month_over)
            | (~dated & Q(month__isnull=True, year__lt=today.year))
        )
    )


class _Count(Subquery):
    """The number of rows of a queryset, as a column of another query."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _rows)"
    output_field = IntegerField()


def _activities_without_topic(year: int) -> QuerySet:
    from working_groups.models import Activity

    return Activity.objects.filter(start_date__year=year, theme="")


# Task statuses that need no status update (Task.Status.DONE, POSTPONED).
_SETTLED = ("done", "postponed")


def _tasks_to_update(year: int, today: date) -> QuerySet:
    """The year's tasks never updated (unless done or postponed) and, once the year is over,
    those still not started or in progress; `has_update` tells the two apart."""
    from working_groups.models import StatusUpdate, Task

    tasks = Task.objects.filter(year=year).exclude(status=Task.Status.CANCELLED)
    tasks = tasks.annotate(has_update=Exists(StatusUpdate.objects.filter(task=OuterRef("pk"))))
    needed = Q(has_update=False) & ~Q(status__in=_SETTLED)
    if date(year, 12, 31) < today:
        needed |= Q(status__in=[Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS])
    return tasks.filter(needed)


def _missing_narratives(report, languages: list[str]) -> list[tuple[str, str, str]]:
    """(language, section, label) of each narrative with no text yet."""
    from reports.models import ReportNarrative

    written = {(n.language, n.section) for n in report.narratives.all() if n.text.strip()}
    return [
        (code, section, label)
        for code in languages
        for section, label in ReportNarrative.Section.choices
        if (code, section) not in written
    ]


def count_readiness(*, report, today: date | None = None) -> int:
    """len(check_readiness(report=report, today=today)), counted in the database."""
    from reports.models import AnnualReport

    today = today or date.today()
    rules = [
        _meetings_over(report.year, today),
        _activities_without_topic(report.year),
        _tasks_to_update(report.year, today),
    ]
    # One query for the three rules: the dashboard pays for each query it makes.
    counts = AnnualReport.objects.filter(pk=report.pk).values_list(
        *(_Count(rule.order_by().values("pk")) for rule in rules)
    )
    return sum(counts.get()) + len(_missing_narratives(report, ["vi"]))


def check_readiness(*, report, language: str = "vi", today: date | None = None) -> list:
    """The lines for `report` (its year Y); `language` "en" adds the English edition's needs."""
    today = today or date.today()
    year = report.year
    items = []
    message = _(
        "“{name}” đã qua ngày dự kiến nhưng chưa được đánh dấu là đã tổ chức, hoãn hoặc hủy."
    )
    meeting_url = row_link("meetings:edit")
    for meeting in _meetings_over(year, today).select_related("series"):
        items.append(
            ReadinessItem(
                "meeting_status",
                message.format(name=meeting.title or meeting.short_name),
                meeting_url(meeting.pk),
            )
        )
    message = _("Hoạt động “{title}” chưa có chủ đề báo cáo nên không có trong phần II.")
    activity_url = row_link("working_groups:activity_detail")
    activities = _activities_without_topic(year).order_by("start_date", "id")
    for pk, title in activities.values_list("pk", "title"):
        items.append(
            ReadinessItem(
                "activity_topic", message.format(title=title), activity_url(pk), activity_id=pk
            )
        )
    never = _("Nhiệm vụ “{title}” chưa có cập nhật trạng thái nào.")
    not_closed = _("Nhiệm vụ “{title}” chưa được đóng khi hết năm.")
    task_url = row_link("working_groups:task_detail")
    tasks = _tasks_to_update(year, today).order_by("report_order", "id")
    for pk, title, status, has_update in tasks.values_list("pk", "title", "status", "has_update"):
        message = never if not has_update and status not in _SETTLED else not_closed
        items.append(ReadinessItem("task_status", message.format(title=title), task_url(pk)))
    message = _("Phần “{section}” ({language}) chưa có nội dung.")
    languages = ["vi", "en"] if language == "en" else ["vi"]
    for code, section, label in _missing_narratives(report, languages):
        items.append(
            ReadinessItem(
                "narrative",
                message.format(section=label, language=code.upper()),
                reverse("reports:narrative_edit", args=[year, code, section]),
            )
        )
    if language == "en":
        items += _missing_english(year)
    return items


def _missing_english(year: int) -> list:
    from meetings.models import Meeting
    from working_groups.models import Activity, Task

    message = _("Chưa có tên tiếng Anh: {title}")
    rows = [
        (
            Activity.objects.filter(start_date__year=year, title_en="").exclude(theme=""),
            row_link("working_groups:activity_edit"),
        ),
        (
            Meeting.objects.filter(year__in=[year, year + 1], title_en=""),
            row_link("meetings:edit"),
        ),
        (
            Task.objects.filter(year=year + 1, title_en="").exclude(report_section=""),
            row_link("working_groups:task_edit"),
        ),
    ]
    return [
        ReadinessItem("english_title", message.format(title=title), url(pk))
        for queryset, url in rows
        for pk, title in queryset.values_list("pk", "title")
    ]
