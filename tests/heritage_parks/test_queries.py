"""The number of SQL queries per list page stays the same with 1 row and with many."""

import pytest
from django.urls import reverse

from heritage_parks.models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark
from tests.factories import MeetingFactory, MeetingSeriesFactory


def _parks(count):
    series = MeetingSeriesFactory(code="AHP", kind="heritage")
    for n in range(count):
        HeritagePark.objects.create(
            name=f"Vườn {n}", status="recognised", certificate_meeting=MeetingFactory(series=series)
        )


def _eco_schools(count):
    for n in range(count):
        EcoSchoolAward.objects.create(year=2000 + n, theme=f"Chủ đề {n}", school=f"Trường {n}")


def _esc_rounds(count):
    series = MeetingSeriesFactory(code="AMME", kind="ministerial")
    for n in range(count):
        esc_round = EscAwardRound.objects.create(
            kind="award", edition=n + 1, year=2000 + n, presented_at=MeetingFactory(series=series)
        )
        EscAward.objects.create(round=esc_round, city=f"Thành phố {n}")
        EscAward.objects.create(round=esc_round, city=f"Thành phố {n}b", category="clean_air")


@pytest.mark.parametrize(
    ("url", "build", "queries"),
    [
        ("heritage_parks:list", _parks, 5),
        ("heritage_parks:eco_schools", _eco_schools, 5),
        ("heritage_parks:esc", _esc_rounds, 6),
    ],
)
@pytest.mark.parametrize("rows", [1, 15])
def test_programme_list_query_count(
    focal_client, django_assert_num_queries, url, build, queries, rows
):
    build(rows)
    with django_assert_num_queries(queries):
        response = focal_client.get(reverse(url))
    assert response.status_code == 200
