"""Spreadsheet columns for heritage parks and awards (see asoen_portal.exchange)."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from asoen_portal.exchange.base import Column, ExchangeResource
from asoen_portal.exchange.widgets import (
    ChoiceWidget,
    MeetingWidget,
    NaturalKeyWidget,
    WholeNumberWidget,
)
from asoen_portal.text import fold

from .models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark


class HeritageParkResource(ExchangeResource):
    """ASEAN Heritage Parks in Vietnam. Import id: the park's name (unique)."""

    natural_key = ("name",)

    name = Column("name", "Tên", en="Name", required=True)
    name_en = Column("name_en", "Tên tiếng Anh", en="English name")
    province = Column("province", "Tỉnh/thành phố", en="Province")
    year_recognised = Column(
        "year_recognised", "Năm công nhận", en="Year recognised", widget=WholeNumberWidget()
    )
    status = Column(
        "status", "Trạng thái", en="Status", widget=ChoiceWidget(HeritagePark.Status), required=True
    )
    certificate_meeting = Column(
        "certificate_meeting",
        "Trao chứng nhận tại",
        en="Certificate meeting",
        widget=MeetingWidget(),
    )
    notes = Column("notes", "Ghi chú", en="Notes")

    class Meta(ExchangeResource.Meta):
        model = HeritagePark
        fields = (
            "name",
            "name_en",
            "province",
            "year_recognised",
            "status",
            "certificate_meeting",
            "notes",
        )

    def export_queryset(self, queryset):
        return queryset.select_related("certificate_meeting__series")


class EcoSchoolAwardResource(ExchangeResource):
    """Rounds of the ASEAN Eco-school Award. Import id: year + school (unique together)."""

    natural_key = ("year", "school")

    year = Column("year", "Năm", en="Year", widget=WholeNumberWidget(), required=True)
    theme = Column("theme", "Chủ đề", en="Theme", required=True)
    theme_en = Column("theme_en", "Chủ đề (tiếng Anh)", en="Theme (English)")
    school = Column("school", "Trường", en="School")
    province = Column("province", "Tỉnh/thành phố", en="Province")
    sponsor = Column("sponsor", "Nhà tài trợ", en="Sponsor")
    notes = Column("notes", "Ghi chú", en="Notes")

    class Meta(ExchangeResource.Meta):
        model = EcoSchoolAward
        fields = ("year", "theme", "theme_en", "school", "province", "sponsor", "notes")


class EscRoundWidget(NaturalKeyWidget):
    """An ESC round written as "Giải thưởng lần 6" or "Chứng nhận lần 5" (English: "Award 6",
    "Certificate 5")."""

    WORDS = {
        "giai thuong": "award",
        "award": "award",
        "chung nhan": "certificate",
        "certificate": "certificate",
    }

    def __init__(self):
        super().__init__(
            EscAwardRound,
            "edition",
            missing=gettext_lazy(
                "Không có đợt «{value}»; hãy ghi «Giải thưởng lần 6» hoặc «Chứng nhận lần 5»."
            ),
        )

    def key_of(self, obj):
        return f"{obj.kind} {obj.edition}"

    def normalise(self, text):
        folded = fold(text)
        match = re.search(r"(\d+)\s*$", folded)
        kind = next((code for word, code in self.WORDS.items() if folded.startswith(word)), None)
        if match is None or kind is None:
            return folded
        return f"{kind} {int(match.group(1))}"

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        word = _("Giải thưởng") if value.kind == EscAwardRound.Kind.AWARD else _("Chứng nhận")
        return f"{word} lần {value.edition}"


class EscAwardResource(ExchangeResource):
    """Vietnamese cities with an ESC award or certificate. Import id: round + city + category
    (unique together). The round must already exist."""

    natural_key = ("round", "city", "category")

    round = Column("round", "Đợt", en="Round", widget=EscRoundWidget(), required=True)
    city = Column("city", "Thành phố", en="City", required=True)
    city_en = Column("city_en", "Thành phố (tiếng Anh)", en="City (English)")
    province = Column("province", "Tỉnh", en="Province")
    category = Column("category", "Hạng mục", en="Category", widget=ChoiceWidget(EscAward.Category))

    class Meta(ExchangeResource.Meta):
        model = EscAward
        fields = ("round", "city", "city_en", "province", "category")

    def export_queryset(self, queryset):
        return queryset.select_related("round")
