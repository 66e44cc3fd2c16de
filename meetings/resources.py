"""Spreadsheet columns for meetings (see asoen_portal.exchange)."""

from django.utils.translation import gettext_lazy as _

from asoen_portal.exchange.base import Column, ExchangeResource
from asoen_portal.exchange.widgets import (
    ChoiceWidget,
    NaturalKeyWidget,
    VietnameseDateWidget,
    WholeNumberWidget,
    YesNoWidget,
)
from asoen_portal.models import Country

from .models import Meeting, MeetingSeries


class MeetingResource(ExchangeResource):
    """Meetings, one edition per row.

    Import id: series code + number ("AWGNCB" + 36); for series whose editions are not
    numbered (number empty), series code + year ("CAFBE" + 2025) — the same two rules as the
    database's unique constraints. The series must already exist.
    """

    natural_key = ("series", "number", "year")

    series = Column(
        "series",
        "Chuỗi hội nghị",
        en="Series",
        required=True,
        widget=NaturalKeyWidget(
            MeetingSeries,
            "code",
            missing=_("Không có chuỗi hội nghị mã «{value}» (ví dụ đúng: AWGNCB, ASOEN)."),
        ),
    )
    number = Column("number", "Lần thứ", en="Number", widget=WholeNumberWidget())
    year = Column("year", "Năm", en="Year", widget=WholeNumberWidget(), required=True)
    title = Column("title", "Tên hội nghị", en="Title", required=True)
    title_en = Column("title_en", "Tên tiếng Anh", en="English title")
    month = Column("month", "Tháng (dự kiến)", en="Month", widget=WholeNumberWidget())
    end_month = Column("end_month", "Đến tháng", en="End month", widget=WholeNumberWidget())
    start_date = Column("start_date", "Từ ngày", en="Start date", widget=VietnameseDateWidget())
    end_date = Column("end_date", "Đến ngày", en="End date", widget=VietnameseDateWidget())
    city = Column("city", "Địa điểm", en="City")
    city_en = Column("city_en", "Địa điểm (tiếng Anh)", en="City (English)")
    country = Column("country", "Quốc gia", en="Country", widget=ChoiceWidget(Country))
    is_hosted = Column(
        "is_hosted", "Việt Nam chủ trì", en="Hosted by Vietnam", widget=YesNoWidget()
    )
    status = Column(
        "status",
        "Trạng thái",
        en="Status",
        widget=ChoiceWidget(Meeting.Status, blank=Meeting.Status.PLANNED),
    )
    outcome = Column("outcome", "Kết quả", en="Outcome")
    notes = Column("notes", "Ghi chú", en="Notes")

    class Meta(ExchangeResource.Meta):
        model = Meeting
        fields = (
            "series",
            "number",
            "year",
            "title",
            "title_en",
            "month",
            "end_month",
            "start_date",
            "end_date",
            "city",
            "city_en",
            "country",
            "is_hosted",
            "status",
            "outcome",
            "notes",
        )

    def make_key(self, values):
        series, number = values.get("series"), values.get("number")
        series = getattr(series, "pk", series)
        if series is None:
            return None
        # Numbered editions are identified by their number alone; the year may be corrected.
        return (series, number, None if number is not None else values.get("year"))

    def export_queryset(self, queryset):
        return queryset.select_related("series")
