import pytest

from tests.factories import ActivityFactory, TaskFactory


@pytest.mark.parametrize(
    "url", ["/", "/activities/", "/activities/new/", "/tasks/", "/tasks/new/", "/working-groups/"]
)
def test_pages_render_for_secretariat(secretariat_client, group_ncb, url):
    ActivityFactory(working_group=group_ncb, title="Lễ trao chứng nhận Vườn Quốc gia Xuân Thủy")
    TaskFactory(working_group=group_ncb)
    response = secretariat_client.get(url)
    assert response.status_code == 200


def test_detail_pages_render(secretariat_client, group_ncb):
    activity = ActivityFactory(working_group=group_ncb)
    task = TaskFactory(working_group=group_ncb)
    for url in [
        f"/activities/{activity.pk}/",
        f"/activities/{activity.pk}/edit/",
        f"/activities/{activity.pk}/history/",
        f"/tasks/{task.pk}/",
        f"/tasks/{task.pk}/status/",
        f"/tasks/{task.pk}/edit/",
        "/working-groups/AWGNCB/",
    ]:
        assert secretariat_client.get(url).status_code == 200, url
