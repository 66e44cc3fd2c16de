"""The readiness list: each rule, fixing a line in place, the command, the report page, the
dashboard's count for leadership, and narratives read-only while submitted."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from meetings.models import Meeting
from reports.models import AnnualReport, ReportNarrative
from reports.readiness import check_readiness
from reports.services import submit_report, update_narrative
from tests.factories import ActivityFactory, MeetingFactory, TaskFactory
from working_groups.models import StatusUpdate

DECEMBER = datetime.date(2026, 12, 15)
JANUARY_NEXT = datetime.date(2027, 1, 10)


@pytest.fixture
def report_2026(db):
    report = AnnualReport.objects.create(year=2026)
    for section in ReportNarrative.Section.values:
        ReportNarrative.objects.create(report=report, language="vi", section=section, text="x")
    return report


def _kinds(report, **kwargs):
    return [item.kind for item in check_readiness(report=report, **kwargs)]


def test_ready_report_has_no_line(report_2026):
    assert check_readiness(report=report_2026, today=DECEMBER) == []


def test_meeting_past_its_dates_must_be_marked(report_2026):
    past = MeetingFactory(status=Meeting.Status.PLANNED)  # 15-17/06/2026
    MeetingFactory(status=Meeting.Status.HELD)
    MeetingFactory(status=Meeting.Status.CANCELLED)
    MeetingFactory(
        status=Meeting.Status.CONFIRMED,
        start_date=datetime.date(2026, 12, 20),
        end_date=datetime.date(2026, 12, 21),
    )
    month_only = MeetingFactory(
        status=Meeting.Status.PLANNED, start_date=None, end_date=None, month=8, end_month=9
    )
    items = check_readiness(report=report_2026, today=DECEMBER)
    assert [i.url for i in items] == [
        reverse("meetings:edit", args=[past.pk]),
        reverse("meetings:edit", args=[month_only.pk]),
    ]
    assert past.title in items[0].message


def test_activity_without_topic_is_listed_and_fixed_in_place(
    report_2026, secretariat_client, group_ncb
):
    activity = ActivityFactory(working_group=group_ncb, theme="", start_date=DECEMBER)
    ActivityFactory(working_group=group_ncb, theme="voice", start_date=DECEMBER)
    [item] = check_readiness(report=report_2026, today=DECEMBER)
    assert (item.kind, item.activity_id) == ("activity_topic", activity.pk)
    page = secretariat_client.get(reverse("reports:detail", args=[2026]))
    body = page.content.decode()
    assert reverse("working_groups:activity_detail", args=[activity.pk]) in body
    url = reverse("reports:activity_topic", args=[2026, activity.pk])
    assert url in body
    response = secretariat_client.post(url, {"theme": "organisation"})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.theme == "organisation"
    assert activity.history.first().history_user.username == "secretariat"
    assert check_readiness(report=report_2026, today=DECEMBER) == []


def test_focal_point_sets_topic_only_for_their_group(report_2026, focal_client, group_cc):
    other = ActivityFactory(working_group=group_cc, theme="", start_date=DECEMBER)
    url = reverse("reports:activity_topic", args=[2026, other.pk])
    assert focal_client.post(url, {"theme": "voice"}).status_code == 403
    other.refresh_from_db()
    assert other.theme == ""


def test_tasks_need_a_status_update_and_closing_at_year_end(report_2026, secretariat_user):
    silent = TaskFactory(year=2026)
    updated = TaskFactory(year=2026, status="in_progress")
    StatusUpdate.objects.create(
        task=updated, status="in_progress", progress=10, author=secretariat_user
    )
    TaskFactory(year=2026, status="done")
    TaskFactory(year=2027)
    assert [i.url for i in check_readiness(report=report_2026, today=DECEMBER)] == [
        reverse("working_groups:task_detail", args=[silent.pk])
    ]
    after = check_readiness(report=report_2026, today=JANUARY_NEXT)
    assert [i.url for i in after] == [
        reverse("working_groups:task_detail", args=[silent.pk]),
        reverse("working_groups:task_detail", args=[updated.pk]),
    ]
    assert "chưa được đóng khi hết năm" in after[1].message


def test_empty_narratives_and_english_titles(report_2026, group_ncb):
    ReportNarrative.objects.filter(section="proposals").update(text=" ")
    ActivityFactory(working_group=group_ncb, theme="voice", title_en="", start_date=DECEMBER)
    assert _kinds(report_2026, today=DECEMBER) == ["narrative"]
    english = _kinds(report_2026, language="en", today=DECEMBER)
    assert english.count("narrative") == 1 + len(ReportNarrative.Section.values)
    assert english.count("english_title") == 1


def test_command_prints_each_line_with_its_link(report_2026):
    meeting = MeetingFactory(
        status=Meeting.Status.PLANNED,
        start_date=datetime.date(2026, 1, 5),
        end_date=datetime.date(2026, 1, 6),
    )
    out = io.StringIO()
    call_command("report_readiness", "2026", stdout=out)
    assert reverse("meetings:edit", args=[meeting.pk]) in out.getvalue()
    assert out.getvalue().rstrip().endswith("1 điểm cần xử lý.")


def test_leadership_sees_the_count_on_the_dashboard(report_2026, leadership_client):
    MeetingFactory(
        status=Meeting.Status.PLANNED,
        start_date=datetime.date(2026, 1, 5),
        end_date=datetime.date(2026, 1, 6),
    )
    ActivityFactory(theme="", start_date=datetime.date(2026, 1, 5))
    response = leadership_client.get("/")
    assert response.context["report_readiness_count"] == 2
    assert "2 điểm cần xử lý trước khi lập báo cáo" in response.content.decode()


def test_narratives_read_only_while_submitted(report_2026, secretariat_user, secretariat_client):
    submit_report(report=report_2026, by=secretariat_user)
    with pytest.raises(ValidationError):
        update_narrative(
            report=report_2026, language="vi", section="proposals", text="y", by=secretariat_user
        )
    url = reverse("reports:narrative_edit", args=[2026, "vi", "proposals"])
    secretariat_client.post(url, {"text": "y"})
    assert ReportNarrative.objects.get(language="vi", section="proposals").text == "x"


@pytest.mark.parametrize("today", [DECEMBER, JANUARY_NEXT])
def test_dashboard_count_is_the_length_of_the_list(report_2026, secretariat_user, today):
    """count_readiness counts in the database what check_readiness lists, rule by rule."""
    MeetingFactory(status=Meeting.Status.PLANNED)  # 15-17/06/2026: past
    MeetingFactory(status=Meeting.Status.PLANNED, start_date=None, end_date=None, month=12)
    MeetingFactory(status=Meeting.Status.CONFIRMED, start_date=None, end_date=None, month=None)
    MeetingFactory(status=Meeting.Status.PLANNED, start_date=None, end_date=None, month=11)
    ActivityFactory(theme="", start_date=datetime.date(2026, 3, 1))
    ActivityFactory(theme="voice", start_date=datetime.date(2026, 3, 1))
    TaskFactory(year=2026)  # never updated
    TaskFactory(year=2026, status="postponed")
    updated = TaskFactory(year=2026, status="in_progress")  # open at the year's end
    StatusUpdate.objects.create(
        task=updated, status="in_progress", progress=10, author=secretariat_user
    )
    ReportNarrative.objects.filter(section="proposals").update(text=" ")
    from reports.readiness import count_readiness

    expected = {DECEMBER: 5, JANUARY_NEXT: 8}[today]
    assert len(check_readiness(report=report_2026, today=today)) == expected
    assert count_readiness(report=report_2026, today=today) == expected


def test_report_page_shows_the_list_a_page_at_a_time(report_2026, secretariat_client):
    ActivityFactory.create_batch(51, theme="", start_date=datetime.date(2026, 3, 1))
    response = secretariat_client.get(reverse("reports:detail", args=[2026]))
    body = response.content.decode()
    assert "Còn 51 điểm cần xử lý" in body
    assert body.count('class="readiness__item ') == 50
    second = secretariat_client.get(reverse("reports:detail", args=[2026]), {"page": 2})
    assert second.content.decode().count('class="readiness__item ') == 1
