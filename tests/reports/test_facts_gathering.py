"""Fact gathering on generated records: identity and dedup, status rules, year boundaries,
and a fixed number of queries at real size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Meeting
from reports.facts import FactKind, gather_facts
from tests.factories import ActivityFactory, MeetingFactory, MeetingSeriesFactory, TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(group_ncb):
    return MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb)


def _keys(year, kind=None):
    facts = gather_facts(year)
    return [f.key for f in facts.results if kind is None or f.kind == kind]


@pytest.mark.parametrize(
    ("status", "told"),
    [
        (Meeting.Status.HELD, True),
        (Meeting.Status.PLANNED, False),
        (Meeting.Status.CONFIRMED, False),
        (Meeting.Status.POSTPONED, False),
        (Meeting.Status.CANCELLED, False),
    ],
)
def test_only_held_meetings_are_results(series, status, told):
    meeting = MeetingFactory(series=series, number=36, status=status)
    assert (f"meeting:{meeting.short_name}" in _keys(2026)) is told


def test_activity_and_meeting_record_are_one_fact(series, group_ncb):
    meeting = MeetingFactory(series=series, number=36, status=Meeting.Status.HELD)
    for n in range(3):
        ActivityFactory(
            working_group=group_ncb,
            theme="voice",
            kind="meeting_hosted",
            meeting=meeting,
            start_date=datetime.date(2026, 6, 15),
            report_order=10 + n,
        )
    facts = [f for f in gather_facts(2026).results if f.key == "meeting:AWGNCB 36"]
    assert len(facts) == 1
    assert facts[0].activity is not None and facts[0].order == 10  # the first activity tells it


def test_activity_of_a_meeting_not_held_is_no_result(series, group_ncb):
    meeting = MeetingFactory(series=series, number=36, status=Meeting.Status.CONFIRMED)
    ActivityFactory(
        working_group=group_ncb, theme="voice", meeting=meeting, start_date=meeting.start_date
    )
    assert _keys(2026) == []


def test_year_boundaries_of_meetings_and_tasks(series):
    MeetingFactory(
        series=series,
        number=35,
        year=2025,
        status=Meeting.Status.HELD,
        start_date=datetime.date(2025, 12, 31),
        end_date=datetime.date(2025, 12, 31),
    )
    MeetingFactory(series=series, number=36, year=2026, status=Meeting.Status.HELD)
    TaskFactory(year=2025, status="done", theme="organisation", title="Việc năm 2025")
    TaskFactory(
        year=2026,
        status="in_progress",
        theme="organisation",
        title="Việc năm 2026",
        report_section="2.4",
    )
    TaskFactory(
        year=2026,
        status="not_started",
        theme="organisation",
        title="Chưa bắt đầu",
        report_section="2.4",
    )
    assert _keys(2025, FactKind.MEETING_HOSTED) == ["meeting:AWGNCB 35"]
    assert _keys(2026, FactKind.MEETING_HOSTED) == ["meeting:AWGNCB 36"]
    facts = gather_facts(2026)
    tasks = [(f.kind, f.data["task"]["title"]["vi"]) for f in facts.results if "task" in f.data]
    assert tasks == [(FactKind.TASK_IN_PROGRESS, "Việc năm 2026")]
    plans = gather_facts(2025).plans
    planned = [f.data["task"]["title"]["vi"] for f in plans if f.kind == FactKind.TASK_PLANNED]
    assert "Việc năm 2026" in planned and "Chưa bắt đầu" in planned


def _make_year(group, series, activities, meetings, first_number):
    held = [
        MeetingFactory(series=series, number=first_number + n, status=Meeting.Status.HELD)
        for n in range(meetings)
    ]
    for n in range(activities):
        ActivityFactory(
            working_group=group,
            theme=("voice", "organisation", "partners", "")[n % 4],
            meeting=held[n % len(held)] if n % 3 == 0 else None,
            kind="meeting_attended" if n % 3 == 0 else "coordination",
            start_date=datetime.date(2026, 1 + n % 12, 1 + n % 28),
            report_order=n % 150,
        )


def _queries(year):
    with CaptureQueriesContext(connection) as captured:
        gather_facts(year)
    return len(captured)


def test_queries_do_not_grow_with_the_year_and_keys_stay_unique(group_ncb, series):
    _make_year(group_ncb, series, activities=12, meetings=4, first_number=1)
    small = _queries(2026)
    _make_year(group_ncb, series, activities=300, meetings=100, first_number=100)
    assert _queries(2026) == small
    facts = gather_facts(2026)
    keys = facts.keys()
    assert len(keys) == len(set(keys))
    assert len(facts.annex) == 312  # a large year lists every activity in the annex
    activity_facts = [f for f in facts.results if f.activity is not None]
    assert activity_facts and all(f.order < 100 for f in activity_facts)
