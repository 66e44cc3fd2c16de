"""The /data/ pages: who may use them, and the upload → preview → confirm path."""

import io

import pytest
from django.urls import reverse

from asoen_portal.models import ImportJob
from tests.exchange.conftest import activity_rows, csv_bytes, upload, xlsx_bytes
from tests.factories import ActivityFactory
from working_groups.models import Activity


def post_file(client, content, name="hoat-dong.xlsx", register="activities"):
    return client.post(
        reverse("exchange:upload"), {"register": register, "file": upload(content, name)}
    )


@pytest.mark.parametrize(
    "client_fixture", ["focal_client", "other_focal_client", "leadership_client"]
)
def test_import_pages_are_forbidden_to_everyone_but_the_secretariat(request, client_fixture):
    client = request.getfixturevalue(client_fixture)

    assert client.get(reverse("exchange:index")).status_code == 403
    assert post_file(client, b"x").status_code == 403
    assert client.get(reverse("exchange:template", args=["activities"])).status_code == 403
    assert ImportJob.objects.count() == 0


def test_anonymous_is_sent_to_login(anonymous_client):
    response = anonymous_client.get(reverse("exchange:index"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_index_lists_every_register(secretariat_client):
    response = secretariat_client.get(reverse("exchange:index"))

    assert response.status_code == 200
    assert [r.slug for r in response.context["registers"]] == [
        "activities",
        "tasks",
        "meetings",
        "focal-persons",
        "heritage-parks",
        "eco-school-awards",
        "esc-awards",
        "instruments",
        "partner-projects",
        "delegates",
    ]


def test_blank_template_has_headers_and_a_guide(secretariat_client):
    from openpyxl import load_workbook

    response = secretariat_client.get(reverse("exchange:template", args=["tasks"]))

    workbook = load_workbook(io.BytesIO(response.content))
    assert [ws.title for ws in workbook.worksheets] == ["Nhiệm vụ", "Hướng dẫn"]
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert rows == [
        (
            "Năm",
            "Chủ đề báo cáo",
            "Mục báo cáo",
            "Tên nhiệm vụ",
            "Tên tiếng Anh",
            "Nội dung",
            "Nhóm chủ trì",
            "Hội nghị liên quan",
            "Hạn hoàn thành",
            "Trạng thái",
            "Tiến độ (%)",
            "Thứ tự trong báo cáo",
        )
    ]


def test_upload_preview_then_confirm_writes_once_with_history(
    secretariat_client, secretariat_user, groups
):
    response = post_file(secretariat_client, xlsx_bytes(activity_rows()))

    job = ImportJob.objects.get()
    assert response["Location"] == reverse("exchange:job", args=[job.pk])
    assert (job.status, job.new_count, job.error_count) == ("previewed", 2, 0)
    assert job.row_results == [
        [2, "new", "Tham dự AWGNCB 35", []],
        [3, "new", "Góp ý Tuyên bố chung COP30", []],
    ]
    assert job.file.name.startswith("imports/")
    assert Activity.objects.count() == 0
    page = secretariat_client.get(response["Location"])
    assert "Xác nhận ghi 2 dòng thay đổi" in page.content.decode()

    secretariat_client.post(reverse("exchange:job-confirm", args=[job.pk]))

    job.refresh_from_db()
    assert (job.status, job.new_count) == ("done", 2)
    assert Activity.objects.count() == 2
    assert {h.history_user for h in Activity.history.all()} == {secretariat_user}
    # A second confirmation of the same job does nothing.
    secretariat_client.post(reverse("exchange:job-confirm", args=[job.pk]))
    assert Activity.objects.count() == 2


def test_preview_with_errors_shows_them_and_cannot_be_confirmed(secretariat_client, groups):
    rows = activity_rows()
    rows[2][3] = "31/02/2025"
    post_file(secretariat_client, xlsx_bytes(rows))
    job = ImportJob.objects.get()

    page = secretariat_client.get(reverse("exchange:job", args=[job.pk])).content.decode()
    secretariat_client.post(reverse("exchange:job-confirm", args=[job.pk]))

    assert job.row_errors == [
        {
            "row": 3,
            "column": "Từ ngày",
            "message": "«31/02/2025» không phải là ngày hợp lệ; hãy nhập theo dạng dd/mm/yyyy "
            "(ví dụ 28/07/2025), mm/yyyy khi chỉ biết tháng (07/2025) hoặc yyyy khi chỉ biết "
            "năm (2025).",
        }
    ]
    assert "«31/02/2025» không phải là ngày hợp lệ" in page
    assert "Xác nhận ghi" not in page
    assert ImportJob.objects.get().status == "previewed"
    assert Activity.objects.count() == 0


def test_bad_file_fails_the_job_with_its_message(secretariat_client, groups):
    post_file(secretariat_client, csv_bytes([["Tiêu đề"]]), name="trong.csv")

    job = ImportJob.objects.get()
    assert (job.status, job.error) == (
        "failed",
        "Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.",
    )


def test_upload_form_refuses_other_file_types(secretariat_client):
    response = post_file(secretariat_client, b"%PDF", name="a.pdf")

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "file": ["Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)."]
    }
    assert ImportJob.objects.count() == 0


def test_job_status_partial_asks_htmx_to_refresh_when_finished(secretariat_client, groups):
    post_file(secretariat_client, xlsx_bytes(activity_rows()))
    job = ImportJob.objects.get()

    response = secretariat_client.get(
        reverse("exchange:job-status", args=[job.pk]), headers={"HX-Request": "true"}
    )

    assert (response.status_code, response["HX-Refresh"]) == (204, "true")


@pytest.mark.parametrize("client_fixture", ["focal_client", "leadership_client"])
def test_any_signed_in_user_exports_csv_with_bom(request, client_fixture, groups):
    ActivityFactory(working_group=groups["AWGNCB"], title="Hội thảo AHP")
    client = request.getfixturevalue(client_fixture)

    response = client.get(reverse("exchange:export", args=["activities"]) + "?format=csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffMã,Nhóm công tác,Loại hoạt động,")
    assert "Hội thảo AHP" in text


def test_export_requires_sign_in(anonymous_client):
    response = anonymous_client.get(reverse("exchange:export", args=["activities"]))

    assert response.status_code == 302


def test_export_buttons_carry_the_list_filters(rf, secretariat_user):
    from django.template.loader import render_to_string

    request = rf.get("/activities/", {"year": "2025", "group": ["AWGNCB", "AWGCC"], "page": "2"})
    request.user = secretariat_user

    html = render_to_string("_export_buttons.html", {"register": "activities"}, request=request)

    assert (
        'href="/data/export/activities/?format=xlsx&amp;year=2025&amp;group=AWGNCB'
        '&amp;group=AWGCC"' in html
    )
    assert "page=2" not in html
