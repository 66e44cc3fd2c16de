"""Crafted input answers 400 or 404, never 500."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/meetings/feeds/user/%00abc.ics",
        "/meetings/feeds/user/abc%00.ics",
        "/meetings/feeds/group/AWG%00NCB.ics?token=abc",
        "/meetings/feeds/group/AWGNCB.ics?token=%00",
    ],
)
def test_nul_bytes_in_feed_tokens_and_group_codes_are_refused(client, group_ncb, url):
    response = client.get(url)
    assert response.status_code in (400, 404)


@pytest.mark.parametrize(
    "url",
    [
        "/activities/?q=%00",
        "/tasks/?q=a%00b",
        "/meetings/?q=%00",
        "/meetings/calendar/?year=2026%00&month=1",
    ],
)
def test_nul_bytes_in_queries_of_signed_in_pages_are_refused(secretariat_client, url):
    response = secretariat_client.get(url)
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "year=9999&month=12",
        "year=1&month=1",
        "year=0&month=1",
        "year=-5&month=3",
        "year=99999999999999999999&month=1",
        "year=2026&month=13",
        "year=2026&month=0",
        "year=abc&month=1",
    ],
)
def test_calendar_refuses_months_outside_its_range(secretariat_client, query):
    assert secretariat_client.get(f"/meetings/calendar/?{query}").status_code == 404


def test_calendar_still_opens_the_next_year_and_its_edges(secretariat_client):
    for query in ("year=2026&month=12", "year=2027&month=1", "year=1990&month=1"):
        assert secretariat_client.get(f"/meetings/calendar/?{query}").status_code == 200, query


def test_nul_byte_in_an_api_query_is_a_json_400(secretariat_client):
    # The API's schema promises JSON for every error, so its 400 is JSON too.
    response = secretariat_client.get("/api/v1/partners/?q=a%00b")

    assert (response.status_code, response["Content-Type"]) == (400, "application/json")
    assert response.json() == {"detail": "Yêu cầu chứa ký tự không hợp lệ."}
