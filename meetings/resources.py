"""Spreadsheet columns for meetings (see asoen_portal.exchange)."""

from django.utils.translation import gettext_lazy as _

from asoen_portal.exchange.base import Column, ExchangeResource
from asoen_portal.exchange.widgets import (
    ChoiceWidget,
    MeetingWidget,
    NaturalKeyWidget,
    VietnameseDateWidget,
    WholeNumberWidget,
    YesNoWidget,
)
from asoen_portal.models import Country

from .models import Delegate, Meeting, MeetingSeries


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


class DelegateResource(ExchangeResource):
    """Delegation lists, one delegate per row. Import id: meeting ("AWGNCB 36") + full name.

    A delegate whose name is a focal person of the meeting's group is linked to that person.
    """

    natural_key = ("meeting", "full_name")

    meeting = Column("meeting", "Hội nghị", en="Meeting", widget=MeetingWidget(), required=True)
    full_name = Column("full_name", "Họ và tên", en="Full name", required=True)
    unit = Column("unit", "Đơn vị", en="Unit")
    role = Column(
        "role",
        "Vai trò trong đoàn",
        en="Delegation role",
        widget=ChoiceWidget(Delegate.Role, blank=Delegate.Role.MEMBER),
    )
    funding = Column(
        "funding",
        "Nguồn kinh phí",
        en="Funding",
        widget=ChoiceWidget(Delegate.Funding, blank=Delegate.Funding.STATE_BUDGET),
    )
    partner_project = Column(
        "partner_project",
        "Dự án tài trợ",
        en="Funding project",
        widget=NaturalKeyWidget(
            "cooperation.PartnerProject",
            "code",
            missing=_("Không có dự án đối tác mã «{value}»."),
        ),
    )
    notes = Column("notes", "Ghi chú", en="Notes")

    class Meta(ExchangeResource.Meta):
        model = Delegate
        fields = ("meeting", "full_name", "unit", "role", "funding", "partner_project", "notes")

    def before_save_instance(self, instance, row, **kwargs):
        if instance.focal_person_id is None and instance.meeting.series.working_group_id:
            from working_groups.models import FocalPerson

            instance.focal_person = FocalPerson.objects.filter(
                working_group_id=instance.meeting.series.working_group_id,
                full_name=instance.full_name,
            ).first()

    def export_queryset(self, queryset):
        return queryset.select_related("meeting__series", "partner_project")
