import datetime

import pytest
from django.urls import reverse

from cooperation.models import AseanDocument, PartnerProject
from tests.factories import (
    ActivityFactory,
    LegalInstrumentFactory,
    PartnerFactory,
    PartnerProjectFactory,
)


@pytest.fixture
def resolution(db):
    return LegalInstrumentFactory(
        number="276/NQ-CP",
        issued_on=datetime.date(2025, 9, 12),
        title="Phê duyệt Hiệp định thành lập Trung tâm ASEAN về biến đổi khí hậu",
    )


@pytest.fixture
def sea_map(db):
    project = PartnerProjectFactory(
        code="SEA-MaP",
        title="Chương trình nhựa đại dương Đông Nam Á",
        channel=PartnerFactory(code="IDA"),
    )
    project.donors.add(PartnerFactory(code="WB"))
    return project


def test_instrument_list_and_detail(focal_client, resolution, group_cc):
    activity = ActivityFactory(
        title="Trình Chính phủ phê duyệt Hiệp định ACCC", working_group=group_cc
    )
    activity.instruments.add(resolution)
    response = focal_client.get(reverse("cooperation:instruments"))
    assert [(i.number, i.activity_count) for i in response.context["rows"]] == [("276/NQ-CP", 1)]
    html = focal_client.get(
        reverse("cooperation:instrument_detail", args=[resolution.pk])
    ).content.decode()
    assert "Trình Chính phủ phê duyệt Hiệp định ACCC" in html
    assert "12/09/2025" in html
    assert reverse("cooperation:instrument_edit", args=[resolution.pk]) not in html


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("instruments", "Chưa có văn bản pháp lý nào."),
        ("documents", "Chưa có văn kiện ASEAN nào."),
        ("partners", "Chưa có đối tác nào."),
        ("projects", "Chưa có dự án đối tác nào."),
    ],
)
def test_list_empty_states(leadership_client, name, message):
    html = leadership_client.get(reverse(f"cooperation:{name}")).content.decode()
    assert message in html


def test_document_list_filters_by_status(secretariat_client):
    AseanDocument.objects.create(
        code="COP30-JS",
        kind="joint_statement",
        title="Tuyên bố chung COP30",
        year=2025,
        status="adopted",
    )
    AseanDocument.objects.create(
        code="COP31-JS",
        kind="joint_statement",
        title="Tuyên bố chung COP31",
        year=2026,
        status="planned",
    )
    response = secretariat_client.get(reverse("cooperation:documents"), {"status": "planned"})
    assert [d.code for d in response.context["rows"]] == ["COP31-JS"]
    response = secretariat_client.get(reverse("cooperation:documents"))
    assert [d.code for d in response.context["rows"]] == ["COP31-JS", "COP30-JS"]


def test_project_list_shows_donors_and_channel(focal_client, sea_map):
    html = focal_client.get(reverse("cooperation:projects")).content.decode()
    assert "SEA-MaP" in html
    assert '<td data-label="Nhà tài trợ">WB</td>' in html
    assert '<td data-label="Kênh tài trợ">IDA</td>' in html


def test_project_detail_lists_activities(focal_client, sea_map, group_ncb):
    activity = ActivityFactory(title="Tham gia hội thảo SEA-MaP", working_group=group_ncb)
    activity.projects.add(sea_map)
    response = focal_client.get(reverse("cooperation:project_detail", args=[sea_map.pk]))
    assert list(response.context["activities"]) == [activity]


def test_partner_detail_lists_funded_and_channelled_projects(focal_client, sea_map):
    wb = sea_map.donors.get()
    other = PartnerProjectFactory(code="GEF-UNDP", channel=wb)
    response = focal_client.get(reverse("cooperation:partner_detail", args=[wb.pk]))
    assert list(response.context["projects"]) == [other, sea_map]


def test_project_create_sets_donors(secretariat_client):
    donor = PartnerFactory(code="KEITI")
    response = secretariat_client.post(
        reverse("cooperation:projects") + "new/",
        {
            "code": "AK-MSW",
            "title": "Quản lý tổng hợp chất thải rắn",
            "donors": [donor.pk],
            "status": "ongoing",
            "start_year": 2024,
            "end_year": 2026,
        },
    )
    project = PartnerProject.objects.get(code="AK-MSW")
    assert response["Location"] == reverse("cooperation:project_detail", args=[project.pk])
    assert list(project.donors.all()) == [donor]


def test_project_create_rejects_end_before_start(secretariat_client):
    donor = PartnerFactory(code="KEITI")
    response = secretariat_client.post(
        reverse("cooperation:project_create"),
        {
            "code": "X",
            "title": "X",
            "donors": [donor.pk],
            "status": "planned",
            "start_year": 2026,
            "end_year": 2024,
        },
    )
    assert response.context["form"].errors["end_year"] == ["Năm kết thúc phải sau năm bắt đầu."]
