"""Spreadsheet columns for legal instruments and partner projects (see asoen_portal.exchange)."""

from django.utils.translation import gettext_lazy as _

from asoen_portal.exchange.base import Column, ExchangeResource
from asoen_portal.exchange.widgets import (
    ChoiceWidget,
    NaturalKeyListWidget,
    NaturalKeyWidget,
    VietnameseDateWidget,
    WholeNumberWidget,
)

from .models import LegalInstrument, Partner, PartnerProject


class LegalInstrumentResource(ExchangeResource):
    """Vietnamese legal instruments. Import id: the number and symbol ("276/NQ-CP")."""

    natural_key = ("number",)

    number = Column("number", "Số, ký hiệu", en="Number", required=True)
    kind = Column(
        "kind", "Loại văn bản", en="Kind", widget=ChoiceWidget(LegalInstrument.Kind), required=True
    )
    issuer = Column("issuer", "Cơ quan ban hành", en="Issuer", required=True)
    issuer_en = Column("issuer_en", "Cơ quan ban hành (tiếng Anh)", en="Issuer (English)")
    issued_on = Column(
        "issued_on", "Ngày ban hành", en="Issued on", widget=VietnameseDateWidget(), required=True
    )
    title = Column("title", "Trích yếu", en="Title", required=True)
    title_en = Column("title_en", "Trích yếu (tiếng Anh)", en="Title (English)")
    approves = Column("approves", "Nội dung phê duyệt", en="Approves")
    approves_en = Column("approves_en", "Nội dung phê duyệt (tiếng Anh)", en="Approves (English)")

    class Meta(ExchangeResource.Meta):
        model = LegalInstrument
        fields = (
            "number",
            "kind",
            "issuer",
            "issuer_en",
            "issued_on",
            "title",
            "title_en",
            "approves",
            "approves_en",
        )


def partner_widget():
    return NaturalKeyWidget(Partner, "code", missing=_("Không có đối tác mã «{value}»."))


class PartnerProjectResource(ExchangeResource):
    """Partner projects. Import id: the project code. Donors are partner codes separated
    by ";"; the channel is one partner code; the programme a programme code (AHP)."""

    natural_key = ("code",)

    code = Column("code", "Mã dự án", en="Code", required=True)
    title = Column("title", "Tên dự án", en="Title", required=True)
    title_en = Column("title_en", "Tên tiếng Anh", en="English title")
    donors = Column(
        "donors",
        "Nhà tài trợ",
        en="Donors",
        widget=NaturalKeyListWidget(Partner, "code", missing=_("Không có đối tác mã «{value}».")),
    )
    channel = Column("channel", "Kênh tài trợ", en="Channel", widget=partner_widget())
    start_year = Column("start_year", "Từ năm", en="Start year", widget=WholeNumberWidget())
    end_year = Column("end_year", "Đến năm", en="End year", widget=WholeNumberWidget())
    status = Column(
        "status",
        "Trạng thái",
        en="Status",
        widget=ChoiceWidget(PartnerProject.Status),
        required=True,
    )
    working_group = Column(
        "working_group",
        "Nhóm công tác",
        en="Working group",
        widget=NaturalKeyWidget(
            "working_groups.WorkingGroup",
            "code",
            missing=_("Không có nhóm công tác mã «{value}» (ví dụ đúng: AWGNCB)."),
        ),
    )
    programme = Column(
        "programme",
        "Chương trình",
        en="Programme",
        widget=NaturalKeyWidget(
            "heritage_parks.Programme",
            "code",
            missing=_("Không có chương trình mã «{value}» (ví dụ đúng: AHP)."),
        ),
    )

    class Meta(ExchangeResource.Meta):
        model = PartnerProject
        fields = (
            "code",
            "title",
            "title_en",
            "donors",
            "channel",
            "start_year",
            "end_year",
            "status",
            "working_group",
            "programme",
        )

    def export_queryset(self, queryset):
        return queryset.select_related("channel", "working_group", "programme").prefetch_related(
            "donors"
        )
