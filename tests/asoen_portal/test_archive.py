"""Archive ("delete that can be undone") and restore, for every archivable kind of record:
gone from the list pages, exports, the API, the dashboard and report facts; kept in history;
back as it was after a restore; allowed only to the record's editors."""

import datetime
import json

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from asoen_portal.archiving import archive_record, kind_of, restore_record
from cooperation.models import AseanDocument
from heritage_parks.models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark
from meetings.models import Delegate, Meeting, MeetingDocument
from reports.facts import gather_facts
from tests.factories import (
    ActivityFactory,
    ChecklistItemFactory,
    LegalInstrumentFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    PartnerFactory,
    PartnerProjectFactory,
    TaskFactory,
)
from working_groups.models import Attachment

MARK = "Bản ghi cần lưu trữ Ưvx"


def _held_meeting(group, **fields):
    series = MeetingSeriesFactory(working_group=group)
    fields = {"year": 2025, "start_date": datetime.date(2025, 6, 15), "is_hosted": False} | fields
    fields.setdefault("end_date", fields["start_date"])
    return MeetingFactory(series=series, status=Meeting.Status.HELD, **fields)


def _with_file(model, **fields):
    row = model(**fields)
    row.file.save("bien-ban.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    row.save()
    return row


# kind → (build(group) → record, pages where MARK shows: list pages, exports, API, a detail
# page for a file or an item of a meeting); "facts" marks the kinds the 2025 report tells.
def _activity(group):
    return ActivityFactory(working_group=group, title=MARK, theme="voice", report_order=1)


def _task(group):
    return TaskFactory(working_group=group, title=MARK, year=2025, status="done")


def _meeting(group):
    return _held_meeting(group, title=MARK)


def _attachment(group):
    activity = ActivityFactory(working_group=group)
    return _with_file(Attachment, activity=activity, original_name=MARK, size=12)


def _meeting_document(group):
    return _with_file(MeetingDocument, meeting=_held_meeting(group), title=MARK)


def _checklist_item(group):
    return ChecklistItemFactory(meeting=_held_meeting(group, is_hosted=True), title=MARK)


def _delegate(group):
    return Delegate.objects.create(meeting=_held_meeting(group), full_name=MARK)


def _instrument(group):
    return LegalInstrumentFactory(title=MARK, issued_on=datetime.date(2025, 9, 12))


def _asean_document(group):
    return AseanDocument.objects.create(
        code="ARCH-1", kind="declaration", title=MARK, year=2025, status="adopted"
    )


def _partner(group):
    return PartnerFactory(name=MARK)


def _project(group):
    return PartnerProjectFactory(title=MARK)


def _park(group):
    return HeritagePark.objects.create(name=MARK, status="recognised", year_recognised=2025)


def _eco_school(group):
    return EcoSchoolAward.objects.create(year=2025, theme="Trường học xanh", school=MARK)


def _esc_award(group):
    round_ = EscAwardRound.objects.create(kind="award", edition=9, year=2025)
    return EscAward.objects.create(round=round_, city=MARK)


def _meeting_detail(record):
    return [reverse("meetings:detail", args=[record.meeting_id])]


KINDS = {
    "activity": (
        _activity,
        lambda r: [
            "/activities/",
            "/data/export/activities/?format=csv",
            "/api/v1/activities/",
            f"/working-groups/{r.working_group.code}/",
        ],
    ),
    "task": (
        _task,
        lambda r: ["/tasks/?year=2025", "/data/export/tasks/?format=csv", "/api/v1/tasks/"],
    ),
    "meeting": (
        _meeting,
        lambda r: ["/meetings/", "/data/export/meetings/?format=csv", "/api/v1/meetings/"],
    ),
    "attachment": (
        _attachment,
        lambda r: [reverse("working_groups:activity_detail", args=[r.activity_id])],
    ),
    "meeting-document": (_meeting_document, lambda r: [*_meeting_detail(r), "/api/v1/meetings/"]),
    "checklist-item": (
        _checklist_item,
        lambda r: [*_meeting_detail(r), "/api/v1/checklist-items/", "/api/v1/meetings/"],
    ),
    "delegate": (_delegate, _meeting_detail),
    "instrument": (
        _instrument,
        lambda r: ["/instruments/", "/data/export/instruments/?format=csv", "/api/v1/instruments/"],
    ),
    "asean-document": (_asean_document, lambda r: ["/documents/", "/api/v1/asean-documents/"]),
    "partner": (_partner, lambda r: ["/partners/", "/api/v1/partners/"]),
    "project": (_project, lambda r: ["/projects/", "/api/v1/projects/"]),
    "heritage-park": (
        _park,
        lambda r: [
            "/heritage-parks/",
            "/data/export/heritage-parks/?format=csv",
            "/api/v1/heritage-parks/",
        ],
    ),
    "eco-school-award": (
        _eco_school,
        lambda r: [
            "/heritage-parks/eco-schools/",
            "/data/export/eco-school-awards/?format=csv",
            "/api/v1/eco-school-awards/",
        ],
    ),
    "esc-award": (
        _esc_award,
        lambda r: [
            "/heritage-parks/esc/",
            "/data/export/esc-awards/?format=csv",
            "/api/v1/esc-award-rounds/",
        ],
    ),
}
# The kinds the 2025 report's facts tell by their title or name.
IN_FACTS = {
    "activity",
    "task",
    "project",
    "meeting",
    "instrument",
    "asean-document",
    "heritage-park",
    "eco-school-award",
    "esc-award",
}


def _shown(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8").count(MARK)


def _facts_mention(year=2025):
    return MARK in json.dumps(gather_facts(year).results, ensure_ascii=False, default=str)


def _archive_url(record):
    return reverse("archive:archive", args=[kind_of(record), record.pk])


def _restore_url(record):
    return reverse("archive:restore", args=[kind_of(record), record.pk])


@pytest.mark.parametrize("kind", list(KINDS))
def test_archive_hides_everywhere_and_restore_brings_back(kind, group_ncb, secretariat_client):
    build, pages = KINDS[kind]
    record = build(group_ncb)
    urls = pages(record)
    before = {url: _shown(secretariat_client, url) for url in urls}
    assert all(before.values()), before
    assert _facts_mention() is (kind in IN_FACTS)

    confirm = secretariat_client.get(_archive_url(record) + "?next=/")
    assert confirm.status_code == 200
    assert "Lưu trữ" in confirm.content.decode()
    response = secretariat_client.post(_archive_url(record), {"next": "/"}, follow=True)

    assert response.redirect_chain == [("/", 302)]
    page = response.content.decode()
    assert f"Đã lưu trữ «{record}»." in page
    assert _restore_url(record) in page  # the message's Undo button
    assert {url: _shown(secretariat_client, url) for url in urls} == dict.fromkeys(urls, 0)
    assert _facts_mention() is False
    model = type(record)
    assert not model.objects.filter(pk=record.pk).exists()
    stored = model.objects_with_archived.get(pk=record.pk)
    assert stored.archived_by.username == "secretariat"
    last = stored.history.order_by("-history_id").first()
    assert (last.history_user.username, last.archived_at) == ("secretariat", stored.archived_at)

    archived_page = secretariat_client.get(reverse("archive:archived") + f"?kind={kind_of(model)}")
    assert archived_page.content.decode().count(f'action="{_restore_url(record)}"') == 1

    restored = secretariat_client.post(_restore_url(record), {"next": "/"}, follow=True)

    assert restored.redirect_chain == [("/", 302)]
    assert f"Đã khôi phục «{record}»." in restored.content.decode()
    assert {url: _shown(secretariat_client, url) for url in urls} == before
    assert _facts_mention() is (kind in IN_FACTS)
    again = model.objects.get(pk=record.pk)
    assert (again.archived_at, again.archived_by) == (None, None)
    assert stored.history.count() == 3  # created, archived, restored


def test_removed_attachment_keeps_its_file_and_download_is_gone(group_ncb, secretariat_client):
    attachment = _attachment(group_ncb)
    url = reverse(
        "working_groups:attachment_download", args=[attachment.activity_id, attachment.pk]
    )
    assert secretariat_client.get(url).status_code == 200

    secretariat_client.post(_archive_url(attachment))

    assert secretariat_client.get(url).status_code == 404
    assert attachment.file.storage.exists(attachment.file.name)
    secretariat_client.post(_restore_url(attachment))
    assert secretariat_client.get(url).status_code == 200


def test_a_meetings_items_leave_with_it(group_ncb, secretariat_user):
    item = _checklist_item(group_ncb)
    document = _with_file(MeetingDocument, meeting=item.meeting, title="Chương trình")

    archive_record(record=item.meeting, by=secretariat_user)

    assert (ChecklistItemFactory._meta.model.objects.count(), MeetingDocument.objects.count()) == (
        0,
        0,
    )
    restore_record(record=item.meeting, by=secretariat_user)
    assert set(item.meeting.documents.all()) == {document}
    assert list(item.meeting.checklist.all()) == [item]


# --- permissions -----------------------------------------------------------------------

GROUP_KINDS = ["activity", "task", "meeting", "attachment", "meeting-document", "delegate"]
REGISTER_KINDS = ["instrument", "asean-document", "partner", "project", "heritage-park"]


@pytest.mark.parametrize("kind", GROUP_KINDS)
def test_focal_point_archives_and_restores_own_groups_records(kind, group_ncb, focal_client):
    record = KINDS[kind][0](group_ncb)
    model = type(record)

    assert focal_client.post(_archive_url(record)).status_code == 302
    assert model.objects_with_archived.get(pk=record.pk).archived_at is not None
    assert focal_client.post(_restore_url(record)).status_code == 302
    assert model.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("kind", GROUP_KINDS + REGISTER_KINDS + ["checklist-item"])
@pytest.mark.parametrize("role", ["other_focal_client", "leadership_client"])
def test_others_may_neither_archive_nor_restore(kind, role, request, group_ncb, secretariat_user):
    client = request.getfixturevalue(role)
    record = KINDS[kind][0](group_ncb)
    model = type(record)
    history = record.history.count()

    assert client.get(_archive_url(record)).status_code == 403
    assert client.post(_archive_url(record)).status_code == 403
    assert model.objects.filter(pk=record.pk).exists()
    archive_record(record=record, by=secretariat_user)
    assert client.post(_restore_url(record)).status_code == 403
    assert model.objects_with_archived.get(pk=record.pk).archived_at is not None
    assert record.history.count() == history + 1


@pytest.mark.parametrize("kind", REGISTER_KINDS)
def test_focal_points_do_not_archive_registers(kind, group_ncb, focal_client):
    record = KINDS[kind][0](group_ncb)

    assert focal_client.post(_archive_url(record)).status_code == 403
    assert type(record).objects.filter(pk=record.pk).exists()


def test_services_check_access_themselves(group_ncb, other_focal_user, leadership_user):
    from django.core.exceptions import PermissionDenied

    activity = _activity(group_ncb)
    for user in (other_focal_user, leadership_user):
        with pytest.raises(PermissionDenied):
            archive_record(record=activity, by=user)
    assert activity.history.count() == 1


def test_checklist_owner_ticks_but_does_not_archive(group_ncb, other_focal_user):
    item = ChecklistItemFactory(
        meeting=_held_meeting(group_ncb, is_hosted=True), owner=other_focal_user
    )
    client = Client()
    client.force_login(other_focal_user)

    assert client.post(_archive_url(item)).status_code == 403


def test_unknown_kind_and_missing_row_are_404(secretariat_client):
    assert secretariat_client.get("/archived/auth.user/1/archive/").status_code == 404
    assert (
        secretariat_client.get("/archived/working_groups.activity/999999/archive/").status_code
        == 404
    )
    assert secretariat_client.get("/archived/?kind=auth.user").status_code == 404


def test_archived_page_lists_only_what_the_user_may_restore(
    group_ncb, group_cc, secretariat_user, leadership_user, focal_client
):
    own = ActivityFactory(working_group=group_ncb, title="Hoạt động NCB đã lưu trữ")
    other = ActivityFactory(working_group=group_cc, title="Hoạt động CC đã lưu trữ")
    park = _park(group_ncb)
    for record in (own, other, park):
        archive_record(record=record, by=secretariat_user)

    page = focal_client.get("/archived/").content.decode()

    assert (own.title in page, other.title in page, MARK in page) == (True, False, False)
    leadership = Client()
    leadership.force_login(leadership_user)
    assert leadership.get("/archived/").status_code == 403


# --- the approved report keeps its text ---------------------------------------------------


def test_approved_report_text_unchanged_by_archiving(group_ncb, secretariat_user, leadership_user):
    from reports.editions import build_document
    from reports.models import AnnualReport
    from reports.services import approve_report, submit_report

    activity = _activity(group_ncb)
    report = AnnualReport.objects.create(year=2025)
    submit_report(report=report, by=secretariat_user)
    report = approve_report(report=report, by=leadership_user)
    before = {lang: build_document(report, lang).text() for lang in ("vi", "en")}
    assert MARK in before["vi"]

    archive_record(record=activity, by=secretariat_user)
    report.refresh_from_db()

    assert {lang: build_document(report, lang).text() for lang in ("vi", "en")} == before
    draft = AnnualReport.objects.create(year=2026)
    assert MARK not in build_document(draft, "vi").text()


# --- counts that join through a relation --------------------------------------------------


def test_register_counts_leave_archived_rows_out(group_ncb, secretariat_user, secretariat_client):
    instrument = LegalInstrumentFactory()
    cited = ActivityFactory(working_group=group_ncb)
    cited.instruments.add(instrument)
    partner = PartnerFactory()
    project = PartnerProjectFactory(channel=partner)
    project.donors.add(partner)

    archive_record(record=cited, by=secretariat_user)
    archive_record(record=project, by=secretariat_user)

    instruments = secretariat_client.get("/instruments/").context["rows"]
    partners = secretariat_client.get("/partners/").context["rows"]
    assert [row.activity_count for row in instruments] == [0]
    assert [(row.funded_count, row.channelled_count) for row in partners] == [(0, 0)]


# --- feeds, reminders, the dashboard ------------------------------------------------------


def test_calendar_feed_reminders_and_dashboard_forget_archived(
    monkeypatch, group_ncb, secretariat_user, secretariat_client
):
    from asoen_portal.dashboard import task_progress_by_group
    from notifications.reminders import checklist_reminders

    monkeypatch.setattr("meetings.feeds.timezone.localdate", lambda: datetime.date(2026, 3, 1))
    meeting = _held_meeting(
        group_ncb, title=MARK, year=2026, start_date=datetime.date(2026, 6, 15), is_hosted=True
    )
    ChecklistItemFactory(meeting=meeting, deadline=datetime.date(2026, 6, 1))
    task = TaskFactory(working_group=group_ncb, year=2026)
    feed = f"/meetings/feeds/group/{group_ncb.code}.ics"
    on = datetime.date(2026, 5, 30)

    def state():
        progress = {row["code"]: row["total"] for row in task_progress_by_group(2026)}
        return (_shown(secretariat_client, feed), len(list(checklist_reminders(on))), progress)

    assert state() == (1, 1, {group_ncb.code: 1})
    archive_record(record=meeting, by=secretariat_user)
    archive_record(record=task, by=secretariat_user)
    assert state() == (0, 0, {})
    restore_record(record=meeting, by=secretariat_user)
    restore_record(record=task, by=secretariat_user)
    assert state() == (1, 1, {group_ncb.code: 1})


def test_a_new_record_repeating_an_archived_ones_code_is_refused_with_a_message(
    secretariat_user, secretariat_client
):
    partner = PartnerFactory(code="GIZ", name="GIZ")
    archive_record(record=partner, by=secretariat_user)
    response = secretariat_client.post(
        reverse("cooperation:partner_create"),
        {"code": "GIZ", "name": "GIZ mới", "name_en": "", "kind": partner.kind},
    )
    assert response.status_code == 200  # the form again, not a 500 from the database
    assert "Đã có bản ghi «" in response.content.decode()
    assert "đang được lưu trữ; hãy khôi phục bản ghi đó ở trang Lưu trữ" in (
        response.content.decode()
    )
    assert type(partner).objects_with_archived.filter(code="GIZ").count() == 1


def test_an_active_record_repeating_an_archived_ones_values_is_caught_by_full_clean(
    group_ncb, secretariat_user
):
    from django.core.exceptions import ValidationError

    archived = TaskFactory(working_group=group_ncb, title="Trùng tên", year=2026)
    archive_record(record=archived, by=secretariat_user)
    twin = TaskFactory.build(working_group=group_ncb, title="Trùng tên", year=2026)
    with pytest.raises(ValidationError) as caught:
        twin.validate_unique()
    assert "đang được lưu trữ" in str(caught.value)
    other_year = TaskFactory.build(working_group=group_ncb, title="Trùng tên", year=2027)
    other_year.validate_unique()  # another year is another task
