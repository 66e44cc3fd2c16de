"""Each language's sentences, from facts built by hand: no database, no WeasyPrint."""

from datetime import date

import pytest
from django.utils import translation

from reports.facts import Fact, FactKind, bi
from reports.writers import get_writer
from reports.writers.text import repeats


def _meeting(key="meeting:AMME 18", **overrides):
    meeting = {
        "key": key,
        "title": bi(
            "Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 18 (AMME 18)",
            "18th ASEAN Ministerial Meeting on the Environment (AMME 18)",
        ),
        "series_name": bi("Hội nghị Bộ trưởng Môi trường ASEAN", "ASEAN Ministerial Meeting"),
        "series_kind": "ministerial",
        "group": "",
        "group_order": 999,
        "series_code": "AMME",
        "number": 18,
        "year": 2025,
        "month": 9,
        "end_month": None,
        "start": "2025-09-02",
        "end": "2025-09-04",
        "city": bi("Langkawi", "Langkawi"),
        "country": "MY",
        "is_hosted": False,
        "status": "held",
        "outcome": bi(""),
    }
    return meeting | overrides


def _say(language, method, *args):
    writer = get_writer(language)
    with translation.override(language):
        return getattr(writer, method)(*args)


@pytest.mark.parametrize(
    ("language", "start", "end", "expected"),
    [
        ("vi", date(2025, 9, 2), date(2025, 9, 4), "trong các ngày 02-04 tháng 9 năm 2025"),
        (
            "vi",
            date(2025, 7, 28),
            date(2025, 8, 1),
            "từ ngày 28 tháng 7 đến ngày 01 tháng 8 năm 2025",
        ),
        ("vi", date(2025, 1, 5), None, "ngày 05 tháng 01 năm 2025"),
        ("en", date(2025, 9, 2), date(2025, 9, 4), "on 2–4 September 2025"),
        ("en", date(2025, 7, 28), date(2025, 8, 1), "from 28 July to 1 August 2025"),
        ("en", date(2025, 12, 30), date(2026, 1, 2), "from 30 December 2025 to 2 January 2026"),
    ],
)
def test_date_ranges(language, start, end, expected):
    assert _say(language, "date_range", start, end) == expected


def test_month_spans_from_locale_data():
    assert _say("vi", "month_span", 2026, 8, 9) == "tháng 8-9/2026"
    assert _say("en", "month_span", 2026, 6, None) == "June 2026"
    assert _say("en", "month_phrase", 2026, 6, None) == "in June 2026"
    assert _say("en", "month_span", 2026, 8, 9).startswith("August")


def test_lists_from_babel():
    assert _say("vi", "join_names", ["A", "B", "C"]) == "A, B và C"
    assert _say("en", "join_names", ["A", "B", "C"]) == "A, B and C"
    assert _say("en", "join_names", ["A"]) == "A"


def test_english_plurals_with_ngettext():
    one = _say("en", "group_meetings_sentence", [_meeting()])
    many = _say("en", "group_meetings_sentence", [_meeting(key=f"m{i}") for i in range(6)])
    assert "annual meeting of 1 ASEAN working group on" in one
    assert "annual meetings of 6 ASEAN working groups on" in many
    assert _say("vi", "group_meetings_sentence", [_meeting()] * 6).startswith(
        "Tham dự và tích cực đóng góp nội dung tại các Hội nghị thường niên của 06 Nhóm"
    )
    assert "1 protected area of Viet Nam as an ASEAN" in _say(
        "en", "parks_sentence", Fact(FactKind.PARKS_RECOGNISED, "p", data={"parks": [bi("X")]})
    )


def test_meeting_dates_and_place_told_the_first_time_only():
    writer = get_writer("vi")
    with translation.override("vi"):
        first = writer.meeting_mention(_meeting())
        second = writer.meeting_mention(_meeting())
    assert first.endswith("trong các ngày 02-04 tháng 9 năm 2025 tại Langkawi, Malaysia")
    assert second == "Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 18 (AMME 18)"


def test_meeting_name_uses_series_name_and_number_never_codes():
    meeting = _meeting(title=bi(""), series_code="AHP-COMMITTEE")
    assert _say("vi", "meeting_name", meeting) == "Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 18"
    assert "AHP-COMMITTEE" not in _say("en", "meeting_name", meeting)


def _activity_fact(title, **activity):
    data = {
        "id": 1,
        "kind": "meeting_hosted",
        "title": bi(title),
        "description": bi(""),
        "outcome": bi(""),
        "date_precision": "day",
        "start": "2025-12-02",
        "end": "2025-12-04",
        "city": bi(""),
        "country": "",
        "instruments": [],
        "documents": [],
        "projects": [],
    } | activity
    return Fact(FactKind.MEETING_HOSTED, "meeting:x", activity=data)


def test_no_doubled_organised():
    fact = _activity_fact("Tổ chức thành công Hội nghị AHP 8")
    fact.data["meeting"] = _meeting(key="meeting:AHP 8")
    text = _say("vi", "activity_sentence", fact)
    assert "được tổ chức" not in text
    assert text.startswith("Tổ chức thành công Hội nghị AHP 8, trong các ngày 02-04 tháng 9")
    attended = _activity_fact("Tham dự Hội nghị AMME 18")
    attended.data["meeting"] = _meeting()
    assert ", được tổ chức trong các ngày" in _say("vi", "activity_sentence", attended)


def test_purpose_clause_continues_the_sentence():
    fact = _activity_fact(
        "Kiện toàn ASOEN Việt Nam",
        kind="instrument",
        date_precision="year",
        description=bi("Nhằm nâng cao năng lực.", "To strengthen capacity."),
    )
    assert (
        _say("vi", "activity_sentence", fact) == "Kiện toàn ASOEN Việt Nam nhằm nâng cao năng lực."
    )
    fact.activity["title"] = bi("Kiện toàn ASOEN Việt Nam", "Reorganised ASOEN Viet Nam")
    assert (
        _say("en", "activity_sentence", fact)
        == "Reorganised ASOEN Viet Nam, to strengthen capacity."
    )


def test_title_description_repeat_is_dropped():
    title = "Tham gia xây dựng Tuyên bố chung ASEAN về bảo tồn đa dạng sinh học gửi COP17 CBD"
    description = (
        "Tuyên bố chung ASEAN về bảo tồn đa dạng sinh học gửi Hội nghị lần thứ 17 (COP17)."
    )
    assert repeats(title, description)
    assert not repeats(title, "Triển khai các mô hình, trao đổi kinh nghiệm.")
    task = Fact(
        FactKind.TASK_PLANNED,
        "task:1",
        data={"task": {"title": bi(title), "description": bi(description)}},
    )
    assert _say("vi", "task_sentence", task) == title


def test_project_title_naming_its_kind_is_not_wrapped():
    project = {
        "code": "SEA-MaP",
        "title": bi("Dự án Khu vực Đông Nam Á về Phòng chống nhựa biển (SEA-MaP)"),
        "donors": [{"code": "WB", "name": bi("Ngân hàng Thế giới")}],
        "channel": None,
    }
    assert _say("vi", "project_sentence", project) == (
        "Dự án Khu vực Đông Nam Á về Phòng chống nhựa biển (SEA-MaP) do Ngân hàng Thế giới (WB) "
        "tài trợ"
    )
