import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import ChecklistItemFactory


def test_document_upload_and_download(focal_client, ncb_meeting):
    response = focal_client.post(
        reverse("meetings:document_upload", args=[ncb_meeting.pk]),
        {"title": "Báo cáo hội nghị", "file": SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 ok")},
    )
    assert response.status_code == 302
    document = ncb_meeting.documents.get()
    response = focal_client.get(
        reverse("meetings:document_download", args=[ncb_meeting.pk, document.pk])
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 ok"
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao.pdf"'


def test_document_upload_rejects_wrong_type(secretariat_client, ncb_meeting):
    response = secretariat_client.post(
        reverse("meetings:document_upload", args=[ncb_meeting.pk]),
        {"title": "", "file": SimpleUploadedFile("script.sh", b"rm -rf /")},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "Tệp “script.sh” có định dạng không được chấp nhận. Chỉ nhận các định dạng: "
        "pdf, doc, docx, xls, xlsx, ppt, pptx, jpg, jpeg, png."
    ]
    assert ncb_meeting.documents.count() == 0


def test_document_download_requires_login(anonymous_client, ncb_meeting):
    url = reverse("meetings:document_download", args=[ncb_meeting.pk, 1])
    assert anonymous_client.get(url).status_code == 302


def test_document_of_other_meeting_is_404(secretariat_client, ncb_meeting, cc_meeting):
    secretariat_client.post(
        reverse("meetings:document_upload", args=[ncb_meeting.pk]),
        {"title": "A", "file": SimpleUploadedFile("a.pdf", b"%PDF")},
    )
    document = ncb_meeting.documents.get()
    url = reverse("meetings:document_download", args=[cc_meeting.pk, document.pk])
    assert secretariat_client.get(url).status_code == 404


def test_checklist_toggle_htmx_returns_row(focal_client, ncb_item):
    response = focal_client.post(
        reverse("meetings:checklist_toggle", args=[ncb_item.pk]),
        {"done": "1"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<li class="checklist__item checklist__item--done"')
    assert 'name="done" value="0"' in html
    ncb_item.refresh_from_db()
    assert ncb_item.done is True


def test_checklist_toggle_htmx_updates_the_counter_out_of_band(focal_client, ncb_item):
    ChecklistItemFactory(meeting=ncb_item.meeting, title="In tài liệu", done=True)
    response = focal_client.post(
        reverse("meetings:checklist_toggle", args=[ncb_item.pk]),
        {"done": "1"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert html.rstrip().endswith(
        '<span class="badge badge--muted" id="checklist-counter" data-hx-swap-oob="true">'
        "Đã xong 2/2 việc</span>"
    )


def test_checklist_untick_htmx_keeps_the_overdue_badge(focal_client, ncb_item):
    ncb_item.deadline = datetime.date(2020, 1, 1)
    ncb_item.done = True
    ncb_item.save()
    response = focal_client.post(
        reverse("meetings:checklist_toggle", args=[ncb_item.pk]),
        {"done": "0"},
        HTTP_HX_REQUEST="true",
    )
    assert '<span class="badge badge--danger">Quá hạn</span>' in response.content.decode()


def test_checklist_add_with_owner(secretariat_client, focal_user, ncb_meeting):
    response = secretariat_client.post(
        reverse("meetings:checklist_add", args=[ncb_meeting.pk]),
        {
            "title": "Gửi thư mời",
            "owner": focal_user.pk,
            "owner_name": "Cục Bảo tồn thiên nhiên",
            "deadline": "2026-05-15",
            "order": 2,
        },
    )
    assert response.status_code == 302
    item = ncb_meeting.checklist.get()
    assert (item.title, item.owner, str(item.deadline)) == ("Gửi thư mời", focal_user, "2026-05-15")


def test_checklist_add_duplicate_title_is_form_error(secretariat_client, ncb_item):
    response = secretariat_client.post(
        reverse("meetings:checklist_add", args=[ncb_item.meeting_id]),
        {"title": "Đặt phòng họp", "order": 0},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Việc chuẩn bị với thông tin Hội nghị và Công việc đã tồn tại"
    ]


def test_checklist_add_on_attended_meeting_is_404(secretariat_client, cc_meeting):
    url = reverse("meetings:checklist_add", args=[cc_meeting.pk])
    assert secretariat_client.get(url).status_code == 404


def test_detail_counts_done_items(secretariat_client, ncb_item):
    ncb_item.done = True
    ncb_item.save()
    html = secretariat_client.get(
        reverse("meetings:detail", args=[ncb_item.meeting_id])
    ).content.decode()
    assert "Đã xong 1/1 việc" in html
