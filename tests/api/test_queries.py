"""Queries per API list request stay the same however many rows a page holds."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from asoen_portal.api import tokens
from cooperation.models import AseanDocument
from heritage_parks.models import EscAward, EscAwardRound
from tests.factories import (
    ActivityFactory,
    ChecklistItemFactory,
    FocalPersonFactory,
    LegalInstrumentFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    PartnerFactory,
    PartnerProjectFactory,
    TaskFactory,
)
from working_groups.services import update_task_status

pytestmark = pytest.mark.django_db


def _fill(group, user, rows, start=0):
    series = MeetingSeriesFactory(code="AWGNCB", working_group=group)  # get-or-create
    for n in range(start, start + rows):
        FocalPersonFactory(working_group=group)
        ActivityFactory(working_group=group, start_date=datetime.date(2025, 3, 1))
        task = TaskFactory(working_group=group, year=2026)
        update_task_status(
            task=task, status="in_progress", progress=10, note="", by=user, expected_version=1
        )
        meeting = MeetingFactory(series=series)
        ChecklistItemFactory(meeting=meeting)
        LegalInstrumentFactory()
        project = PartnerProjectFactory(working_group=group)
        project.donors.add(PartnerFactory())
        AseanDocument.objects.create(
            code=f"DOC{n}", kind="declaration", title="Tuyên bố", year=2025, status="commented"
        )
        round_ = EscAwardRound.objects.create(kind="award", edition=n + 1, year=2025)
        EscAward.objects.create(round=round_, city=f"Thành phố {n}")


LISTS = [
    "/api/v1/working-groups/",
    "/api/v1/focal-persons/",
    "/api/v1/activities/?year=2025&group=AWGNCB&q=da+dang",
    "/api/v1/tasks/?year=2026",
    "/api/v1/meetings/?year=2026",
    "/api/v1/checklist-items/",
    "/api/v1/instruments/",
    "/api/v1/asean-documents/",
    "/api/v1/partners/",
    "/api/v1/projects/",
    "/api/v1/esc-award-rounds/",
    "/api/v1/reports/",
]


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.json()["count"]


def test_api_list_query_count_does_not_grow_with_rows(
    monkeypatch, api_clients, group_ncb, focal_user
):
    client = api_clients["focal_ncb"]
    # A token's last use is recorded once a minute, which is not a list's cost: here once
    # only, however slowly the rows below are made.
    monkeypatch.setattr(tokens, "LAST_USED_PRECISION", datetime.timedelta(days=1))
    client.get("/api/v1/working-groups/")
    _fill(group_ncb, focal_user, 1)
    few = {url: _queries(client, url) for url in LISTS}
    _fill(group_ncb, focal_user, 30, start=1)
    many = {url: _queries(client, url) for url in LISTS}

    grown = [url for url in LISTS if many[url][1] > few[url][1]]
    assert grown == [url for url in LISTS if "working-groups" not in url and "reports" not in url]
    assert {url: count for url, (count, _rows) in many.items()} == {
        url: count for url, (count, _rows) in few.items()
    }
