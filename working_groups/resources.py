"""Spreadsheet columns for activities, tasks and focal persons (see asoen_portal.exchange)."""

import datetime

from django.utils.translation import gettext_lazy as _

from asoen_portal.exchange.base import Column, ExchangeResource, PreciseDateColumn
from asoen_portal.exchange.widgets import (
    ChoiceWidget,
    MeetingWidget,
    NaturalKeyListWidget,
    NaturalKeyWidget,
    VietnameseDateWidget,
    WholeNumberWidget,
    YesNoWidget,
)
from asoen_portal.models import Country, Theme

from .models import Activity, FocalPerson, FocalUnit, Task, WorkingGroup


def group_widget():
    return NaturalKeyWidget(
        WorkingGroup,
        "code",
        missing=_("Không có nhóm công tác mã «{value}» (ví dụ đúng: AWGNCB)."),
    )


class ActivityResource(ExchangeResource):
    """Activities, one row each.

    Import id: the "Mã" column (the database id an export writes) when the cell is filled;
    otherwise title + start date + working group. A new activity is a row with "Mã" empty
    whose title, start date and group match no existing activity. Instruments, ASEAN
    documents, projects and programmes are lists of numbers/codes separated by ";".
    """

    natural_key = ("title", "start_date", "working_group")
    id_field = "id"

    id = Column("id", "Mã", en="ID", widget=WholeNumberWidget(), readonly=True)
    working_group = Column(
        "working_group", "Nhóm công tác", en="Working group", widget=group_widget()
    )
    kind = Column(
        "kind", "Loại hoạt động", en="Kind", widget=ChoiceWidget(Activity.Kind), required=True
    )
    theme = Column("theme", "Chủ đề báo cáo", en="Theme", widget=ChoiceWidget(Theme))
    title = Column("title", "Tiêu đề", en="Title", required=True)
    title_en = Column("title_en", "Tiêu đề tiếng Anh", en="English title")
    start_date = PreciseDateColumn(
        "start_date",
        "Từ ngày",
        en="Start date",
        widget=VietnameseDateWidget(partial=True),
        required=True,
    )
    end_date = Column("end_date", "Đến ngày", en="End date", widget=VietnameseDateWidget())
    date_precision = Column(
        "date_precision",
        "Độ chính xác của ngày",
        en="Date precision",
        widget=ChoiceWidget(Activity.DatePrecision),
    )
    city = Column("city", "Địa điểm", en="Place")
    country = Column("country", "Quốc gia", en="Country", widget=ChoiceWidget(Country))
    description = Column("description", "Nội dung", en="Description")
    outcome = Column("outcome", "Kết quả", en="Outcome")
    participants = Column("participants", "Phối hợp với / thành phần", en="Participants")
    meeting = Column("meeting", "Hội nghị", en="Meeting", widget=MeetingWidget())
    instruments = Column(
        "instruments",
        "Văn bản pháp lý",
        en="Legal instruments",
        widget=NaturalKeyListWidget(
            "cooperation.LegalInstrument",
            "number",
            missing=_("Không có văn bản pháp lý số «{value}» (ví dụ đúng: 276/NQ-CP)."),
        ),
    )
    documents = Column(
        "documents",
        "Văn kiện ASEAN",
        en="ASEAN documents",
        widget=NaturalKeyListWidget(
            "cooperation.AseanDocument",
            "code",
            missing=_("Không có văn kiện ASEAN mã «{value}»."),
        ),
    )
    projects = Column(
        "projects",
        "Dự án đối tác",
        en="Partner projects",
        widget=NaturalKeyListWidget(
            "cooperation.PartnerProject",
            "code",
            missing=_("Không có dự án đối tác mã «{value}»."),
        ),
    )
    programmes = Column(
        "programmes",
        "Chương trình",
        en="Programmes",
        widget=NaturalKeyListWidget(
            "heritage_parks.Programme",
            "code",
            missing=_("Không có chương trình mã «{value}» (ví dụ đúng: AHP)."),
        ),
    )
    report_order = Column(
        "report_order",
        "Thứ tự trong báo cáo",
        en="Report order",
        widget=WholeNumberWidget(blank=100),
    )

    class Meta(ExchangeResource.Meta):
        model = Activity
        fields = (
            "id",
            "working_group",
            "kind",
            "theme",
            "title",
            "title_en",
            "start_date",
            "end_date",
            "date_precision",
            "city",
            "country",
            "description",
            "outcome",
            "participants",
            "meeting",
            "instruments",
            "documents",
            "projects",
            "programmes",
            "report_order",
        )

    def import_instance(self, instance, row, **kwargs):
        """Dates known to the month or the year survive an export → edit → import: the
        precision column wins when filled; otherwise a start date typed as "07/2025" or
        "2025" says it; otherwise an unchanged start date keeps the precision it had."""
        had = (instance.start_date, instance.date_precision) if instance.pk else None
        super().import_instance(instance, row, **kwargs)
        start = instance.start_date
        chosen = self.fields["date_precision"]
        if row.get(chosen.column_name) not in (None, ""):
            precision = instance.date_precision
        elif getattr(start, "precision", "day") != "day":
            precision = start.precision
        elif had and had[0] == start:
            precision = had[1]
        else:
            precision = Activity.DatePrecision.DAY
        instance.date_precision = precision
        if start is not None:
            # The first day of what is known, as a plain date (the model's convention).
            if precision == Activity.DatePrecision.YEAR:
                start = start.replace(month=1, day=1)
            elif precision == Activity.DatePrecision.MONTH:
                start = start.replace(day=1)
            instance.start_date = datetime.date(start.year, start.month, start.day)

    def export_queryset(self, queryset):
        return queryset.select_related("working_group", "meeting__series").prefetch_related(
            "instruments", "documents", "projects", "programmes"
        )


class TaskResource(ExchangeResource):
    """The year's tasks. Import id: year + task name (unique together in the database)."""

    natural_key = ("year", "title")

    year = Column("year", "Năm", en="Year", widget=WholeNumberWidget(), required=True)
    report_section = Column("report_section", "Mục báo cáo", en="Report section")
    theme = Column("theme", "Chủ đề báo cáo", en="Theme", widget=ChoiceWidget(Theme))
    title = Column("title", "Tên nhiệm vụ", en="Title", required=True)
    title_en = Column("title_en", "Tên tiếng Anh", en="English title")
    description = Column("description", "Nội dung", en="Description")
    working_group = Column(
        "working_group", "Nhóm chủ trì", en="Working group", widget=group_widget()
    )
    meeting = Column("meeting", "Hội nghị liên quan", en="Meeting", widget=MeetingWidget())
    due_date = Column("due_date", "Hạn hoàn thành", en="Due date", widget=VietnameseDateWidget())
    status = Column(
        "status",
        "Trạng thái",
        en="Status",
        widget=ChoiceWidget(Task.Status, blank=Task.Status.NOT_STARTED),
    )
    progress = Column("progress", "Tiến độ (%)", en="Progress", widget=WholeNumberWidget(blank=0))
    report_order = Column(
        "report_order",
        "Thứ tự trong báo cáo",
        en="Report order",
        widget=WholeNumberWidget(blank=100),
    )

    class Meta(ExchangeResource.Meta):
        model = Task
        fields = (
            "year",
            "report_section",
            "theme",
            "title",
            "title_en",
            "description",
            "working_group",
            "meeting",
            "due_date",
            "status",
            "progress",
            "report_order",
        )

    def export_queryset(self, queryset):
        return queryset.select_related("working_group", "meeting__series")


class FocalPersonResource(ExchangeResource):
    """Focal persons of the working groups. Import id: group code + full name."""

    natural_key = ("working_group", "full_name")

    working_group = Column(
        "working_group", "Nhóm công tác", en="Working group", widget=group_widget(), required=True
    )
    full_name = Column("full_name", "Họ và tên", en="Full name", required=True)
    role = Column(
        "role",
        "Vai trò",
        en="Role",
        widget=ChoiceWidget(FocalPerson.Role, blank=FocalPerson.Role.MEMBER),
    )
    position = Column("position", "Chức vụ", en="Position")
    unit = Column(
        "unit",
        "Đơn vị",
        en="Unit",
        widget=NaturalKeyWidget(FocalUnit, "name", missing=_("Không có đơn vị đầu mối «{value}».")),
    )
    email = Column("email", "Thư điện tử", en="Email")
    phone = Column("phone", "Điện thoại", en="Phone")
    is_active = Column("is_active", "Đang làm nhiệm vụ", en="Active", widget=YesNoWidget())

    class Meta(ExchangeResource.Meta):
        model = FocalPerson
        fields = (
            "working_group",
            "full_name",
            "role",
            "position",
            "unit",
            "email",
            "phone",
            "is_active",
        )

    def export_queryset(self, queryset):
        return queryset.select_related("working_group", "unit")
