"""The year-end report: its editable narrative and the jobs that render it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from asoen_portal.jobs import HeartbeatJob
from asoen_portal.models import TimeStampedModel


class AnnualReport(TimeStampedModel):
    """The secretariat's report on year Y and its orientation for Y+1."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        SUBMITTED = "submitted", _("Đã trình")
        APPROVED = "approved", _("Đã phê duyệt")

    year = models.PositiveSmallIntegerField(_("năm báo cáo"), unique=True)
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=50, blank=True)
    place = models.CharField(_("địa danh"), max_length=100, default="Hà Nội")
    report_date = models.DateField(_("ngày báo cáo"), null=True, blank=True)
    issuing_body = models.CharField(
        _("cơ quan ban hành"), max_length=255, default="BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"
    )
    issuing_unit = models.CharField(_("đơn vị soạn thảo"), max_length=255, default="ASOEN VIỆT NAM")
    # The English edition's header and signature; blank falls back to the Vietnamese.
    issuing_body_en = models.CharField(
        _("cơ quan ban hành (tiếng Anh)"),
        max_length=255,
        blank=True,
        default="MINISTRY OF AGRICULTURE AND ENVIRONMENT",
    )
    issuing_unit_en = models.CharField(
        _("đơn vị soạn thảo (tiếng Anh)"), max_length=255, blank=True, default="ASOEN VIET NAM"
    )
    place_en = models.CharField(
        _("địa danh (tiếng Anh)"), max_length=100, blank=True, default="Ha Noi"
    )
    signer_name = models.CharField(_("người ký"), max_length=255, blank=True)
    # The English edition writes the name without diacritics, as its body does ("Le Cong Thanh").
    signer_name_en = models.CharField(_("người ký (tiếng Anh)"), max_length=255, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=255, blank=True)
    signer_title_en = models.CharField(
        _("chức vụ người ký (tiếng Anh)"), max_length=255, blank=True
    )
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận."))
    recipients_en = models.TextField(_("nơi nhận (tiếng Anh)"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status, default=Status.DRAFT)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người trình"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("trình lúc"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người phê duyệt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("phê duyệt lúc"), null=True, blank=True)
    # Frozen at approval (reports.editions): the facts, narratives and heading fields every
    # later edition is built from, and their SHA-256; emptied when the report returns to draft.
    snapshot = models.JSONField(_("bản chốt nội dung"), null=True, blank=True, editable=False)
    snapshot_hash = models.CharField(
        _("mã băm bản chốt"), max_length=64, blank=True, editable=False
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("báo cáo năm")
        verbose_name_plural = _("báo cáo năm")

    def __str__(self):
        return str(_("Báo cáo tổng kết năm {year}").format(year=self.year))

    @property
    def is_frozen(self):
        return self.status == self.Status.APPROVED


class ReportNarrative(TimeStampedModel):
    """One narrative section of a report in one language, written by the secretariat.

    Paragraphs are separated by blank lines; a line starting with "- " is a bullet and a line
    wrapped in ** is a bold lead-in, as in the 2025 report.
    """

    class Section(models.TextChoices):
        CONTEXT_INTERNATIONAL = "context_international", _("I.1. Bối cảnh quốc tế và khu vực")
        CONTEXT_DOMESTIC = "context_domestic", _("I.2. Bối cảnh trong nước")
        RESULTS_INTRO = "results_intro", _("II. Mở đầu phần kết quả")
        ORIENTATION_INTRO = "orientation_intro", _("III.1. Các định hướng lớn")
        ADVANTAGES = "advantages", _("IV.1. Thuận lợi")
        DIFFICULTIES = "difficulties", _("IV.2. Khó khăn")
        PROPOSALS = "proposals", _("V. Đề xuất, kiến nghị")

    report = models.ForeignKey(
        AnnualReport,
        verbose_name=_("báo cáo"),
        on_delete=models.CASCADE,
        related_name="narratives",
    )
    language = models.CharField(_("ngôn ngữ"), max_length=5, choices=settings.LANGUAGES)
    section = models.CharField(_("phần"), max_length=30, choices=Section)
    text = models.TextField(_("nội dung"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "language", "section"]
        verbose_name = _("phần tường thuật")
        verbose_name_plural = _("phần tường thuật")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "language", "section"],
                name="uniq_report_narrative_section",
            )
        ]

    def __str__(self):
        return f"{self.report.year} {self.language} {self.get_section_display()}"


def render_path(instance, filename):
    return f"reports/{instance.report.year}/{filename}"


class ReportRender(TimeStampedModel, HeartbeatJob):
    """A request to render a report to a file; its state is the job's state."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ")
        RUNNING = "running", _("Đang tạo")
        DONE = "done", _("Hoàn tất")
        FAILED = "failed", _("Lỗi")

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word (.docx)"

    report = models.ForeignKey(
        AnnualReport, verbose_name=_("báo cáo"), on_delete=models.CASCADE, related_name="renders"
    )
    language = models.CharField(
        _("ngôn ngữ"), max_length=5, choices=settings.LANGUAGES, default="vi"
    )
    format = models.CharField(_("định dạng"), max_length=10, choices=Format, default=Format.PDF)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status, default=Status.PENDING
    )
    file = models.FileField(_("tệp"), upload_to=render_path, blank=True, max_length=500)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lượt tạo báo cáo")
        verbose_name_plural = _("lượt tạo báo cáo")
        indexes = [models.Index(fields=["status", "created_at"], name="render_status_idx")]

    def __str__(self):
        return f"{self.report.year} {self.language} {self.format} {self.get_status_display()}"
