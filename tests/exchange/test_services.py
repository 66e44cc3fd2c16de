"""Row-level problems: each names the row and column, and nothing is written."""

import pytest

from asoen_portal.exchange.importing import import_sheet
from asoen_portal.exchange.reading import ImportFileError
from cooperation.models import LegalInstrument
from meetings.models import Meeting
from tests.exchange.conftest import sheet_of, xlsx_bytes
from tests.factories import ActivityFactory, MeetingSeriesFactory, TaskFactory, UserFactory
from working_groups.models import Activity, Task


@pytest.fixture
def importer(db):
    return UserFactory(username="nhap-lieu")


def run(register, rows, user, confirm=True):
    return import_sheet(
        register=register, sheet=sheet_of(xlsx_bytes(rows)), user=user, confirm=confirm
    )


def test_missing_required_columns_are_named(groups, importer):
    with pytest.raises(ImportFileError) as caught:
        run("activities", [["Tiêu đề", "Ghi chú"], ["Hội thảo", "x"]], importer)

    assert caught.value.message == (
        "Thiếu cột bắt buộc: «Loại hoạt động», «Từ ngày». Hãy tải tệp mẫu để xem đủ các cột."
    )


def test_unknown_group_code_is_a_row_error(groups, importer):
    rows = [
        ["Nhóm công tác", "Loại hoạt động", "Tiêu đề", "Từ ngày"],
        ["AWGNCB", "Khác", "Dòng đúng", "01/02/2025"],
        ["AWGXYZ", "Khác", "Dòng sai", "01/02/2025"],
    ]

    summary = run("activities", rows, importer)

    assert summary["errors"] == [
        {
            "row": 3,
            "column": "Nhóm công tác",
            "message": "Không có nhóm công tác mã «AWGXYZ» (ví dụ đúng: AWGNCB).",
        }
    ]
    assert summary["counts"] == {"new": 1, "update": 0, "unchanged": 0, "error": 1}
    assert Activity.objects.count() == 0


def test_unknown_choice_lists_the_allowed_labels(groups, importer):
    rows = [["Loại hoạt động", "Tiêu đề", "Từ ngày"], ["Đi công tác", "Dòng sai", "01/02/2025"]]

    summary = run("activities", rows, importer)

    assert summary["errors"][0]["column"] == "Loại hoạt động"
    assert summary["errors"][0]["message"].startswith(
        "«Đi công tác» không có trong danh sách; hãy chọn một trong: Tham dự hội nghị, "
    )


def test_duplicate_rows_in_one_file_are_an_error_on_the_later_row(groups, importer):
    row = ["AWGNCB", "Khác", "Hai lần", "01/02/2025"]
    rows = [["Nhóm công tác", "Loại hoạt động", "Tiêu đề", "Từ ngày"], row, ["x"] * 0 + row]

    summary = run("activities", rows, importer)

    assert summary["errors"] == [
        {
            "row": 3,
            "column": "",
            "message": "Dòng này trùng với dòng 2 (cùng «Tiêu đề», «Từ ngày», «Nhóm công tác»); "
            "mỗi bản ghi chỉ được có một dòng trong tệp.",
        }
    ]
    assert Activity.objects.count() == 0


def test_end_before_start_is_a_row_error(groups, importer):
    rows = [
        ["Loại hoạt động", "Tiêu đề", "Từ ngày", "Đến ngày"],
        ["Khác", "Ngược ngày", "05/02/2025", "01/02/2025"],
    ]

    summary = run("activities", rows, importer)

    assert summary["errors"] == [
        {
            "row": 2,
            "column": "Đến ngày",
            "message": "Ngày kết thúc (01/02/2025) trước ngày bắt đầu (05/02/2025).",
        }
    ]
    assert Activity.objects.count() == 0


def test_blank_required_cell_names_the_column(groups, importer):
    rows = [["Loại hoạt động", "Tiêu đề", "Từ ngày"], ["Khác", "", "01/02/2025"]]

    summary = run("activities", rows, importer)

    assert [(e["row"], e["column"]) for e in summary["errors"]] == [(2, "Tiêu đề")]


def test_preview_writes_nothing(groups, importer):
    rows = [["Loại hoạt động", "Tiêu đề", "Từ ngày"], ["Khác", "Chỉ xem trước", "01/02/2025"]]

    summary = run("activities", rows, importer, confirm=False)

    assert summary["counts"]["new"] == 1
    assert Activity.objects.count() == 0
    assert Activity.history.count() == 0


def test_task_natural_key_is_year_and_title(db, importer):
    task = TaskFactory(year=2026, title="Xây dựng ACCSAP", progress=10)
    rows = [
        ["Năm", "Tên nhiệm vụ", "Trạng thái", "Tiến độ (%)"],
        [2026, "Xây dựng ACCSAP", "Đang thực hiện", 40],
        [2026, "Tuyên bố chung COP31", "", ""],
    ]

    summary = run("tasks", rows, importer)

    assert summary["counts"] == {"new": 1, "update": 1, "unchanged": 0, "error": 0}
    task.refresh_from_db()
    assert (task.status, task.progress, task.version) == (Task.Status.IN_PROGRESS, 40, 2)
    assert Task.objects.get(title="Tuyên bố chung COP31").status == Task.Status.NOT_STARTED


def test_updated_activity_changes_only_its_cells_and_its_version(groups, importer):
    activity = ActivityFactory(
        working_group=groups["AWGNCB"], title="Hội thảo", outcome="Cũ", description="Giữ nguyên"
    )
    rows = [
        ["Mã", "Loại hoạt động", "Tiêu đề", "Từ ngày", "Kết quả"],
        [
            activity.pk,
            activity.get_kind_display(),
            "Hội thảo",
            activity.start_date.strftime("%d/%m/%Y"),
            "Mới",
        ],
    ]

    summary = run("activities", rows, importer)

    assert summary["counts"]["update"] == 1
    activity.refresh_from_db()
    # A form opened before the import must find the record changed (its version moved on).
    assert (activity.outcome, activity.description, activity.version) == ("Mới", "Giữ nguyên", 2)
    assert "moi" in activity.search_text


def test_meetings_are_keyed_by_series_and_number_or_year(db, importer):
    MeetingSeriesFactory(code="AWGNCB")
    MeetingSeriesFactory(code="CAFBE", kind="forum")
    rows = [
        ["Chuỗi hội nghị", "Lần thứ", "Năm", "Tên hội nghị", "Việt Nam chủ trì"],
        ["AWGNCB", 36, 2026, "Hội nghị AWGNCB lần thứ 36", "Có"],
        ["CAFBE", "", 2025, "Diễn đàn CAFBE 2025", "Không"],
    ]

    assert run("meetings", rows, importer)["counts"]["new"] == 2
    rows[1][3] = "Hội nghị Nhóm công tác AWGNCB lần thứ 36"
    again = run("meetings", rows, importer)

    assert again["counts"] == {"new": 0, "update": 1, "unchanged": 1, "error": 0}
    assert sorted(m.short_name for m in Meeting.objects.all()) == ["AWGNCB 36", "CAFBE 2025"]
    assert Meeting.objects.get(number=36).is_hosted is True


def test_instruments_keyed_by_number_with_excel_dates(db, importer):
    import datetime

    rows = [
        ["Số, ký hiệu", "Loại văn bản", "Cơ quan ban hành", "Ngày ban hành", "Trích yếu"],
        ["276/NQ-CP", "Nghị quyết", "Chính phủ", datetime.datetime(2025, 9, 12), "Phê duyệt ACCC"],
    ]

    assert run("instruments", rows, importer)["counts"]["new"] == 1
    assert run("instruments", rows, importer)["counts"]["unchanged"] == 1
    assert LegalInstrument.objects.get().issued_on == datetime.date(2025, 9, 12)
