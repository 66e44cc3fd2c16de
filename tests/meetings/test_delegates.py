"""Delegations: a list imported from .xlsx shows on the meeting page, the group page and in
the export; a bad row refuses the whole file; editors keep the list, others cannot."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from asoen_portal.models import ImportJob
from cooperation.models import PartnerProject
from meetings.delegations import add_delegate, delegation_summary
from meetings.models import Delegate, Meeting
from tests.exchange.conftest import upload, xlsx_bytes
from working_groups.models import FocalPerson, WorkingGroup

pytestmark = pytest.mark.django_db
HEADERS = [
    "Hội nghị",
    "Họ và tên",
    "Đơn vị",
    "Vai trò trong đoàn",
    "Nguồn kinh phí",
    "Dự án tài trợ",
]


@pytest.fixture
def seeded(db):
    call_command("load_seed", verbosity=0)


def _rows(project_code):
    rows = [HEADERS]
    rows.append(
        [
            "AWGNCB 36",
            "Nguyễn Thị Lan",
            "Cục Bảo tồn thiên nhiên",
            "Trưởng đoàn",
            "Ngân sách nhà nước",
            "",
        ]
    )
    rows.append(
        [
            "AWGNCB 36",
            "Trần Văn Hùng",
            "Vườn quốc gia Xuân Thủy",
            "Thành viên",
            "Dự án đối tác",
            project_code,
        ]
    )
    for n in range(3, 41):
        rows.append(
            [
                "AWGNCB 36",
                f"Đại biểu số {n}",
                "Sở Nông nghiệp và Môi trường Ninh Bình",
                "",
                "Tự túc",
                "",
            ]
        )
    rows.append(
        [
            "ASOEN 36",
            "Lê Công Thành",
            "Bộ Nông nghiệp và Môi trường",
            "Trưởng đoàn",
            "Ban Thư ký ASEAN",
            "",
        ]
    )
    return rows


def test_delegation_list_from_xlsx_shows_on_meeting_page_and_in_export(seeded, secretariat_client):
    project = PartnerProject.objects.order_by("code").first()
    secretariat_client.post(
        reverse("exchange:upload"),
        {"register": "delegates", "file": upload(xlsx_bytes(_rows(project.code)), "doan.xlsx")},
    )
    job = ImportJob.objects.get()
    assert (job.status, job.new_count, job.error_count) == ("previewed", 41, 0), job.row_errors
    secretariat_client.post(reverse("exchange:job-confirm", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == "done"

    meeting = Meeting.objects.get(series__code="AWGNCB", number=36)
    page = secretariat_client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Nguyễn Thị Lan" in page and "Trưởng đoàn" in page
    assert f"Dự án đối tác ({project.code})" in page
    assert "40 đại biểu" in page
    group_page = secretariat_client.get("/working-groups/AWGNCB/").content.decode()
    assert "Nguyễn Thị Lan (Trưởng đoàn)" in group_page

    export = secretariat_client.get(reverse("exchange:export", args=["delegates"]) + "?format=xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(
        io.BytesIO(b"".join(export.streaming_content) if export.streaming else export.content)
    ).active
    exported = [tuple(c.value or "" for c in row) for row in sheet.iter_rows()]
    assert exported[0][:6] == tuple(HEADERS)
    assert (
        "AWGNCB 36",
        "Trần Văn Hùng",
        "Vườn quốc gia Xuân Thủy",
        "Thành viên",
        "Dự án đối tác",
        project.code,
    ) == exported[[r[1] for r in exported].index("Trần Văn Hùng")][:6]
    assert len(exported) == 42
    assert delegation_summary(Meeting.objects.filter(year__in=[2025, 2026])) == {
        "delegates": 41,
        "meetings": 2,
        "partner_funded": 2,
    }


def test_a_bad_row_refuses_the_whole_list(seeded, secretariat_client):
    rows = _rows("")
    rows[2][4] = "Tự túc"
    rows[5][0] = "AWGNCB 99"
    secretariat_client.post(
        reverse("exchange:upload"),
        {"register": "delegates", "file": upload(xlsx_bytes(rows), "doan.xlsx")},
    )
    job = ImportJob.objects.get()

    assert job.error_count == 1
    assert "Không có hội nghị «AWGNCB 99»" in str(job.row_errors)
    assert secretariat_client.post(reverse("exchange:job-confirm", args=[job.pk])).status_code
    assert Delegate.objects.count() == 0


def test_a_focal_persons_name_links_the_delegate(seeded, secretariat_user):
    ncb = WorkingGroup.objects.get(code="AWGNCB")
    person = FocalPerson.objects.create(working_group=ncb, full_name="Phạm Thu Hà")
    meeting = Meeting.objects.get(series__code="AWGNCB", number=36)

    delegate = add_delegate(meeting=meeting, by=secretariat_user, focal_person=person, role="head")

    assert (delegate.full_name, delegate.funding) == ("Phạm Thu Hà", "state_budget")
    assert delegate.history.get().history_user == secretariat_user


def test_only_the_meetings_editors_keep_its_delegation(seeded, secretariat_user):
    from django.test import Client

    from tests.factories import FocalPersonFactory

    meeting = Meeting.objects.get(series__code="AWGNCB", number=36)
    ncb, cc = (WorkingGroup.objects.get(code=c) for c in ("AWGNCB", "AWGCC"))
    clients = {}
    for name, group in (("ncb", ncb), ("cc", cc)):
        user = FocalPersonFactory(working_group=group).user
        clients[name] = Client()
        clients[name].force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    data = {"full_name": "Võ Minh Châu", "role": "member", "funding": "self_funded"}
    url = reverse("meetings:delegate_add", args=[meeting.pk])

    refused = clients["cc"].post(url, data)
    added = clients["ncb"].post(url, data)

    assert (refused.status_code, added.status_code) == (403, 302)
    delegate = Delegate.objects.get()
    assert delegate.full_name == "Võ Minh Châu"
    remove = reverse("meetings:delegate_remove", args=[meeting.pk, delegate.pk])
    assert clients["cc"].post(remove).status_code == 403
    assert clients["ncb"].post(remove).status_code == 302
    assert not Delegate.objects.exists()
