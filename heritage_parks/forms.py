from django import forms

from asoen_portal.forms import RecordForm
from heritage_parks.models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark
from meetings.models import Meeting


def _meeting_choices():
    return Meeting.objects.select_related("series").order_by("-year", "series__code", "number")


class HeritageParkForm(RecordForm):
    class Meta:
        model = HeritagePark
        fields = [
            "name",
            "name_en",
            "province",
            "status",
            "year_recognised",
            "certificate_meeting",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["certificate_meeting"].queryset = _meeting_choices()


class EcoSchoolAwardForm(RecordForm):
    class Meta:
        model = EcoSchoolAward
        fields = ["year", "theme", "theme_en", "school", "province", "sponsor", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class EscAwardRoundForm(RecordForm):
    class Meta:
        model = EscAwardRound
        fields = ["kind", "edition", "year", "regional_recipients", "categories", "presented_at"]
        widgets = {"categories": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presented_at"].queryset = _meeting_choices()


class EscAwardForm(RecordForm):
    class Meta:
        model = EscAward
        fields = ["city", "city_en", "province", "category"]

    def __init__(self, *args, esc_round, **kwargs):
        super().__init__(*args, **kwargs)
        # Set before validation so the round/city/category uniqueness is checked here.
        self.instance.round = esc_round
