"""Reads: the pages' rows, filters and visibility, through a token."""

import datetime

import pytest
from django.urls import reverse

from heritage_parks.models import HeritagePark
from reports.models import AnnualReport, ReportRender
from tests.factories import (
    ActivityFactory,
    ChecklistItemFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    TaskFactory,
)
from working_groups.filters import ActivityFilter
from working_groups.selectors import activity_list_queryset

pytestmark = pytest.mark.django_db


def _all_pages(client, url, params):
    """Every row of a paginated list, following `next` links."""
    rows, response = [], client.get(url, params)
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        rows += body["results"]
        if not body["next"]:
            return rows, body["count"]
        response = client.get(body["next"])


def test_activities_of_a_year_and_group_are_the_list_pages_rows(
    api_clients, group_ncb, group_cc, secretariat_client
):
    for day in range(120):
        ActivityFactory(
            working_group=group_ncb,
            start_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=day * 3),
        )
    ActivityFactory.create_batch(40, working_group=group_cc, start_date=datetime.date(2025, 5, 5))
    ActivityFactory.create_batch(30, working_group=group_ncb, start_date=datetime.date(2026, 2, 1))
    params = {"year": "2025", "group": "AWGNCB"}

    rows, count = _all_pages(api_clients["focal_cc"], "/api/v1/activities/", params)
    page = secretariat_client.get(reverse("working_groups:activity_list"), params)
    expected = ActivityFilter(params, queryset=activity_list_queryset()).qs

    assert count == 120
    assert [row["id"] for row in rows] == [activity.pk for activity in expected]
    assert [a.pk for a in page.context["page"]] == [row["id"] for row in rows[:25]]
    assert {row["working_group"] for row in rows} == {"AWGNCB"}


def test_activities_next_year_and_page_size(api_clients, group_ncb):
    ActivityFactory.create_batch(60, working_group=group_ncb, start_date=datetime.date(2026, 3, 1))
    ActivityFactory.create_batch(5, working_group=group_ncb, start_date=datetime.date(2025, 3, 1))

    response = api_clients["leadership"].get("/api/v1/activities/", {"year": 2026, "page_size": 50})

    body = response.json()
    assert (body["count"], len(body["results"])) == (60, 50)
    assert body["next"].endswith("page=2&page_size=50&year=2026") or "page=2" in body["next"]


def test_activity_text_search_ignores_diacritics(api_clients, group_ncb):
    ActivityFactory(working_group=group_ncb, title="Trao chứng nhận Vườn quốc gia Xuân Thủy")
    ActivityFactory(working_group=group_ncb, title="Hội thảo đa dạng sinh học")

    titles = [
        row["title"]
        for row in api_clients["focal_ncb"]
        .get("/api/v1/activities/", {"q": "xuan thuy"})
        .json()["results"]
    ]

    assert titles == ["Trao chứng nhận Vườn quốc gia Xuân Thủy"]


def test_activity_has_both_languages(api_clients, group_ncb):
    activity = ActivityFactory(
        working_group=group_ncb, title="Tham dự AWGNCB 35", title_en="Attended AWGNCB 35"
    )

    body = api_clients["focal_cc"].get(f"/api/v1/activities/{activity.pk}/").json()

    assert (body["title"], body["title_en"], body["working_group"]) == (
        "Tham dự AWGNCB 35",
        "Attended AWGNCB 35",
        "AWGNCB",
    )


def test_invalid_filters_are_a_400_in_vietnamese(api_clients, group_ncb):
    response = api_clients["secretariat"].get("/api/v1/activities/", {"group": "KHONGCO"})

    assert response.status_code == 400
    assert "group" in response.json()
    assert "Hãy chọn" in response.json()["group"][0] or "hợp lệ" in response.json()["group"][0]


@pytest.mark.parametrize("year", ["0", "10000", "99999999999"])
def test_instruments_year_no_date_can_hold_is_a_400(api_clients, db, year):
    response = api_clients["secretariat"].get("/api/v1/instruments/", {"year": year})

    assert response.status_code == 400
    assert list(response.json()) == ["year"]


def test_tasks_carry_their_status_updates_and_filter_by_status(api_clients, group_ncb, focal_user):
    from working_groups.services import update_task_status

    tasks = TaskFactory.create_batch(30, working_group=group_ncb, year=2026)
    update_task_status(
        task=tasks[0],
        status="in_progress",
        progress=40,
        note="Đã gửi công văn",
        by=focal_user,
        expected_version=1,
    )

    rows, count = _all_pages(
        api_clients["leadership"], "/api/v1/tasks/", {"status": "in_progress", "year": 2026}
    )

    assert count == 1
    assert rows[0]["version"] == 2
    assert [(u["status"], u["progress"], u["note"], u["author"]) for u in rows[0]["updates"]] == [
        ("in_progress", 40, "Đã gửi công văn", "focal-awgncb")
    ]


def test_meetings_carry_checklists_and_filter_like_the_page(api_clients, group_ncb):
    series = MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb)
    hosted = MeetingFactory(series=series, number=36, year=2026, is_hosted=True)
    MeetingFactory(
        series=series,
        number=35,
        year=2025,
        is_hosted=False,
        start_date=datetime.date(2025, 6, 1),
        end_date=None,
    )
    ChecklistItemFactory(meeting=hosted, title="Đặt khách sạn", order=1)
    ChecklistItemFactory(meeting=hosted, title="Gửi thư mời", order=0)

    body = (
        api_clients["focal_cc"].get("/api/v1/meetings/", {"hosted": "hosted", "year": 2026}).json()
    )

    assert [m["short_name"] for m in body["results"]] == ["AWGNCB 36"]
    assert [c["title"] for c in body["results"][0]["checklist"]] == ["Gửi thư mời", "Đặt khách sạn"]


def test_report_lists_its_renders(api_clients, db):
    report = AnnualReport.objects.create(year=2025)
    ReportRender.objects.create(report=report, language="vi", status=ReportRender.Status.FAILED)

    body = api_clients["leadership"].get("/api/v1/reports/2025/").json()

    assert body["year"] == 2025
    assert [(r["language"], r["status"], r["download_url"]) for r in body["renders"]] == [
        ("vi", "failed", None)
    ]


def test_heritage_park_search_ignores_diacritics(api_clients, db):
    HeritagePark.objects.create(
        name="Vườn quốc gia Pù Mát", status="recognised", year_recognised=2025
    )
    HeritagePark.objects.create(
        name="Vườn quốc gia Xuân Thủy", status="recognised", year_recognised=2025
    )

    body = api_clients["secretariat"].get("/api/v1/heritage-parks/", {"q": "pu mat"}).json()

    assert [p["name"] for p in body["results"]] == ["Vườn quốc gia Pù Mát"]


def test_anonymous_gets_401_everywhere(api_clients, group_ncb):
    activity = ActivityFactory(working_group=group_ncb)
    client = api_clients["anonymous"]

    statuses = [
        client.get(url).status_code
        for url in ("/api/v1/activities/", f"/api/v1/activities/{activity.pk}/", "/api/v1/reports/")
    ]

    assert statuses == [401, 401, 401]


def test_a_revoked_or_unknown_token_is_refused(secretariat_user, db):
    from rest_framework.test import APIClient

    from asoen_portal.api.tokens import create_api_token, revoke_api_token

    token, key = create_api_token(user=secretariat_user, name="e-office")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    first = client.get("/api/v1/activities/").status_code
    revoke_api_token(token=token, by=secretariat_user)
    after = client.get("/api/v1/activities/")
    client.credentials(HTTP_AUTHORIZATION="Token " + "x" * 43)
    unknown = client.get("/api/v1/activities/").status_code

    assert (first, after.status_code, unknown) == (200, 401, 401)
    assert after.json()["detail"] == "Mã truy cập không hợp lệ hoặc đã bị thu hồi."


def test_files_download_with_a_token(api_clients, group_ncb):
    from django.core.files.base import ContentFile

    from meetings.models import MeetingDocument

    activity = ActivityFactory(working_group=group_ncb)
    activity.attachments.create(
        file=ContentFile(b"%PDF-1.4 bien ban", name="bien-ban.pdf"),
        original_name="Biên bản.pdf",
        size=17,
    )
    meeting = MeetingFactory(series=MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb))
    MeetingDocument.objects.create(
        meeting=meeting, title="Chương trình", file=ContentFile(b"agenda", name="agenda.pdf")
    )
    report = AnnualReport.objects.create(year=2026)
    ReportRender.objects.create(
        report=report, status="done", file=ContentFile(b"%PDF report", name="r.pdf")
    )
    client = api_clients["focal_cc"]

    urls = [
        client.get(f"/api/v1/activities/{activity.pk}/").json()["attachments"][0]["download_url"],
        client.get(f"/api/v1/meetings/{meeting.pk}/").json()["documents"][0]["download_url"],
        client.get("/api/v1/reports/2026/").json()["renders"][0]["download_url"],
    ]
    bodies = [b"".join(client.get(url).streaming_content) for url in urls]

    assert bodies == [b"%PDF-1.4 bien ban", b"agenda", b"%PDF report"]
    assert api_clients["anonymous"].get(urls[0]).status_code == 401


def test_a_malformed_id_is_a_json_404(api_clients, db):
    responses = [
        api_clients["secretariat"].get(url)
        for url in ("/api/v1/activities/abc/", "/api/v1/tasks/-3/", "/api/v1/meetings/1e3/")
    ]

    assert [(r.status_code, r.json()) for r in responses] == [
        (404, {"detail": "Không tìm thấy."})
    ] * 3


def test_unknown_api_addresses_are_json_404s_and_slashes_are_added(api_clients, db):
    client = api_clients["secretariat"]

    unknown = client.get("/api/v1/khong-co/")
    dotted = client.get("/api/v1/working-groups/A.B/")
    no_slash = client.get("/api/v1/activities")

    assert (unknown.status_code, unknown.json()) == (404, {"detail": "Không tìm thấy."})
    assert (dotted.status_code, dotted.json()) == (404, {"detail": "Không tìm thấy."})
    assert (no_slash.status_code, no_slash.url) == (301, "/api/v1/activities/")
