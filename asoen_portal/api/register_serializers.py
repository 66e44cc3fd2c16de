"""What the API shows of the programme, cooperation and report registers (see serializers.py
for the conventions)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cooperation.models import AseanDocument, LegalInstrument, Partner, PartnerProject
from heritage_parks.models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark, Programme
from reports.models import AnnualReport, ReportRender

from .serializers import absolute_url, group_code


class ProgrammeSerializer(serializers.ModelSerializer):
    working_group = group_code()

    class Meta:
        model = Programme
        fields = ["id", "code", "name", "name_en", "description", "working_group"]


class HeritageParkSerializer(serializers.ModelSerializer):
    class Meta:
        model = HeritagePark
        fields = [
            "id",
            "name",
            "name_en",
            "province",
            "year_recognised",
            "status",
            "certificate_meeting",
            "notes",
        ]


class EcoSchoolAwardSerializer(serializers.ModelSerializer):
    class Meta:
        model = EcoSchoolAward
        fields = ["id", "year", "theme", "theme_en", "school", "province", "sponsor", "notes"]


class EscAwardSerializer(serializers.ModelSerializer):
    class Meta:
        model = EscAward
        fields = ["id", "city", "city_en", "province", "category"]


class EscAwardRoundSerializer(serializers.ModelSerializer):
    awards = EscAwardSerializer(many=True, read_only=True)

    class Meta:
        model = EscAwardRound
        fields = [
            "id",
            "kind",
            "edition",
            "year",
            "regional_recipients",
            "categories",
            "categories_en",
            "presented_at",
            "awards",
        ]


class LegalInstrumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = LegalInstrument
        fields = [
            "id",
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


class PartnerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Partner
        fields = ["id", "code", "name", "name_en", "kind", "is_priority", "priority_year"]


class AseanDocumentSerializer(serializers.ModelSerializer):
    partner = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    working_group = group_code()

    class Meta:
        model = AseanDocument
        fields = [
            "id",
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


class PartnerProjectSerializer(serializers.ModelSerializer):
    donors = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    channel = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    working_group = group_code()
    programme = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = PartnerProject
        fields = [
            "id",
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
        ]


class ReportRenderSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = ReportRender
        fields = [
            "id",
            "language",
            "format",
            "status",
            "error",
            "note",
            "created_at",
            "finished_at",
            "download_url",
        ]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_download_url(self, job):
        if job.status != ReportRender.Status.DONE or not job.file:
            return None
        return absolute_url(self, "api:report-render-file", job.report.year, job.pk)


class AnnualReportSerializer(serializers.ModelSerializer):
    renders = ReportRenderSerializer(many=True, read_only=True)

    class Meta:
        model = AnnualReport
        fields = [
            "id",
            "year",
            "number_symbol",
            "place",
            "place_en",
            "report_date",
            "issuing_body",
            "issuing_body_en",
            "issuing_unit",
            "issuing_unit_en",
            "signer_name",
            "signer_title",
            "signer_title_en",
            "status",
            "submitted_at",
            "approved_at",
            "renders",
        ]
