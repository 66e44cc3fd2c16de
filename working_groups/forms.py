"""Forms for activities, attachments and tasks. They validate input; services apply rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from asoen_portal import access
from asoen_portal.attachments import validate_attachment
from asoen_portal.forms import DateInput, RecordForm
from asoen_portal.widgets import Select

from .models import Activity, Task, WorkingGroup


def _newest_meetings_first(field):
    # Meeting labels read the series code: fetch it with the meetings, newest first.
    field.queryset = field.queryset.select_related("series").order_by(
        "-year", "-start_date", "series__code"
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each one is checked for type and size."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned = [super(MultipleFileField, self).clean(upload, initial) for upload in uploads]
        errors = []
        for upload in cleaned:
            try:
                validate_attachment(upload)
            except forms.ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


def editable_groups(user):
    """The groups a user may file records under: all for the secretariat, theirs otherwise."""
    return access.filter_editable(WorkingGroup.objects.all(), user, group_field="pk")


class GroupScopedForm(RecordForm):
    """A form whose working-group select offers only the groups the user may write for.

    A focal point must pick one of their groups; only the secretariat may leave it empty
    (the secretariat's own records). Posting another group's id fails as an invalid choice.
    Editing an existing record carries, hidden, the version the user saw: the service
    refuses the save if the record changed since (see services.VersionConflict).
    """

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["working_group"]
        field.queryset = editable_groups(user)
        field.required = not access.can_edit_group_records(user, None)
        if self.instance.pk:
            self.fields["version"].required = True
            self.fields["version"].initial = self.instance.version

    def show_current_version(self, current):
        """After a conflict: keep what the user typed, offer to save over `current`."""
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = current.version
        self.add_error(
            None,
            _(
                "Bản ghi vừa được người khác cập nhật trong lúc bạn sửa. Nội dung bạn nhập vẫn "
                "được giữ bên dưới; hãy xem lại rồi bấm Lưu một lần nữa."
            ),
        )

    def service_fields(self):
        """The cleaned data as service keyword arguments (the version goes separately)."""
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


class ActivityForm(GroupScopedForm):
    files = MultipleFileField(
        label=_("Tệp đính kèm"),
        help_text=_("Có thể chọn nhiều tệp (PDF, Word, Excel, PowerPoint, ảnh)."),
    )

    class Meta:
        model = Activity
        fields = [
            "start_date",
            "end_date",
            "date_precision",
            "working_group",
            "kind",
            "theme",
            "title",
            "title_en",
            "description",
            "outcome",
            "city",
            "country",
            "participants",
            "meeting",
            "instruments",
            "documents",
            "projects",
            "programmes",
            "report_order",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
            "participants": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _newest_meetings_first(self.fields["meeting"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Ngày kết thúc không được trước ngày bắt đầu."))
        return cleaned


class AttachmentForm(forms.Form):
    files = MultipleFileField(label=_("Thêm tệp đính kèm"), required=True)


class TaskForm(GroupScopedForm):
    class Meta:
        model = Task
        fields = [
            "year",
            "working_group",
            "title",
            "title_en",
            "description",
            "theme",
            "report_section",
            "meeting",
            "due_date",
            "report_order",
        ]
        widgets = {
            "due_date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _newest_meetings_first(self.fields["meeting"])


class TaskStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Trạng thái"), choices=Task.Status.choices, widget=Select)
    progress = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    # The version the user saw; the service refuses the save if the task moved on since.
    version = forms.IntegerField(widget=forms.HiddenInput)

    @classmethod
    def for_task(cls, task, data=None):
        initial = {"status": task.status, "progress": task.progress, "version": task.version}
        return cls(data, initial=initial, prefix=f"task{task.pk}")
