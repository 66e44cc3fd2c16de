"""Named constraints reject duplicates; Vietnamese text survives the database round trip."""

import pytest
from django.db import IntegrityError, transaction

from asoen_portal.text import fold
from meetings.models import Meeting
from tests.factories import ActivityFactory, MeetingFactory, MeetingSeriesFactory

pytestmark = pytest.mark.django_db


def test_meeting_series_and_number_are_unique():
    series = MeetingSeriesFactory(code="AWGNCB")
    MeetingFactory(series=series, number=36)

    with pytest.raises(IntegrityError, match="uniq_meeting_series_number"), transaction.atomic():
        MeetingFactory(series=series, number=36)


def test_unnumbered_meeting_is_unique_per_series_and_year():
    series = MeetingSeriesFactory(code="CAFBE")
    MeetingFactory(series=series, number=None, year=2025)
    MeetingFactory(series=series, number=None, year=2026)

    duplicate = pytest.raises(IntegrityError, match="uniq_meeting_series_year_unnumbered")
    with duplicate, transaction.atomic():
        MeetingFactory(series=series, number=None, year=2025)
    assert Meeting.objects.filter(series=series).count() == 2


def test_vietnamese_text_round_trips_through_the_database():
    text = "Khu bảo tồn thiên nhiên và văn hóa Đồng Nai — Xuân Thủy, Pù Mát; “ỹ ự ặ ẫ”"
    activity = ActivityFactory(title=text, city="Quảng Ninh")

    activity.refresh_from_db()

    assert activity.title == text
    assert activity.city == "Quảng Ninh"


def test_activity_search_text_is_folded_on_save():
    activity = ActivityFactory(title="Vườn quốc gia Xuân Thủy", description="Đồng Nai")

    assert "vuon quoc gia xuan thuy" in activity.search_text
    assert "dong nai" in activity.search_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Xuân Thủy", "xuan thuy"), ("ĐỒNG NAI", "dong nai"), ("  Pù   Mát ", "pu mat"), ("", "")],
)
def test_fold_strips_vietnamese_diacritics(raw, expected):
    assert fold(raw) == expected


def test_choice_display_follows_the_active_language():
    from django.utils import translation

    from working_groups.models import Activity

    activity = Activity(kind=Activity.Kind.AWARD)
    with translation.override("vi"):
        vietnamese = activity.get_kind_display()
    with translation.override("en"):
        english = activity.get_kind_display()

    assert vietnamese == "Giải thưởng, công nhận"
    assert english != vietnamese
    assert Activity(kind="unknown").get_kind_display() == "unknown"
