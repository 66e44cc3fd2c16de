"""What the API shows of each register: the stored codes (choices, group codes) and both
languages' text fields side by side, e.g. `title` (Vietnamese) and `title_en`."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from meetings.models import ChecklistItem, Meeting, MeetingDocument, MeetingSeries
from working_groups.models import (
    Activity,
    Attachment,
    FocalPerson,
    FocalUnit,
    StatusUpdate,
    Task,
    WorkingGroup,
)


def group_code():
    return serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)


class FocalUnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = FocalUnit
        fields = ["id", "name", "name_en", "abbreviation", "ministry"]


class WorkingGroupSerializer(serializers.ModelSerializer):
    focal_unit = FocalUnitSerializer(read_only=True, allow_null=True)

    class Meta:
        model = WorkingGroup
        fields = ["id", "code", "kind", "name", "name_en", "focal_unit", "description", "order"]


class FocalPersonSerializer(serializers.ModelSerializer):
    working_group = group_code()
    unit = FocalUnitSerializer(read_only=True, allow_null=True)

    class Meta:
        # The group page's list of people: no phone numbers, as on the page.
        model = FocalPerson
        fields = ["id", "working_group", "full_name", "role", "position", "unit", "email"]


def absolute_url(serializer, name, *args):
    """The full address of a route, for fields that link to a download."""
    return serializer.context["request"].build_absolute_uri(reverse(name, args=args))


class AttachmentSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["id", "original_name", "size", "created_at", "download_url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_download_url(self, attachment):
        return absolute_url(
            self, "api:activity-attachment-file", attachment.activity_id, attachment.pk
        )


class ActivitySerializer(serializers.ModelSerializer):
    working_group = group_code()
    programmes = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = Activity
        fields = [
            "id",
            "working_group",
            "kind",
            "theme",
            "title",
            "title_en",
            "description",
            "description_en",
            "outcome",
            "outcome_en",
            "start_date",
            "end_date",
            "date_precision",
            "city",
            "country",
            "participants",
            "meeting",
            "instruments",
            "documents",
            "projects",
            "programmes",
            "report_order",
            "attachments",
            "created_at",
            "updated_at",
        ]


class ActivityWriteSerializer(serializers.Serializer):
    """What POST /activities/ takes: the activity form's fields. The form itself validates
    them (same messages as the page); this class only describes them for the schema."""

    working_group = serializers.CharField(
        required=False, allow_null=True, help_text="Mã nhóm, ví dụ AWGNCB"
    )
    kind = serializers.ChoiceField(choices=Activity.Kind.choices)
    theme = serializers.ChoiceField(
        choices=Activity._meta.get_field("theme").choices, required=False
    )
    title = serializers.CharField(max_length=500)
    title_en = serializers.CharField(max_length=500, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)
    outcome = serializers.CharField(required=False, allow_blank=True)
    start_date = serializers.DateField()
    end_date = serializers.DateField(required=False, allow_null=True)
    date_precision = serializers.ChoiceField(choices=Activity.DatePrecision.choices, required=False)
    city = serializers.CharField(max_length=255, required=False, allow_blank=True)
    country = serializers.ChoiceField(
        choices=Activity._meta.get_field("country").choices, required=False, allow_blank=True
    )
    participants = serializers.CharField(required=False, allow_blank=True)
    meeting = serializers.IntegerField(required=False, allow_null=True)
    instruments = serializers.ListField(child=serializers.IntegerField(), required=False)
    documents = serializers.ListField(child=serializers.IntegerField(), required=False)
    projects = serializers.ListField(child=serializers.IntegerField(), required=False)
    programmes = serializers.ListField(child=serializers.IntegerField(), required=False)
    report_order = serializers.IntegerField(min_value=0, max_value=32767, required=False)


class StatusUpdateSerializer(serializers.ModelSerializer):
    author = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = StatusUpdate
        fields = ["id", "status", "progress", "note", "author", "created_at"]


class TaskSerializer(serializers.ModelSerializer):
    working_group = group_code()
    updates = StatusUpdateSerializer(many=True, read_only=True)

    class Meta:
        model = Task
        fields = [
            "id",
            "year",
            "theme",
            "report_section",
            "title",
            "title_en",
            "description",
            "description_en",
            "working_group",
            "meeting",
            "due_date",
            "status",
            "progress",
            "report_order",
            "last_status_at",
            "version",
            "updates",
        ]


class StatusUpdateWriteSerializer(serializers.Serializer):
    """The task status form's fields; `version` is the task's version the caller last read."""

    status = serializers.ChoiceField(choices=Task.Status.choices)
    progress = serializers.IntegerField(min_value=0, max_value=100)
    note = serializers.CharField(required=False, allow_blank=True)
    version = serializers.IntegerField(min_value=1)


class MeetingSeriesSerializer(serializers.ModelSerializer):
    working_group = group_code()

    class Meta:
        model = MeetingSeries
        fields = ["id", "code", "kind", "name", "name_en", "working_group"]


class MeetingDocumentSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = MeetingDocument
        fields = ["id", "title", "download_url", "created_at"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_download_url(self, document):
        return absolute_url(self, "api:meeting-document-file", document.meeting_id, document.pk)


class ChecklistItemSerializer(serializers.ModelSerializer):
    owner = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = ChecklistItem
        fields = [
            "id",
            "meeting",
            "title",
            "owner",
            "owner_name",
            "deadline",
            "done",
            "done_at",
            "order",
        ]
        read_only_fields = [name for name in fields if name != "done"]


class ChecklistTickSerializer(serializers.Serializer):
    done = serializers.BooleanField(
        error_messages={
            "required": _("Trường này là bắt buộc."),
            "invalid": _("Phải là true hoặc false."),
        }
    )


class MeetingSerializer(serializers.ModelSerializer):
    series = MeetingSeriesSerializer(read_only=True)
    short_name = serializers.CharField(read_only=True)
    documents = MeetingDocumentSerializer(many=True, read_only=True)
    checklist = ChecklistItemSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "series",
            "number",
            "short_name",
            "title",
            "title_en",
            "year",
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
            "documents",
            "checklist",
        ]
