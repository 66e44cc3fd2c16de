"""The API's viewsets. Reads use the list pages' querysets and FilterSets; single records
come from the same access helpers as the detail pages; writes call the pages' services, which
check permission again, so the API has no rules of its own."""

from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from asoen_portal import access
from cooperation.models import AseanDocument, LegalInstrument, Partner, PartnerProject
from heritage_parks.models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark, Programme
from meetings import selectors as meeting_selectors
from meetings import services as meeting_services
from meetings.filters import MeetingFilter
from meetings.models import ChecklistItem, MeetingDocument
from reports.models import AnnualReport, ReportRender
from working_groups import selectors, services
from working_groups.filters import ActivityFilter, TaskFilter
from working_groups.forms import TaskStatusForm
from working_groups.models import Activity, FocalPerson, StatusUpdate, WorkingGroup

from . import filters, register_serializers, serializers
from .files import file_schema, serve_file
from .writes import form_data, form_errors, log_activity_from_api


class RegisterViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only register; every signed-in user reads every record, as on the pages."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # "/activities/abc/" is a record that does not exist, not a database error.
        pk = kwargs.get("pk")
        if pk is not None and not str(pk).isdigit():
            raise NotFound


class WorkingGroupViewSet(RegisterViewSet):
    queryset = WorkingGroup.objects.select_related("focal_unit")
    serializer_class = serializers.WorkingGroupSerializer
    filterset_class = filters.WorkingGroupFilter
    lookup_field = "code"
    lookup_value_regex = "[^/]+"  # a code may hold a dot


class FocalPersonViewSet(RegisterViewSet):
    # The group pages list active people only.
    queryset = FocalPerson.objects.filter(is_active=True).select_related("working_group", "unit")
    serializer_class = serializers.FocalPersonSerializer
    filterset_class = filters.FocalPersonFilter


def _activity_queryset():
    return Activity.objects.select_related("working_group").prefetch_related(
        "instruments", "documents", "projects", "programmes", "attachments"
    )


@extend_schema_view(
    create=extend_schema(
        request=serializers.ActivityWriteSerializer,
        responses={201: serializers.ActivitySerializer},
        summary="Ghi nhận hoạt động",
    ),
)
class ActivityViewSet(mixins.CreateModelMixin, RegisterViewSet):
    queryset = _activity_queryset()
    serializer_class = serializers.ActivitySerializer
    filterset_class = ActivityFilter

    def get_object(self):
        access.get_activity_for_user(self.request.user, self.kwargs["pk"])
        return get_object_or_404(_activity_queryset(), pk=self.kwargs["pk"])

    def create(self, request, *args, **kwargs):
        activity = log_activity_from_api(user=request.user, data=request.data)
        activity = _activity_queryset().get(pk=activity.pk)
        return Response(self.get_serializer(activity).data, status=status.HTTP_201_CREATED)

    @file_schema("attachment_pk")
    @action(
        detail=True,
        url_path=r"attachments/(?P<attachment_pk>\d+)/file",
        url_name="attachment-file",
        filter_backends=[],
    )
    def attachment_file(self, request, pk=None, attachment_pk=None):
        activity = access.get_activity_for_user(request.user, pk)
        attachment = get_object_or_404(activity.attachments, pk=attachment_pk)
        return serve_file(attachment.file, attachment.original_name)


def _task_queryset():
    updates = StatusUpdate.objects.select_related("author")
    # The list page's queryset reads only the columns a list row shows; the API returns every
    # column, so nothing is deferred (a deferred column costs a query per row).
    return (
        selectors.task_list_queryset()
        .defer(None)
        .prefetch_related(Prefetch("updates", queryset=updates))
    )


class TaskViewSet(RegisterViewSet):
    queryset = _task_queryset()
    serializer_class = serializers.TaskSerializer
    filterset_class = TaskFilter

    def get_object(self):
        task = access.get_task_for_user(self.request.user, self.kwargs["pk"])
        return _task_queryset().get(pk=task.pk)

    @extend_schema(
        request=serializers.StatusUpdateWriteSerializer,
        responses={
            201: serializers.TaskSerializer,
            409: OpenApiResponse(
                serializers.TaskSerializer,
                description="Nhiệm vụ đã được người khác cập nhật: trạng thái hiện tại",
            ),
        },
        summary="Cập nhật trạng thái nhiệm vụ",
        filters=False,
    )
    @action(detail=True, methods=["post"], url_path="status-updates", filter_backends=[])
    def status_update(self, request, pk=None):
        """Same form and service as the task page: `version` must be the task's current one,
        otherwise nothing is saved and 409 returns the task as it now is."""
        task = access.get_task_for_user(request.user, pk, write=True)
        form = TaskStatusForm(form_data(request.data))
        if not form.is_valid():
            raise ValidationError(form_errors(form))
        data = form.cleaned_data
        try:
            services.update_task_status(
                task=task,
                status=data["status"],
                progress=data["progress"],
                note=data["note"],
                by=request.user,
                expected_version=data["version"],
            )
            code = status.HTTP_201_CREATED
        except services.TaskVersionConflict:
            code = status.HTTP_409_CONFLICT
        return Response(self.get_serializer(_task_queryset().get(pk=task.pk)).data, status=code)


def _meeting_queryset():
    return meeting_selectors.meeting_queryset().prefetch_related(
        Prefetch("documents", queryset=MeetingDocument.objects.order_by("created_at", "id")),
        Prefetch(
            "checklist",
            queryset=ChecklistItem.objects.select_related("owner").order_by(
                "order", "deadline", "id"
            ),
        ),
    )


class MeetingViewSet(RegisterViewSet):
    queryset = _meeting_queryset()
    serializer_class = serializers.MeetingSerializer
    filterset_class = MeetingFilter

    def get_object(self):
        meeting = access.get_meeting_for_user(self.request.user, self.kwargs["pk"])
        return _meeting_queryset().get(pk=meeting.pk)

    @file_schema("document_pk")
    @action(
        detail=True,
        url_path=r"documents/(?P<document_pk>\d+)/file",
        url_name="document-file",
        filter_backends=[],
    )
    def document_file(self, request, pk=None, document_pk=None):
        meeting = access.get_meeting_for_user(request.user, pk)
        document = get_object_or_404(MeetingDocument, pk=document_pk, meeting=meeting)
        return serve_file(document.file, document.file.name.rsplit("/")[-1])


@extend_schema_view(
    partial_update=extend_schema(
        request=serializers.ChecklistTickSerializer,
        responses={200: serializers.ChecklistItemSerializer},
        summary="Đánh dấu việc chuẩn bị đã xong / chưa xong",
    )
)
class ChecklistItemViewSet(mixins.UpdateModelMixin, RegisterViewSet):
    queryset = ChecklistItem.objects.select_related("owner").order_by("meeting", "order", "id")
    serializer_class = serializers.ChecklistItemSerializer
    filterset_class = filters.ChecklistItemFilter
    http_method_names = ["get", "patch", "head", "options"]

    def partial_update(self, request, *args, **kwargs):
        item = access.get_checklist_item_for_user(request.user, kwargs["pk"], write=True)
        tick = serializers.ChecklistTickSerializer(data=request.data)
        tick.is_valid(raise_exception=True)
        item = meeting_services.set_checklist_item_done(
            item=item, done=tick.validated_data["done"], by=request.user
        )
        return Response(self.get_serializer(item).data)


class ProgrammeViewSet(RegisterViewSet):
    queryset = Programme.objects.select_related("working_group")
    serializer_class = register_serializers.ProgrammeSerializer
    filterset_class = None
    lookup_field = "code"
    lookup_value_regex = "[^/]+"


class HeritageParkViewSet(RegisterViewSet):
    queryset = HeritagePark.objects.all()
    serializer_class = register_serializers.HeritageParkSerializer
    filterset_class = filters.HeritageParkFilter


class EcoSchoolAwardViewSet(RegisterViewSet):
    queryset = EcoSchoolAward.objects.all()
    serializer_class = register_serializers.EcoSchoolAwardSerializer
    filterset_class = filters.EcoSchoolAwardFilter


class EscAwardRoundViewSet(RegisterViewSet):
    queryset = EscAwardRound.objects.prefetch_related(
        Prefetch("awards", queryset=EscAward.objects.order_by("city", "category"))
    )
    serializer_class = register_serializers.EscAwardRoundSerializer
    filterset_class = filters.EscAwardRoundFilter


class LegalInstrumentViewSet(RegisterViewSet):
    queryset = LegalInstrument.objects.all()
    serializer_class = register_serializers.LegalInstrumentSerializer
    filterset_class = filters.LegalInstrumentFilter


class AseanDocumentViewSet(RegisterViewSet):
    queryset = AseanDocument.objects.select_related("partner", "working_group")
    serializer_class = register_serializers.AseanDocumentSerializer
    filterset_class = filters.AseanDocumentFilter


class PartnerViewSet(RegisterViewSet):
    queryset = Partner.objects.all()
    serializer_class = register_serializers.PartnerSerializer
    filterset_class = filters.PartnerFilter
    lookup_field = "code"
    lookup_value_regex = "[^/]+"


class PartnerProjectViewSet(RegisterViewSet):
    queryset = PartnerProject.objects.select_related(
        "channel", "working_group", "programme"
    ).prefetch_related(Prefetch("donors", queryset=Partner.objects.order_by("code")))
    serializer_class = register_serializers.PartnerProjectSerializer
    filterset_class = filters.PartnerProjectFilter


class AnnualReportViewSet(RegisterViewSet):
    queryset = AnnualReport.objects.prefetch_related(
        Prefetch("renders", queryset=ReportRender.objects.order_by("-created_at", "-id"))
    )
    serializer_class = register_serializers.AnnualReportSerializer
    filterset_class = filters.AnnualReportFilter
    lookup_field = "year"
    lookup_value_regex = r"\d{4}"

    def get_object(self):
        report = access.get_report_for_user(self.request.user, int(self.kwargs["year"]))
        return self.get_queryset().get(pk=report.pk)

    @file_schema("render_pk")
    @action(
        detail=True,
        url_path=r"renders/(?P<render_pk>\d+)/file",
        url_name="render-file",
        filter_backends=[],
    )
    def render_file(self, request, year=None, render_pk=None):
        report = access.get_report_for_user(request.user, int(year))
        job = get_object_or_404(report.renders, pk=render_pk, status=ReportRender.Status.DONE)
        # The same file name as the report page's download.
        return serve_file(job.file, f"bao-cao-tong-ket-{report.year}-{job.language}.pdf")


def not_found(request, *args, **kwargs):
    """Any other address under /api/: a JSON 404, like the API's own, not the portal's page."""
    return JsonResponse({"detail": _("Không tìm thấy.")}, status=404)
