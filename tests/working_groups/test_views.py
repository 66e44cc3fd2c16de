import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.html import strip_tags

from tests.factories import (
    ActivityFactory,
    ChecklistItemFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    TaskFactory,
)
from working_groups import services
from working_groups.models import Activity, StatusUpdate


def _titles(response):
    return [activity.title for activity in response.context["page"].object_list]


def test_search_matches_with_and_without_diacritics(secretariat_client, group_ncb):
    ActivityFactory(working_group=group_ncb, title="Trao chứng nhận Vườn quốc gia Xuân Thủy")
    ActivityFactory(working_group=group_ncb, title="Hội nghị AWGNCB 35")
    for query in ["xuan thuy", "Xuân Thủy", "XUÂN thuy"]:
        response = secretariat_client.get("/activities/", {"q": query})
        assert _titles(response) == ["Trao chứng nhận Vườn quốc gia Xuân Thủy"], query


def test_search_folds_d_with_stroke(secretariat_client, group_ncb):
    ActivityFactory(working_group=group_ncb, title="Khu bảo tồn Đồng Nai")
    response = secretariat_client.get("/activities/", {"q": "dong nai"})
    assert _titles(response) == ["Khu bảo tồn Đồng Nai"]


def test_activity_list_filters_by_year_group_and_kind(secretariat_client, group_ncb, group_cc):
    ActivityFactory(working_group=group_ncb, title="A", start_date=datetime.date(2025, 3, 1))
    ActivityFactory(working_group=group_cc, title="B", start_date=datetime.date(2025, 3, 1))
    ActivityFactory(working_group=group_ncb, title="C", start_date=datetime.date(2024, 3, 1))
    ActivityFactory(
        working_group=group_ncb,
        title="D",
        start_date=datetime.date(2025, 4, 1),
        kind=Activity.Kind.AWARD,
    )
    response = secretariat_client.get(
        "/activities/", {"year": 2025, "group": "AWGNCB", "kind": "meeting_attended"}
    )
    assert _titles(response) == ["A"]


def test_activity_list_paginates_by_25(secretariat_client, group_ncb):
    ActivityFactory.create_batch(26, working_group=group_ncb)
    first = secretariat_client.get("/activities/")
    second = secretariat_client.get("/activities/", {"page": 2})
    assert (len(first.context["page"].object_list), len(second.context["page"].object_list)) == (
        25,
        1,
    )


def test_activity_list_empty_state(secretariat_client):
    response = secretariat_client.get("/activities/")
    assert "Chưa có hoạt động nào được ghi nhận." in response.content.decode()
    filtered = secretariat_client.get("/activities/", {"q": "không có"})
    assert "Không có hoạt động nào khớp với bộ lọc." in filtered.content.decode()


def test_activity_form_shows_attachment_errors_in_vietnamese(secretariat_client, group_ncb):
    response = secretariat_client.post(
        "/activities/new/",
        {
            "start_date": "10/06/2026",
            "date_precision": "day",
            "working_group": group_ncb.pk,
            "kind": "other",
            "title": "Có tệp sai định dạng",
            "report_order": 100,
            "files": [SimpleUploadedFile("script.js", b"alert(1)")],
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["files"] == [
        "Tệp “script.js” có định dạng không được chấp nhận. Chỉ nhận các định dạng: "
        "pdf, doc, docx, xls, xlsx, ppt, pptx, jpg, jpeg, png."
    ]
    assert Activity.objects.count() == 0


def test_activity_created_with_several_files(secretariat_client, group_ncb):
    response = secretariat_client.post(
        "/activities/new/",
        {
            "start_date": "2026-06-10",
            "end_date": "2026-06-12",
            "date_precision": "day",
            "working_group": group_ncb.pk,
            "kind": "meeting_hosted",
            "title": "Hội nghị AWGNCB 36",
            "report_order": 100,
            "files": [
                SimpleUploadedFile("chuong-trinh.pdf", b"%PDF"),
                SimpleUploadedFile("danh-sach.xlsx", b"PK"),
            ],
        },
    )
    activity = Activity.objects.get()
    assert response["Location"] == f"/activities/{activity.pk}/"
    assert sorted(a.original_name for a in activity.attachments.all()) == [
        "chuong-trinh.pdf",
        "danh-sach.xlsx",
    ]


def test_attachment_download_needs_sign_in_and_returns_the_file(
    client, secretariat_user, group_ncb
):
    activity = ActivityFactory(working_group=group_ncb)
    attachment = services.add_attachment(
        activity=activity,
        upload=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4"),
        by=secretariat_user,
    )
    url = f"/activities/{activity.pk}/attachments/{attachment.pk}/"
    assert client.get(url).status_code == 302
    client.force_login(secretariat_user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(url)
    assert b"".join(response.streaming_content) == b"%PDF-1.4"
    assert response["Content-Disposition"] == 'attachment; filename="bien-ban.pdf"'


def test_history_shows_who_changed_what(secretariat_client, secretariat_user, group_ncb, group_cc):
    activity = services.log_activity(
        author=secretariat_user,
        working_group=group_ncb,
        kind="other",
        title="Bản đầu",
        start_date=datetime.date(2025, 5, 1),
    )
    services.update_activity(
        activity=activity, by=secretariat_user, title="Bản sửa", working_group=group_cc
    )
    response = secretariat_client.get(f"/activities/{activity.pk}/history/")
    first = response.context["changes"][0]
    assert first["record"].history_user == secretariat_user
    assert sorted((str(c["label"]), c["old"], c["new"]) for c in first["changes"]) == [
        ("nhóm công tác", "AWGNCB", "AWGCC"),
        ("tiêu đề", "Bản đầu", "Bản sửa"),
    ]
    assert response.context["changes"][-1]["record"].history_type == "+"


def test_task_list_filters_overdue_and_stale(secretariat_client, group_ncb):
    TaskFactory(working_group=group_ncb, title="Quá hạn", due_date=datetime.date(2020, 1, 1))
    TaskFactory(working_group=group_ncb, title="Còn hạn", due_date=datetime.date(2099, 1, 1))
    overdue = secretariat_client.get("/tasks/", {"overdue": "on"})
    assert [task.title for task, _form in overdue.context["rows"]] == ["Quá hạn"]
    # Neither has ever had a status update: both are what the secretariat must chase.
    stale = secretariat_client.get("/tasks/", {"stale": "on"})
    assert sorted(task.title for task, _form in stale.context["rows"]) == ["Còn hạn", "Quá hạn"]


def test_status_change_conflict_tells_the_second_person(focal_client, focal_user, group_ncb):
    task = TaskFactory(working_group=group_ncb)
    # Someone else saves first, from the page both loaded at version 1.
    services.update_task_status(
        task=task, status="in_progress", progress=60, note="", by=focal_user, expected_version=1
    )
    prefix = f"task{task.pk}"
    response = focal_client.post(
        f"/tasks/{task.pk}/status/",
        {
            f"{prefix}-status": "postponed",
            f"{prefix}-progress": 10,
            f"{prefix}-note": "Ý kiến của tôi",
            f"{prefix}-version": 1,
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Người khác vừa cập nhật nhiệm vụ này." in body
    form = response.context["form"]
    assert (form.initial["status"], form.initial["progress"], form.initial["version"]) == (
        "in_progress",
        60,
        2,
    )
    assert form.initial["note"] == "Ý kiến của tôi"
    assert StatusUpdate.objects.count() == 1


def test_status_change_with_htmx_returns_the_panel(focal_client, group_ncb):
    task = TaskFactory(working_group=group_ncb)
    prefix = f"task{task.pk}"
    response = focal_client.post(
        f"/tasks/{task.pk}/status/",
        {f"{prefix}-status": "in_progress", f"{prefix}-progress": 20, f"{prefix}-version": 1},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert body.lstrip().startswith('<div class="task-status"')
    assert "<html" not in body
    assert "Đã cập nhật trạng thái nhiệm vụ." in body
    assert f'name="{prefix}-version" value="2"' in body


def test_status_change_from_the_task_page_updates_its_time_and_history_out_of_band(
    focal_client, focal_user, group_ncb
):
    task = TaskFactory(working_group=group_ncb)
    prefix = f"task{task.pk}"
    response = focal_client.post(
        f"/tasks/{task.pk}/status/?panels=detail",
        {
            f"{prefix}-status": "in_progress",
            f"{prefix}-progress": 40,
            f"{prefix}-note": "Đã gửi dự thảo",
            f"{prefix}-version": 1,
        },
        headers={"HX-Request": "true"},
    )
    body = response.content.decode().lstrip()
    task.refresh_from_db()
    update = task.updates.get()
    saved_at = timezone.localtime(task.last_status_at).strftime("%d/%m/%Y %H:%M")
    written_at = timezone.localtime(update.created_at).strftime("%d/%m/%Y %H:%M")
    assert body.startswith(f'<div class="task-status" id="task-status-{task.pk}">')
    # The form keeps asking for the out-of-band parts on the next save.
    assert f'data-hx-post="/tasks/{task.pk}/status/?panels=detail"' in body
    assert f'<dd id="task-last-status-{task.pk}" data-hx-swap-oob="true">{saved_at}</dd>' in body
    history = body[body.index(f'<div id="task-history-{task.pk}" data-hx-swap-oob="true">') :]
    assert " ".join(strip_tags(history).split()) == (
        f"{written_at} · {focal_user.get_full_name()} Đang thực hiện 40% Đã gửi dự thảo"
    )


def test_status_change_from_a_list_row_sends_no_out_of_band_parts(focal_client, group_ncb):
    task = TaskFactory(working_group=group_ncb)
    prefix = f"task{task.pk}"
    form = focal_client.get(f"/tasks/{task.pk}/status/", headers={"HX-Request": "true"})
    assert f'data-hx-post="/tasks/{task.pk}/status/"' in form.content.decode()
    response = focal_client.post(
        f"/tasks/{task.pk}/status/",
        {f"{prefix}-status": "in_progress", f"{prefix}-progress": 40, f"{prefix}-version": 1},
        headers={"HX-Request": "true"},
    )
    assert "data-hx-swap-oob" not in response.content.decode()


def test_task_detail_shows_the_parts_a_status_change_swaps(focal_client, group_ncb):
    task = TaskFactory(working_group=group_ncb)
    body = focal_client.get(f"/tasks/{task.pk}/").content.decode()
    assert f'<dd id="task-last-status-{task.pk}">chưa cập nhật</dd>' in body
    assert f'<div id="task-history-{task.pk}">' in body
    assert f'data-hx-post="/tasks/{task.pk}/status/?panels=detail"' in body


def test_task_detail_lists_status_history(focal_client, focal_user, group_ncb):
    task = TaskFactory(working_group=group_ncb)
    services.update_task_status(
        task=task,
        status="in_progress",
        progress=20,
        note="Bước 1",
        by=focal_user,
        expected_version=1,
    )
    services.update_task_status(
        task=task, status="done", progress=100, note="Xong", by=focal_user, expected_version=2
    )
    response = focal_client.get(f"/tasks/{task.pk}/")
    assert [(u.status, u.progress, u.note) for u in response.context["updates"]] == [
        ("done", 100, "Xong"),
        ("in_progress", 20, "Bước 1"),
    ]


def test_dashboard_for_focal_point_shows_only_their_groups(focal_client, group_ncb, group_cc):
    TaskFactory(working_group=group_ncb, title="Của tôi", due_date=datetime.date(2020, 1, 1))
    TaskFactory(working_group=group_cc, title="Của nhóm khác", due_date=datetime.date(2020, 1, 1))
    response = focal_client.get("/")
    assert [task.title for task in response.context["tasks_due"]] == ["Của tôi"]
    assert "show_progress" not in response.context


def test_dashboard_for_leadership_shows_progress_and_report(leadership_client, group_ncb):
    from reports.models import AnnualReport

    year = datetime.date.today().year
    TaskFactory(working_group=group_ncb, year=year, status="done", progress=100)
    TaskFactory(working_group=group_ncb, year=year)
    AnnualReport.objects.create(year=year - 1, status=AnnualReport.Status.SUBMITTED)
    response = leadership_client.get("/")
    [row] = response.context["progress_rows"]
    assert (row["code"], row["total"], row["done_percent"]) == ("AWGNCB", 2, 50)
    assert response.context["report"].year == year - 1
    assert "Đã trình" in response.content.decode()


def test_dashboard_lists_hosted_meeting_checklist_items_due(secretariat_client, group_ncb):
    today = datetime.date.today()
    series = MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb)
    meeting = MeetingFactory(
        series=series, number=36, start_date=today + datetime.timedelta(days=20), end_date=None
    )
    ChecklistItemFactory(meeting=meeting, title="Gửi thư mời", deadline=today)
    ChecklistItemFactory(meeting=meeting, title="Đã xong", deadline=today, done=True)
    response = secretariat_client.get("/")
    assert [item.title for item in response.context["checklist_items"]] == ["Gửi thư mời"]
    assert [m.short_name for m in response.context["meetings"]] == ["AWGNCB 36"]


def test_group_page_shows_people_tasks_activities_meetings(
    secretariat_client, focal_user, group_ncb
):
    TaskFactory(working_group=group_ncb, title="Nhiệm vụ của nhóm")
    ActivityFactory(working_group=group_ncb, title="Hoạt động của nhóm")
    series = MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb)
    MeetingFactory(series=series, number=35, year=2025)
    response = secretariat_client.get("/working-groups/AWGNCB/")
    assert [t.title for t in response.context["tasks"]] == ["Nhiệm vụ của nhóm"]
    assert [a.title for a in response.context["activities"]] == ["Hoạt động của nhóm"]
    assert [m.short_name for m in response.context["meetings"]] == ["AWGNCB 35"]
    assert [p.user for p in response.context["group"].active_people] == [focal_user]
    assert 'href="/activities/?group=AWGNCB"' in response.content.decode()


def test_unknown_group_is_404_in_vietnamese(secretariat_client):
    response = secretariat_client.get("/working-groups/NOPE/")
    assert response.status_code == 404


@pytest.mark.parametrize("language", ["en", "vi"])
def test_language_switch_sets_cookie_and_html_lang(secretariat_client, language):
    response = secretariat_client.post("/i18n/setlang/", {"language": language, "next": "/tasks/"})
    assert response.status_code == 302
    assert response["Location"] == "/tasks/"
    assert response.cookies["django_language"].value == language
    page = secretariat_client.get("/tasks/")
    assert f'<html lang="{language}">' in page.content.decode()


def test_login_page_and_lockout_message(client, secretariat_user):
    assert "Đăng nhập" in client.get("/accounts/login/").content.decode()
    for _attempt in range(4):
        response = client.post("/accounts/login/", {"username": "secretariat", "password": "x"})
        assert response.status_code == 200
    response = client.post("/accounts/login/", {"username": "secretariat", "password": "x"})
    assert response.status_code == 429
    assert "Đăng nhập từ máy này tạm thời bị chặn vì mật khẩu bị nhập sai 5 lần liên tiếp." in (
        response.content.decode()
    )
    assert "Vui lòng thử lại sau 15 phút" in response.content.decode()
    # Even the right password is refused while the account is locked.
    locked = client.post(
        "/accounts/login/", {"username": "secretariat", "password": "asoen-test-pass"}
    )
    assert locked.status_code == 429


def test_sign_in_and_out(client, secretariat_user):
    response = client.post(
        "/accounts/login/", {"username": "secretariat", "password": "asoen-test-pass"}
    )
    assert response["Location"] == "/"
    assert "Văn phòng ASOEN" in client.get("/").content.decode()
    out = client.post("/accounts/logout/")
    assert out["Location"] == "/accounts/login/"


def test_error_page_500_renders_without_a_request():
    from django.template import loader

    html = loader.get_template("500.html").render()
    assert "Lỗi hệ thống" in html
    assert "/static/css/portal.css" in html


def test_dashboard_shows_the_latest_reports_newest_render(leadership_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports.models import AnnualReport, ReportRender

    year = datetime.date.today().year
    older = AnnualReport.objects.create(year=year - 2)
    ReportRender.objects.create(report=older, language="vi", status=ReportRender.Status.DONE)
    latest = AnnualReport.objects.create(year=year - 1)
    ReportRender.objects.create(report=latest, language="vi", status=ReportRender.Status.DONE)
    ReportRender.objects.create(report=latest, language="en", status=ReportRender.Status.FAILED)
    with CaptureQueriesContext(connection) as with_renders:
        response = leadership_client.get("/")
    # The newest render comes with the report, in the query that looks for the report (the
    # readiness count makes queries of its own, none of them about renders).
    render_queries = [q["sql"] for q in with_renders if "reports_reportrender" in q["sql"]]
    assert len(render_queries) == 1
    assert "reports_annualreport" in render_queries[0]
    assert response.context["report"] == latest
    render = response.context["report_render"]
    assert (render.pk, render.status) == (latest.renders.order_by("-id")[0].pk, "failed")
    assert render.get_status_display() in response.content.decode()


def test_dashboard_report_panel_without_renders(leadership_client):
    from reports.models import AnnualReport

    AnnualReport.objects.create(year=datetime.date.today().year)
    response = leadership_client.get("/")
    assert response.context["report_render"] is None
