from django import forms
from django.utils.translation import gettext_lazy as _

from asoen_portal.forms import DateInput, RecordForm
from cooperation.models import AseanDocument, LegalInstrument, Partner, PartnerProject
from meetings.models import Meeting


class LegalInstrumentForm(RecordForm):
    class Meta:
        model = LegalInstrument
        fields = [
            "number",
            "kind",
            "issuer",
            "issuer_en",
            "issued_on",
            "title",
            "title_en",
            "approves",
            "approves_en",
        ]
        widgets = {
            "issued_on": DateInput(),
            "title": forms.Textarea(attrs={"rows": 2}),
            "title_en": forms.Textarea(attrs={"rows": 2}),
            "approves": forms.Textarea(attrs={"rows": 2}),
            "approves_en": forms.Textarea(attrs={"rows": 2}),
        }


class AseanDocumentForm(RecordForm):
    class Meta:
        model = AseanDocument
        fields = [
            "code",
            "kind",
            "title",
            "title_en",
            "year",
            "status",
            "partner",
            "meeting",
            "working_group",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "title_en": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.select_related("series").order_by(
            "-year", "series__code", "number"
        )


class PartnerForm(RecordForm):
    class Meta:
        model = Partner
        fields = ["code", "name", "name_en", "kind", "is_priority", "priority_year"]


class PartnerProjectForm(RecordForm):
    class Meta:
        model = PartnerProject
        fields = [
            "code",
            "title",
            "title_en",
            "donors",
            "channel",
            "status",
            "start_year",
            "end_year",
            "working_group",
            "programme",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "title_en": forms.Textarea(attrs={"rows": 2}),
            "donors": forms.CheckboxSelectMultiple(),
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("Năm kết thúc phải sau năm bắt đầu."))
        return data
