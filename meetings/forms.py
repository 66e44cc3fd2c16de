from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from asoen_portal import access
from asoen_portal.attachments import validate_attachment
from asoen_portal.forms import DateInput, RecordForm
from meetings.models import ChecklistItem, Meeting, MeetingDocument, MeetingSeries


class MeetingForm(RecordForm):
    """Create or edit a meeting; only series the user may edit are offered."""

    class Meta:
        model = Meeting
        fields = [
            "series",
            "number",
            "title",
            "title_en",
            "is_hosted",
            "status",
            "start_date",
            "end_date",
            "year",
            "month",
            "end_month",
            "city",
            "city_en",
            "country",
            "outcome",
            "notes",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "outcome": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = access.filter_editable(
            MeetingSeries.objects.select_related("working_group"), user, group_field="working_group"
        )
        self.fields["year"].required = False
        self.fields["year"].help_text = _("Tự điền theo ngày bắt đầu nếu đã có ngày.")
        for name in ("month", "end_month"):
            self.fields[name].widget.attrs.update({"min": 1, "max": 12})

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Ngày kết thúc phải sau ngày bắt đầu."))
        if start:
            data["year"] = start.year
        elif not data.get("year"):
            self.add_error("year", _("Cần có ngày bắt đầu hoặc năm dự kiến."))
        series, number = data.get("series"), data.get("number")
        if series and number is not None:
            taken = Meeting.objects.filter(series=series, number=number)
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error(
                    "number",
                    _("{series} đã có hội nghị lần thứ {number}.").format(
                        series=series.code, number=number
                    ),
                )
        for name in ("month", "end_month"):
            month = data.get(name)
            if month is not None and not 1 <= month <= 12:
                self.add_error(name, _("Tháng phải từ 1 đến 12."))
        return data


class MeetingDocumentForm(RecordForm):
    class Meta:
        model = MeetingDocument
        fields = ["title", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Để trống để dùng tên tệp.")

    def clean_file(self):
        file = self.cleaned_data["file"]
        validate_attachment(file)
        return file


class ChecklistItemForm(RecordForm):
    class Meta:
        model = ChecklistItem
        fields = ["title", "owner", "owner_name", "deadline", "order"]
        widgets = {"deadline": DateInput()}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.instance.meeting = meeting
        self.fields["owner"].queryset = (
            get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name")
        )
        self.fields["owner"].label_from_instance = lambda user: user.get_full_name() or str(user)
