import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.services import (
    add_checklist_item,
    add_meeting_document,
    get_feed_token,
    rotate_feed_token,
    schedule_meeting,
    set_checklist_item_done,
    update_meeting,
)


def test_schedule_meeting_derives_month_from_dates(focal_user, ncb_meeting):
    meeting = schedule_meeting(
        by=focal_user,
        series=ncb_meeting.series,
        number=37,
        title="AWGNCB 37",
        year=2000,
        start_date=datetime.date(2027, 5, 30),
        end_date=datetime.date(2027, 6, 2),
    )
    assert (meeting.year, meeting.month, meeting.end_month) == (2027, 5, 6)


def test_schedule_meeting_refuses_other_group(other_focal_user, ncb_meeting):
    with pytest.raises(PermissionDenied):
        schedule_meeting(by=other_focal_user, series=ncb_meeting.series, title="X", year=2027)


def test_update_meeting_refuses_move_to_foreign_series(focal_user, ncb_meeting, cc_meeting):
    with pytest.raises(PermissionDenied):
        update_meeting(meeting=ncb_meeting, by=focal_user, series=cc_meeting.series)


def test_add_checklist_item_only_on_hosted(secretariat_user, cc_meeting):
    with pytest.raises(ValidationError) as error:
        add_checklist_item(meeting=cc_meeting, title="Visa", by=secretariat_user)
    assert error.value.messages == ["Chỉ hội nghị do Việt Nam chủ trì mới có danh mục chuẩn bị."]


def test_set_checklist_item_done_records_time_and_clears_it(focal_user, ncb_item):
    set_checklist_item_done(item=ncb_item, done=True, by=focal_user)
    ncb_item.refresh_from_db()
    assert ncb_item.done is True
    assert ncb_item.done_at is not None
    set_checklist_item_done(item=ncb_item, done=False, by=focal_user)
    ncb_item.refresh_from_db()
    assert (ncb_item.done, ncb_item.done_at) == (False, None)


def test_set_checklist_item_done_refuses_leadership(leadership_user, ncb_item):
    with pytest.raises(PermissionDenied):
        set_checklist_item_done(item=ncb_item, done=True, by=leadership_user)


@pytest.mark.parametrize(
    ("name", "size", "message"),
    [
        (
            "virus.exe",
            10,
            "Tệp “virus.exe” có định dạng không được chấp nhận. Chỉ nhận các định dạng: "
            "pdf, doc, docx, xls, xlsx, ppt, pptx, jpg, jpeg, png.",
        ),
        ("big.pdf", 2049, "Tệp “big.pdf” quá lớn (2,0\xa0KB); dung lượng tối đa là 2,0\xa0KB."),
    ],
)
def test_add_meeting_document_checks_type_and_size(
    settings, secretariat_user, ncb_meeting, name, size, message
):
    settings.ATTACHMENT_MAX_BYTES = 2048
    upload = SimpleUploadedFile(name, b"x" * size)
    with pytest.raises(ValidationError) as error:
        add_meeting_document(meeting=ncb_meeting, title="", file=upload, by=secretariat_user)
    assert error.value.messages == [message]
    assert ncb_meeting.documents.count() == 0


def test_add_meeting_document_defaults_title_to_file_name(secretariat_user, ncb_meeting):
    upload = SimpleUploadedFile("Bien ban.docx", b"PK")
    document = add_meeting_document(meeting=ncb_meeting, title="", file=upload, by=secretariat_user)
    assert (document.title, document.uploaded_by) == ("Bien ban.docx", secretariat_user)


def test_rotate_feed_token_replaces_token(focal_user):
    old = get_feed_token(user=focal_user).token
    assert get_feed_token(user=focal_user).token == old
    new = rotate_feed_token(user=focal_user).token
    assert new != old
    assert len(new) == 43
