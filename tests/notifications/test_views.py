"""The bell (unread count, fetched by HTMX), the list, marking read; nobody sees others'."""

import pytest
from django.urls import reverse

from notifications.models import Kind, Notice

pytestmark = pytest.mark.django_db


def _notice(user, n=0, url=""):
    return Notice.objects.create(
        recipient=user, kind=Kind.TASK_CHANGED, message=f"Thông báo số {n}", url=url
    )


def test_bell_counts_only_my_unread_notices(focal_client, focal_user, other_focal_user):
    for n in range(3):
        _notice(focal_user, n)
    _notice(other_focal_user)
    Notice.objects.filter(message="Thông báo số 0").update(read_at="2026-07-01T00:00Z")

    response = focal_client.get(reverse("notifications:bell"))

    assert response.status_code == 200
    assert b'<span class="badge badge--danger" aria-label="2 th' in response.content


def test_page_header_loads_the_bell_without_a_query(focal_client):
    response = focal_client.get(reverse("working_groups:task_list"))

    assert f'data-hx-get="{reverse("notifications:bell")}"'.encode() in response.content


def test_list_shows_mine_and_marking_one_read_goes_to_its_page(
    focal_client, focal_user, other_focal_user
):
    mine = [_notice(focal_user, n, url="/tasks/") for n in range(40)]
    _notice(other_focal_user, 99)

    page = focal_client.get(reverse("notifications:list"))
    response = focal_client.post(
        reverse("notifications:mark_read"), {"id": mine[0].pk, "next": "/tasks/"}
    )

    assert page.content.count(b"notice--unread") == 30
    assert b"Th\xc3\xb4ng b\xc3\xa1o s\xe1\xbb\x91 99" not in page.content
    assert (response.status_code, response.url) == (302, "/tasks/")
    assert Notice.objects.filter(read_at__isnull=False).count() == 1


def test_mark_all_read_touches_only_mine_and_refuses_foreign_redirects(
    focal_client, focal_user, other_focal_user
):
    _notice(focal_user)
    theirs = _notice(other_focal_user)

    response = focal_client.post(
        reverse("notifications:mark_read"),
        {"id": theirs.pk, "next": "https://evil.example/"},
    )
    focal_client.post(reverse("notifications:mark_read"))

    assert response.url == reverse("notifications:list")
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert not Notice.objects.filter(recipient=focal_user, read_at__isnull=True).exists()
