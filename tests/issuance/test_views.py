"""The register page: who may see it, its queries at 1 and many rows, filters and exports."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from issuance.models import DocumentKind
from issuance.register import take_next_number
from reports.models import AnnualReport

pytestmark = pytest.mark.django_db

URL = reverse("issuance:register")


def fill_register(rows, year=2026):
    for n in range(rows):
        take_next_number(
            kind=DocumentKind.REPORT if n % 3 else DocumentKind.OFFICIAL_LETTER,
            issued_on=datetime.date(year, 1 + n % 12, 1 + n % 28),
            summary=f"Trích yếu văn bản số {n}",
            signer_name="Lê Công Thành",
            signer_title="Thứ trưởng",
        )


@pytest.mark.parametrize(
    ("client_fixture", "status"),
    [
        ("secretariat_client", 200),
        ("leadership_client", 200),
        ("focal_client", 403),
        ("anonymous_client", 302),
    ],
)
def test_register_page_is_for_secretariat_and_leadership(request, client_fixture, status):
    client = request.getfixturevalue(client_fixture)
    assert client.get(URL).status_code == status
    assert client.get(URL, {"export": "csv"}).status_code == status


def test_register_lists_the_approved_report_with_its_link(secretariat_client, leadership_user):
    report = AnnualReport.objects.create(year=2025, signer_name="Lê Công Thành")
    take_next_number(
        kind=DocumentKind.REPORT,
        issued_on=datetime.date(2026, 1, 5),
        summary="Báo cáo tổng kết công tác năm 2025",
        signer_name="Lê Công Thành",
        report=report,
        by=leadership_user,
    )
    page = secretariat_client.get(URL).content.decode()
    assert "01/BC-ASOEN" in page
    assert "05/01/2026" in page
    assert "Báo cáo tổng kết công tác năm 2025" in page
    assert reverse("reports:detail", args=[2025]) in page


@pytest.mark.parametrize("rows", [1, 300])
def test_register_page_queries_do_not_grow_with_rows(
    secretariat_client, django_assert_num_queries, rows
):
    fill_register(rows)
    # session, user, groups; years; numbers
    with django_assert_num_queries(5):
        response = secretariat_client.get(URL)
    assert response.content.decode().count("-ASOEN</") == rows


def test_register_filters_by_year_and_kind(secretariat_client):
    fill_register(30, year=2025)
    fill_register(6, year=2026)
    page = secretariat_client.get(URL, {"year": "2026", "kind": "CV"}).content.decode()
    assert page.count("/CV-ASOEN") == 2
    assert "/BC-ASOEN" not in page


def test_register_exports_csv_in_vietnamese(secretariat_client):
    fill_register(12)
    response = secretariat_client.get(URL, {"export": "csv", "year": "2026"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Số, ký hiệu",
        "Ngày ban hành",
        "Loại văn bản",
        "Trích yếu nội dung",
        "Người ký",
        "Chức vụ người ký",
    ]
    assert len(rows) == 13
    assert rows[1][2:] == ["Báo cáo", "Trích yếu văn bản số 11", "Lê Công Thành", "Thứ trưởng"]


def test_register_exports_xlsx(leadership_client):
    import openpyxl

    fill_register(40)
    response = leadership_client.get(URL, {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][0] == "Số, ký hiệu"
    assert len(values) == 41
    assert sorted(row[0] for row in values[1:] if row[0].endswith("/CV-ASOEN"))[:2] == [
        "01/CV-ASOEN",
        "02/CV-ASOEN",
    ]


def test_english_register_page_and_export(secretariat_client):
    fill_register(2)
    secretariat_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = secretariat_client.get(URL).content.decode()
    assert "Register of outgoing documents" in page
    rows = list(
        csv.reader(io.StringIO(secretariat_client.get(URL, {"export": "csv"}).content.decode()))
    )
    assert rows[0][0].lstrip("\ufeff") == "Number and symbol"
    assert rows[1][2] == "Report"
