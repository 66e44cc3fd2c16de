"""The preview shows what a confirmation would change: changed cells old → new for each
updated row, unchanged rows collapsed behind their count, the confirm button above the list."""

import datetime
import io

import pytest
from django.urls import reverse

from asoen_portal.exchange.exporting import export_register
from asoen_portal.exchange.views import line_ranges
from asoen_portal.models import ImportJob
from cooperation.models import LegalInstrument
from tests.exchange.conftest import upload
from tests.factories import ActivityFactory
from working_groups.models import Activity


@pytest.fixture
def forty(groups):
    activities = [
        ActivityFactory(
            working_group=groups["AWGNCB" if n % 2 else "AWGCC"],
            title=f"Hoạt động hợp tác số {n}",
            start_date=datetime.date(2026, 1 + n % 12, 1 + n % 28),
        )
        for n in range(40)
    ]
    activities[5].instruments.set(LegalInstrument.objects.filter(number="276/NQ-CP"))
    return activities


def edited_export(changes):
    """The .xlsx export with `changes` ({title: {column: value}}) typed in, as in Excel."""
    from openpyxl import load_workbook

    content, _type, _name = export_register(register="activities", fmt="xlsx")
    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        for column, value in changes.get(row[header.index("Tiêu đề")].value, {}).items():
            row[header.index(column)].value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_preview_names_changed_cells_and_collapses_unchanged_rows(
    secretariat_client, secretariat_user, forty
):
    content = edited_export(
        {
            "Hoạt động hợp tác số 3": {"Kết quả": "Thông qua kế hoạch hành động"},
            "Hoạt động hợp tác số 5": {"Văn bản pháp lý": "276/NQ-CP; 372/NQ-CP"},
            "Hoạt động hợp tác số 8": {"Loại hoạt động": "Góp ý văn kiện", "Quốc gia": "Lào"},
        }
    )
    secretariat_client.post(
        reverse("exchange:upload"), {"register": "activities", "file": upload(content)}
    )
    job = ImportJob.objects.get()

    assert (job.update_count, job.unchanged_count, job.new_count) == (3, 37, 0)
    updates = {row[2]: row[3] for row in job.row_results if row[1] == "update"}
    assert updates == {
        "Hoạt động hợp tác số 3": [["Kết quả", "", "Thông qua kế hoạch hành động"]],
        "Hoạt động hợp tác số 5": [["Văn bản pháp lý", "276/NQ-CP", "276/NQ-CP; 372/NQ-CP"]],
        "Hoạt động hợp tác số 8": [
            ["Loại hoạt động", "Tham dự hội nghị", "Góp ý văn kiện"],
            ["Quốc gia", "Malaysia", "Lào"],
        ],
    }

    page = secretariat_client.get(reverse("exchange:job", args=[job.pk])).content.decode()
    assert "37 dòng không đổi" in page
    updated_lines = {row[0] for row in job.row_results if row[1] == "update"}
    unchanged_lines = sorted(set(range(2, 42)) - updated_lines)
    assert f"Dòng: {line_ranges(unchanged_lines)}" in page
    assert page.count('class="import-row-update"') == 3
    assert 'class="import-row-unchanged"' not in page
    assert "<del>Malaysia</del> → <ins>Lào</ins>" in page
    assert "<del>(trống)</del> → <ins>Thông qua kế hoạch hành động</ins>" in page
    confirm = page.index("Xác nhận ghi 3 dòng thay đổi")
    assert confirm < page.index('<table class="table import-rows">')

    before = Activity.history.count()
    secretariat_client.post(reverse("exchange:job-confirm", args=[job.pk]))

    job.refresh_from_db()
    assert (job.status, job.update_count) == ("done", 3)
    assert Activity.history.count() == before + 3
    changed = Activity.objects.get(title="Hoạt động hợp tác số 8")
    assert (changed.kind, changed.country) == (Activity.Kind.DOCUMENT_COMMENT, "LA")
    entry = changed.history.first()
    assert (entry.history_type, entry.history_user) == ("~", secretariat_user)
    five = Activity.objects.get(title="Hoạt động hợp tác số 5")
    assert sorted(five.instruments.values_list("number", flat=True)) == ["276/NQ-CP", "372/NQ-CP"]


def test_unchanged_file_says_there_is_nothing_to_confirm(secretariat_client, forty):
    secretariat_client.post(
        reverse("exchange:upload"),
        {"register": "activities", "file": upload(edited_export({}))},
    )
    job = ImportJob.objects.get()

    page = secretariat_client.get(reverse("exchange:job", args=[job.pk])).content.decode()

    assert job.unchanged_count == 40
    assert "Tệp không có thay đổi nào so với dữ liệu hiện có; không cần ghi." in page
    assert "Xác nhận ghi" not in page


def test_line_ranges_are_short():
    assert line_ranges([2, 3, 4, 7, 9, 10]) == "2–4, 7, 9–10"
    assert line_ranges([]) == ""
    assert line_ranges([5]) == "5"


def test_preview_in_english(secretariat_client, forty):
    content = edited_export({"Hoạt động hợp tác số 3": {"Quốc gia": "Lào"}})
    secretariat_client.cookies["django_language"] = "en"
    secretariat_client.post(
        reverse("exchange:upload"), {"register": "activities", "file": upload(content)}
    )
    job = ImportJob.objects.get()

    page = secretariat_client.get(reverse("exchange:job", args=[job.pk])).content.decode()

    assert "Confirm and write 1 changed row" in page
    assert "39 unchanged rows" in page
    assert "Changed cells (old → new)" in page
