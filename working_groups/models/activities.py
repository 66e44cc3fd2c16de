"""Activities: the unit of the cooperation database, with their attached files."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from asoen_portal.models import ArchivableModel, Country, Theme
from asoen_portal.text import fold

from .groups import WorkingGroup


class Activity(ArchivableModel):
    """Something the secretariat or a working group did: the unit of the cooperation database."""

    class Kind(models.TextChoices):
        MEETING_ATTENDED = "meeting_attended", _("Tham dự hội nghị")
        MEETING_HOSTED = "meeting_hosted", _("Chủ trì tổ chức hội nghị")
        DOCUMENT_COMMENT = "document_comment", _("Góp ý văn kiện")
        INSTRUMENT = "instrument", _("Văn bản pháp lý")
        AWARD = "award", _("Giải thưởng, công nhận")
        PROGRAMME = "programme", _("Chương trình, nhiệm vụ")
        PROJECT = "project", _("Dự án hợp tác")
        COORDINATION = "coordination", _("Điều phối, tổ chức")
        OTHER = "other", _("Khác")

    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("nhóm công tác"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        help_text=_("Để trống nếu là hoạt động chung của Văn phòng ASOEN."),
    )
    kind = models.CharField(_("loại hoạt động"), max_length=30, choices=Kind)
    theme = models.CharField(_("chủ đề báo cáo"), max_length=20, choices=Theme, blank=True)
    title = models.CharField(_("tiêu đề"), max_length=500)
    title_en = models.CharField(_("tiêu đề tiếng Anh"), max_length=500, blank=True)
    description = models.TextField(_("nội dung"), blank=True)
    description_en = models.TextField(_("nội dung (tiếng Anh)"), blank=True)
    outcome = models.TextField(_("kết quả"), blank=True)
    outcome_en = models.TextField(_("kết quả (tiếng Anh)"), blank=True)

    class DatePrecision(models.TextChoices):
        DAY = "day", _("Ngày")
        MONTH = "month", _("Tháng")
        YEAR = "year", _("Năm")

    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    # Records from reports often know only the month or the year; start_date then holds its
    # first day and pages and reports show just what is known.
    date_precision = models.CharField(
        _("độ chính xác của ngày"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    city = models.CharField(_("địa điểm"), max_length=255, blank=True)
    country = models.CharField(_("quốc gia"), max_length=2, choices=Country, blank=True)
    participants = models.TextField(_("phối hợp với / thành phần"), blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("hội nghị"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    instruments = models.ManyToManyField(
        "cooperation.LegalInstrument",
        verbose_name=_("văn bản pháp lý"),
        blank=True,
        related_name="activities",
    )
    documents = models.ManyToManyField(
        "cooperation.AseanDocument",
        verbose_name=_("văn kiện ASEAN"),
        blank=True,
        related_name="activities",
    )
    projects = models.ManyToManyField(
        "cooperation.PartnerProject",
        verbose_name=_("dự án đối tác"),
        blank=True,
        related_name="activities",
    )
    programmes = models.ManyToManyField(
        "heritage_parks.Programme",
        verbose_name=_("chương trình"),
        blank=True,
        related_name="activities",
    )
    report_order = models.PositiveSmallIntegerField(
        _("thứ tự trong báo cáo"),
        default=100,
        help_text=_("Hoạt động có số nhỏ hơn đứng trước trong báo cáo năm."),
    )
    search_text = models.TextField(editable=False, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Bumped by every edit, so a form posted from a stale page is caught (not last-writer-wins).
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[instruments, documents, projects, programmes])

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("hoạt động")
        verbose_name_plural = _("hoạt động")
        indexes = [
            models.Index(fields=["start_date"], name="activity_start_idx"),
            models.Index(fields=["working_group", "start_date"], name="activity_group_start_idx"),
            models.Index(fields=["kind", "start_date"], name="activity_kind_start_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="activity_end_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def year(self):
        return self.start_date.year

    def refresh_search_text(self):
        """Recompute the diacritic-free text that list search matches against."""
        group = self.working_group.code if self.working_group_id else ""
        self.search_text = fold(
            " ".join([self.title, self.title_en, self.description, self.outcome, self.city, group])
        )

    def save(self, *args, **kwargs):
        # Kept in save() because it is derived data, not a business rule: every path that
        # writes an activity (forms, admin, imports) must keep search working.
        self.refresh_search_text()
        super().save(*args, **kwargs)


def attachment_path(instance, filename):
    return f"activities/{instance.activity_id}/{filename}"


class Attachment(ArchivableModel):
    """A file kept with an activity: minutes, a delegation list, a signed document."""

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("hoạt động"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("tệp"), upload_to=attachment_path, max_length=500)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    archive_parent = "activity"
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self):
        return self.original_name
