import datetime

import pytest

from asoen_portal.exchange.exporting import export_register
from asoen_portal.exchange.importing import import_sheet
from cooperation.models import LegalInstrument
from tests.exchange.conftest import activity_rows, sheet_of, xlsx_bytes
from tests.factories import ActivityFactory, UserFactory
from working_groups.models import Activity


@pytest.fixture
def importer(db):
    return UserFactory(username="nhap-lieu")


@pytest.fixture
def exported(groups):
    """Two activities exported to .xlsx, read back as rows of cell values."""
    from openpyxl import load_workbook

    first = ActivityFactory(working_group=groups["AWGNCB"], title="Hội thảo AHP")
    first.instruments.set(LegalInstrument.objects.filter(number="276/NQ-CP"))
    ActivityFactory(working_group=groups["AWGCC"], title="Góp ý NDC 3.0")
    content, _type, _name = export_register(register="activities", fmt="xlsx")
    sheet = load_workbook(__import__("io").BytesIO(content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def run(rows, user, confirm=True):
    return import_sheet(
        register="activities", sheet=sheet_of(xlsx_bytes(rows)), user=user, confirm=confirm
    )


def test_activity_import_creates_rows_with_history_user(groups, importer):
    summary = run(activity_rows(), importer)

    assert summary["counts"] == {"new": 2, "update": 0, "unchanged": 0, "error": 0}
    assert summary["errors"] == []
    first = Activity.objects.get(title="Tham dự AWGNCB 35")
    assert first.working_group == groups["AWGNCB"]
    assert first.kind == Activity.Kind.MEETING_ATTENDED
    assert first.start_date == datetime.date(2025, 6, 15)
    assert first.country == "LA"
    assert first.created_by == importer
    assert [(h.history_type, h.history_user) for h in first.history.all()] == [("+", importer)]
    second = Activity.objects.get(title="Góp ý Tuyên bố chung COP30")
    assert second.start_date == datetime.date(2025, 9, 2)
    assert second.end_date is None


def test_export_headers_are_vietnamese(exported):
    assert exported[0][:6] == [
        "Mã",
        "Nhóm công tác",
        "Loại hoạt động",
        "Chủ đề báo cáo",
        "Tiêu đề",
        "Tiêu đề tiếng Anh",
    ]
    assert exported[1][exported[0].index("Văn bản pháp lý")] in ("276/NQ-CP", None)


def test_reimporting_an_export_changes_nothing(exported, importer):
    before = Activity.history.count()

    summary = run(exported, importer)

    assert summary["counts"] == {"new": 0, "update": 0, "unchanged": 2, "error": 0}
    assert Activity.history.count() == before


def test_changed_cell_is_one_update_with_history_by_importer(exported, importer):
    rows = [list(row) for row in exported]
    title_col = rows[0].index("Tiêu đề")
    outcome_col = rows[0].index("Kết quả")
    row = next(r for r in rows if r[title_col] == "Hội thảo AHP")
    row[outcome_col] = "Thông qua kế hoạch hành động"
    before = Activity.history.count()

    summary = run(rows, importer)

    assert summary["counts"] == {"new": 0, "update": 1, "unchanged": 1, "error": 0}
    activity = Activity.objects.get(title="Hội thảo AHP")
    assert activity.outcome == "Thông qua kế hoạch hành động"
    assert Activity.history.count() == before + 1
    latest = activity.history.first()
    assert (latest.history_type, latest.history_user, latest.outcome) == (
        "~",
        importer,
        "Thông qua kế hoạch hành động",
    )
    assert [i.legalinstrument.number for i in latest.instruments.all()] == ["276/NQ-CP"]


def test_added_row_is_one_new_with_instruments(exported, importer):
    rows = [list(row) for row in exported]
    header = rows[0]
    new = [""] * len(header)
    new[header.index("Nhóm công tác")] = "awgncb"
    new[header.index("Loại hoạt động")] = "meeting_hosted"
    new[header.index("Tiêu đề")] = "Chủ trì AWGNCB 36"
    new[header.index("Từ ngày")] = "10/06/2026"
    new[header.index("Hội nghị")] = "AWGNCB 36"
    new[header.index("Văn bản pháp lý")] = "276/NQ-CP; 372/NQ-CP"
    rows.append(new)

    summary = run(rows, importer)

    assert summary["counts"] == {"new": 1, "update": 0, "unchanged": 2, "error": 0}
    activity = Activity.objects.get(title="Chủ trì AWGNCB 36")
    assert activity.meeting.short_name == "AWGNCB 36"
    assert sorted(i.number for i in activity.instruments.all()) == ["276/NQ-CP", "372/NQ-CP"]
    entry = activity.history.get()
    assert (entry.history_type, entry.history_user) == ("+", importer)
    assert sorted(i.legalinstrument.number for i in entry.instruments.all()) == [
        "276/NQ-CP",
        "372/NQ-CP",
    ]


def test_broken_date_names_row_and_column_and_writes_nothing(exported, importer):
    rows = [list(row) for row in exported]
    header = rows[0]
    rows[2][header.index("Từ ngày")] = "ngày 5 tháng 6"
    rows[1][header.index("Kết quả")] = "Sửa ở dòng 2"
    before = (Activity.objects.count(), Activity.history.count())

    summary = run(rows, importer)

    assert summary["errors"] == [
        {
            "row": 3,
            "column": "Từ ngày",
            "message": "«ngày 5 tháng 6» không phải là ngày hợp lệ; hãy nhập theo dạng "
            "dd/mm/yyyy (ví dụ 28/07/2025), mm/yyyy khi chỉ biết tháng (07/2025) hoặc yyyy "
            "khi chỉ biết năm (2025).",
        }
    ]
    assert summary["counts"]["error"] == 1
    assert (Activity.objects.count(), Activity.history.count()) == before
    assert not Activity.objects.filter(outcome="Sửa ở dòng 2").exists()


def test_english_headers_are_accepted(groups, importer):
    rows = [
        ["Working group", "Kind", "Title", "Start date"],
        ["AWGCC", "document_comment", "Comment on ACCSAP", "01/03/2026"],
    ]

    summary = run(rows, importer)

    assert summary["counts"]["new"] == 1
    assert Activity.objects.get().kind == Activity.Kind.DOCUMENT_COMMENT


def test_explicit_id_of_missing_row_is_an_error(groups, importer):
    rows = [
        ["Mã", "Loại hoạt động", "Tiêu đề", "Từ ngày"],
        [999999, "Khác", "Không tồn tại", "01/01/2025"],
    ]

    summary = run(rows, importer)

    assert summary["errors"] == [
        {
            "row": 2,
            "column": "Mã",
            "message": "Không có bản ghi mang mã 999999; để trống cột «Mã» khi thêm dòng mới.",
        }
    ]
    assert Activity.objects.count() == 0
